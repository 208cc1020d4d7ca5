"""Inline suppression: `<!-- pressqa-disable RULE -->` … `<!-- pressqa-enable -->` and `-disable-next-line`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pressqa.document import Document
from pressqa.finding import Finding
from pressqa.prose import code_regions
from pressqa.selection import prefix_matches

MARKER = re.compile(r"<!--\s*pressqa-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")
ALL_RULES = ""


@dataclass(frozen=True)
class Silence:
    """Rules (id prefixes; '' is every rule) silenced from one line to another (1-based, inclusive)."""

    rules: tuple[str, ...]
    first_line: int
    last_line: int

    def covers(self, finding: Finding) -> bool:
        """Whether the finding starts inside the silenced lines and names a silenced rule."""
        in_range = self.first_line <= finding.line <= self.last_line
        return in_range and any(prefix_matches(rule, finding.rule) for rule in self.rules)


def _rule_list(text: str) -> tuple[str, ...]:
    rules = tuple(r for r in re.split(r"[\s,]+", text.strip()) if r)
    return rules or (ALL_RULES,)


def silences(doc: Document) -> list[Silence]:
    """The silenced ranges of a document; in plain text a marker counts only on a line of its own."""
    result: list[Silence] = []
    open_ranges: dict[str, int] = {}
    last_line = doc.position(len(doc.text)).line
    markers = list(MARKER.finditer(doc.text))
    code = code_regions(doc.text) if doc.markdown and markers else []
    for match in markers:
        if any(start <= match.start() < end for start, end in code):
            continue  # a marker shown as an example inside code is not a marker
        line = doc.position(match.start()).line
        if not doc.markdown:
            span = doc.line_span(line - 1)
            if doc.text[span.start : span.end].strip() != match.group(0):
                continue
        action, rules = match.group(1), _rule_list(match.group(2))
        if action == "disable-next-line":
            result.append(Silence(rules, line + 1, line + 1))
        elif action == "disable":
            for rule in rules:
                open_ranges.setdefault(rule, line)
        else:
            closing = list(open_ranges) if rules == (ALL_RULES,) else [r for r in rules if r in open_ranges]
            for rule in closing:
                result.append(Silence((rule,), open_ranges.pop(rule), line))
    for rule, start in open_ranges.items():
        result.append(Silence((rule,), start, last_line))
    return result


def unsilenced(doc: Document, findings: Iterable[Finding]) -> Iterator[Finding]:
    """The findings no marker silences."""
    ranges = silences(doc)
    for finding in findings:
        if not any(s.covers(finding) for s in ranges):
            yield finding
