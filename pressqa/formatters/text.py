"""`path:line:col: severity [rule.id] message (did you mean 'X'?)`, one finding a line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pressqa.finding import Finding
from pressqa.formatters import InputError
from pressqa.rule import Rule


def format_finding(finding: Finding) -> str:
    """One finding as a line of text."""
    line = f"{finding.path}:{finding.line}:{finding.column}: {finding.severity} [{finding.rule}] {finding.message}"
    if finding.suggestions and f"'{finding.suggestions[0]}'" not in finding.message:
        line += f" (did you mean '{finding.suggestions[0]}'?)"
    return line


def format_text(findings: Sequence[Finding], errors: Sequence[InputError], rules: Mapping[str, Rule]) -> str:
    """Every finding, one a line, in the order given (already sorted by path and position)."""
    return "".join(format_finding(f) + "\n" for f in findings)


def summary(findings: Sequence[Finding], errors: Sequence[InputError], files: int) -> str:
    """The one-line summary printed on stderr."""
    counts = {name: sum(1 for f in findings if str(f.severity) == name) for name in ("error", "warning", "suggestion")}
    parts = [f"{n} {name}{'s' if n != 1 else ''}" for name, n in counts.items() if n]
    fixable = sum(1 for f in findings if f.fixable)
    text = f"pressqa: {', '.join(parts) if parts else 'no findings'} in {files} file{'s' if files != 1 else ''}"
    if fixable:
        text += f" ({fixable} fixable with --fix)"
    if errors:
        text += f"; {len(errors)} file{'s' if len(errors) != 1 else ''} could not be checked"
    return text
