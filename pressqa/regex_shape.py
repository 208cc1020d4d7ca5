"""What a regex demands of a text, read from its parse tree: substrings every match holds, how a match starts.

A scanner uses the answers to skip work: a text that holds none of a
pattern's required substrings (a C-level `in` test) cannot match it, and a
pattern whose every match starts with a decimal digit, with one of a few
characters, or with a run of spaces before one of a few characters, need
only be tried where those are. Every answer is conservative:
when the tree is too complex to be sure, the answer is "nothing known", never
one that would lose a match.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

# The parser, its opcodes and the compiler behind re.compile: private modules, the same since Python 3.11.
from re import _compiler as compiler  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any, NamedTuple

# The most strings an exact set may hold while sets are multiplied out ("(came|come)s" -> 4 strings).
EXACT_LIMIT = 16
# The most substrings worth testing one by one with `in` before a regex scan.
NEEDLE_LIMIT = 6
# The most first characters worth looking up one by one with `str.find`.
FIRST_CHAR_LIMIT = 4

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_DIGIT_CATEGORIES = (sre.CATEGORY_DIGIT, sre.CATEGORY_UNI_DIGIT)
_DIGIT_OR_WORD_CATEGORIES = (*_DIGIT_CATEGORIES, sre.CATEGORY_WORD, sre.CATEGORY_UNI_WORD)

Strings = frozenset[str]
Item = tuple[Any, Any]  # (opcode, argument) in a parse tree
_EMPTY: Strings = frozenset({""})


class _Shape(NamedTuple):
    """What one piece of a regex matches.

    `exact`: every string it can match, when they are few; `edges`: for a repeat
    of such a piece, each match starts and ends with one of these; `needles`:
    every match contains one of these.
    """

    exact: Strings | None = None
    edges: Strings | None = None
    needles: Strings | None = None


_UNKNOWN = _Shape()


class RegexShape(NamedTuple):
    """What every match of a regex needs.

    `needles`: strings of which every match holds one (longest first; empty
    when none are known); `digit_led`: every match begins with a decimal digit
    (as `\\d` matches one); `first_chars`: the few characters every match
    begins with (empty when unknown or many); `leading_run`: (run, then) when
    every match begins with one or more characters of `run` followed by one
    of `then`, two small sets with no character in common (else None).
    """

    needles: tuple[str, ...]
    digit_led: bool
    first_chars: tuple[str, ...]
    leading_run: tuple[str, str] | None = None


def compile_with_shape(source: str, flags: int = 0) -> tuple[re.Pattern[str], RegexShape]:
    """A regex compiled, with its shape, from one parse (parsing is half the cost of compiling).

    The pattern is compiled from the parse tree as `re.compile` does it, so its
    `.pattern` attribute is None (as for the standard library's `re.Scanner`).
    Case-insensitive patterns get no needles or first characters; digit-led
    ones no needles (they are tried only at digits, see `pressqa.scanner`).
    """
    flags = int(flags)  # as re.compile does: the parser's flag tests are slow on a RegexFlag
    try:
        return _compile_with_shape(source, flags)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - the private modules changed in some Python: lose the shortcut, not a match
        return re.compile(source, flags), RegexShape((), False, ())


def _compile_with_shape(source: str, flags: int) -> tuple[re.Pattern[str], RegexShape]:
    tree = parser.parse(source, flags)
    digit_led = _digit_first(tree.data) is True
    if (flags | tree.state.flags) & sre.SRE_FLAG_IGNORECASE:
        shape = RegexShape((), digit_led, ())
    else:
        first = _first_chars(tree.data)
        first_chars = tuple(sorted(first)) if first and len(first) <= FIRST_CHAR_LIMIT else ()
        needles = () if digit_led else _needles(_sequence(tree.data))
        shape = RegexShape(needles, digit_led, first_chars, _leading_run(tree.data))
    return compiler.compile(tree, flags), shape  # after the analysis: compiling reads the tree, best not shared


def shape_of(source: str, flags: int = 0) -> RegexShape:
    """The shape of a regex (see `compile_with_shape`)."""
    return compile_with_shape(source, flags)[1]


def _needles(shape: _Shape) -> tuple[str, ...]:
    needles = _usable(shape.exact) or _usable(shape.needles)
    if not needles:
        return ()
    # A string holding another of the set adds nothing: "mln." is found only where "mln" is.
    kept = [needle for needle in needles if not any(other != needle and other in needle for other in needles)]
    return tuple(sorted(kept, key=lambda needle: (-len(needle), needle)))


@functools.lru_cache(maxsize=64)  # rules share guards: "(?<![\w.,])" leads all five ordinal patterns
def rejects_digit_before(source: str, flags: int = 0) -> bool:
    """Whether the regex has, at its top level, a negative lookbehind that fails after any decimal digit.

    Such a regex (a scanner's guard) cannot let a match begin inside a run of digits.
    """
    tree = parser.parse(source, int(flags))
    if (flags | tree.state.flags) & sre.SRE_FLAG_ASCII:
        return False  # \d and \w then leave out the other scripts' digits
    for op, argument in tree.data:
        if op is sre.ASSERT_NOT and argument[0] == -1 and len(argument[1]) == 1:
            inner_op, members = argument[1][0]
            if inner_op is sre.IN and _holds_all_digits(members):
                return True
    return False


def _holds_all_digits(members: list[Item]) -> bool:
    if (sre.NEGATE, None) in members:
        return False
    return any(op is sre.CATEGORY and category in _DIGIT_OR_WORD_CATEGORIES for op, category in members)


# ------------------------------------------------------------------------------ required substrings


def _sequence(items: list[Item]) -> _Shape:
    """The shape of consecutive pieces: exact strings multiplied out while few, else the best needles."""
    candidates: list[Strings | None] = []
    stretch: Strings = _EMPTY  # the exact strings of the consecutive exact pieces so far
    all_exact = True
    for item in _join_literals(items):
        shape = item if isinstance(item, _Shape) else _item(*item)
        if shape.exact is not None:
            product = _product(stretch, shape.exact)
            if product is None:
                all_exact = False
                candidates.append(stretch)
                stretch = shape.exact
            else:
                stretch = product
            continue
        all_exact = False
        candidates.append(shape.needles)
        if shape.edges is not None:
            # A repeat's text starts with one of its strings (joined to the stretch before) and ends with one.
            candidates.append(_product(stretch, shape.edges) or stretch)
            stretch = shape.edges
        else:
            candidates.append(stretch)
            stretch = _EMPTY
    candidates.append(stretch)
    return _Shape(exact=stretch if all_exact else None, needles=_best(candidates))


def _join_literals(items: list[Item]) -> Iterator[Item | _Shape]:
    """The pieces, with each run of literal characters given as one exact string (fewer sets to multiply)."""
    run: list[str] = []
    for op, argument in getattr(items, "data", items):  # a nested group's SubPattern, or a plain list
        if op is sre.LITERAL:
            run.append(chr(argument))
            continue
        if run:
            yield _Shape(exact=frozenset({"".join(run)}))
            run = []
        yield op, argument
    if run:
        yield _Shape(exact=frozenset({"".join(run)}))


def _item(op: Any, argument: Any) -> _Shape:
    if op is sre.LITERAL:
        return _Shape(exact=frozenset({chr(argument)}))
    if op is sre.IN:
        return _class(argument)
    if op in _ZERO_WIDTH:
        return _Shape(exact=_EMPTY)
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, items = argument
        return _UNKNOWN if add_flags & sre.SRE_FLAG_IGNORECASE else _sequence(items)
    if op is sre.ATOMIC_GROUP:
        return _sequence(argument)
    if op is sre.BRANCH:
        return _branch(argument[1])
    if op in _REPEATS:
        return _repeat(*argument)
    return _UNKNOWN


def _class(members: list[Item]) -> _Shape:
    chars: set[str] = set()
    for op, argument in members:
        if op is sre.LITERAL:
            chars.add(chr(argument))
        elif op is sre.RANGE and argument[1] - argument[0] < EXACT_LIMIT:
            chars.update(chr(code) for code in range(argument[0], argument[1] + 1))
        else:
            return _UNKNOWN  # a negation, a category (\d, \w) or a wide range
    return _Shape(exact=frozenset(chars)) if len(chars) <= EXACT_LIMIT else _UNKNOWN


def _branch(branches: list[list[Item]]) -> _Shape:
    shapes = [_sequence(branch) for branch in branches]
    if all(shape.exact is not None for shape in shapes):
        union = frozenset(string for shape in shapes for string in shape.exact or ())
        if len(union) <= EXACT_LIMIT:
            return _Shape(exact=union)
    needles: set[str] = set()
    for shape in shapes:
        part = _usable(shape.exact, EXACT_LIMIT) or shape.needles
        if not part:
            return _UNKNOWN  # one alternative with nothing required: the group requires nothing
        needles |= part
    return _Shape(needles=frozenset(needles))


def _repeat(low: int, high: int, items: list[Item]) -> _Shape:
    inner = _sequence(items)
    if inner.exact is None:
        return _Shape(needles=inner.needles) if low >= 1 else _UNKNOWN
    if low == high:
        power: Strings | None = _EMPTY
        for _ in range(low):
            power = _product(power, inner.exact) if power is not None else None
        return _Shape(exact=power) if power is not None else _Shape(needles=_usable(inner.exact, EXACT_LIMIT))
    if low == 0 and high == 1:
        return _Shape(exact=inner.exact | _EMPTY)
    if low >= 1:
        return _Shape(edges=inner.exact, needles=_usable(inner.exact, EXACT_LIMIT))
    return _UNKNOWN


def _product(left: Strings, right: Strings) -> Strings | None:
    if len(left) * len(right) > EXACT_LIMIT:
        return None
    return frozenset(a + b for a in left for b in right)


def _usable(strings: Strings | None, limit: int = NEEDLE_LIMIT) -> Strings | None:
    """The set, if each of its strings must be non-empty and there are few enough to test."""
    if not strings or "" in strings or len(strings) > limit:
        return None
    return strings


def _best(candidates: list[Strings | None]) -> Strings | None:
    """The most selective usable set: the longest shortest string, then the fewest strings."""
    usable = [strings for candidate in candidates if (strings := _usable(candidate)) is not None]
    if not usable:
        return None
    return max(usable, key=lambda strings: (min(map(len, strings)), -len(strings), sorted(strings)))


# ------------------------------------------------------------------------------------ first character


def _leading_run(items: list[Item]) -> tuple[str, str] | None:
    """(run, then) if every match starts with a repeat of a few characters, then one of a few others."""
    items = [item for item in getattr(items, "data", items) if item[0] not in _ZERO_WIDTH]
    if not items or items[0][0] not in _REPEATS:
        return None
    low, _high, repeated = items[0][1]
    run = _sequence(repeated).exact if low >= 1 else None
    if not run or any(len(char) != 1 for char in run) or len(run) > FIRST_CHAR_LIMIT:
        return None  # a repeat of anything but one of a few single characters
    then = _first_chars(items[1:])
    if not then or len(then) > EXACT_LIMIT or not run.isdisjoint(then):
        return None
    return "".join(sorted(run)), "".join(sorted(then))


def _first_chars(items: list[Item]) -> Strings | None:
    """The characters every match of the pieces begins with (empty if they match only ""), None if unknown."""
    for op, argument in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            return frozenset({chr(argument)})
        if op is sre.IN:
            return _class(argument).exact
        if op is sre.SUBPATTERN:
            first = None if argument[1] & sre.SRE_FLAG_IGNORECASE else _first_chars(argument[-1])
        elif op is sre.ATOMIC_GROUP:
            first = _first_chars(argument)
        elif op in _REPEATS:
            first = _first_chars(argument[2]) if argument[0] >= 1 else None
        elif op is sre.BRANCH:
            union: set[str] = set()
            for branch in argument[1]:
                chars = _first_chars(branch)
                if not chars:
                    return None  # unknown, or an alternative that may match nothing
                union |= chars
            return frozenset(union)
        else:
            return None
        if first is None or first:
            return first
    return frozenset()




def _digit_first(items: list[Item]) -> bool | None:
    """True if every match of the pieces begins with a decimal digit, None if they only match "", else False."""
    for op, argument in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            return chr(argument).isdecimal()
        if op is sre.IN:
            return _digit_class(argument)
        if op is sre.SUBPATTERN or op is sre.ATOMIC_GROUP:
            first = _digit_first(argument[-1] if op is sre.SUBPATTERN else argument)
        elif op in _REPEATS:
            low, _high, inner = argument
            if low == 0:
                return False
            first = _digit_first(inner)
        elif op is sre.BRANCH:
            return all(_digit_first(branch) is True for branch in argument[1])
        else:
            return False
        if first is not None:
            return first
    return None


def _digit_class(members: list[Item]) -> bool:
    for op, argument in members:
        if op is sre.CATEGORY and argument in _DIGIT_CATEGORIES:
            continue
        if op is sre.LITERAL and chr(argument).isdecimal():
            continue
        if op is sre.RANGE and all(chr(code).isdecimal() for code in range(argument[0], argument[1] + 1)):
            continue
        return False  # a negation or anything else
    return bool(members)
