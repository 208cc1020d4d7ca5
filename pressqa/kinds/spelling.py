"""The `spelling` kind: known misspellings, unknown words, run-together words, split words, the wrong variety.

One rule file per `check`. Every check walks the same tokens; a word is known
when the dictionary (pyspellchecker + pressqa lists + accept list), the
gazetteers or the house register know it. Unknown capitalised words inside a
sentence are names, not typos, unless they are a known misspelling or clearly
one slip from a long common word; near misses of known entities are left to the
entity kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from pressqa.document import Document
from pressqa.finding import Finding, Severity
from pressqa.rule import Kind, KindContext, Option, Rule
from pressqa.speller import HIGH, MEDIUM, Speller, Verdict

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
        for verdict in self._verdicts(doc, speller):
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

    def _verdicts(self, doc: Document, speller: Speller) -> list[Verdict]:
        """Every spelling verdict on the document, computed by the first spelling rule and shared by the rest."""

        def analyse() -> list[Verdict]:
            if speller.is_clean(doc.prose):
                return []  # most releases: no tokens needed
            return speller.analyse_text(doc.prose, self._min_length)

        return doc.memo((SpellingKind, speller, self._min_length), analyse)
