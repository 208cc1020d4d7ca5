"""Cyrillic and Greek letters that look like Latin ones, and the Latin letter each stands for.

Hand-made from the Unicode confusables list (UTS #39 `confusables.txt`), kept to
letters that are indistinguishable from Latin ones in ordinary text fonts: a
writer who types them by mistake (a Russian keyboard layout left on) cannot see
them, and search, spelling and sorting break.
"""

from __future__ import annotations

import unicodedata

CYRILLIC_TO_LATIN: dict[str, str] = {
    "а": "a", "в": "b", "е": "e", "ѐ": "è", "ё": "ë", "і": "i", "ї": "ï", "ј": "j", "к": "k", "м": "m",
    "н": "h", "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "ԛ": "q",
    "ԝ": "w", "һ": "h", "ӏ": "l", "ү": "y",
    "А": "A", "В": "B", "Е": "E", "Ѐ": "È", "Ё": "Ë", "І": "I", "Ї": "Ï", "Ј": "J", "К": "K", "М": "M",
    "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "Ԁ": "D", "Ԛ": "Q",
    "Ԝ": "W", "Һ": "H", "Ӏ": "I", "Ү": "Y",
}  # fmt: skip

GREEK_TO_LATIN: dict[str, str] = {
    "α": "a", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "υ": "u", "χ": "x",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}  # fmt: skip

LOOKALIKES: dict[str, str] = {**CYRILLIC_TO_LATIN, **GREEK_TO_LATIN}


def script_of(char: str) -> str:
    """'latin', 'cyrillic', 'greek' or 'other' for one letter (anything not a letter is 'other')."""
    if char.isascii():
        return "latin" if char.isalpha() else "other"
    if not char.isalpha():
        return "other"
    name = unicodedata.name(char, "")
    for script in ("LATIN", "CYRILLIC", "GREEK"):
        if name.startswith(script):
            return script.lower()
    return "other"


def to_latin(word: str) -> str | None:
    """`word` with every Cyrillic or Greek look-alike replaced by its Latin letter; None if a foreign letter has none."""
    out: list[str] = []
    for char in word:
        if char in LOOKALIKES:
            out.append(LOOKALIKES[char])
        elif script_of(char) in ("cyrillic", "greek"):
            return None
        else:
            out.append(char)
    return "".join(out)
