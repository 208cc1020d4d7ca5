"""Conversion between LanguageTool's UTF-16 offsets and Python code-point offsets.

LanguageTool is Java: its offsets and lengths count UTF-16 code units, so every
astral character (emoji, 𝐁, flags, ...) counts twice there and once in Python.
These helpers are pure and keep no shared state, so they are thread-safe.
"""

from __future__ import annotations

import re
from bisect import bisect_left

__all__ = ["Utf16Index", "utf16_length", "utf16_to_codepoints"]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Precomputed astral positions of one text, for fast repeated conversions."""

    __slots__ = ("_text_length", "_starts16", "_astral")

    def __init__(self, text: str) -> None:
        self._text_length = len(text)
        self._astral: list[int] = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 start of the k-th astral character: every earlier one added a unit.
        self._starts16: list[int] = [pos + k for k, pos in enumerate(self._astral)]

    @property
    def utf16_length(self) -> int:
        """Length of the text in UTF-16 code units."""
        return self._text_length + len(self._astral)

    def to_codepoint(self, offset16: int, *, end: bool = False) -> int:
        """Code-point offset of a UTF-16 offset (clamped to the text).

        An offset that falls between the two halves of a surrogate pair is moved
        to the start of that character, or past it when ``end`` is true, so a
        span never cuts an astral character in two.
        """
        if offset16 <= 0:
            return 0
        probe = offset16 - 1 if end else offset16
        # Astral characters that start before the probe each shift it by one unit.
        before = bisect_left(self._starts16, probe)
        return min(offset16 - before, self._text_length)

    def to_codepoints(self, offset16: int, length16: int) -> tuple[int, int]:
        """Code-point (offset, length) of a UTF-16 (offset, length) span."""
        start = self.to_codepoint(offset16)
        stop = self.to_codepoint(offset16 + max(length16, 0), end=True)
        return start, max(stop - start, 0)

    def to_utf16(self, offset: int) -> int:
        """UTF-16 offset of a code-point offset (the inverse conversion)."""
        offset = min(max(offset, 0), self._text_length)
        return offset + bisect_left(self._astral, offset)


def utf16_to_codepoints(text: str, offset16: int, length16: int) -> tuple[int, int]:
    """Code-point (offset, length) in ``text`` of a UTF-16 (offset, length) span."""
    return Utf16Index(text).to_codepoints(offset16, length16)


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units."""
    return len(text) + len(_ASTRAL.findall(text))
