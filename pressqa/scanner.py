"""Fast regex scanning: skip texts a pattern cannot match, try it only where it can start, check lookbehinds last.

Python's regex engine cannot skip ahead to a likely start when a pattern opens
with a lookbehind (as word-boundary rules do), so it tries every position of
the text; without it, a literal or character-class start is found by a fast
scan. The lookbehinds are kept and tested at each candidate, which gives
exactly the matches of the original pattern.

More shortcuts come from the pattern's shape (see `pressqa.regex_shape`). A
pattern that must start with a digit is tried only at the digit runs the
caller found once per text; one that must start with one of a class of a few
characters only where they occur, when they are rare (found with `str.find`,
see `pressqa.char_search`); one that starts with a run of spaces only in the
runs followed by a character it can go on with. The pattern is then never
run over the rest of the text. Otherwise, a text that holds none of the
substrings every match needs is passed over with a C-level `in` test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from pressqa.char_search import Span, few_char_positions
from pressqa.regex_shape import compile_with_shape, rejects_digit_before

WORD_START = r"(?<![\w-])"
# Try a pattern at each occurrence of its first characters when they are at most one character in this many:
# past that, the engine's scan for a class (a few nanoseconds a character) costs less than a Python step
# per occurrence. A single first character is left to the engine, whose scan for one literal is as fast.
SPARSE = 200
# Characters frequent in any prose: not worth looking up, nor testing a text for.
COMMON_IN_PROSE = frozenset(" \n.,etaoinshrdlu")


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


def _leading_lookbehinds(source: str) -> int:
    """The length of the lookbehind groups in a row at the start of a regex (see `_leading_lookbehind`), or 0."""
    total = 0
    while length := _leading_lookbehind(source[total:]):
        total += length
    return total


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


def _rare_class(chars: tuple[str, ...]) -> bool:
    """Whether looking up these first characters with `str.find` can beat the engine's own scan.

    Not for one character (the engine scans for a literal as fast) nor for characters common in prose.
    """
    return len(chars) > 1 and COMMON_IN_PROSE.isdisjoint(chars)


def _needles_worth_testing(
    needles: tuple[str, ...], first_chars: tuple[str, ...], looked_up: tuple[str, ...]
) -> tuple[str, ...]:
    """The needles, unless testing a text for them costs more than it can save."""
    if not COMMON_IN_PROSE.isdisjoint(needles):
        return ()  # every text has a space or a full stop
    if looked_up and set(needles) <= set(looked_up):
        return ()  # the first characters are looked up anyway: that finds them, or rules the text out
    if len(first_chars) == 1 and any(len(needle) == 2 for needle in needles):
        return ()  # an `in` test for two characters is as slow as the engine's scan for one literal
    return needles


def _class_of(chars: str) -> str:
    """A regex character class of exactly these characters."""
    return "[" + "".join(re.escape(char) for char in chars) + "]"


def _inside_runs_before(text: str, run: str, ends: re.Pattern[str]) -> Iterator[int]:
    """Every offset inside each run of `run` characters that ends where `ends` matches, ascending."""
    for match in ends.finditer(text):
        end = match.start()
        start = end - 1  # `ends` checks that a run character comes before
        while start > 0 and text[start - 1] in run:
            start -= 1
        yield from range(start, end)


class Scanner:
    """A compiled pattern whose leading lookbehinds are checked separately, for speed.

    `needles`: substrings of which every match holds one (empty: nothing known);
    `digit_led`: every match starts with a decimal digit, so `finditer` can be
    given the text's digit runs and try the pattern only there; `first_chars`:
    the few characters (a class, not one literal) every match starts with,
    none of them common in prose (else empty).
    """

    def __init__(self, source: str, flags: int = 0, word_boundaries: bool = False) -> None:
        self._arguments = (source, flags, word_boundaries)
        guards: list[str] = []
        if word_boundaries:
            guards.append(WORD_START)
            source = rf"(?:{source})(?!\w)"
        while (length := _leading_lookbehinds(source)) and _starts_narrow(source[length:]):
            guards.append(source[:length])
            source = source[length:]
        self.pattern, (needles, self.digit_led, first_chars, leading_run) = compile_with_shape(source, flags)
        guard = "".join(guards)
        self.guard = re.compile(guard, flags) if guards else None
        self.first_chars = first_chars if _rare_class(first_chars) else ()
        # A pattern led by a run of spaces (the commonest characters) is tried only at the runs that end
        # before a character it can go on with, found by a class regex led by that rarer character.
        self._space_run: tuple[str, re.Pattern[str]] | None = None
        if leading_run is not None and " " in leading_run[0]:
            run, then = (_class_of(chars) for chars in leading_run)
            self._space_run = (leading_run[0], re.compile(f"{then}(?<={run}.)"))
        self.needles = _needles_worth_testing(needles, first_chars, self.first_chars)
        # A guard that fails after any digit lets a match start only where a run of digits starts.
        self._run_starts_only = self.digit_led and bool(guards) and rejects_digit_before(guard, flags)

    def __reduce__(self) -> tuple[type[Scanner], tuple[str, int, bool]]:
        """Pickled as its arguments: its pattern, compiled from a parse tree, has no source string to pickle."""
        return Scanner, self._arguments

    def finditer(self, text: str, runs: Sequence[Span] | None = None) -> Iterator[re.Match[str]]:
        """Non-overlapping matches, left to right, exactly as the original pattern's finditer().

        `runs`, for a `digit_led` pattern, must be `pressqa.char_search.digit_runs(text)`; the pattern is then
        tried only there.
        """
        starts = self._few_starts(text, runs)
        if starts is not None:
            return self._finditer_at(text, starts)
        if self.needles and not any(needle in text for needle in self.needles):
            return iter(())
        return self._finditer(text)

    def _few_starts(self, text: str, runs: Sequence[Span] | None) -> Iterable[int] | None:
        """The places a match can start, ascending, when they are known and few; None when the text needs a scan."""
        if runs is not None and self.digit_led:
            if self._run_starts_only:
                return (start for start, _end in runs)
            return (index for start, end in runs for index in range(start, end))
        if self._space_run is not None:
            return _inside_runs_before(text, *self._space_run)
        if self.first_chars:
            return few_char_positions(text, self.first_chars, len(text) // SPARSE)  # None if too many
        return None

    def _finditer(self, text: str) -> Iterator[re.Match[str]]:
        search, guard = self.pattern.search, self.guard
        position = 0
        # search() clamps a start past the end to the end: without the bound an empty match there would repeat.
        while position <= len(text) and (match := search(text, position)) is not None:
            start, end = match.span()
            if guard is None or guard.match(text, start):
                yield match
                position = end if end > start else start + 1
            else:
                position = start + 1

    def _finditer_at(self, text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
        """The matches that begin at `starts` (ascending), the only places a match can begin."""
        match_at, guard = self.pattern.match, self.guard
        position = 0
        for start in starts:
            if start < position or (match := match_at(text, start)) is None:
                continue
            if guard is None or guard.match(text, start) is not None:  # after the match: it fails more often
                yield match
                position = match.end()  # a match that starts with a given character is never empty
