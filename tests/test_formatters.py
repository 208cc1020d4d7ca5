"""The text, json and github formats: exact shapes, as other tools and people read them."""

from __future__ import annotations

import json

from pressqa.document import Document
from pressqa.finding import Finding, Severity
from pressqa.formatters import FORMAT_NAMES, InputError, formatter
from pressqa.formatters.github import format_github
from pressqa.formatters.json_format import format_json
from pressqa.formatters.text import format_finding, format_text, summary

DOC = Document.from_text("releases/minsk.txt", "Talks were held in in Minsk.\nThe 🙂 delegation met met.\n")
DOUBLED = Finding.at(DOC, "words.doubled", Severity.ERROR, 16, 22, "'in' is doubled", ("in",), fixable=True)
# After an astral emoji: columns count code points, so 'met' at offset 46 is column 18 of line 2.
LATER = Finding.at(DOC, "words.doubled", Severity.WARNING, 46, 53, "'met' is doubled", ("met",))
NOTE = Finding.at(DOC, "style.note", Severity.SUGGESTION, 0, 5, "Consider 'Negotiations'", ("Negotiations",))
PLAIN = Finding.at(DOC, "typography.x", Severity.WARNING, 29, 32, "no suggestion here")
ERROR = InputError("releases/broken.txt", "releases/broken.txt: not valid UTF-8")

JSON_FINDING_TYPES = {
    "path": str,
    "line": int,
    "column": int,
    "end_line": int,
    "end_column": int,
    "rule": str,
    "severity": str,
    "message": str,
    "suggestions": list,
    "fixable": bool,
}


def test_every_format_name_has_a_formatter() -> None:
    assert set(FORMAT_NAMES) == {"text", "json", "sarif", "github"}
    for name in FORMAT_NAMES:
        assert callable(formatter(name))


def test_text_line_shape_with_suggestion() -> None:
    assert format_finding(LATER) == "releases/minsk.txt:2:18: warning [words.doubled] 'met' is doubled"
    assert format_finding(PLAIN) == "releases/minsk.txt:2:1: warning [typography.x] no suggestion here"
    shown = Finding.at(DOC, "spelling.typo", Severity.ERROR, 0, 5, "unknown word", ("Tasks", "Tanks"))
    assert format_finding(shown) == "releases/minsk.txt:1:1: error [spelling.typo] unknown word (did you mean 'Tasks'?)"


def test_text_does_not_repeat_a_suggestion_the_message_already_quotes() -> None:
    assert format_finding(NOTE) == "releases/minsk.txt:1:1: suggestion [style.note] Consider 'Negotiations'"


def test_text_is_one_line_a_finding_in_the_given_order() -> None:
    out = format_text([DOUBLED, LATER], [ERROR], {})
    assert out.splitlines() == [
        "releases/minsk.txt:1:17: error [words.doubled] 'in' is doubled",
        "releases/minsk.txt:2:18: warning [words.doubled] 'met' is doubled",
    ]
    assert out.endswith("\n")
    assert format_text([], [], {}) == ""


def test_summary_counts_by_severity_fixable_and_errors() -> None:
    line = summary([DOUBLED, LATER, NOTE], [ERROR], 2)
    assert line == "pressqa: 1 error, 1 warning, 1 suggestion in 2 files (1 fixable with --fix); 1 file could not be checked"
    assert summary([], [], 1) == "pressqa: no findings in 1 file"


def test_json_schema_version_1_exact_keys_and_types() -> None:
    document = json.loads(format_json([DOUBLED, LATER, NOTE], [ERROR], {}))
    assert set(document) == {"version", "findings", "errors"}
    assert document["version"] == 1
    for record in document["findings"]:
        assert set(record) == set(JSON_FINDING_TYPES)
        for key, expected_type in JSON_FINDING_TYPES.items():
            assert type(record[key]) is expected_type, key
        assert record["severity"] in {"suggestion", "warning", "error"}
        assert all(isinstance(s, str) for s in record["suggestions"])
    assert document["findings"][0] == {
        "path": "releases/minsk.txt",
        "line": 1,
        "column": 17,
        "end_line": 1,
        "end_column": 23,
        "rule": "words.doubled",
        "severity": "error",
        "message": "'in' is doubled",
        "suggestions": ["in"],
        "fixable": True,
    }
    assert document["findings"][1]["column"] == 18 and document["findings"][1]["fixable"] is False
    assert document["errors"] == [{"path": "releases/broken.txt", "message": "releases/broken.txt: not valid UTF-8"}]


def test_json_keeps_non_ascii_readable_and_empty_runs_valid() -> None:
    doc = Document.from_text("Минск.txt", "Lukashenko met Łukasz.\n")
    finding = Finding.at(doc, "names.x", Severity.WARNING, 15, 21, "check 'Łukasz'")
    out = format_json([finding], [], {})
    assert "Минск.txt" in out and "Łukasz" in out
    assert json.loads(format_json([], [], {})) == {"version": 1, "findings": [], "errors": []}


def test_github_workflow_commands() -> None:
    out = format_github([DOUBLED, NOTE], [ERROR], {})
    assert out.splitlines() == [
        "::error file=releases/minsk.txt,line=1,col=17,endLine=1,endColumn=23,title=pressqa words.doubled"
        "::'in' is doubled (did you mean 'in'?)",
        "::notice file=releases/minsk.txt,line=1,col=1,endLine=1,endColumn=6,title=pressqa style.note"
        "::Consider 'Negotiations' (did you mean 'Negotiations'?)",
        "::error file=releases/broken.txt,title=pressqa::releases/broken.txt: not valid UTF-8",
    ]


def test_github_escapes_properties_and_data() -> None:
    doc = Document.from_text("a,b:c%.txt", "one two\n")
    finding = Finding.at(doc, "x.y", Severity.WARNING, 0, 3, "100% sure:\nline two\r, done")
    (line,) = format_github([finding], [], {}).splitlines()
    assert line == (
        "::warning file=a%2Cb%3Ac%25.txt,line=1,col=1,endLine=1,endColumn=4,title=pressqa x.y"
        "::100%25 sure:%0Aline two%0D, done"
    )
