"""Fast regex scanning: a leading lookbehind is checked only where the rest of the pattern matches.

Python's regex engine cannot skip ahead to a likely start when a pattern opens
with a lookbehind (as word-boundary rules do), so it tries every position of
the text; without it, a literal or character-class start is found by a fast
scan. The lookbehind is kept and tested at each candidate, which gives exactly
the matches of the original pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

WORD_START = r"(?<![\w-])"


def _leading_lookbehind(source: str) -> int:
    """The length of a lookbehind group at the start of a regex without capturing groups, or 0."""
    if not source.startswith(("(?<!", "(?<=")):
        return 0
    depth, index, in_class = 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source[index + 1 : index + 2] == "]":
                index += 1
        elif char == "(":
            if source[index + 1 : index + 2] != "?":
                return 0  # a capturing group: hoisting it would renumber the groups
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return 0


_GROUP_OPENING = re.compile(r"\((?:\?:|\?P<\w+>)?")
_FIRST_ATOM = re.compile(r"\\[dswDSW]|\\.|\[(?:\\.|[^\]])+\]|[^()|*+?{\\.^$]")


def _starts_narrow(source: str) -> bool:
    """Whether a regex begins with a required character or class, which the engine can scan for quickly."""
    while opening := _GROUP_OPENING.match(source):
        source = source[opening.end() :]
    atom = _FIRST_ATOM.match(source)
    if atom is None:
        return False
    after = source[atom.end() : atom.end() + 2]
    return not after.startswith(("*", "?", "{0", "{,"))


class Scanner:
    """A compiled pattern whose leading lookbehinds are checked separately, for speed."""

    def __init__(self, source: str, flags: int = 0, word_boundaries: bool = False) -> None:
        guards: list[str] = []
        if word_boundaries:
            guards.append(WORD_START)
            source = rf"(?:{source})(?!\w)"
        while (length := _leading_lookbehind(source)) and _starts_narrow(source[length:]):
            guards.append(source[:length])
            source = source[length:]
        self.pattern = re.compile(source, flags)
        self.guard = re.compile("".join(guards), flags) if guards else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Non-overlapping matches, left to right, exactly as the original pattern's finditer()."""
        search, guard = self.pattern.search, self.guard
        position = 0
        while (match := search(text, position)) is not None:
            start, end = match.span()
            if guard is None or guard.match(text, start):
                yield match
                position = end if end > start else start + 1
            else:
                position = start + 1
