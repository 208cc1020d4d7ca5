"""Findings and severities: the frozen data every kind produces and every formatter reads."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from pressqa.document import Document


class Severity(enum.IntEnum):
    """How serious a finding is: suggestion < warning < error."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Read 'suggestion', 'warning' or 'error'; raise ValueError otherwise."""
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected suggestion, warning or error)") from None

    def __str__(self) -> str:
        return self.name.lower()


SEVERITY_NAMES = tuple(str(s) for s in Severity)


@dataclass(frozen=True)
class Finding:
    """One defect at one place: offsets inside, 1-based line/column for output.

    `fixable` says the first suggestion may be applied automatically (a safe fix).
    """

    path: str
    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    suggestions: tuple[str, ...] = ()
    fixable: bool = False

    @classmethod
    def at(
        cls,
        doc: Document,
        rule: str,
        severity: Severity,
        start: int,
        end: int,
        message: str,
        suggestions: tuple[str, ...] = (),
        fixable: bool = False,
    ) -> Finding:
        """Make a finding for a span of a document, positions taken from the document."""
        begin = doc.position(start)
        finish = doc.position(end)
        return cls(
            path=doc.path,
            rule=rule,
            severity=severity,
            message=message,
            start=start,
            end=end,
            line=begin.line,
            column=begin.column,
            end_line=finish.line,
            end_column=finish.column,
            suggestions=tuple(suggestions),
            fixable=fixable and bool(suggestions),
        )

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by path, then position, then rule id."""
        return (self.path, self.start, self.end, self.rule)
