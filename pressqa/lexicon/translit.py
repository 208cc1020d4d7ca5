"""Transliteration-aware name keys: romanisations of one Cyrillic original get one key.

"Aleksandr", "Alexander" and "Alyaksandr" all key to `aleksandr`-like strings;
"Sergei"/"Sergey", "Zelensky"/"Zelenskyy"/"Zelenskiy", "Yuri"/"Yury"/"Iurii"
to the same key. Keys that still differ by one edit ("Lukashenko"/"Lukashenka",
"Tsibulsky"/"Tsybulsky") are *near* keys: `are_variants` decides whether such
a pair may be merged, and refuses pairs that only differ by a grammatical
ending ("Ivanov"/"Ivanova", "Aleksandr"/"Aleksandra").

A hand-written key was measured against iuliia and anyascii round trips: it is
about ten times faster and, unlike both, merges the Belarusian and Ukrainian
romanisations (Aliaksandr, Zelenskyy) too. anyascii only folds non-ASCII
letters (Erdoğan, Cyrillic) before the rules run.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

APOSTROPHES = "'’ʹʼ`‘"
POSSESSIVE = re.compile(r"[’'](?:s)?$")
VOWELS = "aeiouy"
_NO_VOWELS = str.maketrans("", "", VOWELS)
_NO_APOSTROPHES = str.maketrans("", "", APOSTROPHES)

# Ordered rewrite rules on a lower-case ASCII word, each with the strings one of which every match holds: a rule
# runs only on a word holding one, as most match nowhere in a given name and `in` is far cheaper than `sub`.
# Upper-case letters are placeholders for one sound written with several letters, so later rules cannot split
# them again.
_RULES: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = tuple(
    (re.compile(pattern), replacement, needs)
    for pattern, replacement, needs in (
        (r"x", "ks", ("x",)),
        (r"ck", "k", ("ck",)),
        (r"q", "k", ("q",)),
        (r"shch|sch|shh", "Q", ("h",)),
        (r"dzh|dj|zh", "J", ("dj", "zh")),
        (r"^j(?=[aeiou])", "J", ("j",)),
        (r"tch|ch", "C", ("ch",)),
        (r"kh", "H", ("kh",)),
        (r"sh", "W", ("sh",)),
        (r"ph", "f", ("ph",)),
        (r"gh", "g", ("gh",)),
        (r"th", "T", ("th",)),
        (r"ts|tz|tc", "c", ("t",)),
        (r"c(?![eiy])", "k", ("c",)),
        (r"h", "g", ("h",)),
        (r"w", "v", ("w",)),
        (r"(?<=[aeiou])j", "y", ("j",)),
        (r"j", "J", ("j",)),
        (r"iy|yy|ii|yi|ij", "y", ("i", "y")),
        (r"(?<=[aeou])[iy](?![aeiou])", "y", ("i", "y")),
        (r"(?<=[^aeiouy])i$", "y", ("i",)),
        (r"(?<=[^aeiou])[iy](?=[aeu])", "y", ("i", "y")),
        (r"^y?e", "e", ("e",)),
        (r"^i(?=[aou])", "y", ("i",)),
    )
)
# The last rule, doubled letters made single: a back-reference `sub` is slow, so a search decides first.
_DOUBLED = re.compile(r"(.)\1")
_DOUBLED_RUN = re.compile(r"(.)\1+")
_FIRST_GROUP = itemgetter(1)  # a C-level replacement: a "\1" template is expanded in Python at every match

BELARUSIAN_ENDINGS = ("nko", "nka")
# Endings that make a different person, not a different spelling.
_GENDER_PAIRS = (("", "a"), ("y", "aya"), ("i", "aya"), ("ey", "aya"))


def fold(word: str) -> str:
    """Lower-case ASCII form of a word: Cyrillic and accented letters romanised, apostrophes dropped."""
    if not word.isascii():
        from anyascii import anyascii

        word = anyascii(word)
    return word.lower().translate(_NO_APOSTROPHES)


def strip_possessive(word: str) -> str:
    """The word without a trailing 's / ’s / ' (Lukashenko's -> Lukashenko)."""
    return POSSESSIVE.sub("", word) if len(word) > 3 and word[-1] in "'’s" else word


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """The transliteration key of one name token (possessive ignored); hyphenated parts keyed apart."""
    word = strip_possessive(word)
    return "-".join(_key_part(part) for part in fold(word).split("-") if part)


def _key_part(word: str) -> str:
    for pattern, replacement, needs in _RULES:
        for letters in needs:
            if letters in word:
                word = pattern.sub(replacement, word)
                break
    if _DOUBLED.search(word):
        word = _DOUBLED_RUN.sub(_FIRST_GROUP, word)
    return word


def differ_by_ending_only(a: str, b: str) -> bool:
    """Whether two keys differ only by a grammatical (gender) ending: Ivanov/Ivanova, Zelensky/Zelenskaya."""
    short, long_ = sorted((a, b), key=len)
    for masculine, feminine in _GENDER_PAIRS:
        if short.endswith(masculine) and long_ == short[: len(short) - len(masculine)] + feminine:
            return True
    return False


def skeleton(key: str) -> str:
    """A key without its vowels: what survives the vowel shifts between Russian and Belarusian (Aleksandr/Alyaksandr)."""
    return key.translate(_NO_VOWELS)


def key_distance(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions, transpositions) between two keys.

    Unrestricted Damerau-Levenshtein, as rapidfuzz computes it, in plain
    Python: keys are a few letters long once their common ends are cut, and
    importing rapidfuzz would cost more than every comparison of a release.
    """
    start = 0
    limit = min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    end = 0
    limit -= start
    while end < limit and a[-1 - end] == b[-1 - end]:
        end += 1
    if end:
        a, b = a[:-end], b[:-end]
    if not a or not b:
        return len(a) + len(b)
    return _damerau_levenshtein(a, b)


def _damerau_levenshtein(a: str, b: str) -> int:
    """Lowrance-Wagner: the true Damerau-Levenshtein distance (a substring may be edited after a transposition)."""
    infinite = len(a) + len(b)
    rows = [[infinite] * (len(b) + 2)]
    rows += [[infinite, i] + [0] * len(b) for i in range(len(a) + 1)]
    rows[1][1:] = range(len(b) + 1)
    last_row_of: dict[str, int] = {}
    for i in range(1, len(a) + 1):
        char_a = a[i - 1]
        last_column = 0
        row, above = rows[i + 1], rows[i]
        for j in range(1, len(b) + 1):
            char_b = b[j - 1]
            earlier_row = last_row_of.get(char_b, 0)
            earlier_column = last_column
            if char_a == char_b:
                cost = 0
                last_column = j
            else:
                cost = 1
            row[j + 1] = min(
                above[j] + cost,
                row[j] + 1,
                above[j + 1] + 1,
                rows[earlier_row][earlier_column] + (i - earlier_row - 1) + 1 + (j - earlier_column - 1),
            )
        last_row_of[char_a] = i
    return rows[len(a) + 1][len(b) + 1]


def are_variants(a: str, b: str, min_length: int = 5) -> bool:
    """Whether two name tokens look like romanisations of one original.

    Equal keys always are; keys one edit apart are when both are at least
    `min_length` letters, share their first letter, and do not differ by a
    gender ending only; keys two edits apart are when, besides, they are
    longer than `min_length` and only their vowels differ. Distinct real entities are vetoed by the caller
    (it knows the gazetteers).
    """
    return keys_are_variants(name_key(a), name_key(b), min_length)


@lru_cache(maxsize=65536)
def keys_are_variants(key_a: str, key_b: str, min_length: int = 5) -> bool:
    """`are_variants` on two transliteration keys (a release compares the same pairs again and again)."""
    if key_a == key_b:
        return True
    if min(len(key_a), len(key_b)) < min_length or key_a[0] != key_b[0]:
        return False
    if differ_by_ending_only(key_a, key_b) or key_a.startswith(key_b) or key_b.startswith(key_a):
        return False  # Ivanov/Ivanova, Russia/Russian: another word, not another spelling
    if len(key_a) == len(key_b) and key_a[:-1] == key_b[:-1] and not key_a.endswith(BELARUSIAN_ENDINGS):
        return False  # Marina/Marino, Sergey/Sergev: only Belarusian -enka/-enko swaps a final letter
    if abs(len(key_a) - len(key_b)) > 2:
        return False  # more than two edits apart: the distance need not be computed
    if min(len(key_a), len(key_b)) <= min_length or skeleton(key_a) != skeleton(key_b):
        return _one_edit_apart(key_a, key_b)  # two edits would not do: no need for the full distance
    return key_distance(key_a, key_b) <= 2


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether two different strings are one substitution, insertion, deletion or adjacent transposition apart."""
    if len(a) > len(b):
        a, b = b, a
    start = 0
    while start < len(a) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        if a[start + 1 :] == b[start + 1 :]:
            return True  # one substitution
        swapped = a[start + 1 : start + 2] + a[start : start + 1]
        return swapped == b[start : start + 2] and a[start + 2 :] == b[start + 2 :]
    return len(b) - len(a) == 1 and a[start:] == b[start + 1 :]
