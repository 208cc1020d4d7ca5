"""AnnotatedText from a masked paragraph."""

from __future__ import annotations

import json
import re

import pytest

from pressqa.languagetool.annotate import (
    MASK,
    PLACEHOLDER,
    PLACEHOLDER_AFTER_AN,
    AnnotatedText,
    Part,
    annotate,
    is_markup_only,
    plain,
)


def mask(text: str, *patterns: str) -> str:
    """Replace every match of the patterns by MASK characters, newlines kept."""
    chars = list(text)
    for pattern in patterns:
        for match in re.finditer(pattern, text):
            for i in range(match.start(), match.end()):
                if chars[i] != "\n":
                    chars[i] = MASK
    return "".join(chars)


CODE = r"`[^`]*`"
EMPHASIS = r"\*\*"
TAG = r"<[^>]*>"


def test_source_is_the_original_and_offsets_line_up() -> None:
    original = "😀 Run `pip install` on **bold** text <br> now."
    annotated = annotate(original, mask(original, CODE, EMPHASIS, TAG))
    assert annotated.source == original
    position = 0
    for part in annotated.parts:
        assert original[position : position + len(part.source)] == part.source
        position += len(part.source)


def test_code_span_standing_as_a_word_reads_as_placeholder() -> None:
    original = "Run `make test` now."
    annotated = annotate(original, mask(original, CODE))
    assert annotated.checked_text == f"Run {PLACEHOLDER} now."
    assert Part("`make test`", True, PLACEHOLDER) in annotated.parts


def test_placeholder_after_an_starts_with_a_vowel() -> None:
    original = "Open an `x86` build, a `arm` build."
    annotated = annotate(original, mask(original, CODE))
    assert annotated.checked_text == f"Open an {PLACEHOLDER_AFTER_AN} build, a {PLACEHOLDER} build."


def test_emphasis_markers_glued_to_words_read_as_nothing() -> None:
    original = "This is **very** important."
    annotated = annotate(original, mask(original, EMPHASIS))
    assert annotated.checked_text == "This is very important."


def test_lone_tag_between_spaces_swallows_the_following_space() -> None:
    original = "First line <br> second line"
    annotated = annotate(original, mask(original, TAG))
    assert annotated.checked_text == "First line second line"
    assert annotated.source == original


def test_markup_at_paragraph_start_leaves_no_leading_space() -> None:
    original = "<p> Hello world.</p>"
    annotated = annotate(original, mask(original, TAG))
    assert annotated.checked_text == "Hello world."


def test_url_before_punctuation_reads_as_placeholder() -> None:
    original = "Read more at https://example.org/a?b=1."
    annotated = annotate(original, mask(original, r"https://\S+(?=\.)"))
    assert annotated.checked_text == f"Read more at {PLACEHOLDER}."


def test_autolink_is_not_taken_for_an_html_tag() -> None:
    original = "See <https://example.org>."
    annotated = annotate(original, mask(original, TAG))
    assert annotated.checked_text == f"See {PLACEHOLDER}."


def test_newlines_stay_text() -> None:
    original = "one `a`\n`b` two"
    annotated = annotate(original, mask(original, CODE))
    assert "\n" in annotated.checked_text
    assert annotated.source == original


def test_json_payload_shape() -> None:
    original = "Run `x` now"
    payload = json.loads(annotate(original, mask(original, CODE)).to_json())
    assert payload == {
        "annotation": [
            {"text": "Run "},
            {"markup": "`x`", "interpretAs": PLACEHOLDER},
            {"text": " now"},
        ]
    }


def test_no_mask_gives_one_text_part() -> None:
    assert annotate("plain text", "plain text").parts == (Part("plain text"),)
    assert plain("abc") == AnnotatedText((Part("abc"),))
    assert plain("").parts == ()


def test_fully_masked_paragraph() -> None:
    original = "`code only`"
    annotated = annotate(original, MASK * len(original))
    assert annotated.source == original
    assert all(part.is_markup for part in annotated.parts)


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError, match="characters"):
        annotate("abc", "ab")


def test_masked_text_that_differs_outside_the_mask_is_an_error() -> None:
    with pytest.raises(ValueError, match="differs"):
        annotate("abc def", "abc xyz")


def test_is_markup_only() -> None:
    masked = "ab" + MASK * 3 + "cd"
    assert is_markup_only(masked, 2, 3)
    assert not is_markup_only(masked, 1, 3)
    assert is_markup_only(masked, 3, 0)  # an empty span at a masked position
    assert not is_markup_only(masked, 0, 0)
