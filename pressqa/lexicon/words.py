"""Spelling data: the English dictionary, British/American variants, press vocabulary, proper nouns, misspellings.

Everything is read once per Lexicon. The dictionary is pyspellchecker's English
word-frequency list (read directly, without building a SpellChecker), extended by
pressqa's own lists under `rules/data/spelling/` and the config's accept list.
The 2 MB misspellings list is read only when a word is first looked up in it,
which a clean file never needs.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pressqa.lexicon import Lexicon

SPELLING_DIR = "spelling"
LANGUAGES = ("en", "en-GB", "en-US")
APOSTROPHES = "\u2019\u2018\u02bc\u0060\u00b4"
ALPHABET = "abcdefghijklmnopqrstuvwxyz"
# A word pressqa lists (vocabulary, British form, proper noun) that pyspellchecker lacks
# still needs a frequency to rank suggestions; this is a rare-but-real word's count.
LISTED_FREQUENCY = 50
# Searching the misspelling text costs about a millisecond a word; indexing its rows costs some sixty. A run
# that has looked this many words up (a large batch) indexes the rows for the rest.
INDEX_MISSPELLINGS_AFTER = 64


class VariantPair(NamedTuple):
    """A British spelling and its American counterpart; `ambiguous` when the American form is also British."""

    british: str
    american: str
    ambiguous: bool = False


@dataclass(frozen=True)
class Misspelling:
    """A known typo and its corrections (best first); `safe` when the correction is the only one."""

    typo: str
    fixes: tuple[str, ...]
    safe: bool


def normalise(token: str) -> str:
    """The token with typographic apostrophes made ASCII, so "Lukashenko’s" and "Lukashenko's" look the same."""
    for mark in APOSTROPHES:
        if mark in token:
            token = token.replace(mark, "'")
    return token


def strip_possessive(token: str) -> str:
    """The token without a trailing possessive ('s or s'); ASCII apostrophes expected."""
    if token.endswith("'s") or token.endswith("'S"):
        return token[:-2]
    if token.endswith("s'"):
        return token[:-1]
    return token


def with_case_of(model: str, word: str) -> str:
    """`word` capitalised the way `model` is (UPPER, Title or as given)."""
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class Words:
    """Which tokens are English words, how frequent they are, their variants, and known misspellings."""

    def __init__(
        self,
        dictionary: Mapping[str, int],
        british_only: Iterable[str] = (),
        vocabulary: Iterable[str] = (),
        proper_nouns: Iterable[str] = (),
        variant_pairs: Iterable[VariantPair] = (),
        accept: Iterable[str] = (),
        misspelling_files: Iterable[Path] = (),
    ) -> None:
        self._dictionary = dictionary
        self.british_only = frozenset(w.lower() for w in british_only)
        self.vocabulary = frozenset(w.lower() for w in vocabulary)
        self.proper_nouns = frozenset(proper_nouns)
        self._proper_upper = frozenset(p.upper() for p in self.proper_nouns)
        self.variant_pairs: tuple[VariantPair, ...] = tuple(variant_pairs)
        accepted = [normalise(a.strip()) for a in accept if a.strip()]
        # A lower-case accept entry accepts any case; one with capitals only that exact form (and ALL CAPS).
        self.accept_any_case = frozenset(a for a in accepted if a == a.lower())
        self.accept_exact = frozenset(a for a in accepted if a != a.lower())
        self._misspelling_files = tuple(misspelling_files)
        self._misspelling_lookups = 0
        self._misspelling_index: tuple[dict[str, str], ...] | None = None
        # Indexes other modules derive from these words (the speller per language), built once per lexicon.
        self.derived: dict[str, object] = {}

    # -- variants -----------------------------------------------------------------------------------

    @cached_property
    def british_to_american(self) -> dict[str, str]:
        """British form to American form (lower-case), every pair."""
        return {p.british: p.american for p in self.variant_pairs}

    @cached_property
    def american_to_british(self) -> dict[str, str]:
        """American form to British form (lower-case), every pair (the first British form met wins)."""
        result: dict[str, str] = {}
        for pair in self.variant_pairs:
            result.setdefault(pair.american, pair.british)
        return result

    @cached_property
    def _ambiguous_american(self) -> frozenset[str]:
        return frozenset(p.american for p in self.variant_pairs if p.ambiguous)

    def other_variant(self, word: str, language: str) -> str | None:
        """The configured variety's form of a word written in the other variety, cased like it; None if none.

        Under `en` both varieties are right, so this is always None. An American form that is
        also a British word in some sense (`ambiguous`: program, meter, license) is never reported.
        """
        lower = normalise(word).lower()
        if language == "en-GB":
            if lower in self._ambiguous_american or lower in self.british_to_american:
                return None
            british = self.american_to_british.get(lower)
            return with_case_of(word, british) if british else None
        if language == "en-US":
            american = self.british_to_american.get(lower)
            if american is None or lower in self._dictionary:
                return None  # pyspellchecker's list is American: a form it knows is American too
            return with_case_of(word, american)
        return None

    def to_language(self, word: str, language: str) -> str:
        """A (lower- or mixed-case) word in the configured variety: American fixes become British under en-GB."""
        other = self.other_variant(word, language)
        return other if other is not None else word

    # -- the dictionary -----------------------------------------------------------------------------

    @property
    def dictionary(self) -> Mapping[str, int]:
        """pyspellchecker's lower-case words and their counts, for membership tests at C speed (read only)."""
        return self._dictionary

    def is_common_word(self, word: str, language: str = "en") -> bool:
        """Whether a lower-case word is an English (not proper-noun) word in the given variety."""
        if word in self.vocabulary or word in self.accept_any_case:
            return True
        if word in self._dictionary:
            return language != "en-GB" or self.other_variant(word, language) is None
        if word in self.british_only:
            return language != "en-US" or self.other_variant(word, language) is None
        return False

    def is_proper_noun(self, token: str) -> bool:
        """Whether a token is a listed proper noun or acronym, as written or in ALL CAPS."""
        return token in self.proper_nouns or token in self.accept_exact or (
            token.isupper() and len(token) > 1 and token in self._proper_upper
        )

    def is_word(self, token: str, language: str = "en") -> bool:
        """Whether a token (one word, possibly possessive, any apostrophe) is spelled right for the variety.

        A capitalised or ALL-CAPS form of a common word counts; a proper noun must keep its case
        (or be in ALL CAPS). Hyphenated compounds count when every part does.
        """
        if token.isalpha() and "\u02bc" not in token:
            return self._is_single_word(token, language)  # nothing to normalise, strip or split: most tokens
        token = strip_possessive(normalise(token))
        if not token:
            return False
        if self._is_single_word(token, language):
            return True
        if "-" in token:
            parts = [p for p in token.split("-") if p]
            return bool(parts) and all(self._is_single_word(p, language) for p in parts)
        return False

    def _is_single_word(self, token: str, language: str) -> bool:
        if self.is_proper_noun(token):
            return True
        lower = token.lower()
        if lower in self.accept_any_case:
            return True
        if token != lower and not (token[:1].isupper() and token[1:] == lower[1:]) and not token.isupper():
            return False  # mixed case such as "tHe" or "NaTO" is no word form
        return self.is_common_word(lower, language)

    def frequency(self, word: str) -> int:
        """How common a word is (pyspellchecker's counts; listed words not in it get a small count; unknown 0)."""
        lower = normalise(word).lower()
        count = self._dictionary.get(lower)
        if count is not None:
            return count
        american = self.british_to_american.get(lower)
        if american is not None and american in self._dictionary:
            return self._dictionary[american]
        if lower in self.british_only or lower in self.vocabulary or lower in self.accept_any_case:
            return LISTED_FREQUENCY
        if word in self.proper_nouns:
            return LISTED_FREQUENCY
        return 0

    def all_words(self) -> Iterator[str]:
        """Every lower-case word of either variety, unfiltered (for indexes that filter their few hits)."""
        return iter(self.word_list())

    def word_list(self) -> list[str]:
        """`all_words` as a new list, built at C speed: the dictionary's words, then pressqa's listed extras."""
        return [*self._dictionary, *self.listed_extras()]

    def listed_extras(self) -> list[str]:
        """The words pressqa lists (British forms, press vocabulary, accept list) that the dictionary lacks,
        in `word_list` order."""
        dictionary = self._dictionary
        return [w for w in self.british_only | self.vocabulary | self.accept_any_case if w not in dictionary]

    # -- known misspellings -------------------------------------------------------------------------

    @cached_property
    def _misspelling_texts(self) -> tuple[str, ...]:
        """The misspelling files' text, house files first; each starts with a newline so every row follows one."""
        return tuple("\n" + path.read_text(encoding="utf-8") for path in reversed(self._misspelling_files))

    def misspelling_entry(self, typo: str) -> str | None:
        """The raw `fix|fix<TAB>safe` row of a lower-case typo, or None.

        A search of the file text: a run looks up a handful of unknown words, and finding each
        in 2 MB of text is faster than building an 87,000-entry table first. A run that keeps
        looking words up (INDEX_MISSPELLINGS_AFTER) builds the table for the rest.
        """
        index = self._misspelling_index
        if index is None:
            self._misspelling_lookups += 1
            if self._misspelling_lookups > INDEX_MISSPELLINGS_AFTER:
                index = self._misspelling_index = tuple(_rows_by_typo(text) for text in self._misspelling_texts)
        if index is not None and "\n" not in typo and "\t" not in typo:
            for rows in index:
                row = rows.get(typo)
                if row is not None:
                    return row.rstrip("\r")
            return None
        needle = f"\n{typo}\t"
        for text in self._misspelling_texts:
            found = text.find(needle)
            if found != -1:
                line_end = text.find("\n", found + len(needle))
                return text[found + len(needle) : line_end if line_end != -1 else len(text)].rstrip("\r")
        return None

    def misspelling(self, token: str, language: str = "en") -> Misspelling | None:
        """The known misspelling a token is, with fixes in the configured variety and the token's case."""
        word = strip_possessive(normalise(token))
        entry = self.misspelling_entry(word.lower()) if word.isalpha() else None
        if entry is None or self.is_word(word, language):
            return None
        fix_field, _, safe_field = entry.partition("\t")
        raw_fixes = [f for f in fix_field.split("|") if f]
        if not raw_fixes:
            return None
        fixes = tuple(dict.fromkeys(with_case_of(word, self.to_language(f, language)) for f in raw_fixes))
        return Misspelling(word, fixes, safe_field.strip() == "yes" and len(fixes) == 1)


