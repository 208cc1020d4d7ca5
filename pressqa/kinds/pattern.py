"""The `pattern` kind: flag words, phrases or regexes, and substitute them (with safe fixes where declared)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from pressqa.char_search import Span, digit_runs
from pressqa.document import Document
from pressqa.finding import Finding
from pressqa.prose import MASK
from pressqa.rule import Kind, KindContext, Option, Rule
from pressqa.scanner import Scanner

FIX_LEVELS = ("none", "unsafe", "safe")
DIGIT_RUNS_MEMO = ("pattern", "digit-runs")  # Document.memo key: shared by every digit-led pattern of a run


def _compile(source: str, ignorecase: bool, word_boundaries: bool) -> Scanner:
    flags = re.IGNORECASE if ignorecase else 0
    return Scanner(source, flags | re.MULTILINE, word_boundaries)


class PatternKind(Kind):
    """Find regexes (`tokens`) or swap them for a replacement (`swap`), in prose only."""

    name: ClassVar[str] = "pattern"
    options: ClassVar[Mapping[str, Option]] = {
        "tokens": Option((list,), [], help="regexes to flag; each match is a finding"),
        "swap": Option((dict,), {}, help="regex -> replacement (may use \\1); the replacement is the suggestion"),
        "ignorecase": Option((bool,), False, help="match regardless of case"),
        "word_boundaries": Option((bool,), True, help="match whole words only"),
        "exceptions": Option((list,), [], help="regexes; a match lying inside a match of one of these is not flagged"),
        "fix": Option((str,), "none", help="none, unsafe (suggest only) or safe (--fix applies the suggestion)"),
    }

    def __init__(self, rule: Rule, context: KindContext) -> None:
        super().__init__(rule, context)
        ignorecase = bool(self.option("ignorecase"))
        boundaries = bool(self.option("word_boundaries"))
        self._tokens = [_compile(t, ignorecase, boundaries) for t in self.option("tokens")]
        self._swaps = [(_compile(k, ignorecase, boundaries), str(v)) for k, v in self.option("swap").items()]
        self._exceptions = [re.compile(e, re.IGNORECASE if ignorecase else 0) for e in self.option("exceptions")]
        self._safe = self.option("fix") == "safe"
        self._digit_led = any(scanner.digit_led for scanner in (*self._tokens, *(s for s, _ in self._swaps)))

    @classmethod
    def validate(cls, options: Mapping[str, Any]) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        if not options.get("tokens") and not options.get("swap"):
            problems.append(("kind", "a pattern rule needs 'tokens' or 'swap'"))
        for key in ("tokens", "exceptions"):
            for item in options.get(key) or []:
                if not isinstance(item, str):
                    problems.append((key, f"entries must be strings, got {type(item).__name__}"))
                    continue
                problems.extend((key, p) for p in _regex_problems(item))
        for pattern, replacement in (options.get("swap") or {}).items():
            if not isinstance(replacement, str):
                problems.append(("swap", f"replacement for {pattern!r} must be a string"))
            problems.extend(("swap", p) for p in _regex_problems(str(pattern)))
        if options.get("fix", "none") not in FIX_LEVELS:
            problems.append(("fix", f"must be one of {', '.join(FIX_LEVELS)}"))
        return problems

    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        runs = _digit_runs(doc) if self._digit_led else None
        for pattern in self._tokens:
            for match in pattern.finditer(prose, runs):
                if self._reportable(prose, match):
                    yield self.report(doc, match.start(), match.end())
        for pattern, replacement in self._swaps:
            for match in pattern.finditer(prose, runs):
                if self._reportable(prose, match):
                    suggestion = match.expand(replacement)
                    yield self.report(doc, match.start(), match.end(), suggestions=(suggestion,), fixable=self._safe)

    def _reportable(self, prose: str, match: re.Match[str]) -> bool:
        if match.start() == match.end() or MASK in match.group(0):
            return False
        for exception in self._exceptions:
            window_start = max(0, match.start() - 80)
            for other in exception.finditer(prose, window_start, min(len(prose), match.end() + 80)):
                if other.start() <= match.start() and match.end() <= other.end():
                    return False
        return True


def _digit_runs(doc: Document) -> list[Span]:
    """The runs of digits in a document's prose, found once for all the rules whose patterns start with a digit."""
    return doc.memo(DIGIT_RUNS_MEMO, lambda: digit_runs(doc.prose))


def _regex_problems(source: str) -> list[str]:
    try:
        re.compile(source)
    except re.error as error:
        return [f"bad regex {source!r}: {error}"]
    return []
