"""GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pressqa.finding import Finding, Severity
from pressqa.formatters import InputError
from pressqa.rule import Rule

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Sequence[Finding], errors: Sequence[InputError], rules: Mapping[str, Rule]) -> str:
    """One workflow command a finding, and one `::error` a file that could not be checked."""
    lines = []
    for f in findings:
        message = f.message + (f" (did you mean '{f.suggestions[0]}'?)" if f.suggestions else "")
        properties = (
            f"file={_escape_property(f.path)},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},title={_escape_property('pressqa ' + f.rule)}"
        )
        lines.append(f"::{LEVELS[f.severity]} {properties}::{_escape_data(message)}")
    for e in errors:
        lines.append(f"::error file={_escape_property(e.path)},title=pressqa::{_escape_data(e.message)}")
    return "".join(line + "\n" for line in lines)