def _rows_by_typo(text: str) -> dict[str, str]:
    """A misspelling text's rows by typo (the text up to a line's first tab), the first row of a typo winning,
    as a search of the text for the line would find it."""
    rows = (line.split("\t", 1) for line in reversed(text.split("\n")) if "\t" in line)
    return {typo: rest for typo, rest in rows}  # later rows first, so an earlier row overwrites them


def _read_list(paths: Iterable[Path]) -> list[str]:
    words: list[str] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").split("\n"):
            line = line.strip()
            if line and not line.startswith("#"):
                words.append(line)
    return words


def _read_variants(paths: Iterable[Path]) -> list[VariantPair]:
    pairs: list[VariantPair] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line or line.startswith("#"):
                continue
            fields = line.rstrip("\r").split("\t")
            if len(fields) < 2 or fields[0] == "british":
                continue
            pairs.append(VariantPair(fields[0], fields[1], len(fields) > 2 and fields[2] == "ambiguous"))
    return pairs


def english_frequencies() -> dict[str, int]:
    """pyspellchecker's English word-frequency list, read straight from its package data.

    Parsed with orjson when it is installed: 160,000 entries take about half the time of the
    standard library's parser, and this is most of the word lists' load time.
    """
    from importlib import resources

    data = resources.files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
    raw = zlib.decompress(data, 16 + zlib.MAX_WBITS)  # 16+: zlib reads the gzip header and checks the CRC itself
    try:
        import orjson
    except ImportError:
        loaded: dict[str, int] = json.loads(raw)
    else:
        loaded = orjson.loads(raw)
    return loaded


def load_words(lexicon: Lexicon) -> Words:
    """The Words part of a lexicon: pyspellchecker's English list plus every spelling data file and the accept list."""
    files = lexicon.data_files
    return Words(
        english_frequencies(),
        british_only=_read_list(files(f"{SPELLING_DIR}/british-only.txt")),
        vocabulary=_read_list(files(f"{SPELLING_DIR}/press-vocabulary.txt")),
        proper_nouns=_read_list(files(f"{SPELLING_DIR}/proper-nouns.txt")),
        variant_pairs=_read_variants(files(f"{SPELLING_DIR}/variants-gb-us.tsv")),
        accept=lexicon.accept,
        misspelling_files=files(f"{SPELLING_DIR}/misspellings.tsv"),
    )
