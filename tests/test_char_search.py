"""Character positions, and digit runs: exactly what `\\d+` finds, by the fast ASCII path or by the regex."""

from __future__ import annotations

import re
import sys

import pytest

from pressqa.char_search import (
    OTHER_DIGIT_LEADS,
    char_positions,
    digit_runs,
    few_char_positions,
    may_hold_other_digits,
)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no digits at all",
        "0",
        "On 26 February 2025, 1 200 000 roubles (12th) – “85%”",
        "9x99y999",
        "Arabic-Indic \u0661\u0662\u0663 and 4\u06655 and fullwidth \uff11\uff12",
        "Devanagari \u0967\u0968 next to 34",
        "\U0001d7ce\U0001d7cf mathematical digits",
        "superscript ² is not a decimal digit, 3² is one digit",
    ],
)
def test_runs_are_the_spans_of_backslash_d_plus(text: str) -> None:
    assert digit_runs(text) == [match.span() for match in re.finditer(r"\d+", text)]


def test_every_non_ascii_decimal_digit_starts_with_a_listed_utf8_byte() -> None:
    leads = {char.encode("utf-8")[:1] for char in map(chr, range(0x80, sys.maxunicode + 1)) if char.isdecimal()}
    assert leads <= set(OTHER_DIGIT_LEADS)


def test_plain_press_text_has_only_ascii_digits() -> None:
    assert not may_hold_other_digits("“We are ready,” he said on 5\u00a0May – 2025’s plan")
    assert may_hold_other_digits("\u0661")


def test_positions_of_a_few_characters_in_order_or_none_past_a_limit() -> None:
    assert char_positions("a“b”c\"", "“”\"") == [1, 3, 5]
    assert char_positions("none here", "“”") == []
    assert few_char_positions("a.b.c.d", ".", 2) is None
    assert few_char_positions("a.b.c", ".", 2) == [1, 3]
