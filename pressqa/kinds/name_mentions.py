"""Name mentions of one document grouped by the entity they spell: register people slot by slot, other names by key.

A *mention* is one written name token ("Lukashenka’s" -> form "Lukashenka",
span without the possessive). Its *group* says which mentions must share one
spelling:

- `person:<house form>:given|surname` for the first and last word of a
  register person's form ("Alexander Lukashenko", "Lukashenka"), so
  "Aleksandr Lukashenko" next to "Alexander Lebed" is not a clash;
- `auto:<key>` for every other capitalised word, where mentions whose
  transliteration keys match (or nearly match, see `are_variants`) share a
  group, unless the gazetteers know them as different entities (Iran/Iraq,
  Slovakia/Slovenia) or both are ordinary English words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import compress, count, pairwise
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple, cast

from pressqa.document import Document
from pressqa.lexicon.translit import key_distance, keys_are_variants, name_key
from pressqa.prose import MASK
from pressqa.tokens import _MAYBE_BOUNDARY as MAYBE_SENTENCE_BOUNDARY
from pressqa.tokens import _PATTERN as TOKEN_PATTERN
from pressqa.tokens import (
    APOSTROPHE,
    WORD,
    Token,
    document_tokens,
    opens_sentence,
)
from pressqa.tokens import _word_kind as word_kind

if TYPE_CHECKING:
    from pressqa.lexicon import Lexicon
    from pressqa.lexicon.names import Person

APOSTROPHES = "'’ʼ"
MIN_NAME_LENGTH = 3
NON_LATIN = re.compile("[\u0370-\u03ff\u0400-\u052f]")
# Entity categories that share a canonical form with a place without being another spelling of it.
NOT_PLACES = frozenset({"demonym", "acronym", "given name", "surname"})
POSSESSIVE_ENDS = frozenset("sS" + APOSTROPHES)
# Characters that may be capitals: the ASCII ones and every non-ASCII letter block. The Latin-1 and general
# punctuation blocks, whose quotes, dashes and spaces fill press text, are left out. Written as what is left
# out: a class of ranges up to U+10FFFF takes the regex compiler some 10 ms.
MAYBE_CAPITAL = "^\\x00-@\\[-\u00bf\u00df-\u00ff\u2000-\u206f"
# From a possible capital to the end of its chunk (the next space or mask): a chunk a name may lie in.
_CAPITAL_TO_CHUNK_END = re.compile(f"[{MAYBE_CAPITAL}][^\\s\\x00]*")
_CHUNK_REST = re.compile(r"[^\s\x00]*")  # from a place to the end of its chunk
_LETTER = re.compile(r"[^\W\d_]")
# Punctuation that may close a word without extending it (as an apostrophe or hyphen would) or starting a token or
# an e-mail address: a chunk that is letters and then these is one plain word to the tokeniser ("Minsk.", "Putin),").
CLOSING_PUNCTUATION = ".,;:!?)]}”\"»…*"

class Mention(NamedTuple):
    """One register person's name token: the span of its base form, the form as written, its group
    (`person:<house form>:given|surname`) and the group's house form. Other name tokens stay tokens, grouped by
    the caller (`DocumentNames`)."""

    start: int
    end: int
    form: str
    group: str
    preferred: str | None = None


def base_of(token: Token) -> Token:
    """The token without a possessive ending ("Lukashenko’s" -> "Lukashenko"), offsets kept."""
    text = token.text
    base = base_text(text)
    if base is text:
        return token
    return Token(base, token.start, token.start + len(base), token.kind, token.sentence_start)


def base_text(text: str) -> str:
    """A word without a possessive ending ("Lukashenko’s" -> "Lukashenko"); the same object when it has none."""
    last = text[-1:]
    if last in "sS":
        if len(text) > 3 and text[-2] in APOSTROPHES:
            return text[:-2]
    elif last and last in APOSTROPHES and len(text) > 3:
        return text[:-1]
    return text


def base_texts(tokens: Sequence[Token]) -> list[str]:
    """`base_text` of every token, in order (the common case, no possessive, costs one look at the last letter)."""
    return [base_text(t.text) if t.text[-1:] in POSSESSIVE_ENDS else t.text for t in tokens]


def document_bases(doc: Document) -> list[str]:
    """`base_text` of every token of `document_tokens(doc)`, computed once per document."""
    return doc.memo(document_bases, lambda: base_texts(document_tokens(doc)))


class RegisterForms:
    """The register's people as token sequences, for matching them in a token stream."""

    def __init__(self, people: Sequence[Person]) -> None:
        # Each form under its first word: (its words, all but the last as a list, its person), longest first.
        self.by_first: dict[str, list[tuple[tuple[str, ...], list[str], Person]]] = defaultdict(list)
        self.surnames: dict[str, Person] = {}
        for person in people:
            for form in person.forms:
                words = tuple(form.split())
                if not words:
                    continue
                self.by_first[words[0]].append((words, list(words[:-1]), person))
                if len(words) > 1 and len(words[-1]) > 3 and words[-1][:1].isupper():
                    self.surnames.setdefault(words[-1], person)
        for candidates in self.by_first.values():
            candidates.sort(key=lambda item: -len(item[0]))
        # A token can start a match only if it (or its base) is some form's first word or a surname.
        self.openers = frozenset(self.by_first) | frozenset(self.surnames)
        # Every token text whose `base_text` is an opener: the openers and their possessives (an opener of three
        # letters or more is the base of each of its possessives, so only shorter ones need asking).
        endings = [a + s for a in APOSTROPHES for s in ("s", "S")] + list(APOSTROPHES)
        self.opener_texts = self.openers | {
            text
            for opener in self.openers
            for text in map(opener.__add__, endings)
            if len(opener) >= 3 or base_text(text) in self.openers
        }
        # No token crosses a space, so the tokens a mention can involve lie in the space-delimited chunks
        # holding a capital or one of the lower-case words of a form ("da" in "Lula da Silva").
        self.lower_words = tuple(sorted({w for words, _ in self._all_forms() for w in words if not _has_capital(w)}))
        self._slots: dict[tuple[str, int], tuple[tuple[int, str, str], ...]] = {}

    def _all_forms(self) -> Iterator[tuple[tuple[str, ...], Person]]:
        for candidates in self.by_first.values():
            for words, _, person in candidates:
                yield words, person

    def match(self, tokens: Sequence[Token], index: int, texts: Sequence[str] | None = None) -> tuple[int, Person] | None:
        """The number of tokens and the person of the longest register form starting at `index`, if any
        (`texts` are the tokens' texts, when the caller has them)."""
        if texts is None:
            texts = [token.text for token in tokens]
        text = texts[index]
        first = base_text(text)
        candidates = self.by_first.get(text, [])
        if first != text:
            candidates = candidates + self.by_first.get(first, [])
        total = len(texts)
        for words, head, person in candidates:
            end = index + len(words)
            if end > total:
                continue
            # Every word but the last as written; the last maybe with a possessive ending; no wide gaps.
            last, written = words[-1], texts[end - 1]
            if (
                texts[index : end - 1] == head
                and (written == last or base_text(written) == last)
                and _adjacent(tokens[index:end])
            ):
                return len(words), person
        named = self.surnames.get(first)
        return (1, named) if named is not None else None

    def slots(self, person: Person, length: int) -> tuple[tuple[int, str, str], ...]:
        """The slots a match of `length` tokens fills: (token offset, group, the group's house form) of the given
        name (when more than one token) and of the surname; none when the words cannot line up with the house form
        ("Kim Jong-Il" against "Kim Jong Il")."""
        key = (person.name, length)
        found = self._slots.get(key)
        if found is None:
            house = person.name.split()
            slots = [(0, f"person:{person.name}:given", house[0])] if length > 1 else []
            slots.append((length - 1, f"person:{person.name}:surname", house[-1]))
            found = self._slots[key] = tuple(slots) if length in (1, len(house)) else ()
        return found


