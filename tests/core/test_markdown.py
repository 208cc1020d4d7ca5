"""Markdown: only prose is checked, and every finding points at the right line and column of the source."""

from __future__ import annotations

import pytest

from pressqa.document import Document
from pressqa.engine import Engine
from pressqa.finding import Severity
from pressqa.prose import MASK
from pressqa.rule import Rule

DOUBLED = Rule(
    id="test.doubled",
    kind="repetition",
    severity=Severity.ERROR,
    message="'{word}' is doubled",
    description="Doubled word.",
)
MLN = Rule(
    id="test.mln",
    kind="pattern",
    severity=Severity.WARNING,
    message="mln",
    description="mln.",
    options={"swap": {"mln": "million"}, "fix": "safe"},
)


def positions(text: str, path: str = "release.md") -> list[tuple[int, int]]:
    """(line, column) of every doubled word in the document."""
    doc = Document.from_text(path, text)
    return [(f.line, f.column) for f in Engine([DOUBLED]).check_document(doc)]


def prose_of(text: str) -> str:
    return Document.from_text("release.md", text).prose.replace(MASK, "_")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Intro `code` then in in here.\n", [(1, 19)]),
        ("Intro ``co`de`` then in in here.\n", [(1, 22)]),
        ("```\nin in fenced\n```\nafter in in\n", [(4, 7)]),
        ("~~~python\nin in\n~~~\n\nafter in in\n", [(5, 7)]),
        ("Para.\n\n    in in indented\n\nafter in in\n", [(5, 7)]),
        ("---\ntitle: in in\n---\n\nBody in in.\n", [(5, 6)]),
        ("- item in in\n", [(1, 8)]),
        ("1. first\n2. second in in\n", [(2, 11)]),
        ("- outer\n  - nested in in\n", [(2, 12)]),
        ("> quoted in in\n", [(1, 10)]),
        ("> > deep in in\n", [(1, 10)]),
        ("| a | b |\n|---|---|\n| cell in in | x |\n", [(3, 8)]),
        ("# Heading in in\n", [(1, 11)]),
        ("## Heading in in ##\n", [(1, 12)]),
        ("Title in in\n=====\n", [(1, 7)]),
        ("See [the site](https://example.com/in/in) and in in after.\n", [(1, 47)]),
        ("See [the site][ref] and in in after.\n\n[ref]: https://example.com/in in\n", [(1, 25)]),
        ("See <https://example.com/in> and in in.\n", [(1, 34)]),
        ("Mail press@in.in or see https://x.org/in-in now in in.\n", [(1, 49)]),
        ("<!-- in in --> then in in.\n", [(1, 21)]),
        ("Some <span title=\"in in\">text</span> and in in.\n", [(1, 42)]),
        ("<p>Para in in</p>\n", [(1, 9)]),
        ("**bold** in in and *em* in in\n", [(1, 10), (1, 25)]),
        ("Tab\there in in 😀 in in 👨\u200d👩\u200d👧 in in 🇧🇾 in in\n", [(1, 10), (1, 18), (1, 30), (1, 39)]),
        ("Line\u2028sep in in\n", [(1, 10)]),
    ],
)
def test_finding_after_markup_points_at_the_source(text: str, expected: list[tuple[int, int]]) -> None:
    assert positions(text) == expected


def test_crlf_markdown_keeps_columns() -> None:
    assert positions("# Head\r\n\r\n- item in in\r\n") == [(3, 8)]


def test_bom_markdown_column_one_is_after_the_bom() -> None:
    doc = Document.from_bytes("a.md", "\ufeffin in first\n".encode("utf-8"))
    assert [(f.line, f.column) for f in Engine([DOUBLED]).check_document(doc)] == [(1, 1)]


def test_nothing_in_code_front_matter_or_comments_is_checked() -> None:
    text = (
        "---\ntitle: 5 mln\n---\n\n"
        "Inline `5 mln` code.\n\n"
        "```\n5 mln\n```\n\n"
        "    5 mln indented\n\n"
        "<!-- 5 mln -->\n\n"
        "<script>\nvar x = '5 mln';\n</script>\n\n"
        "Visit https://example.com/5-mln or mln@example.com.\n"
    )
    doc = Document.from_text("a.md", text)
    assert Engine([MLN]).check_document(doc) == []


def test_markup_is_masked_but_prose_and_offsets_stay() -> None:
    text = "# Title\n\n- **Bold** [link](http://x.y) `code` text\n"
    prose = prose_of(text)
    assert len(prose) == len(text)
    assert prose == "_ Title\n\n_ __Bold__ _link_____________ ______ text\n"


def test_html_tags_are_masked_and_text_between_kept() -> None:
    assert prose_of("<div>\nText here\n</div>\n") == "_____\nText here\n______\n"
    assert prose_of("a <b>bold</b> b\n") == "a ___bold____ b\n"


def test_raw_html_and_unclosed_comment_blocks_are_masked() -> None:
    assert prose_of("<pre>\nin in\n</pre>\n") == "_____\n_____\n______\n"
    assert prose_of("<!--\nin in\n") == "____\n_____\n"


def test_table_delimiter_row_and_pipes_are_masked() -> None:
    assert prose_of("| a | b |\n|:--|--:|\n") == "_ a _ b _\n_________\n"


def test_reference_definition_is_masked() -> None:
    assert prose_of("[ref]: https://example.com  \"Title in in\"\n") == "_" * 41 + "\n"


def test_markdown_finding_reports_the_right_span_end() -> None:
    doc = Document.from_text("a.md", "- Exports: 5 mln dollars\n")
    (finding,) = Engine([MLN]).check_document(doc)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 14, 1, 17)
    assert finding.suggestions == ("million",)


def test_plain_text_checks_what_markdown_would_skip() -> None:
    assert positions("`in in` code\n", path="release.txt") == [(1, 2)]
    assert positions("`in in` code\n", path="release.md") == []
