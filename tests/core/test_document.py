"""Documents: decoding, line ends, BOM, and the one offset-to-position conversion."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from pressqa.document import Document, DocumentError, Encoding, Position, Region
from pressqa.prose import MASK


def test_position_is_one_based_line_and_column() -> None:
    doc = Document.from_text("a.txt", "first\nsecond line\nthird")
    assert doc.position(0) == Position(1, 1)
    assert doc.position(4) == Position(1, 5)
    assert doc.position(5) == Position(1, 6)  # the line break itself ends line 1
    assert doc.position(6) == Position(2, 1)
    assert doc.position(13) == Position(2, 8)
    assert doc.position(len(doc.text)) == Position(3, 6)


def test_offset_is_the_inverse_of_position() -> None:
    doc = Document.from_text("a.txt", "ab\ncde\n\nf")
    for offset in range(len(doc.text) + 1):
        position = doc.position(offset)
        assert doc.offset(position.line, position.column) == offset


def test_positions_outside_the_text_are_clamped() -> None:
    doc = Document.from_text("a.txt", "ab\ncd")
    assert doc.position(-3) == Position(1, 1)
    assert doc.position(99) == Position(2, 3)


def test_lines_split_on_newline_only_not_on_u2028() -> None:
    text = "one\u2028two\u2029three\x0bfour\x0cfive\x85six\nseven"
    doc = Document.from_text("a.txt", text)
    assert doc.line_starts == (0, text.index("seven"))
    assert doc.position(text.index("six")) == Position(1, text.index("six") + 1)
    assert doc.position(text.index("seven")) == Position(2, 1)


def test_crlf_is_turned_into_lf_and_remembered() -> None:
    doc = Document.from_text("a.txt", "one\r\ntwo three\r\nfour\r\n")
    assert doc.text == "one\ntwo three\nfour\n"
    assert doc.encoding == Encoding(bom=False, newline="\r\n")
    assert doc.position(doc.text.index("three")) == Position(2, 5)
    assert doc.position(doc.text.index("four")) == Position(3, 1)


def test_lf_file_keeps_lf() -> None:
    assert Document.from_text("a.txt", "one\ntwo\n").encoding == Encoding(bom=False, newline="\n")


def test_bom_is_dropped_and_column_one_is_the_character_after_it() -> None:
    doc = Document.from_bytes("a.txt", b"\xef\xbb\xbfGomel in in May\n")
    assert doc.text == "Gomel in in May\n"
    assert doc.encoding.bom is True
    assert doc.position(0) == Position(1, 1)
    assert doc.text[0] == "G"
    assert doc.position(doc.text.index("in")) == Position(1, 7)


def test_bom_with_crlf() -> None:
    doc = Document.from_bytes("a.txt", b"\xef\xbb\xbfab\r\ncd\r\n")
    assert doc.text == "ab\ncd\n"
    assert doc.encoding == Encoding(bom=True, newline="\r\n")
    assert doc.position(3) == Position(2, 1)


def test_tab_counts_as_one_column() -> None:
    doc = Document.from_text("a.txt", "\tGomel\tin")
    assert doc.position(doc.text.index("Gomel")) == Position(1, 2)
    assert doc.position(doc.text.index("in")) == Position(1, 8)


@pytest.mark.parametrize(
    ("prefix", "width"),
    [
        ("😀", 1),  # astral: one code point, two UTF-16 units
        ("👨\u200d👩\u200d👧", 5),  # ZWJ family: five code points, one glyph
        ("🇧🇾", 2),  # flag: two regional indicators
        ("e\u0301", 2),  # e + combining acute
    ],
)
def test_columns_count_code_points_after_emoji(prefix: str, width: int) -> None:
    doc = Document.from_text("a.txt", f"line one\n{prefix} word")
    assert doc.position(doc.text.index("word")) == Position(2, width + 2)


def test_from_bytes_decodes_utf8_with_and_without_bom() -> None:
    text = "Минск, “quotes” and 😀\n"
    assert Document.from_bytes("a.txt", text.encode("utf-8")).text == text
    assert Document.from_bytes("a.txt", b"\xef\xbb\xbf" + text.encode("utf-8")).text == text


def test_cp1251_bytes_are_rejected_with_a_clear_error() -> None:
    with pytest.raises(DocumentError, match=r"not valid UTF-8 \(byte 0xcf at offset 4\)"):
        Document.from_bytes("a.txt", "abc Привет".encode("cp1251"))


def test_binary_file_is_rejected() -> None:
    with pytest.raises(DocumentError, match="binary"):
        Document.from_bytes("a.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_utf16_is_rejected_by_name() -> None:
    with pytest.raises(DocumentError, match="UTF-16"):
        Document.from_bytes("a.txt", "\ufeffhello".encode("utf-16-le"))


def test_missing_file_is_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="No such file"):
        Document.read(str(tmp_path / "absent.txt"))


def test_read_dash_reads_stdin_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.TextIOWrapper(io.BytesIO("\ufeffin in\r\n".encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", stream)
    doc = Document.read("-")
    assert doc.path == "-"
    assert doc.text == "in in\n"
    assert doc.encoding == Encoding(bom=True, newline="\r\n")
    assert doc.markdown is False


@pytest.mark.parametrize(
    ("name", "markdown"),
    [("a.txt", False), ("a.md", True), ("a.markdown", True), ("A.MD", True), ("a.text", False), ("-", False)],
)
def test_markdown_is_chosen_by_suffix(name: str, markdown: bool) -> None:
    assert Document.from_text(name, "x").markdown is markdown


def test_markdown_flag_overrides_the_suffix() -> None:
    assert Document.from_text("a.txt", "`x`", markdown=True).prose == MASK * 3


def test_prose_mask_must_have_the_text_length() -> None:
    with pytest.raises(ValueError, match="length"):
        Document("a.txt", "abc", "ab")


def test_plain_text_masks_urls_emails_and_comments_only() -> None:
    text = "See https://belta.by/news, write to press@mfa.gov.by <!-- note --> `not code`"
    doc = Document.from_text("a.txt", text)
    assert len(doc.prose) == len(text)
    kept = doc.prose.replace(MASK, "_")
    assert kept == (
        "See " + "_" * len("https://belta.by/news") + ", write to " + "_" * len("press@mfa.gov.by")
        + " " + "_" * len("<!-- note -->") + " `not code`"
    )


def test_url_keeps_its_trailing_full_stop_as_prose() -> None:
    doc = Document.from_text("a.txt", "Visit www.belta.by.")
    assert doc.prose.endswith(MASK + ".")


def test_line_span_excludes_the_line_break() -> None:
    doc = Document.from_text("a.txt", "ab\ncde\n")
    assert doc.line_span(0) == Region(0, 2)
    assert doc.line_span(1) == Region(3, 6)
    assert doc.line_span(2) == Region(7, 7)
    assert doc.line_of(4) == 1


def test_paragraphs_split_on_blank_lines() -> None:
    text = "One line\nsame paragraph\n\nSecond\n\n\nThird\n"
    doc = Document.from_text("a.txt", text)
    assert [doc.text[r.start : r.end] for r in doc.paragraphs()] == ["One line\nsame paragraph", "Second", "Third"]


def test_plain_text_without_blank_lines_has_one_paragraph_per_line() -> None:
    doc = Document.from_text("a.txt", "First paragraph.\nSecond paragraph.\nThird.")
    assert [doc.text[r.start : r.end] for r in doc.paragraphs()] == ["First paragraph.", "Second paragraph.", "Third."]


def test_markdown_paragraphs_skip_code_blocks() -> None:
    doc = Document.from_text("a.md", "Intro text.\n\n```\ncode\n```\n\nOutro text.\n")
    assert [doc.text[r.start : r.end] for r in doc.paragraphs()] == ["Intro text.", "Outro text."]
