"""The scanner finds exactly what the plain regex finds, with or without the digit runs to start from."""

from __future__ import annotations

import pickle
import random
import re

import pytest

from pressqa.char_search import digit_runs
from pressqa.scanner import WORD_START, Scanner

PATTERNS = [
    r"(?<![\d+(.,/-])(?<![\d+(] )(\d{1,3})[ \u00a0](\d{3})(?![\d.,]\d)(?![ \u00a0]?\d)",
    r"(?<![\w.,])(\d+)(?<=1[123])(?:st|nd|rd)(?=[^\w]|$|[a-z])",
    r"(?<![\d.,])(\d+),(\d{1,2})(?![\d,])",
    r"(?<=\d)\d",  # digit-led, but its guard lets a match start inside a run of digits
    r"\d\d",
    r"(?<=[A-Za-z])-[ \u00a0]+([A-Za-z]+)",
    r"(?<=[^\s\x00])(?: [ \u00a0]|\u00a0+ )[ \u00a0]*(?=[^\s\x00])",
    r"heads\s+of\s+states",
    r"as\s+whole(?=\s*[.,;:!?)])",
    r"(?<=[A-Za-z,.][ \u00a0])([–—])(?=[A-Za-z])",
    r"(?<=[a-z\u00df-\u00ff]{2})([.!?])(?=[A-Z][a-z])",
    r"-(?!-)",
    r"(?<=[A-Za-z\u00c0-\u024f’”)])[ \u00a0]+([,;:!?]|\.(?!\.))(?=\s|$)",
    r" +(?=\w)",
]
ALPHABET = list("0123456789 ,.-+(\u00a0abhstndrlwoe\n") + ["heads of states", "as whole.", "\u0663", "11th", "1 000", " ,"]


def _texts() -> list[str]:
    generator = random.Random(11)
    texts = ["call +375 17 222 35 11", "85 000 people, 1 200 000 roubles", "the 21th and 113rd days", "2,6 per cent"]
    texts += ["".join(generator.choice(ALPHABET) for _ in range(generator.randint(0, 40))) for _ in range(1500)]
    # Long texts where the characters a pattern starts with are rare, so it is tried only where they are.
    words = ["the", "talks", "ended.The", "costs –airfares", "costs– air", "military- technical", "11th", "1 000"]
    texts += [" ".join(generator.choice(words) if generator.random() < 0.1 else "word" for _ in range(300)) for _ in range(12)]
    return texts


@pytest.mark.parametrize("word_boundaries", [False, True])
@pytest.mark.parametrize("source", PATTERNS)
def test_matches_equal_the_plain_regex(source: str, word_boundaries: bool) -> None:
    scanner = Scanner(source, re.MULTILINE, word_boundaries)
    plain = re.compile(rf"{WORD_START}(?:{source})(?!\w)" if word_boundaries else source, re.MULTILINE)
    for text in _texts():
        expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in scanner.finditer(text)] == expected, text
        assert [(m.span(), m.groups()) for m in scanner.finditer(text, digit_runs(text))] == expected, text


def test_a_text_without_a_required_substring_is_not_scanned() -> None:
    scanner = Scanner(r"in\s+the\s+long-term\s+perspective", re.MULTILINE, True)
    assert scanner.needles == ("perspective",)
    assert list(scanner.finditer("in the long-term view")) == []
    assert [m.group() for m in scanner.finditer("in the long-term perspective")] == ["in the long-term perspective"]


def test_what_a_scanner_knows_of_where_matches_start() -> None:
    assert Scanner(PATTERNS[0], re.MULTILINE).digit_led
    assert not Scanner(PATTERNS[7], re.MULTILINE).digit_led
    assert Scanner(r"(?<=[A-Za-z])([–—])(?=[ \u00a0][A-Za-z])", re.MULTILINE).first_chars == ("–", "—")
    assert Scanner(r"-(?!-)", re.MULTILINE).first_chars == ()  # one literal: the engine scans for it as fast
    assert [m.span() for m in Scanner(r"[ \u00a0]+[,;]", re.MULTILINE).finditer("a  , b ; c\u00a0 ,")] == [
        (1, 4),
        (6, 8),
        (10, 13),
    ]


def test_a_scanner_survives_pickling() -> None:
    scanner = pickle.loads(pickle.dumps(Scanner(r"heads\s+of\s+states", re.MULTILINE, True)))
    assert [m.group() for m in scanner.finditer("the heads of states met")] == ["heads of states"]


def test_an_empty_match_at_the_end_ends_the_scan() -> None:
    assert [m.span() for m in Scanner(r"\s*$", re.MULTILINE).finditer("ab")] == [(2, 2)]
    assert [m.span() for m in Scanner(r"(?<=b)x?", re.MULTILINE).finditer("ab")] == [(2, 2)]