def _has_capital(word: str) -> bool:
    return any(c.isupper() for c in word)


def name_tokens(doc: Document, forms: RegisterForms) -> list[Token]:
    """The tokens of `document_tokens(doc)` that a name mention can involve: those of the chunks between
    spaces that hold a capital or a lower-case word of a register form ("da" in "Lula da Silva").

    Only those chunks are tokenised, so most words of a release are never
    looked at in Python. No token crosses a space, and the full scan has no
    token in progress where a chunk starts, so scanning a chunk from its
    start gives the full tokeniser's tokens there. Their `sentence_start` is
    left False: few are asked, so `opens_sentence_at` answers on demand.
    """
    text = doc.prose
    if forms.lower_words and any(w in text for w in forms.lower_words):
        found = _lower_word_chunks(text, forms.lower_words)
        if found:
            return chunk_tokens(text, sorted([m.span() for m in _CAPITAL_TO_CHUNK_END.finditer(text)] + found))
    return capital_chunk_tokens(text)


def capital_chunk_tokens(text: str) -> list[Token]:
    """`chunk_tokens` of the chunks holding a possible capital: a chunk that is one word and closing punctuation
    (most of them) is that word, taken at once; the others are tokenised."""
    new = tuple.__new__
    tokens: list[Token] = []
    append = tokens.append
    for match in _CAPITAL_TO_CHUNK_END.finditer(text):
        hit = match.start()
        if not hit or text[hit - 1].isspace() or text[hit - 1] == MASK:
            value = match.group()
            if not value.isalpha():
                value = value.rstrip(CLOSING_PUNCTUATION)
            if len(value) > 1 and value.isalpha():
                kind = word_kind(value) if value[1:2].isupper() else WORD
                append(new(Token, (value, hit, hit + len(value), kind, False)))
                continue
        position = hit  # the chunk begins before its capital, or is more than a word: the tokeniser decides
        while position and not text[position - 1].isspace() and text[position - 1] != MASK:
            position -= 1
        _add_chunk_tokens(tokens, text, position, match.end())
    return tokens


