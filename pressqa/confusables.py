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

# The UTF-8 beginnings of every Cyrillic and Greek letter (Greek and Coptic, Cyrillic and its supplement,
# the Cyrillic extensions, phonetic-extension and extended Greek letters): a first byte, and the second
# bytes that can follow it (none listed: any). Looking for each in the encoded text is a C-level byte
# search (memchr for one byte), many times faster than a regular expression over the text. The set is
# a little wider than needed (U+0340-U+036F, combining accents, share a first byte), never narrower;
# Cyrillic combining letters with a first byte of their own (U+2DE0-U+2DFF) are not letters and left out.
CYRILLIC_OR_GREEK_UTF8: dict[bytes, tuple[bytes, ...]] = {
    b"\xcd": (), b"\xce": (), b"\xcf": (), b"\xd0": (), b"\xd1": (), b"\xd2": (), b"\xd3": (), b"\xd4": (),
    # U+1C80-U+1CBF Cyrillic Extended-C, U+1D00-U+1D7F phonetic letters, U+1F00-U+1FFF Greek Extended
    b"\xe1": (b"\xe1\xb2", b"\xe1\xb4", b"\xe1\xb5", b"\xe1\xbc", b"\xe1\xbd", b"\xe1\xbe", b"\xe1\xbf"),
    # U+A640-U+A69F Cyrillic Extended-B, U+AB65 Greek letter small capital omega
    b"\xea": (b"\xea\x99", b"\xea\x9a", b"\xea\xad"),
}  # fmt: skip


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


def may_hold_cyrillic_or_greek(text: str) -> bool:
    """False only if `text` has no Cyrillic or Greek letter (nor a Cyrillic mark U+0483-U+0489): a fast test."""
    if text.isascii():
        return False
    encoded = text.encode("utf-8", "surrogatepass")
    return any(
        first in encoded and (not pairs or any(pair in encoded for pair in pairs))
        for first, pairs in CYRILLIC_OR_GREEK_UTF8.items()
    )


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
