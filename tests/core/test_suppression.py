"""Inline suppression markers, in Markdown and in plain text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pressqa.document import Document
from pressqa.engine import Engine
from pressqa.finding import Severity
from pressqa.rule import Rule
from pressqa.suppression import Silence, silences, unsilenced
from tests.core.conftest import Row

RULES = [
    Rule(id="words.doubled", kind="repetition", severity=Severity.ERROR, message="doubled", description="d"),
    Rule(
        id="typography.double-space",
        kind="pattern",
        severity=Severity.WARNING,
        message="spaces",
        description="d",
        options={"swap": {"(?<=\\S)  +(?=\\S)": " "}, "word_boundaries": False, "fix": "safe"},
    ),
]


def found(text: str, path: str) -> list[tuple[int, str]]:
    doc = Document.from_text(path, text)
    return [(f.line, f.rule) for f in Engine(RULES).check_document(doc)]


BOTH = ["release.txt", "release.md"]


@pytest.mark.parametrize("path", BOTH)
def test_disable_and_enable_a_rule(path: str) -> None:
    text = (
        "in in one  x\n"
        "<!-- pressqa-disable words.doubled -->\n"
        "in in two  x\n"
        "\n"
        "in in three\n"
        "<!-- pressqa-enable words.doubled -->\n"
        "in in four\n"
    )
    assert found(text, path) == [
        (1, "words.doubled"),
        (1, "typography.double-space"),
        (3, "typography.double-space"),
        (7, "words.doubled"),
    ]


@pytest.mark.parametrize("path", BOTH)
def test_enable_without_rules_closes_every_open_range(path: str) -> None:
    text = (
        "<!-- pressqa-disable words.doubled -->\n"
        "<!-- pressqa-disable typography -->\n"
        "in in  one\n"
        "<!-- pressqa-enable -->\n"
        "in in  two\n"
    )
    assert found(text, path) == [(5, "words.doubled"), (5, "typography.double-space")]


@pytest.mark.parametrize("path", BOTH)
def test_enable_one_rule_leaves_the_others_off(path: str) -> None:
    text = (
        "<!-- pressqa-disable words.doubled, typography -->\n"
        "in in  one\n"
        "<!-- pressqa-enable typography -->\n"
        "in in  two\n"
    )
    assert found(text, path) == [(4, "typography.double-space")]


@pytest.mark.parametrize("path", BOTH)
def test_disable_with_no_rule_silences_everything_to_the_end(path: str) -> None:
    text = "in in  one\n<!-- pressqa-disable -->\nin in  two\n\nin in  three\n"
    assert found(text, path) == [(1, "words.doubled"), (1, "typography.double-space")]


@pytest.mark.parametrize("path", BOTH)
def test_disable_next_line(path: str) -> None:
    text = (
        "<!-- pressqa-disable-next-line words.doubled -->\n"
        "in in  one\n"
        "in in  two\n"
        "<!-- pressqa-disable-next-line -->\n"
        "in in  three\n"
        "<!-- pressqa-disable-next-line words.doubled typography.double-space -->\n"
        "in in  four\n"
        "<!--pressqa-disable-next-line   words-->\n"
        "in in  five\n"
    )
    assert found(text, path) == [
        (2, "typography.double-space"),
        (3, "words.doubled"),
        (3, "typography.double-space"),
        (9, "typography.double-space"),
    ]


@pytest.mark.parametrize("path", BOTH)
def test_group_prefix_silences_the_group_only(path: str) -> None:
    text = "<!-- pressqa-disable-next-line typography -->\nin in  one\n"
    assert found(text, path) == [(2, "words.doubled")]


@pytest.mark.parametrize("path", BOTH)
def test_a_prefix_of_a_name_is_not_a_group(path: str) -> None:
    text = "<!-- pressqa-disable-next-line typo -->\nin in  one\n"
    assert found(text, path) == [(2, "words.doubled"), (2, "typography.double-space")]


def test_plain_text_marker_inside_a_sentence_does_not_count() -> None:
    text = "We wrote <!-- pressqa-disable-next-line --> here.\nin in one\n<!-- pressqa-disable --> trailing\nin in two\n"
    assert found(text, "release.txt") == [(2, "words.doubled"), (4, "words.doubled")]


def test_markdown_marker_inside_a_paragraph_counts() -> None:
    text = "We wrote <!-- pressqa-disable-next-line --> here.\nin in one\n"
    assert found(text, "release.md") == []


def test_plain_text_marker_with_surrounding_spaces_counts() -> None:
    assert found("   <!-- pressqa-disable-next-line -->  \nin in one\n", "release.txt") == []


def test_markers_in_a_crlf_file() -> None:
    text = "<!-- pressqa-disable-next-line -->\r\nin in one\r\nin in two\r\n"
    assert found(text, "release.txt") == [(3, "words.doubled")]


def test_silences_are_line_ranges() -> None:
    doc = Document.from_text(
        "r.md",
        "a\n<!-- pressqa-disable words -->\nb\n<!-- pressqa-enable words -->\n<!-- pressqa-disable-next-line x.y -->\nc\n<!-- pressqa-disable -->\nd\n",
    )
    assert silences(doc) == [Silence(("words",), 2, 4), Silence(("x.y",), 6, 6), Silence(("",), 7, 9)]


def test_unsilenced_filters_findings() -> None:
    doc = Document.from_text("r.txt", "<!-- pressqa-disable-next-line -->\nin in\nin in\n")
    findings = Engine(RULES).check_document(Document.from_text("r.txt", "x\nin in\nin in\n"))
    assert [f.line for f in unsilenced(doc, findings)] == [3]


def test_markers_through_the_cli(write: Callable[..., Path], findings: Callable[..., list[Row]]) -> None:
    write("a.md", "# Title\n\n<!-- pressqa-disable-next-line words -->\nTalks in in Minsk.\n\nTalks in in Gomel.\n")
    assert findings("--select", "words", "a.md") == [("a.md", 6, 7, "error", "words.doubled")]


def test_markers_shown_inside_markdown_code_are_not_markers() -> None:
    text = (
        "How to silence a rule:\n\n"
        "```\n<!-- pressqa-disable -->\n```\n\n"
        "    <!-- pressqa-disable words -->\n\n"
        "Write `<!-- pressqa-disable-next-line -->` above the line.\n"
        "in in one\n"
    )
    assert found(text, "release.md") == [(10, "words.doubled")]