def _lower_word_chunks(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """(start, chunk end) of each of `words` (lower-case words of register forms) that stands as a word, as a
    regex scan for the words not followed by a letter, each match running to its chunk's end, would give them
    (keeping those not after a letter). Found with `str.find`: such words hide inside many others ("da" in
    "today"), where the regex would be tried at each."""
    places: set[int] = set()
    for word in words:
        size = len(word)
        at = text.find(word)
        while at != -1:
            if not _LETTER.match(text, at + size):
                places.add(at)
            at = text.find(word, at + 1)
    found: list[tuple[int, int]] = []
    resume = 0  # the pattern's match runs to the chunk's end, and the next search starts there
    chunk_end = _CHUNK_REST.match
    for at in sorted(places):
        if at < resume:
            continue
        resume = cast(re.Match[str], chunk_end(text, at)).end()
        if not (at and _LETTER.match(text, at - 1)):
            found.append((at, resume))
    return found


def chunk_tokens(text: str, chunks: Iterable[tuple[int, int]]) -> list[Token]:
    """The tokeniser's tokens of `text` (a prose mask) in the chunks between spaces holding the given places.

    `chunks` are (place, end of its chunk) in text order; a place may lie
    anywhere in its chunk. `sentence_start` is left False.
    """
    new = tuple.__new__
    tokens: list[Token] = []
    position = 0
    for hit, end in chunks:
        if hit < position:
            continue  # a chunk already scanned
        position = hit  # the chunk starts at the space or mask before the hit
        while position and not text[position - 1].isspace() and text[position - 1] != MASK:
            position -= 1
        if position == hit:
            value = text[hit:end]
            if not value.isalpha():
                value = value.rstrip(CLOSING_PUNCTUATION)
            if len(value) > 1 and value.isalpha():
                # The usual chunk, a word and closing punctuation: the tokeniser's plain word, and nothing else.
                kind = word_kind(value) if value[1:2].isupper() else WORD
                tokens.append(new(Token, (value, hit, hit + len(value), kind, False)))
                position = end
                continue
        _add_chunk_tokens(tokens, text, position, end)
        position = end
    return tokens


def _add_chunk_tokens(tokens: list[Token], text: str, start: int, end: int) -> None:
    """Add the tokeniser's tokens of the chunk `start`-`end` (from a space or mask, or the text's start, to the
    next) to `tokens`, as `chunk_shape` gives them."""
    new = tuple.__new__
    # Tokens never cross a space or mask, and at a chunk's start the scanner's look-behinds see what they would
    # see at a text's start; only the initials test after a final full stop reads on ("A. Lukashenko"), three
    # characters at most, so those go with the chunk.
    piece = text[start : end + 3] if text[end - 1] == "." else text[start:end]
    for value, offset, kind in chunk_shape(piece, end - start):
        begin = start + offset
        tokens.append(new(Token, (value, begin, begin + len(value), kind, False)))


@lru_cache(maxsize=16384)
def chunk_shape(piece: str, size: int) -> tuple[tuple[str, int, str], ...]:
    """The tokeniser's tokens (text, offset, kind) that start in the first `size` characters of `piece`, a chunk
    and what follows it (kept per chunk: a run meets "Russia's" and "U.S." in release after release)."""
    search = TOKEN_PATTERN.search
    found: list[tuple[str, int, str]] = []
    position = 0
    while (match := search(piece, position)) is not None and (start := match.start()) < size:
        position = match.end()
        group = match.lastgroup
        value = match.group()
        kind = WORD if group is None or group == "plain" else group
        if kind == WORD:
            if value[1:2].isupper():
                kind = word_kind(value)
            if kind == WORD and value[-1] in APOSTROPHE and not value[:-1].endswith(("s", "S")):
                value = value[:-1]  # a closing single quote, not a plural possessive
        found.append((value, start, kind))
    return tuple(found)


def _adjacent(tokens: Sequence[Token]) -> bool:
    return all(b.start - a.end <= 2 for a, b in pairwise(tokens))


def register_mentions(tokens: Sequence[Token], forms: RegisterForms) -> tuple[list[Mention], set[int]]:
    """Mentions of register people (given name and surname slots) and the indexes of the tokens they cover."""
    mentions: list[Mention] = []
    covered: set[int] = set()
    texts = list(map(itemgetter(0), tokens))
    present = forms.opener_texts.intersection(texts)
    if not present:
        return mentions, covered
    new = tuple.__new__
    openings = compress(count(), map(present.__contains__, texts))
    resume = 0  # a match covers its tokens: none of them starts another
    for index in openings:
        if index < resume or tokens[index].kind != WORD:
            continue
        found = forms.match(tokens, index, texts)
        if found is None:
            continue
        length, person = found
        for offset, group, preferred in forms.slots(person, length):
            text, start = texts[index + offset], tokens[index + offset].start
            base = base_text(text) if text[-1] in POSSESSIVE_ENDS else text
            mentions.append(new(Mention, (start, start + len(base), base, group, preferred)))
        covered.update(range(index, index + length))
        resume = index + length
    return mentions, covered


def opens_sentence_at(text: str, start: int) -> bool:
    """Whether the token at `start` opens a sentence, as the tokeniser decides it (its quick test first)."""
    if start > 1 and text[start - 1] == " " and text[start - 2] not in MAYBE_SENTENCE_BOUNDARY:
        return False
    return opens_sentence(text, start)


def name_candidates(
    prose: str, tokens: Sequence[Token], covered: set[int], lexicon: Lexicon, language: str
) -> list[Token]:
    """Capitalised words (hyphen parts apart) of `name_tokens` that may be names; sentence-initial common words are not.

    `prose` is the text the tokens come from: sentence starts are worked out here, for common words only.
    """
    common_opener = _CommonOpeners(lexicon, language)
    verdicts: dict[str, int] = lexicon.memo((_text_verdict, language), dict)
    by_parts: dict[str, tuple[tuple[int, str, bool], ...]] = lexicon.memo((_candidate_parts, language), dict)
    new = tuple.__new__
    boundary = MAYBE_SENTENCE_BOUNDARY
    last = len(tokens) - 1
    found: list[Token] = []
    for index, token in enumerate(tokens):
        text, start, _, kind, first = token
        verdict = verdicts.get(text)
        if verdict is None:
            verdict = verdicts[text] = _text_verdict(text, common_opener)
        if verdict == _NEVER or kind != WORD or (covered and index in covered):
            continue
        if verdict == _ALWAYS:
            found.append(token)
            continue
        if verdict == _UNLESS_OPENING:
            if (start > 1 and prose[start - 1] == " " and prose[start - 2] not in boundary) or (
                _opens_name(tokens, index, last) or not opens_sentence(prose, start)
            ):
                found.append(token)  # inside a sentence (the quick test of `opens_sentence_at` first), or a name
            continue
        parts = by_parts.get(text)
        if parts is None:
            parts = by_parts[text] = _candidate_parts(text, common_opener)
        for offset, part, opener in parts:
            if opener and not _opens_name(tokens, index, last) and opens_sentence_at(prose, start):
                continue
            part_start = start + offset
            found.append(new(Token, (part, part_start, part_start + len(part), kind, first and not offset)))
    return found


def _candidate_parts(text: str, common_opener: _CommonOpeners) -> tuple[tuple[int, str, bool], ...]:
    """The parts of a word with hyphens or a possessive that may be names: (offset, base text, whether a common
    word opens the word there, so that it is no name where the word opens a sentence)."""
    if "-" not in text and "‑" not in text:
        base = base_text(text)
        if len(base) < MIN_NAME_LENGTH or base.isupper() or (not base.isascii() and NON_LATIN.search(base)):
            return ()
        return ((0, base, common_opener(base)),)
    found = []
    for part in Token(text, 0, len(text), WORD).parts():
        part = base_of(part)
        base = part.text
        if len(base) < MIN_NAME_LENGTH or not base[:1].isupper() or base.isupper():
            continue
        if NON_LATIN.search(base):
            continue  # Cyrillic look-alikes are the script rules' business, not another spelling
        found.append((part.start, base, part.start == 0 and common_opener(base)))
    return tuple(found)


# What a word's text alone says of it as a name candidate: never one, always one, one unless it opens a sentence
# (a common word), or its parts or base decide.
_NEVER, _ALWAYS, _UNLESS_OPENING, _BY_PARTS = 0, 1, 2, 3


def _text_verdict(text: str, common_opener: _CommonOpeners) -> int:
    """`name_candidates`' tests of a word that look at its text only (kept per distinct word, per lexicon)."""
    if not text[:1].isupper():
        return _NEVER
    if "-" in text or "‑" in text or (text[-1] in POSSESSIVE_ENDS and base_text(text) is not text):
        return _BY_PARTS
    if len(text) < MIN_NAME_LENGTH or text.isupper() or (not text.isascii() and NON_LATIN.search(text)):
        return _NEVER
    return _UNLESS_OPENING if common_opener(text) else _ALWAYS


def _opens_name(tokens: Sequence[Token], index: int, last: int) -> bool:
    """Whether the token at `index` is followed, one character on, by a capitalised token (as in "Minsk Region")."""
    if index >= last:
        return False
    token, following = tokens[index], tokens[index + 1]
    return following.text[:1].isupper() and following.start - token.end == 1


class _CommonOpeners:
    """Whether a capitalised word is a common English word and no name (so, sentence-initial, not a name)."""

    def __init__(self, lexicon: Lexicon, language: str) -> None:
        self.answers: dict[str, bool] = lexicon.memo((_CommonOpeners, language), dict)
        self._lexicon = lexicon
        self._language = language

    def __call__(self, text: str) -> bool:
        answer = self.answers.get(text)
        if answer is None:
            lexicon = self._lexicon
            answer = not lexicon.names.is_known(text) and lexicon.words.is_common_word(text.lower(), self._language)
            self.answers[text] = answer
        return answer


class NameGrouper:
    """Groups name forms of one document: equal or near transliteration keys, vetoed by the gazetteers.

    What it learns about a form (its entities, whether it is a plain word)
    is kept: a run meets the same names in release after release.
    """

    def __init__(self, lexicon: Lexicon, language: str) -> None:
        self.lexicon = lexicon
        self.language = language
        self._canonical_sets: dict[tuple[str, bool], frozenset[str]] = {}
        self._info: dict[str, tuple[str, bool, bool]] = {}
        # The same question as `_CommonOpeners` asks, so the answers are shared.
        self._plain_words: dict[str, bool] = lexicon.memo((_CommonOpeners, language), dict)

    def _canonicals(self, form: str, places_only: bool = False) -> frozenset[str]:
        found = self._canonical_sets.get((form, places_only))
        if found is None:
            entities = self.lexicon.names.entities.get(form, ())
            found = frozenset(e.canonical for e in entities if not places_only or e.category not in NOT_PLACES)
            self._canonical_sets[(form, places_only)] = found
        return found

    def _is_plain_word(self, form: str) -> bool:
        answer = self._plain_words.get(form)
        if answer is None:
            lower = form.lower()
            answer = self.lexicon.words.is_common_word(lower, self.language) and not self.lexicon.names.is_known(form)
            self._plain_words[form] = answer
        return answer

    def distinct(self, a: str, b: str) -> bool:
        """Whether the gazetteers (or the dictionary) say two forms are different things."""
        canon_a, canon_b = self._canonicals(a), self._canonicals(b)
        if canon_a and canon_b and not canon_a & canon_b:
            return True
        return self._is_plain_word(a) and self._is_plain_word(b)

    def same_entity(self, a: str, b: str) -> bool:
        """Whether the gazetteers list both forms as one entity (Kiev/Kyiv, Grodno/Hrodna) and they look alike."""
        canon_a = self._canonicals(a, places_only=True)
        if not canon_a:
            return False
        canon_b = self._canonicals(b, places_only=True)
        if not (canon_b and canon_a & canon_b):
            return False
        key_a, key_b = name_key(a), name_key(b)
        if key_a.startswith(key_b) or key_b.startswith(key_a):
            return False  # Russia/Russian: a derived word, not another spelling
        return key_a[:1] == key_b[:1] and key_distance(key_a, key_b) <= 1

    def groups(self, forms: Iterable[str]) -> dict[str, str]:
        """Each form's group id: `auto:<key of the group's first form>` (across files, a form's group is
        `auto:<its own key>`: equal keys alone merge there)."""
        ordered = list(dict.fromkeys(forms))
        info = self._info
        by_key: dict[str, str] = {}
        places: list[tuple[str, str]] = []
        names: list[tuple[str, str]] = []
        merges: list[tuple[str, str]] = []
        for form in ordered:
            entry = info.get(form)
            if entry is None:
                entry = info[form] = self._form_info(form)
            key, is_place, is_name = entry
            earlier = by_key.get(key)
            if earlier is None:
                by_key[key] = form
                if is_place:
                    places.append((key, form))
                if is_name:
                    names.append((key, form))
            elif form.lower() == earlier.lower() or not self.distinct(form, earlier):
                merges.append((earlier, form))
        # Near keys merge when the gazetteers place both forms as one entity, or when both are names (keys of five
        # letters or more, no plain words) whose keys are variants; only such forms are paired up.
        merges += [(a, b) for a, b in _near_pairs(places) if self.same_entity(a, b)]
        merges += [
            (a, b)
            for a, b in _near_pairs(names)
            if keys_are_variants(info[a][0], info[b][0]) and not self.distinct(a, b)
        ]
        if not merges:
            return {form: "auto:" + info[form][0] for form in ordered}  # the common case: each form its own key
        place = {form: index for index, form in enumerate(ordered)}
        parent = {form: form for form in ordered}

        def root(form: str) -> str:
            while parent[form] != form:
                parent[form] = parent[parent[form]]
                form = parent[form]
            return form

        for a, b in merges:  # a group's root is its first form, whatever the order of merging
            ra, rb = root(a), root(b)
            if ra != rb:
                first, second = sorted((ra, rb), key=place.__getitem__)
                parent[second] = first
        return {form: "auto:" + info[root(form)][0] for form in ordered}

    def _form_info(self, form: str) -> tuple[str, bool, bool]:
        """A form's key, whether the gazetteers place it, and whether it is a name to pair by near keys."""
        key = name_key(form)
        is_place = bool(self._canonicals(form, places_only=True))
        return key, is_place, len(key) >= 5 and not self._is_plain_word(form)


def _near_pairs(keyed: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """The pairs of forms, in order, whose keys share their first letter and differ in length by two at most."""
    if len(keyed) < 2:
        return
    blocks: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, form in keyed:
        blocks[key[:1]].append((key, form))
    for block in blocks.values():
        for i, (key_a, form_a) in enumerate(block):
            for key_b, form_b in block[i + 1 :]:
                if abs(len(key_a) - len(key_b)) <= 2:
                    yield form_a, form_b


class DocumentNames(NamedTuple):
    """A document's name mentions: those of register people (grouped by slot) and the other name candidates,
    each in text order. Candidates are grouped by the caller: by exact key across files, by near key within one."""

    register: list[Mention]
    candidates: list[Token]


def document_names(doc: Document, lexicon: Lexicon, forms: RegisterForms, language: str) -> DocumentNames:
    """The register mentions and the other name candidates of a document (computed once per document)."""
    key = (document_names, id(lexicon), id(forms), language)
    return doc.memo(key, lambda: _document_names(doc, lexicon, forms, language))


def document_name_tokens(doc: Document, forms: RegisterForms) -> list[Token]:
    """`name_tokens` of a document, computed once per document."""
    return doc.memo((name_tokens, id(forms)), lambda: name_tokens(doc, forms))


def _document_names(doc: Document, lexicon: Lexicon, forms: RegisterForms, language: str) -> DocumentNames:
    tokens = document_name_tokens(doc, forms)
    mentions, covered = register_mentions(tokens, forms)
    return DocumentNames(mentions, name_candidates(doc.prose, tokens, covered, lexicon, language))
