"""The `script` kind: Cyrillic or Greek look-alikes inside Latin words, untranslated Cyrillic, invisible characters.

One kind, three checks (the rule's `check` option):

- `homoglyph`: a word mixing Latin with Cyrillic/Greek letters ("Adebayо"), or a
  lone word of look-alike letters between English words ("с)" as a list letter).
  The fix maps the look-alikes to Latin letters and is safe.
- `cyrillic-run`: Cyrillic words left in an English text. Quiet when the config
  says the document is bilingual, and for an original given on purpose: a run
  inside parentheses or quotation marks, as in `Union State (Союзное государство)`
  or `the slogan «Мы вместе»`.
- `invisible`: zero-width characters, a soft hyphen inside a word, and a
  non-breaking space that splits one word in two ("Gov\u00a0ernment").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

from pressqa.confusables import may_hold_cyrillic_or_greek, script_of, to_latin
from pressqa.document import Document
from pressqa.finding import Finding
from pressqa.rule import Kind, KindContext, Option, Rule

CHECKS = ("homoglyph", "cyrillic-run", "invisible")

LETTERS = re.compile(r"[^\W\d_]+")
CYRILLIC = "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"
CYRILLIC_WORD = rf"[{CYRILLIC}]+(?:['’\u0301][{CYRILLIC}]+)*"
# Cyrillic words joined by spaces, digits and sentence punctuation (not brackets or quotes, so an
# enclosing pair can be recognised as marking an original).
CYRILLIC_RUN = re.compile(rf"{CYRILLIC_WORD}(?:[ \t\u00a0\d,.;:!?\-–—]+{CYRILLIC_WORD})*")
OPENERS = "(«“„\"'‘‹["
CLOSERS = ")»”“\"'’›]"

ZERO_WIDTH: dict[str, str] = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space (BOM)",
    "\u180e": "Mongolian vowel separator",
}
SPACES_IN_WORD: dict[str, str] = {
    "\u00a0": "non-breaking space",
    "\u202f": "narrow non-breaking space",
    "\u2007": "figure space",
}
SOFT_HYPHEN = "\u00ad"
FUNCTION_WORDS = frozenset(
    "a an the in on at to of by for from with and or but as is are was be no not nor its it this that".split()
)
INVISIBLE = re.compile("[" + "".join(ZERO_WIDTH) + SOFT_HYPHEN + "]")
_SPACE = "[" + "".join(SPACES_IN_WORD) + "]"


@functools.cache  # compiled on first use (a few ms): most runs never see a narrow or figure space
def _split_candidate(space: str) -> re.Pattern[str]:
    """A space (`space`, a character set or one character) between letters whose right word is a lower-case
    ASCII word, with neither word a common lower-case or capitalised function word.

    The pattern starts with the space, so the regex engine scans for it in C (for one character,
    as fast as `str.find`), and rejects nearly every space within a few steps. Function words in
    other cases ("OF") are left to the caller, like the chain a space belongs to (see
    `_words_split_by_space`).
    """
    letter = r"[^\W\d_]"
    spellings = sorted(FUNCTION_WORDS | {word.capitalize() for word in FUNCTION_WORDS})
    by_length: dict[int, list[str]] = {}
    for word in spellings:
        by_length.setdefault(len(word), []).append(word)
    # A lookbehind must have one width: one for each length of function word, the commonest lengths
    # first (most of these spaces follow "of", "in", "the", "and"), cheap tests before dear ones.
    left = "".join(
        f"(?<!(?<!{letter})(?:{'|'.join(by_length[length])}){space})"
        for length in sorted(by_length, key=lambda length: (length == 1, length))
    )
    right = f"(?!(?:{'|'.join(sorted(FUNCTION_WORDS))})(?!{letter}))"
    return re.compile(rf"{space}(?=[a-z]){left}(?<={letter}.){right}([a-z][A-Za-z]*)(?!{letter})")


INVISIBLE_CHARACTERS = (*ZERO_WIDTH, SOFT_HYPHEN)
CYRILLIC_OR_GREEK_MEMO = ("script", "may-hold-cyrillic-or-greek")  # Document.memo key
NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")


class ScriptKind(Kind):
    """Mixed scripts, untranslated Cyrillic and invisible characters in prose."""

    name: ClassVar[str] = "script"
    options: ClassVar[Mapping[str, Option]] = {
        "check": Option((str,), required=True, help="homoglyph, cyrillic-run or invisible"),
        "min_letters": Option((int,), 2, help="cyrillic-run: fewest Cyrillic letters a run needs to be reported"),
    }

    def __init__(self, rule: Rule, context: KindContext) -> None:
        super().__init__(rule, context)
        self._check = str(self.option("check"))
        self._min_letters = int(self.option("min_letters"))
        self._split_cache: dict[tuple[str, str], bool] = {}

    @classmethod
    def validate(cls, options: Mapping[str, Any]) -> list[tuple[str, str]]:
        if options.get("check") not in CHECKS:
            return [("check", f"must be one of {', '.join(CHECKS)}")]
        return []

    def check(self, doc: Document) -> Iterable[Finding]:
        if self._check == "homoglyph":
            return self._homoglyphs(doc)
        if self._check == "cyrillic-run":
            return self._cyrillic_runs(doc)
        return self._invisibles(doc)

    # ------------------------------------------------------------------------------------ homoglyph

    def _homoglyphs(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        if not _may_hold_cyrillic_or_greek(doc):
            return
        for start, end in _non_ascii_words(prose):
            word = prose[start:end]
            scripts = {script_of(char) for char in word}
            foreign = scripts & {"cyrillic", "greek"}
            if not foreign:
                continue
            latin = to_latin(word)
            if "latin" not in scripts:
                # A whole word of look-alikes is a slip only between English words; in Cyrillic text it is Cyrillic.
                if latin is None or not self._between_latin(prose, start, end):
                    continue
            elif latin is None and "cyrillic" not in foreign:
                continue  # Greek letters with no Latin twin (μg, Ωm) are symbols, not slips
            letters = ", ".join(
                f"{char} U+{ord(char):04X}" for char in dict.fromkeys(c for c in word if script_of(c) in foreign)
            )
            script_names = " and ".join(sorted(s.capitalize() for s in foreign))
            suggestions = (latin,) if latin else ()
            yield self.report(
                doc,
                start,
                end,
                suggestions=suggestions,
                fixable=latin is not None,
                script=script_names,
                letters=letters,
            )

    @staticmethod
    def _between_latin(prose: str, start: int, end: int) -> bool:
        before = LETTERS.findall(prose[max(0, start - 60) : start])
        after = LETTERS.findall(prose[end : end + 60])
        neighbours = [w for w in (before[-1] if before else "", after[0] if after else "") if w]
        return bool(neighbours) and all(script_of(w[0]) == "latin" for w in neighbours)

    # --------------------------------------------------------------------------------- cyrillic run

    def _cyrillic_runs(self, doc: Document) -> Iterator[Finding]:
        config = self.context.settings.get("config")
        if getattr(config, "bilingual", False):
            return
        prose = doc.prose
        if prose.isascii() or (self._min_letters > 0 and not _may_hold_cyrillic_or_greek(doc)):
            return  # a run with a letter has a Cyrillic letter
        for match in CYRILLIC_RUN.finditer(prose):
            start, end = match.span()
            if _is_letter(prose, start - 1) or _is_letter(prose, end):
                continue  # Cyrillic letters inside a Latin word: the homoglyph check's business
            run = match.group(0)
            letters = sum(1 for char in run if char.isalpha())
            if letters < self._min_letters:
                continue
            if " " not in run and to_latin(run) is not None and self._between_latin(prose, start, end):
                continue  # a lone look-alike word: reported as a homoglyph
            if _enclosed(prose, start, end):
                continue
            yield self.report(doc, start, end, words=len(LETTERS.findall(run)))

    # ------------------------------------------------------------------------------------ invisible

    def _invisibles(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        if prose.isascii():
            return
        invisible = any(char in prose for char in INVISIBLE_CHARACTERS)  # a C-level search for each
        for match in INVISIBLE.finditer(prose) if invisible else ():
            char = match.group(0)
            index = match.start()
            previous = prose[index - 1] if index else ""
            following = prose[index + 1] if index + 1 < len(prose) else ""
            if char == SOFT_HYPHEN:
                if not (previous.isalpha() and following.isalpha()):
                    continue
                name = "soft hyphen"
            else:
                if char in "\u200c\u200d" and not _latin_side(previous, following):
                    continue  # joiners shape emoji sequences and Indic/Arabic script: legitimate there
                name = ZERO_WIDTH[char]
            yield self.report(
                doc, index, index + 1, suggestions=("",), fixable=True, name=name, code=_code(char), where="in the text"
            )
        for index, left, right in _words_split_by_space(prose):
            joined = left + right
            if not self._splits_word_cached(left, right, joined):
                continue
            space = prose[index]
            where = f"splits the word '{joined}' in two"
            yield self.report(
                doc, index, index + 1, suggestions=("",), fixable=True, name=SPACES_IN_WORD[space], code=_code(space), where=where
            )

    def _splits_word_cached(self, left: str, right: str, joined: str) -> bool:
        key = (left, right)
        split = self._split_cache.get(key)
        if split is None:
            split = self._split_cache[key] = self._splits_word(left, right, joined)
        return split

    def _splits_word(self, left: str, right: str, joined: str) -> bool:
        if not (left.isascii() and right.isascii()) or not right[0].islower() or len(joined) < 5:
            return False  # the second half of a split word starts in lower case; "in\u00a0Minsk" is two words
        if left.lower() in FUNCTION_WORDS or right.lower() in FUNCTION_WORDS:
            return False  # a non-breaking space after a short word is typography (and saves loading a dictionary)
        if self.context.lexicon is None:
            return False
        words = self.context.lexicon.words  # shared with the spelling kind: loaded once a run
        if not words.frequency(joined.lower()):
            return False
        return not words.frequency(left.lower()) or not words.frequency(right.lower())


def _may_hold_cyrillic_or_greek(doc: Document) -> bool:
    """`may_hold_cyrillic_or_greek` of the prose, found once per document for the checks that need it."""
    return doc.memo(CYRILLIC_OR_GREEK_MEMO, lambda: may_hold_cyrillic_or_greek(doc.prose))


def _non_ascii_words(prose: str) -> Iterator[tuple[int, int]]:
    """Spans of the words (LETTERS runs) that hold a non-ASCII letter, found from those letters, in order."""
    covered = 0
    for match in NON_ASCII_LETTER.finditer(prose):
        index = match.start()
        if index < covered:
            continue  # another non-ASCII letter of a word already given
        start = _word_start(prose, index)
        end = LETTERS.match(prose, index).end()  # type: ignore[union-attr]
        covered = end
        yield start, end


def _words_split_by_space(prose: str) -> Iterator[tuple[int, str, str]]:
    """(offset of the space, word before, word after) for each word pair joined by a SPACES_IN_WORD character.

    In a chain ("a\u00a0b\u00a0c\u00a0d") the pairs are taken left to right and
    a word is in one pair only (a-b, c-d), as a left-to-right scan would take them.
    Pairs that cannot be a split word by the cheap tests of `ScriptKind._splits_word`
    (the second part is not a lower-case ASCII word, or either part is a function word)
    are left out. Nearly every such space in a release is a typographic one after a
    short word ("of\u00a0the"), so the regex skips those in C and only the rare pairs
    left are looked at.
    """
    if not any(space in prose for space in SPACES_IN_WORD):
        return
    only_nbsp = "\u202f" not in prose and "\u2007" not in prose
    for match in _split_candidate("\u00a0" if only_nbsp else _SPACE).finditer(prose):
        index = match.start()
        if _joined_words_before(prose, index) % 2:
            continue  # the space's left word was taken as the right word of the pair before
        right = match.group(1)
        if right.lower() not in FUNCTION_WORDS:
            yield index, prose[_word_start(prose, index - 1) : index], right


def _joined_words_before(prose: str, index: int) -> int:
    """How many SPACES_IN_WORD joins there are before the one at `index` in its chain of joined words."""
    count = 0
    start = _word_start(prose, index - 1)
    while start >= 2 and prose[start - 1] in SPACES_IN_WORD and _is_word_letter(prose[start - 2]):
        count += 1
        start = _word_start(prose, start - 2)
    return count


def _is_word_letter(char: str) -> bool:
    """Whether a character is one `[^\\W\\d_]` matches (alphanumeric, not a decimal digit)."""
    return char.isalnum() and not char.isdecimal()


def _word_start(prose: str, index: int) -> int:
    """The start of the LETTERS run holding the letter at `index`."""
    start = index
    # `[^\W\d_]` is exactly "alphanumeric but not a decimal digit"; a short loop beats a backwards regex search.
    while start > 0:
        char = prose[start - 1]
        if not char.isalnum() or char.isdecimal():
            break
        start -= 1
    return start


def _is_letter(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalpha()


def _latin_side(previous: str, following: str) -> bool:
    return any(char and (char.isascii() or script_of(char) == "latin") for char in (previous, following))


def _enclosed(prose: str, start: int, end: int) -> bool:
    """Whether a span sits inside parentheses or quotation marks on its own line (an original given on purpose)."""
    line_start = prose.rfind("\n", 0, start) + 1
    line_end = prose.find("\n", end)
    line_end = len(prose) if line_end == -1 else line_end
    before = prose[line_start:start]
    after = prose[end:line_end]
    open_paren = before.rfind("(")
    if open_paren != -1 and ")" not in before[open_paren:] and ")" in after and "(" not in after[: after.find(")")]:
        return True
    opener = before.rstrip(" \u00a0")[-1:]
    closer = after.lstrip(" \u00a0.,;:!?")[:1]
    return bool(opener) and opener in OPENERS and bool(closer) and closer in CLOSERS


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"
