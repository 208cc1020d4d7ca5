"""A tokeniser for press text: words with apostrophes and hyphens, numbers, ordinals, acronyms, initials, URLs.

Works on a document's prose mask (masked characters break tokens) and keeps
offsets into the text. Each token knows whether it opens a sentence, so a
checker can tell "Medvedev said" inside a sentence from a capitalised first word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pressqa.document import Document

WORD = "word"  # letters, with inner apostrophes and hyphens: Lukashenko’s, State-made, d'Azur
ACRONYM = "acronym"  # two or more capitals, maybe with a plural or possessive: NATO, NGOs, EAEU’s
INITIALS = "initials"  # letters with full stops: A.A., U.S., e.g.
NUMBER = "number"  # digits, maybe with letters: 80th, 1990s, 5km, COVID-19 parts, 6thParatroop
CODE = "code"  # letters and digits mixed, starting with a letter: G20, Su57
URL = "url"
EMAIL = "email"
HASHTAG = "hashtag"
HANDLE = "handle"

LETTER = r"[^\W\d_]"
APOSTROPHE = "'\u2019\u02bc"
_WORD = rf"{LETTER}+(?:[{APOSTROPHE}]{LETTER}+)*(?:[-‑]{LETTER}+(?:[{APOSTROPHE}]{LETTER}+)*)*[{APOSTROPHE}]?"
# The first lookahead lets the scanner skip spaces and punctuation without trying every branch. `plain` is
# a word no earlier branch could take (two letters, no link prefix, no digit or e-mail after it), matched
# at once instead of after failing the others; anything else falls through to the full list, in order.
# The possessive quantifiers stop the e-mail and code branches from backtracking through every word
# (neither class holds the character that must follow it, so the matches are the same).
_PATTERN = re.compile(
    rf"""
    (?=[\w\#@.+-])
    (?:
    (?={LETTER}{{2}})(?!www\.|https?://|ftp://)(?P<plain>(?>{_WORD}))(?![\w.+-]*@|\d)
  | (?P<url>(?:https?://|ftp://|www\.)[^\s<>()"“”«»\x00]*[^\s<>()"“”«».,;:!?'’\x00])
  | (?P<email>[\w.+-]++@[\w-]+(?:\.[\w-]+)+)
  | (?P<hashtag>(?<![\w&])\#\w+)
  | (?P<handle>(?<![\w.])@\w+)
  | (?P<initials>(?<!\w)(?:{LETTER}\.){{2,}}|(?<![\w.])[A-Z]\.(?=[ \u00a0]?[A-Z]{LETTER}))
  | (?P<number>\d+(?:[.,]\d+)*{LETTER}*(?:[-‑]{LETTER}+)*)
  | (?P<code>{LETTER}++\d\w*)
  | (?P<word>{_WORD})
    )
    """,
    re.VERBOSE,
)
SENTENCE_END = ".!?…:;"
# A full stop after an initial or a common abbreviation does not end the sentence: "A.A. Vishnevsky", "Mr. Putin".
_ABBREVIATION_BEFORE = re.compile(
    r"(?:(?<![\w.])(?:[A-Za-z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Lt|Col|Jr|Sr|vs|No|Nos|approx|Art|Vol)\.)$"
)
OPENERS = "\"'“‘«„([{*_–—-•·\u00a0 \t"
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
_DIGITS = re.compile(r"[\d.,]+")


class Token(NamedTuple):
    """One token: its text, 0-based offsets into the document text, kind, and whether it opens a sentence."""

    text: str
    start: int
    end: int
    kind: str
    sentence_start: bool = False

    @property
    def is_capitalised(self) -> bool:
        """Whether the first letter is a capital."""
        return self.text[:1].isupper()

    def parts(self) -> list[Token]:
        """The hyphen-separated parts of a compound word (the token itself when it has no hyphen)."""
        if "-" not in self.text and "‑" not in self.text:
            return [self]
        parts: list[Token] = []
        offset = self.start
        for index, piece in enumerate(re.split(r"[-‑]", self.text)):
            if piece:
                parts.append(Token(piece, offset, offset + len(piece), self.kind, self.sentence_start and index == 0))
            offset += len(piece) + 1
        return parts


def _word_kind(value: str) -> str:
    """WORD, or ACRONYM for a word of capitals (with a plural or possessive ending): NATO, NGOs, EAEU’s."""
    text = value.rstrip(APOSTROPHE)
    bare = text[:-2] if text[-2:-1] in APOSTROPHE and text[-1:] == "s" else text
    bare = bare[:-1] if bare.endswith("s") and bare[:-1].isupper() else bare
    if len(bare) > 1 and bare.isupper() and "-" not in bare:
        return ACRONYM
    return WORD


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` is the first of a sentence, line or list item (quotes and brackets skipped)."""
    index = start - 1
    while index >= 0 and text[index] in OPENERS:
        index -= 1
    if index < 0 or text[index] in "\n\x00":
        return True
    if text[index] == ".":
        return not _ABBREVIATION_BEFORE.search(text, max(0, index - 12), index + 1)
    if text[index] in SENTENCE_END:
        return True
    # A closing quote or bracket after a full stop: ... said.” The ...
    return text[index] in "\"'”’»)" and index > 0 and text[index - 1] in SENTENCE_END


# Punctuation around a word that no token starts with or takes in ("(Russia),", "“Minsk.”"): a chunk of ASCII
# letters inside these is the tokeniser's plain word and nothing else (unless it starts "www."). Apostrophes,
# hyphens and the characters that start addresses and tags are not among them.
_AROUND_WORD = ".,;:!?)]}”\"»…*([{“«„‘•"

# A character two before a word, after one space (or no-break space), that could make the word open a
# sentence; any other character settles that it does not, so most words skip `opens_sentence`.
_MAYBE_BOUNDARY = frozenset(OPENERS + SENTENCE_END + "\n\x00\"'”’»)")


def tokenize(text: str) -> Iterator[Token]:
    """Tokens of a text (or a prose mask, whose masked characters never join a token), in order."""
    return iter(span_tokens(text))


def plain_word(chunk: str) -> str | None:
    """The one token of a chunk (a run between whitespace) that is a plain ASCII word, else None.

    A chunk of ASCII letters is that word whatever surrounds it; so is one of two or more letters inside
    punctuation no token starts with or takes in ("(Russia),"), unless it may be a link ("www.*"). A lone
    letter inside punctuation may be an initial ("A."), so only the scanner can tell.
    """
    if chunk.isalpha():
        return chunk if chunk.isascii() else None
    word = chunk.strip(_AROUND_WORD)
    if len(word) > 1 and word.isascii() and word.isalpha() and not word.startswith("www"):
        return word
    return None


def span_tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of the chunks in `text[start:end]`, a span that begins and ends between chunks.

    No token holds whitespace, so the scanner's tokens are those of each chunk in turn. A plain word,
    most of a release, skips the scanner; any other chunk is scanned from its start, the scanner
    seeing the whole text around it (so a span's tokens are exactly those of the whole text there).
    """
    new = tuple.__new__  # Token(...) through its Python-level __new__ costs a third of the loop
    boundary = _MAYBE_BOUNDARY
    search = _PATTERN.search
    find = text.find
    tokens: list[Token] = []
    append = tokens.append
    chunk_end = start
    match: re.Match[str] | None = None  # the scanner's next match, perhaps found from an earlier chunk
    for chunk in text[start:end].split():
        chunk_start = find(chunk, chunk_end)  # only whitespace lies between the last chunk and this one
        chunk_end = chunk_start + len(chunk)
        word = plain_word(chunk)
        if word is not None:
            at = chunk_start if len(word) == len(chunk) else chunk_start + chunk.index(word[0])
            kind = _word_kind(word) if word[1:2].isupper() else WORD
            if at > 1 and text[at - 1] in " \u00a0" and text[at - 2] not in boundary:
                append(new(Token, (word, at, at + len(word), kind, False)))
            else:
                append(new(Token, (word, at, at + len(word), kind, opens_sentence(text, at))))
            continue
        if match is None or match.start() < chunk_start:
            match = search(text, chunk_start)
        while match is not None and (at := match.start()) < chunk_end:
            group = match.lastgroup
            kind = WORD if group == "plain" or group is None else group
            value = match.group()
            if kind == WORD:
                if value[1:2].isupper():
                    kind = _word_kind(value)
                if kind == WORD and value[-1] in APOSTROPHE and not value[:-1].endswith(("s", "S")):
                    value = value[:-1]  # a closing single quote, not a plural possessive
            if at > 1 and text[at - 1] in " \u00a0" and text[at - 2] not in boundary:
                first = False
            else:
                first = opens_sentence(text, at)
            append(new(Token, (value, at, at + len(value), kind, first)))
            match = search(text, match.end())
    return tokens


def word_kind(word: str) -> str:
    """The kind of the token a plain word makes: WORD, or ACRONYM for capitals (NATO, NGOs)."""
    return _word_kind(word) if word[1:2].isupper() else WORD


def document_tokens(doc: Document) -> tuple[Token, ...]:
    """The tokens of a document's prose, computed once per document and shared by every rule."""
    return doc.memo(document_tokens, lambda: tuple(span_tokens(doc.prose)))


def split_number(token: str) -> tuple[str, str]:
    """A NUMBER token split into its digits (with separators) and the letters after them: '6thParatroop' -> ('6', 'thParatroop')."""
    match = _DIGITS.match(token)
    digits = match.group(0) if match else ""
    return digits, token[len(digits) :]


def ordinal_suffix(number: str) -> str:
    """The English ordinal suffix of a whole number: 1 -> st, 12 -> th, 22 -> nd."""
    value = int(number.replace(",", "").split(".")[0] or 0)
    if 10 <= value % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
