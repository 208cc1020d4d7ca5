"""The speller: decides which words of a text are misspelt and what to suggest, from the lexicon's word data.

Shared by the spelling kind and the unknown-word report. One speller is built
per lexicon and language; it judges each distinct word once (a release repeats
most words) and the spelling kind shares one analysis of a document among its
five rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

from pressqa.lexicon.words import (
    ALPHABET,
    Words,
    normalise,
    strip_possessive,
    with_case_of,
)
from pressqa.tokens import (
    NUMBER,
    WORD,
    Token,
    ordinal_suffix,
    plain_word,
    span_tokens,
    split_number,
    word_kind,
)

# How sure a verdict is; the kind maps these to the rule's severity, one level lower, or a suggestion.
HIGH, MEDIUM, LOW = 2, 1, 0
# Words that end a run-together pair often enough to trust the split even after a name ("Aramcoand").
FUNCTION_WORDS = frozenset(
    "a an and are as at be but by for from had has have he her his in into is it its of on or our "
    "she that the their them there they this to was we were which who will with".split()
)
# Productive prefixes: an unknown word made of one of these and a known word is probably a coinage, not a typo.
PREFIXES = (
    "anti", "agro", "bio", "co", "counter", "cyber", "de", "eco", "euro", "geo", "inter", "intra", "macro",
    "mega", "micro", "mini", "multi", "neo", "non", "over", "post", "pre", "pro", "re", "self", "socio",
    "sub", "super", "tele", "trans", "un", "under",
)
# A split's second part after a capitalised first part must be at least this common ("relations" is 13,673).
COMMON_FREQUENCY = 5000
# A suggestion must be at least this common to make a capitalised word a typo rather than a name.
NAME_TYPO_FREQUENCY = 20
NAME_TYPO_MIN_LENGTH = 8
# Letter runs of two or more (apostrophes and hyphens split them) and numbers run into words ("6thParatroop").
LETTER_RUN = re.compile(r"[^\W\d_]{2,}|\d+[^\W\d_]{5,}")
CONTRACTION_TAILS = frozenset({"ll", "ve", "re"})  # we’ll, they’ve, you’re: the tokens keep them whole
LANGUAGE_NAMES = {"en": "English", "en-GB": "British", "en-US": "American"}


class WordVerdict(NamedTuple):
    """What a word deserves wherever it stands: a Verdict without its offsets.

    `phrase_sensitive` marks a lower-case unknown word whose verdict drops to a suggestion
    next to another unknown word (a phrase in another language).
    """

    check: str
    length: int
    word: str
    suggestions: tuple[str, ...]
    safe: bool
    level: int
    phrase_sensitive: bool = False


@dataclass(frozen=True)
class Verdict:
    """A spelling finding to be: which check, where, suggestions (best first), safe fix, confidence level."""

    check: str
    start: int
    end: int
    word: str
    suggestions: tuple[str, ...] = ()
    safe: bool = False
    level: int = HIGH


class Speller:
    """Judges words against the lexicon for one language variant."""

    def __init__(self, words: Words, names: Any, language: str) -> None:
        self.words = words
        self.names = names
        self.language = language
        self.language_name = LANGUAGE_NAMES.get(language, "English")
        self._checks_variants = language != "en"
        # Words repeat (the, of, Russia): a verdict per distinct spelling saves most look-ups.
        self._known: dict[str, bool] = {}
        # Letter runs known to be right and in no variant table: most of a release. `judge_word` passes each of
        # them wherever it stands, so the analysis skips them too (hence no contraction tails or U+02BC here).
        self._clean_runs: set[str] = set()
        # Whitespace-separated chunks ("Russia,", "(2024)") whose letter runs are all clean: `str.split` and a
        # set difference pass most of a release without running the letter-run regex over it.
        self._clean_chunks: set[str] = set()
        # Quiet chunks: a plain word that is a clean run, so its one token is never judged. The value says
        # whether that token is a word (True) or an acronym; the analysis tokenises only the other chunks.
        self._quiet: dict[str, bool] = {}
        self._word_verdicts: dict[tuple[str, bool, int], WordVerdict | None] = {}
        # Outside en-GB a dictionary word is right as written, lower-case or capitalised: most words are
        # settled by one look-up here instead of the full `Words.is_word` chain.
        self._plain_words: Mapping[str, int] = words.dictionary if language != "en-GB" else {}

    @classmethod
    def for_lexicon(cls, lexicon: Any, language: str) -> Speller:
        """The lexicon's speller for a language, built on first use and kept with the lexicon's words."""
        words: Words = lexicon.words
        key = f"speller:{language}"
        speller = words.derived.get(key)
        if speller is None:
            speller = cls(words, _names(lexicon), language)
            words.derived[key] = speller
        assert isinstance(speller, Speller)
        return speller

    # -- knowing words ------------------------------------------------------------------------------

    def is_name(self, text: str) -> bool:
        """Whether the gazetteers or the register know the text as written (possessive allowed)."""
        if self.names is None:
            return False
        bare = strip_possessive(normalise(text))
        return bool(self.names.is_known(bare) or self.names.is_known(text))

    def is_known(self, text: str) -> bool:
        """Whether a word is right: dictionary for the language, listed names, gazetteers, register, accept list."""
        known = self._known.get(text)
        if known is None:
            known = self._known[text] = self._is_known(text)
        return known

    def is_clean(self, text: str) -> bool:
        """Whether every letter run of a text is a known word (so no check can find anything).

        A fast pass before tokenising: most releases have no unknown word at all. Letter runs never
        cross whitespace, so the text's distinct chunks are judged, each once per speller, most of
        them by set operations; every chunk is judged (no early exit), so the analysis of an
        unclean text knows its clean runs and quiet chunks.
        """
        # `difference` looks each of the text's chunks up in the large set; `-=` would walk the large set.
        chunks = set(text.split()).difference(self._clean_chunks)
        plain = self._plain_chunks(chunks)
        self._clean_chunks |= plain
        self._clean_runs |= plain
        self._quiet.update(dict.fromkeys(plain, True))
        chunks -= plain
        clean_runs, clean_chunks, quiet = self._clean_runs, self._clean_chunks, self._quiet
        clean = True
        for chunk in chunks:
            word = plain_word(chunk)
            if word is not None and word in clean_runs:  # "Russia," once "Russia" is known
                quiet[chunk] = not word[1:2].isupper() or word_kind(word) == WORD
                clean_chunks.add(chunk)
            elif self._sort_chunk(chunk, word):
                clean_chunks.add(chunk)
            else:
                clean = False
        return clean

    def _plain_chunks(self, chunks: set[str]) -> set[str]:
        """The chunks that are lower-case dictionary words of ASCII letters in no variant table: clean runs."""
        found = chunks & self._plain_words.keys()
        if self._checks_variants:
            found = found.difference(self.words.british_to_american).difference(self.words.american_to_british)
        return {chunk for chunk in found if chunk.isascii() and chunk.isalpha()}

    def _sort_chunk(self, chunk: str, word: str | None) -> bool:
        """Whether a chunk (whose plain word is given) has only clean letter runs. Learns the clean runs and a
        known lone letter, and whether the chunk is quiet (a plain word that is a clean run)."""
        if word is None:
            return self._learn_runs(LETTER_RUN.findall(chunk))
        if word not in self._clean_runs:  # a plain word is the chunk's one letter run, or a lone letter
            if len(word) == 1:
                if not self._is_clean_run(word):
                    return True  # no check counts a lone letter as a word
            elif word in CONTRACTION_TAILS:
                return True  # clean, but a check may still judge it
            elif not self._is_clean_run(word):
                return False
            self._clean_runs.add(word)
        self._quiet[chunk] = not word[1:2].isupper() or word_kind(word) == WORD
        return True

    def _learn_runs(self, runs: Iterable[str]) -> bool:
        """Whether every run is clean, learning those that are."""
        clean = True
        for run in runs:
            if run in self._clean_runs or run in CONTRACTION_TAILS:
                continue
            if not self._is_clean_run(run):
                clean = False
            elif "\u02bc" not in run:  # "Russiaʼs" is judged as "Russia", whose variant the run check never saw
                self._clean_runs.add(run)
        return clean

    def _is_clean_run(self, run: str) -> bool:
        """Whether a letter run is a known word in no variant table."""
        if not self._checks_variants and self._is_plain_word(run):
            return True
        if run[0].isdigit() or not self.is_known(run):
            return False
        return not (self._checks_variants and self._in_variant_tables(run))

    def _in_variant_tables(self, word: str) -> bool:
        lower = word.lower()
        return lower in self.words.british_to_american or lower in self.words.american_to_british

    def _is_plain_word(self, text: str) -> bool:
        """Whether a word of ASCII letters, lower-case after the first, is a dictionary word that is right as
        written: what `Words.is_word` decides for it outside en-GB, in one look-up."""
        return text.isascii() and text.isalpha() and text[1:].islower() and text.lower() in self._plain_words

    def _is_known(self, text: str) -> bool:
        if self._is_plain_word(text) or self.words.is_word(text, self.language) or self.is_name(text):
            return True
        bare = strip_possessive(normalise(text))
        if "-" in bare:
            return all(self.is_known(part) for part in bare.split("-") if part)
        return False

    def near_entity(self, text: str) -> bool:
        """Whether a capitalised word is one edit from a known entity (the entity kind reports those)."""
        if self.names is None:
            return False
        try:
            return bool(self.names.near(strip_possessive(normalise(text)), 1))
        except Exception:  # the name index is another module's; a fault there must not stop spelling
            return False

    # -- judging a text -----------------------------------------------------------------------------

    def analyse_text(self, text: str, min_length: int = 3) -> list[Verdict]:
        """`analyse` on the tokens it needs: those of the text's chunks that are not quiet, each run of them
        with the nearest quiet word on either side (the neighbours the checks look at).

        Right for any text; fast once `is_clean` has seen it (a chunk it has not sorted counts as not quiet).
        Callers skip texts that `is_clean` passes.
        """
        tokens: list[Token] = []
        for start, end in self._windows(text):
            tokens += span_tokens(text, start, end)
        return self.analyse(text, tokens, min_length)

    def _windows(self, text: str) -> list[tuple[int, int]]:
        """The spans to tokenise: every chunk that is not quiet, widened to the nearest quiet word each side."""
        loud = set(text.split()).difference(self._quiet)
        places = sorted(place for chunk in loud for place in _chunk_places(text, chunk))
        windows: list[tuple[int, int]] = []
        for start, end in places:
            if windows and start < windows[-1][1]:
                continue  # inside the last window, which already reaches the quiet word after it
            start, end = self._widen(text, start, end)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
        return windows

    def _widen(self, text: str, start: int, end: int) -> tuple[int, int]:
        """A chunk's span widened over the chunks each side up to and including the nearest quiet word."""
        quiet = self._quiet
        while (before := _chunk_before(text, start)) is not None:
            start = before[0]
            if quiet.get(text[before[0] : before[1]]):
                break
        while (after := _chunk_after(text, end)) is not None:
            end = after[1]
            if quiet.get(text[after[0] : after[1]]):
                break
        return start, end

    def analyse(self, text: str, tokens: Iterable[Token], min_length: int = 3) -> list[Verdict]:
        """Every verdict on a text (its tokens given), split words included, in text order within each check.

        Callers skip texts that `is_clean` passes: those can have no verdict. After `is_clean` has
        seen the text, tokens that are clean letter runs are passed over without a look-up.
        """
        spelled = [t for t in tokens if t.kind == WORD or t.kind == NUMBER]
        return self.judge_tokens(spelled, min_length) + self.split_words(spelled, text)

    def judge_tokens(self, tokens: list[Token], min_length: int = 3) -> list[Verdict]:
        """Verdicts for the word and number tokens of a text, one judgement per distinct word."""
        verdicts: list[Verdict] = []
        cache = self._word_verdicts
        # A clean run is known and in no variant table, so `judge_word` would pass it wherever it stands.
        clean = self._clean_runs
        for index, token in enumerate(tokens):
            if token.text in clean:
                continue
            if token.kind == NUMBER:
                verdict = self.judge_number(token)
                if verdict is not None:
                    verdicts.append(verdict)
                continue
            if token.kind != WORD:
                continue
            for part in token.parts():
                if part.text in clean:
                    continue
                key = (part.text, part.sentence_start, min_length)
                if key in cache:
                    judged = cache[key]
                else:
                    judged = cache[key] = self.judge_word(part.text, part.sentence_start, min_length)
                if judged is None:
                    continue
                level, safe = judged.level, judged.safe
                if judged.phrase_sensitive:
                    neighbours = tokens[max(0, index - 1) : index] + tokens[index + 1 : index + 2]
                    if any(self._foreign_neighbour(n) for n in neighbours):
                        level, safe = LOW, False
                verdicts.append(
                    Verdict(judged.check, part.start, part.start + judged.length, judged.word, judged.suggestions, safe, level)
                )
        return verdicts

    def judge_word(self, text: str, sentence_start: bool = False, min_length: int = 3) -> WordVerdict | None:
        """What one word (a hyphen part) deserves wherever it stands, or None when it is right or a name."""
        raw = normalise(text)
        word = strip_possessive(raw)
        length = len(word)
        if len(word) < min_length or not word.isascii() or not word.isalpha():
            return None
        capitalised = text[:1].isupper()
        variant = self._variant(word)
        if variant is not None:
            name_like = capitalised and not sentence_start
            return WordVerdict("variant", length, word, (variant,), not name_like, LOW if name_like else HIGH)
        if self.is_known(raw) or (word != raw and self.is_known(word)):
            return None
        name_like = (capitalised and not sentence_start) or (word.isupper() and len(word) > 1)
        if word.isupper() and len(word) <= 5:
            return None  # an acronym nobody listed yet
        misspelling = self.words.misspelling(word, self.language)
        if misspelling is not None and not (name_like and self.near_entity(word)):
            level = MEDIUM if name_like else HIGH
            return WordVerdict(
                "misspelling", length, word, misspelling.fixes, misspelling.safe and not name_like, level
            )
        split = self.best_split(word, name_like)
        if split is not None and split[0].lower() in PREFIXES:
            split = None  # "multivector": a coinage, judged as an unknown word below
        verdict = self._unknown(word, capitalised, name_like) if split is None or not name_like else None
        if split is None:
            return verdict
        first, second, level = split
        joined = f"{first} {second}"
        if verdict is None or self._split_wins(first, second, verdict):
            others = verdict.suggestions if verdict is not None else ()
            return WordVerdict("run-together", length, word, (joined, *others[:2]), False, level)
        return verdict._replace(suggestions=(*verdict.suggestions[:2], joined), safe=False)

    def _split_wins(self, first: str, second: str, verdict: WordVerdict) -> bool:
        """A split beats a one-edit correction when it joins a function word to a word more common than that
        correction ("He paid" over "repaid"); "referee ring" loses to "refereeing", "fact as" to "facts"."""
        if not (first.lower() in FUNCTION_WORDS or second.lower() in FUNCTION_WORDS):
            return False
        one_edit = self.edits1_known(verdict.word.lower())
        if not one_edit:
            return True
        other = self.words.frequency(first) if second.lower() in FUNCTION_WORDS else self.words.frequency(second)
        return other > self.words.frequency(one_edit[0])

    def _variant(self, word: str) -> str | None:
        if self.language == "en":
            return None
        lower = word.lower()
        if lower not in self.words.british_to_american and lower not in self.words.american_to_british:
            return None
        return self.words.other_variant(word, self.language) if self.words.is_word(word, "en") else None

    def _unknown(self, word: str, capitalised: bool, name_like: bool) -> WordVerdict | None:
        lower = word.lower()
        if name_like or capitalised:
            # A capital makes it a name unless it is one slip from a long common word and no entity is near.
            if len(word) < NAME_TYPO_MIN_LENGTH and name_like:
                return None
            nearest = [c for c in self.edits1_known(lower) if self.words.frequency(c) >= NAME_TYPO_FREQUENCY]
            if len(nearest) != 1 or self.near_entity(word):
                return None
            return WordVerdict(
                "unknown-word", len(word), word, (with_case_of(word, nearest[0]),), False,
                MEDIUM if name_like else HIGH,
            )
        suggestions, safe = self.suggest(lower)
        if self._looks_coined(lower):
            return WordVerdict("unknown-word", len(word), word, suggestions, False, LOW)
        return WordVerdict("unknown-word", len(word), word, suggestions, safe, HIGH, phrase_sensitive=True)

    def _looks_coined(self, lower: str) -> bool:
        for prefix in PREFIXES:
            rest = lower[len(prefix) :].lstrip("-")
            if lower.startswith(prefix) and len(rest) >= 4 and self.words.is_common_word(rest, self.language):
                return True
        return False

    def _foreign_neighbour(self, neighbour: Token) -> bool:
        """A lower-case unknown neighbour: two unknown words in a row are a phrase in another language."""
        text = strip_possessive(normalise(neighbour.text))
        if not text.isalpha() or text[:1].isupper() or len(text) < 3:
            return False
        return not self.is_known(text)

    def judge_number(self, token: Token) -> Verdict | None:
        """A number run into the next word after a correct ordinal suffix: '6thParatroop' -> '6th Paratroop'.

        A wrong suffix ('74rdanniversary') is the ordinal rule's finding, so it is left alone here.
        """
        if len(token.text) < 6:
            return None  # no room for a digit and five letters
        digits, letters = split_number(token.text)
        if not digits or not digits.isdigit() or len(letters) < 5 or not letters.isalpha():
            return None
        suffix, rest = letters[:2].lower(), letters[2:]
        if suffix != ordinal_suffix(digits) or not self.is_known(rest) or len(rest) < 3:
            return None
        return Verdict("run-together", token.start, token.end, token.text, (f"{digits}{letters[:2]} {rest}",), False, HIGH)

    # -- run-together and split words ----------------------------------------------------------------

    def best_split(self, word: str, name_like: bool) -> tuple[str, str, int] | None:
        """The most plausible split of a run-together word into two known words, with a confidence level."""
        best: tuple[int, str, str, int] | None = None
        for cut in range(2, len(word) - 1):
            first, second = word[:cut], word[cut:]
            if second != second.lower():
                if not (second[:1].isupper() and second[1:].islower()):
                    continue  # "Hepaid" is fine, "HePAID" is no run-on
            second_lower = second.lower()
            if not self.words.is_common_word(second_lower, self.language):
                continue
            if name_like or first[:1].isupper():
                if not (self.words.is_word(first, self.language) or self.is_name(first)):
                    continue
                if second_lower not in FUNCTION_WORDS and self.words.frequency(second_lower) < COMMON_FREQUENCY:
                    continue
                if len(first) < 2 or (first.lower() not in FUNCTION_WORDS and len(first) < 3):
                    continue
            else:
                if not self.words.is_common_word(first, self.language):
                    continue
                if min(len(first), len(second)) < 2 or (len(first) < 3 and first not in FUNCTION_WORDS):
                    continue
                if len(second) < 3 and second not in FUNCTION_WORDS:
                    continue
            score = min(self.words.frequency(first), self.words.frequency(second_lower))
            level = HIGH if not name_like or second_lower in FUNCTION_WORDS else MEDIUM
            if best is None or score > best[0]:
                best = (score, first, second, level)
        if best is None:
            return None
        return best[1], best[2], best[3]

    def split_words(self, tokens: Sequence[Token], text: str) -> list[Verdict]:
        """Split-word verdicts: neighbouring words (numbers between them ignored) that make one known word."""
        words = [t for t in tokens if t.kind == WORD]
        # `joined` needs an unknown word in the pair and clean runs are known: only pairs with another word qualify.
        clean = self._clean_runs
        suspects = [index for index, word in enumerate(words) if word.text not in clean]
        firsts = sorted({first for index in suspects for first in (index - 1, index) if 0 <= first < len(words) - 1})
        verdicts: list[Verdict] = []
        for index in firsts:
            first, second = words[index], words[index + 1]
            joined = self.joined(first, second, text)
            if joined is not None:
                verdicts.append(Verdict("split-word", first.start, second.end, text[first.start : second.end], (joined,), False))
        return verdicts

    def joined(self, first: Token, second: Token, text: str) -> str | None:
        """The word two neighbouring tokens make when joined ("refe reeing"), if one of them is unknown."""
        a, b = first.text, second.text
        # Letters only: normalising would turn the one letter-like apostrophe (U+02BC) into a non-letter.
        if not (b.islower() and a.isalpha() and b.isalpha()) or len(a) + len(b) < 6 or "\u02bc" in a + b:
            return None
        if text[first.end : second.start] != " " or (a[0].isupper() and not first.sentence_start):
            return None
        if self.is_known(a) and self.is_known(b):
            return None
        joined = (a + b).lower()
        if not self.words.is_common_word(joined, self.language) or self.words.frequency(joined) < NAME_TYPO_FREQUENCY:
            return None
        return with_case_of(a, joined)

    # -- suggestions ----------------------------------------------------------------------------------

    def edits1_known(self, word: str) -> list[str]:
        """Common words one edit (insert, delete, substitute, swap) from a lower-case word, most frequent first."""
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        edits = {a + b[1:] for a, b in splits if b}
        edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        edits |= {a + c + b[1:] for a, b in splits if b for c in ALPHABET}
        edits |= {a + c + b for a, b in splits for c in ALPHABET}
        edits.discard(word)
        words = self.words
        # Only listed words can be common: set intersections leave a handful for the full test.
        listed = edits & words.dictionary.keys()
        listed |= edits & words.vocabulary
        listed |= edits & words.british_only
        listed |= edits & words.accept_any_case
        known = [e for e in listed if words.is_common_word(e, self.language)]
        return sorted(known, key=lambda w: (-self.words.frequency(w), w))

    @cached_property
    def _listed_extras(self) -> tuple[str, ...]:
        return tuple(self.words.listed_extras())

    def edits2_known(self, word: str) -> list[tuple[str, int]]:
        """Common words up to two edits (optimal string alignment) from a word, with distances.

        Ordered by length, then by the word list's order. Only a word with no one-edit neighbour
        gets here (about one a corpus), so one C-level scan of every listed word beats building a
        per-length index first. The dictionary is scanned in place (no copy of its 160,000 words);
        the language filter is applied to the few matches only.
        """
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        dictionary = self.words.dictionary
        matches = process.extract(word, dictionary.keys(), scorer=OSA.distance, score_cutoff=2, limit=None)
        offset = len(dictionary)  # the extras follow the dictionary in the word list's order
        for key, distance, index in process.extract(word, self._listed_extras, scorer=OSA.distance, score_cutoff=2, limit=None):
            matches.append((key, distance, offset + index))
        matches.sort(key=lambda match: (len(match[0]), match[2]))
        return [
            (key, int(distance))
            for key, distance, _ in matches
            if distance > 0 and self.words.is_common_word(key, self.language)
        ]

    def suggest(self, word: str, limit: int = 3) -> tuple[tuple[str, ...], bool]:
        """Ranked corrections of a lower-case non-word (distance, then frequency) and whether the first is safe.

        Distance 1 comes from generated edits (fast); distance 2 only when distance 1 gives nothing.
        Safe means one clear candidate: exactly one word at distance 1.
        """
        first = self.edits1_known(word)
        if first:
            ranked = first
        else:
            ranked = [w for w, _ in sorted(self.edits2_known(word), key=lambda p: (p[1], -self.words.frequency(p[0])))]
        safe = len(first) == 1 and len(word) >= 5 and self.words.frequency(first[0]) >= NAME_TYPO_FREQUENCY
        if safe and word == first[0] + "s":
            safe = False  # "legislations", "statespersons": a plural that needs rewording, not a letter dropped
        return tuple(ranked[:limit]), safe


