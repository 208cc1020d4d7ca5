"""Documents: decoded text, prose mask, paragraphs, and the one offset-to-position conversion."""

from __future__ import annotations

import bisect
import codecs
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pressqa.prose import MASK, mask_markdown, mask_plain_text

T = TypeVar("T")
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})


class DocumentError(Exception):
    """A file that cannot be read as a document (not UTF-8, binary, unreadable)."""


@dataclass(frozen=True)
class Position:
    """A 1-based line and a 1-based column counted in Unicode code points."""

    line: int
    column: int


@dataclass(frozen=True)
class Region:
    """A half-open span of 0-based code-point offsets into a document's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Encoding:
    """How a file was stored on disk, so --fix can write it back the same way."""

    bom: bool = False
    newline: str = "\n"
    # For a file that mixes CRLF and LF: the 0-based indexes of the lines that ended in CRLF.
    crlf_lines: frozenset[int] | None = None


@dataclass
class Document:
    """One file to check.

    `text` is the decoded file with a BOM dropped and CRLF turned into LF;
    `prose` has the same length, with every character that is not prose
    (code, front matter, URLs, markup) replaced by MASK, line breaks kept.
    """

    path: str
    text: str
    prose: str
    markdown: bool = False
    encoding: Encoding = field(default_factory=Encoding)
    _line_starts: list[int] = field(init=False, repr=False)
    _paragraphs: tuple[Region, ...] | None = field(default=None, init=False, repr=False)
    _memo: dict[object, Any] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.prose) != len(self.text):
            raise ValueError("prose mask must have the length of the text")
        starts = [0]
        index = self.text.find("\n")
        while index != -1:
            starts.append(index + 1)
            index = self.text.find("\n", index + 1)
        self._line_starts = starts

    @classmethod
    def from_text(cls, path: str, text: str, *, markdown: bool | None = None) -> Document:
        """Build a document from already decoded text (CRLF and BOM handled as on disk)."""
        bom = text.startswith("\ufeff")
        if bom:
            text = text[1:]
        crlf = text.count("\r\n")
        newline = "\r\n" if crlf else "\n"
        crlf_lines = None
        if crlf and crlf != text.count("\n"):
            crlf_lines = frozenset(i for i, line in enumerate(text.split("\n")) if line.endswith("\r"))
        if crlf:
            text = text.replace("\r\n", "\n")
        is_markdown = Path(path).suffix.lower() in MARKDOWN_SUFFIXES if markdown is None else markdown
        prose = mask_markdown(text) if is_markdown else mask_plain_text(text)
        return cls(path, text, prose, is_markdown, Encoding(bom, newline, crlf_lines))

    @classmethod
    def from_bytes(cls, path: str, data: bytes, *, markdown: bool | None = None) -> Document:
        """Decode UTF-8 (with or without BOM); raise DocumentError for binary or other encodings."""
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise DocumentError("UTF-16 is not supported; save the file as UTF-8")
        if b"\x00" in data[:8192]:
            raise DocumentError("binary file (contains NUL bytes)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise DocumentError(
                f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); save the file as UTF-8"
            ) from None
        return cls.from_text(path, text, markdown=markdown)

    @classmethod
    def read(cls, path: str, *, markdown: bool | None = None) -> Document:
        """Read and decode a file from disk, or stdin when path is '-'."""
        return cls.from_bytes(path, read_bytes(path), markdown=markdown)

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """A per-document analysis computed once and shared by every rule (tokens, name mentions).

        The key must name everything the result depends on besides the document.
        """
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]

    def position(self, offset: int) -> Position:
        """Turn a 0-based offset into a 1-based line and column: the only place this happens."""
        offset = max(0, min(offset, len(self.text)))
        line_index = bisect.bisect_right(self._line_starts, offset) - 1
        return Position(line_index + 1, offset - self._line_starts[line_index] + 1)

    def offset(self, line: int, column: int) -> int:
        """Turn a 1-based line and column back into a 0-based offset."""
        return self._line_starts[line - 1] + column - 1

    @property
    def line_starts(self) -> tuple[int, ...]:
        """The 0-based offset where each line starts."""
        return tuple(self._line_starts)

    def line_of(self, offset: int) -> int:
        """The 0-based index of the line holding an offset."""
        return bisect.bisect_right(self._line_starts, offset) - 1

    def line_span(self, line_index: int) -> Region:
        """The region of one line (0-based index), without its line break."""
        start = self._line_starts[line_index]
        end = self._line_starts[line_index + 1] - 1 if line_index + 1 < len(self._line_starts) else len(self.text)
        return Region(start, end)

    def paragraphs(self) -> tuple[Region, ...]:
        """Prose paragraphs, in order.

        Blocks separated by blank lines; in a plain-text file with no blank
        line at all (one paragraph per line, as web exports are), each line.
        """
        if self._paragraphs is None:
            self._paragraphs = tuple(self._find_paragraphs())
        return self._paragraphs

    def _find_paragraphs(self) -> list[Region]:
        lines = [self.line_span(i) for i in range(len(self._line_starts))]
        blank = [not self.prose[r.start : r.end].replace(MASK, "").strip() for r in lines]
        one_per_line = not self.markdown and not any(
            blank[i] and not blank[i - 1] and i + 1 < len(lines) and not blank[i + 1] for i in range(1, len(lines))
        )
        regions: list[Region] = []
        start: int | None = None
        previous_end = 0
        for region, is_blank in zip(lines, blank):
            if is_blank:
                if start is not None:
                    regions.append(Region(start, previous_end))
                    start = None
                continue
            if one_per_line:
                regions.append(region)
                continue
            if start is None:
                start = region.start
            previous_end = region.end
        if start is not None:
            regions.append(Region(start, previous_end))
        return regions


def read_bytes(path: str) -> bytes:
    """A file's bytes, or stdin's when path is '-'; raise DocumentError when it cannot be read."""
    try:
        if path == "-":
            import sys

            return sys.stdin.buffer.read()
        with open(path, "rb") as file:
            return file.read()
    except OSError as error:
        raise DocumentError(error.strerror or str(error)) from None
