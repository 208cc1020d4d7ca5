"""`--format sarif` output is valid against the official SARIF 2.1.0 schema (tests/data, see its README)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, FormatChecker

from pressqa.document import Document
from pressqa.finding import Finding, Severity
from pressqa.formatters import InputError
from pressqa.formatters.sarif import format_sarif
from pressqa.runner import RunOptions, run

SCHEMA_PATH = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"

# RFC 3986 URI-reference characters; jsonschema checks "uri" formats only with an optional extra installed.
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
ABSOLUTE_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def _format_checker() -> FormatChecker:
    checker = FormatChecker()
    checker.checks("uri-reference")(lambda value: not isinstance(value, str) or bool(URI_REFERENCE.match(value)))
    checker.checks("uri")(
        lambda value: not isinstance(value, str) or bool(URI_REFERENCE.match(value) and ABSOLUTE_URI.match(value))
    )
    return checker


@pytest.fixture(scope="module")
def validator() -> Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=_format_checker())


def _errors(validator: Draft4Validator, log: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in validator.iter_errors(log)]


def test_the_vendored_schema_is_sarif_2_1_0() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    assert "result" in schema["definitions"] and "region" in schema["definitions"]


def test_a_real_run_with_findings_fixes_and_an_unreadable_file_is_valid_sarif(
    tmp_path: Path, validator: Draft4Validator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pressqa.toml").write_text('[grammar]\nbackend = "off"\n', encoding="utf-8")
    folder = tmp_path / "press releases"  # a space: the artifact URI must be percent-encoded
    folder.mkdir()
    (folder / "minsk talks.txt").write_text(
        "Talks were held in in Minsk.\nExports reached 85 mln dollars.  Imports fell.\n", encoding="utf-8"
    )
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8 not text \x80\x81")
    result = run(RunOptions(paths=["press releases"], min_severity=Severity.SUGGESTION))
    assert result.findings, "the sample text should raise findings"
    log = json.loads(format_sarif(result.findings, result.errors, result.rules))
    assert _errors(validator, log) == []

    run_log = log["runs"][0]
    assert run_log["columnKind"] == "unicodeCodePoints"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_log["results"]}
    assert uris == {"press%20releases/minsk%20talks.txt"}
    doubled = next(r for r in run_log["results"] if r["ruleId"] == "words.doubled")
    assert doubled["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert doubled["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
    rule_ids = [descriptor["id"] for descriptor in run_log["tool"]["driver"]["rules"]]
    assert all(rule_ids[r["ruleIndex"]] == r["ruleId"] for r in run_log["results"])
    assert [e.path for e in result.errors] == [str(Path("press releases") / "broken.txt")]
    notification = run_log["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "press%20releases/broken.txt"
    assert run_log["invocations"][0]["executionSuccessful"] is False


def test_sub_rule_ids_absolute_paths_stdin_and_input_errors_are_valid_sarif(validator: Draft4Validator) -> None:
    doc = Document.from_text("/srv/releases/été 2024.md", "Ünïcode 🙂 text\nsecond line\n")
    findings = [
        Finding.at(doc, "grammar/EN_A_VS_AN", Severity.WARNING, 0, 7, "Use 'an'", ("an",), fixable=False),
        Finding.at(doc, "words.doubled", Severity.ERROR, 16, 22, "doubled", ("second",), fixable=True),
        Finding.at(Document.from_text("-", "stdin text\n"), "words.doubled", Severity.SUGGESTION, 0, 5, "note"),
    ]
    errors = [InputError("missing file.txt", "missing file.txt: no such file")]
    log = json.loads(format_sarif(findings, errors, {}))
    assert _errors(validator, log) == []
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "file:///srv/releases/%C3%A9t%C3%A9%202024.md"
    assert [r["level"] for r in log["runs"][0]["results"]] == ["warning", "error", "note"]


def test_no_findings_is_a_valid_empty_log(validator: Draft4Validator) -> None:
    log = json.loads(format_sarif([], [], {}))
    assert _errors(validator, log) == []
    assert log["runs"][0]["results"] == []
