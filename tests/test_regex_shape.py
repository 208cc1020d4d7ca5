"""Static regex analysis: required substrings, digit-led patterns, guards that forbid a digit before."""

from __future__ import annotations

import random
import re

import pytest

from pressqa import regex_shape
from pressqa.regex_shape import rejects_digit_before, shape_of


def required_substrings(source: str, flags: int = 0) -> tuple[str, ...]:
    return shape_of(source, flags).needles


def starts_with_digit(source: str) -> bool:
    return shape_of(source).digit_led


@pytest.mark.parametrize(
    ("source", "needles"),
    [
        (r"heads\s+of\s+states", ("states",)),
        (r"(?:(came|come|comes)\s+in\s+force)(?!\w)", ("force",)),
        (r"reali[sz]ation\s+of", ("realisation", "realization")),
        (r"in\s+the\s+(?:mid|medium)-term\s+perspective", ("perspective",)),
        (r"([–—])(?=[A-Za-z])", ("–", "—")),
        (r"(?: [ \u00a0]|\u00a0+ )[ \u00a0]*", ("  ", " \u00a0", "\u00a0 ")),
        (r"mln(?:\.(?=[ \u00a0]+[a-z0-9]))?", ("mln",)),  # "mln." holds "mln": testing it too adds nothing
        (r"x{3}", ("xxx",)),
        (r"«", ("«",)),
    ],
)
def test_required_substrings_of_typical_rule_patterns(source: str, needles: tuple[str, ...]) -> None:
    assert required_substrings(source) == needles


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"abc", re.IGNORECASE),  # `in` compares exactly, a case-insensitive match may not
        (r"(?i)abc", 0),
        (r"(?i:abc)\d", 0),
        (r"a|b?", 0),  # one alternative may match nothing
        (r"(?:abc)?\d", 0),
        (r"\w+\s\d", 0),
        (r"[^abc]", 0),
        (r"[a-z]", 0),  # 26 strings: more than is worth testing one by one
        (r"(\w)\1", 0),
    ],
)
def test_no_substring_is_claimed_where_none_is_certain(source: str, flags: int) -> None:
    assert required_substrings(source, flags) == ()


def test_every_match_holds_a_required_substring() -> None:
    """Random texts over a small alphabet: a pattern matches only texts holding one of its needles."""
    patterns = [
        r"ab+c", r"(?:ab|cd)e", r"a(?:bc)?d", r"(?>ab|a)c", r"[ab]{2}c", r"(?:ab)+c", r"a\w+b", r"(?<=a)bc",
        r"ab(?=c)", r"(?:a|b)(?:c|d)(?:a|d)", r"a{2,3}b", r"(?:a|bc)+d", r"a.b", r"c(?!a)d?", r"(a|b)\1c",
    ]
    generator = random.Random(7)
    texts = ["".join(generator.choice("abcd ") for _ in range(generator.randint(0, 12))) for _ in range(3000)]
    for source in patterns:
        needles = required_substrings(source)
        compiled = re.compile(source)
        for text in texts:
            if compiled.search(text):
                assert not needles or any(needle in text for needle in needles), (source, text, needles)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"(\d+)(?:st|nd)", True),
        (r"(?<![\w.,])(\d{1,3})[ ](\d{3})", True),
        (r"(?:1|2)x", True),
        (r"[0-9]+%", True),
        (r"(?=\d)\w+", False),  # the engine would agree, but the analysis only reads consumed characters
        (r"\d*x", False),
        (r"x\d", False),
        (r"[^0-9]", False),
        (r"(?:1|a)", False),
    ],
)
def test_digit_led_patterns(source: str, expected: bool) -> None:
    assert starts_with_digit(source) is expected


@pytest.mark.parametrize(
    ("source", "flags", "expected"),
    [
        (r"([–—])(?=[A-Za-z])", 0, ("–", "—")),
        (r"(?<=[a-z])([.!?])(?=[A-Z])", 0, ("!", ".", "?")),
        (r"(?:-|\u2010)+[ ]", 0, ("-", "\u2010")),
        (r"(?:ab|cd)", 0, ("a", "c")),
        (r"(?=y)y", 0, ("y",)),
        (r"x?y", 0, ()),  # "y" alone also matches
        (r"[a-f]", 0, ()),  # more characters than are worth finding one by one
        (r"\d", 0, ()),
        (r"a|b*", 0, ()),
        (r"ab", re.IGNORECASE, ()),
    ],
)
def test_first_characters(source: str, flags: int, expected: tuple[str, ...]) -> None:
    assert shape_of(source, flags).first_chars == expected


def test_every_match_starts_with_a_first_character() -> None:
    patterns = [r"(?:ab|cd)e", r"(?>ab|c)d", r"(?:a|b)+c", r"(?:)a", r"()b", r"(?:a|b?)c", r"[ab]{2}", r"a*b"]
    generator = random.Random(5)
    texts = ["".join(generator.choice("abcde") for _ in range(generator.randint(0, 10))) for _ in range(2000)]
    for source in patterns:
        first = shape_of(source).first_chars
        compiled = re.compile(source)
        for text in texts:
            for match in compiled.finditer(text):
                assert not first or match.group()[:1] in first, (source, text, first)


def test_guards_that_forbid_a_digit_before() -> None:
    assert rejects_digit_before(r"(?<![\d+(.,/-])(?<![\d+(] )")
    assert rejects_digit_before(r"(?<![\w.,])")
    assert not rejects_digit_before(r"(?<![.,])")
    assert not rejects_digit_before(r"(?<=[\d])")
    assert not rejects_digit_before(r"(?<![^\d])")
    assert not rejects_digit_before(r"(?<![\w.,])", re.ASCII)  # ASCII \w lets other scripts' digits through


def test_a_failing_analysis_falls_back_to_re_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(source: str, flags: int) -> None:
        raise AttributeError("re._parser changed")

    monkeypatch.setattr(regex_shape, "_compile_with_shape", broken)
    pattern, shape = regex_shape.compile_with_shape(r"\d+ mln", 0)
    assert pattern.search("1,5 mln") is not None
    assert shape == regex_shape.RegexShape((), False, ())


def test_a_bad_pattern_is_still_an_error() -> None:
    with pytest.raises(re.error):
        regex_shape.compile_with_shape("(unclosed", 0)
