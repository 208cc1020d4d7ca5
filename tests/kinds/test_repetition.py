"""The doubled-word search matches what a lookbehind-led regex would, at the start of a text and after a match."""

from __future__ import annotations

import random
import re

from pressqa.kinds.repetition import doubled_words
from pressqa.loader import load_rule
from tests.rule_examples import rules_root, run_rule

# The plain form of the search, with a lookbehind, that `doubled_words` must agree with.
PLAIN = re.compile(r"(?<![\w’'-])(\w+)([ \t\u00a0]+)(\1)(?![\w’'-])", re.IGNORECASE)
PIECES = ["the", "The", "THE", "in", "’", "'", "-", " ", "  ", "\t", "\u00a0", "\n", "x", "1", "11", ".", "é", "É"]


def _spans(text: str) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(1), m.end(), m.groups()) for m in doubled_words(text)]


def test_same_matches_as_the_lookbehind_regex() -> None:
    generator = random.Random(3)
    texts = ["the the", "in in in in", "x the the", "the’ the the", "-in in", "The the\u00a0the"]
    texts += ["".join(generator.choice(PIECES) for _ in range(generator.randint(0, 30))) for _ in range(5000)]
    for text in texts:
        assert _spans(text) == [(m.start(), m.end(), m.groups()) for m in PLAIN.finditer(text)], text


def test_doubled_word_at_the_very_start_and_after_another() -> None:
    assert [(start, end) for start, end, _ in _spans("in in in in")] == [(0, 5), (6, 11)]
    assert _spans("pre-in in") == []


def test_finding_covers_both_copies() -> None:
    rule = load_rule(rules_root() / "words" / "doubled.yaml")
    (finding,) = run_rule(rule, "Talks were held in in Minsk.")
    assert (finding.column, finding.end_column, finding.suggestions) == (17, 22, ("in",))