def _chunk_places(text: str, chunk: str) -> list[tuple[int, int]]:
    """Where a chunk (a run between whitespace) stands in a text as a whole chunk, as (start, end) spans."""
    places: list[tuple[int, int]] = []
    size, last = len(chunk), len(text)
    at = text.find(chunk)
    while at != -1:
        end = at + size
        if (at == 0 or text[at - 1].isspace()) and (end == last or text[end].isspace()):
            places.append((at, end))
            at = text.find(chunk, end)
        else:
            at = text.find(chunk, at + 1)
    return places


def _chunk_before(text: str, start: int) -> tuple[int, int] | None:
    """The span of the chunk before the one starting at `start`, or None at the start of the text."""
    index = start - 1
    while index >= 0 and text[index].isspace():
        index -= 1
    if index < 0:
        return None
    end = index + 1
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index, end


def _chunk_after(text: str, end: int) -> tuple[int, int] | None:
    """The span of the chunk after the one ending at `end`, or None at the end of the text."""
    last = len(text)
    index = end
    while index < last and text[index].isspace():
        index += 1
    if index == last:
        return None
    start = index
    while index < last and not text[index].isspace():
        index += 1
    return start, index


def _names(lexicon: Any) -> Any:
    try:
        return lexicon.names
    except (ImportError, AttributeError, OSError):
        return None


def unknown_tokens(speller: Speller, tokens: Iterable[Token]) -> Iterable[str]:
    """The words of the tokens the speller does not know (names included), as written, possessive stripped."""
    for token in tokens:
        for part in token.parts():
            word = strip_possessive(normalise(part.text))
            if len(word) > 1 and word.isalpha() and not speller.is_known(word):
                yield word
