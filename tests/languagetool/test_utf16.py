"""UTF-16 offsets from LanguageTool to Python code points."""

from __future__ import annotations

import random

import pytest

from pressqa.languagetool.utf16 import Utf16Index, utf16_length, utf16_to_codepoints


def java_slice_bounds(text: str) -> list[int]:
    """UTF-16 offsets of every code-point boundary of text."""
    bounds = [0]
    for ch in text:
        bounds.append(bounds[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return bounds


def units(text: str) -> bytes:
    return text.encode("utf-16-le", "surrogatepass")


def assert_all_spans_roundtrip(text: str) -> None:
    index = Utf16Index(text)
    bounds = java_slice_bounds(text)
    encoded = units(text)
    for i, start16 in enumerate(bounds):
        for end16 in bounds[i:]:
            offset, length = index.to_codepoints(start16, end16 - start16)
            java = encoded[2 * start16 : 2 * end16].decode("utf-16-le", "surrogatepass")
            assert text[offset : offset + length] == java, (start16, end16)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ASCII only",
        "😀 emoji before an error",
        "an err😀r inside",
        "after an error 😀",
        "𝐁old mathematical letters 𝐁𝐁",
        "flags 🇧🇾🇷🇺 two regional indicators each",
        "ZWJ family 👨‍👩‍👧 and skin tone 👍🏽",
        "line\u2028separator and\u2029paragraph separator",
        "Cyrillic Минск and accents café naïve",
        "😀",
        "😀😀😀",
    ],
)
def test_every_boundary_span_matches_java_slicing(text: str) -> None:
    assert_all_spans_roundtrip(text)


def test_emoji_before_error_shifts_offset_not_length() -> None:
    text = "😀😀 a apple"
    # LanguageTool reports "a" at UTF-16 offset 5 (two emoji = 4 units, then a space).
    assert utf16_to_codepoints(text, 5, 1) == (3, 1)
    assert text[3] == "a"


def test_astral_inside_error_shrinks_length() -> None:
    text = "We met the 𝐁oss 𝐁oss today."
    # Java: "𝐁oss 𝐁oss" starts at 11 and is 11 units long (two astral letters).
    offset, length = utf16_to_codepoints(text, 11, 11)
    assert text[offset : offset + length] == "𝐁oss 𝐁oss"
    assert length == 9


def test_error_after_astral_and_astral_after_error() -> None:
    text = "He have it 😀😀 🇧🇾."
    assert utf16_to_codepoints(text, 3, 4) == (3, 4)
    index = Utf16Index(text)
    end16 = utf16_length(text)
    assert index.to_codepoints(0, end16) == (0, len(text))


def test_offset_inside_surrogate_pair_widens_to_whole_character() -> None:
    text = "x😀y"
    index = Utf16Index(text)
    # Start in the middle of the pair: moved to the emoji's start.
    assert index.to_codepoints(2, 1) == (1, 1)
    # End in the middle of the pair: moved past the emoji.
    assert index.to_codepoints(0, 2) == (0, 2)


def test_out_of_range_values_are_clamped() -> None:
    text = "ab😀"
    index = Utf16Index(text)
    assert index.to_codepoints(-3, 2) == (0, 0)
    assert index.to_codepoints(2, 100) == (2, 1)
    assert index.to_codepoints(99, 5) == (3, 0)


def test_to_utf16_is_the_inverse() -> None:
    text = "a😀b𝐁c🇧🇾d"
    index = Utf16Index(text)
    for offset in range(len(text) + 1):
        assert index.to_codepoint(index.to_utf16(offset)) == offset
    assert index.utf16_length == utf16_length(text) == len(units(text)) // 2


def test_random_texts_roundtrip() -> None:
    alphabet = ["a", " ", "é", "\u2028", "😀", "𝐁", "\u200d", "🇧", "Ж", "\n"]
    rng = random.Random(1234)
    for _ in range(60):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert_all_spans_roundtrip(text)


def test_lone_surrogate_counts_as_one_unit() -> None:
    text = "a\udc80b"  # surrogateescape leftovers: one UTF-16 unit each
    assert utf16_to_codepoints(text, 2, 1) == (2, 1)
