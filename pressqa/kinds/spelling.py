"""The `spelling` kind: known misspellings, unknown words, run-together words, split words, the wrong variety.

One rule file per `check`. Every check walks the same tokens; a word is known
when the dictionary (pyspellchecker + pressqa lists + accept list), the
gazetteers or the house register know it. Unknown capitalised words inside a
sentence are names, not typos, unless they are a known misspelling or clearly
one slip from a long common word; near misses of known entities are left to the
entity kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

from pressqa.document import Document
from pressqa.finding import Finding, Severity
from pressqa.rule import Kind, KindContext, Option, Rule
from pressqa.speller import HIGH, MEDIUM, Speller
from pressqa.tokens import WORD, Token

CHECKS = ("misspelling", "unknown-word", "run-together", "split-word", "variant")


def severity_for(rule_severity: Severity, level: int) -> Severity:
    """The rule's severity for a sure verdict, one step lower for a likely one, a suggestion otherwise."""
    if level >= HIGH:
        return rule_severity
    if level == MEDIUM:
        return Severity(max(Severity.SUGGESTION, rule_severity - 1))
    return Severity.SUGGESTION


class SpellingKind(Kind):
    """Spelling findings of one sort (`check`), from the shared speller."""

    name: ClassVar[str] = "spelling"
    options: ClassVar[Mapping[str, Option]] = {
        "check": Option((str,), required=True, help="which finding: " + ", ".join(CHECKS)),
        "min_length": Option((int,), 3, help="shorter words are never flagged (abbreviations, initials)"),
    }

    def __init__(self, rule: Rule, context: KindContext) -> None:
        super().__init__(rule, context)
        self._check = str(self.option("check"))
        self._min_length = int(self.option("min_length"))

    @classmethod
    def validate(cls, options: Mapping[str, Any]) -> list[tuple[str, str]]:
        if options.get("check") not in CHECKS:
            return [("check", f"must be one of {', '.join(CHECKS)}")]
        return []

    def _speller(self) -> Speller:
        config = self.context.settings.get("config")
        language = getattr(config, "language", None) or self.context.language
        return Speller.for_lexicon(self.context.lexicon, language)

    def check(self, doc: Document) -> Iterable[Finding]:
        if self.context.lexicon is None:
            return
        speller = self._speller()
        if speller.is_clean(doc.prose):
            return
        tokens = speller.tokens(doc.prose)
        if self._check == "split-word":
            yield from self._split_words(doc, speller, tokens)
            return
        for verdict in speller.judge_tokens(tokens, doc.prose, self._min_length):
            if verdict.check != self._check:
                continue
            severity = severity_for(self.rule.severity, verdict.level)
            yield self.report(
                doc,
                verdict.start,
                verdict.end,
                suggestions=verdict.suggestions,
                fixable=verdict.safe,
                severity=severity,
                variety=speller.language_name,
            )

    def _split_words(self, doc: Document, speller: Speller, tokens: list[Token]) -> Iterator[Finding]:
        words = [t for t in tokens if t.kind == WORD]
        for first, second in zip(words, words[1:]):
            joined = speller.joined(first, second, doc.prose)
            if joined is not None:
                yield self.report(doc, first.start, second.end, suggestions=(joined,), fixable=False)
