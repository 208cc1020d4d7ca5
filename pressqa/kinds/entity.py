"""The `entity` kind: a capitalised word (or run) one or two edits from a known entity but not itself one.

"Ukrane" is not a word, so it is a slip for Ukraine on its own. "Ira" is a word
(a first name), so context decides: siblings of the same category in the same
list ("Venezuela, Cuba, and Ira"), a title or preposition before it ("President
of Cyrus"), the entity or its demonym elsewhere in the text. Real names that
merely resemble an entity (Ira Gershwin, Peskov next to Pskov) are left alone:
a word that is itself a known entity, a register name, a listed proper noun,
or that sits next to another unknown capitalised word (a person's name) is
never reported unless the register knows that person.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from itertools import accumulate
from typing import Any, ClassVar

from pressqa.document import Document
from pressqa.finding import Finding, Severity
from pressqa.lexicon.names import Entity, NameIndex, near_order, one_edit_apart
from pressqa.rule import Kind, KindContext, Option, Rule

TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")
APOSTROPHES = "'’"
# Every word of TOKEN that starts with a capital, and some tails of words that do not ("Phone" of
# "iPhone"). It starts with a plain character set (upper-case ASCII, Latin-1 capitals, anything past
# U+00FF) so the regex engine scans for it in C; the dear Unicode letter tests only run where a cheap
# one lets them (a non-ASCII first character; a word going on past its lower-case ASCII letters).
# The sets reaching U+10FFFF are written as what they leave out: so written, the pattern compiles in
# well under a millisecond, against some 10-20 ms at every start (the same sets, the same matches).
CAPITALISED = re.compile(
    r"[^\x00-@\[-\xbf\xd7\xdf-\xff](?:(?<=[A-Z])|(?<=[^\W\d_]))[a-z]*"  # [A-Z\xc0-\xd6\xd8-\xde\u0100-\U0010ffff]
    r"(?:(?=[^\x00-&(-@\[-\x7f])(?:[^\W\d_a-z][^\W\d_]*)?(?:['’][^\W\d_]+)*)?"  # (?=[A-Z'’\x80-\U0010ffff])
)
#: Words a stretch of prose holds before its first word worth a look, besides any "and"/"or" (decisions
#: read three back, and one further for each "and"/"or" a list is followed through), and after its last
#: (decisions read three on).
WORDS_BEFORE = 5
WORDS_AFTER = 4
#: The characters first tried for those words (a stretch grows until it holds them).
CHARS_BEFORE = 48
CHARS_AFTER = 40
AND_OR = frozenset({"and", "or"})
ADJACENT_GAPS = frozenset({" ", "\u00a0"})
NEAR_MEMO = ("entity", "near")  # Lexicon.memo keys
DEMONYMS_OF_MEMO = ("entity", "demonyms-of")
NAMES_BY_PART_MEMO = ("entity", "names-by-part")
PROPER_NOUNS_MEMO = ("entity", "proper-nouns")
JUDGEMENTS_MEMO = ("entity", "judgements")
KNOWN_SUFFIXES = ("’s", "'s", "s", "es", "’", "'")  # plural and possessive endings of a known name
RUN_GAPS = frozenset({" ", "-"})
NAME_PARTS = re.compile(r"[ -]")
SENTENCE_END = re.compile(r"[.!?:;]['’\"”»)]*\s*$")
GEOGRAPHIC = frozenset({"country", "capital", "continent", "region", "city", "landmark"})
PEOPLE = frozenset({"person", "surname", "given name"})
TITLES = frozenset(
    {
        "President", "Presidents", "Minister", "Ministers", "Chancellor", "King", "Queen", "Emir", "Sultan", "Prince",
        "Embassy", "Embassies", "Ambassador", "Ambassadors", "Republic", "Government", "Governments", "Kingdom",
        "Ministry", "Parliament", "Leader", "Leaders", "Head", "Heads", "Premier", "Chairman", "Speaker", "Governor",
        "Consulate", "Consul", "Mayor", "people", "peoples", "citizens", "capital", "border", "borders", "territory",
        "leader", "leaders", "government", "president", "embassy", "nationals", "Federation", "State", "Secretary",
        "Crown", "Chairwoman", "Chairperson", "Council", "Commissioner", "Delegation", "delegation", "regions",
        "region", "north", "south", "east", "west", "coast", "partners", "friends",
    }
)  # fmt: skip
PLACE_PREPOSITIONS = frozenset(
    {"in", "to", "from", "with", "between", "across", "towards", "into", "visit", "visited", "visiting", "and"}
)
#: What stands between list members (stripped of spaces): "Venezuela, Cuba and Ira".
LIST_SEPARATORS = frozenset({",", "and", ", and", "or", ", or", "&", "/"})
#: Words just before a real word that can give it a point of evidence (lower case): list words, prepositions of
#: place, "of" after a title, "the" before "side".
CONTEXT_BEFORE = frozenset({"and", "or", "of", "the"}) | PLACE_PREPOSITIONS
#: Characters read each side of a real word to see its neighbours (the stretch grows to whole words).
STRETCH_AROUND = 24
FIRST_NAME_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Sir", "Lady", "Lord"})
RUN_CATEGORIES = PEOPLE | {"body", "country", "capital", "city", "region", "organisation"}


@dataclass(frozen=True)
class Verdict:
    """A decided near miss: the best entity, the other candidates, severity, and the evidence as words."""

    entity: Entity
    others: tuple[str, ...]
    severity: Severity
    reason: str


class EntityKind(Kind):
    """Near-miss entity names: countries, places, demonyms, organisations and register people."""

    name: ClassVar[str] = "entity"
    options: ClassVar[Mapping[str, Option]] = {
        "min_length": Option((int,), 3, help="shortest word looked at"),
        "common_frequency": Option(
            (int,), 20000, help="a real word at least this frequent in English (pyspellchecker counts) needs more evidence"
        ),
    }

    def __init__(self, rule: Rule, context: KindContext) -> None:
        super().__init__(rule, context)
        self._min_length = int(self.option("min_length"))
        self._common = int(self.option("common_frequency"))

    # ----------------------------------------------------------------------------------- word data

    @cached_property
    def _index(self) -> NameIndex:
        return self.context.lexicon.names  # type: ignore[no-any-return]

    @cached_property
    def _words(self) -> Any:
        """The lexicon's English word list (shared with the spelling kind, so it is loaded once a run)."""
        return self.context.lexicon.words

    @cached_property
    def _proper_nouns(self) -> frozenset[str]:
        lexicon = self.context.lexicon
        config = self.context.settings.get("config")
        accepted = tuple(getattr(config, "accept", ()) or ())

        def read() -> frozenset[str]:
            words: set[str] = set(getattr(lexicon, "accept", ()))
            words.update(accepted)
            for path in lexicon.data_files("spelling/proper-nouns.txt"):
                for line in path.read_text(encoding="utf-8").splitlines():
                    line = line.strip()
                    if line and not line.startswith("#"):
                        words.add(line)
            return frozenset(words)

        return lexicon.memo((PROPER_NOUNS_MEMO, accepted), read)  # type: ignore[no-any-return]

    @cached_property
    def _judged(self) -> WordJudgements:
        """What this kind has worked out about words, shared through the lexicon by every kind with the same word
        data, shortest word and proper nouns (a run, and any rule set built on that data, meets the same words)."""
        key = (JUDGEMENTS_MEMO, self._min_length, self._proper_nouns)
        return self.context.lexicon.memo(key, WordJudgements)  # type: ignore[no-any-return]

    def _near(self, surface: str, distance: int) -> list[tuple[Entity, int]]:
        # Shared through the lexicon: names repeat across a release and across a run.
        near: dict[tuple[str, int], list[tuple[Entity, int]]] = self.context.lexicon.memo(NEAR_MEMO, dict)
        key = (surface, distance)
        found = near.get(key)
        if found is None:
            found = near[key] = self._index.near(surface, distance)
        return found

    def _known(self, word: str) -> bool:
        """Whether a word is a known name or proper noun, or one with a plural or possessive ending (cached)."""
        cache = self._judged.known
        known = cache.get(word)
        if known is None:
            known = cache[word] = self._known_uncached(word)
        return known

    def _known_uncached(self, word: str) -> bool:
        index = self._index
        if index.is_known(word) or word in self._proper_nouns:
            return True
        if not word.endswith(KNOWN_SUFFIXES):
            return False
        for suffix in KNOWN_SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                base = word[: -len(suffix)]
                if index.is_known(base) or base in self._proper_nouns:
                    return True
        return False

    def _frequency(self, word: str) -> int:
        lower = word.lower()
        frequencies = self._judged.frequencies
        frequency = frequencies.get(lower)
        if frequency is None:
            frequency = frequencies[lower] = int(self._words.frequency(lower))
        return frequency

    # --------------------------------------------------------------------------------------- check

    def check(self, doc: Document) -> Iterable[Finding]:
        if self.context.lexicon is None:
            return
        prose = doc.prose
        # Each capitalised word is judged once (cached per spelling): most are known names, common
        # words or register names, so most places cost a dictionary look-up and nothing more.
        interests = self._judged.interest
        spans: list[tuple[int, int]] = []
        tokens = TokenCounts(prose)
        for match in CAPITALISED.finditer(prose):
            word = match.group()
            interest = interests.get(word)
            if interest is None:
                interest = interests[word] = self._interest_of(word)
            if interest is not Interest.NONE:
                start, end = match.span()
                if _word_starts_at(prose, start) and self._worth_a_look(prose, start, end, interest, tokens):
                    spans.append((start, end))
        if not spans:
            return
        for words, positions in _windows(prose, spans):
            yield from self._check_positions(doc, words, positions, tokens)

    def _check_positions(
        self, doc: Document, words: ProseWords, positions: list[int], tokens: TokenCounts
    ) -> Iterator[Finding]:
        """The per-word decisions, left to right, at the given positions of a stretch of prose.

        Positions left out are those where nothing can be reported (no word worth a look within
        the two words a run reaches back), so the outcome is that of a walk over every word.
        """
        texts = words.texts
        gaps = words.gaps
        count = len(texts)
        reported_until = -1
        for position in positions:
            text = texts[position]
            if not text[0].isupper() or position <= reported_until:
                continue
            following = position + 1
            if following < count and gaps[following] in RUN_GAPS and texts[following][0].isupper():
                run = self._run_verdict(words, position, tokens)
                if run is not None:
                    run_verdict, last = run
                    reported_until = last
                    yield self._finding(doc, words.start(position), words.end(last), run_verdict)
                    continue
            facts = self._facts(text)
            if facts is None or words.brand_suffix(position):
                continue
            verdict = self._word_verdict(doc, words, position, facts, tokens)
            if verdict is not None:
                yield self._finding(doc, words.start(position), words.end(position), verdict)

    def _worth_a_look(self, prose: str, start: int, end: int, interest: Interest, present: TokenCounts) -> bool:
        """Whether a word's place can matter: true wherever a decision there could report something."""
        if interest is Interest.WORD:
            return self._may_be_a_slip_here(prose, start, end, present) or self._in_a_run_near_a_name(prose, start, end)
        if interest is Interest.DEMONYM:
            # "Chancellor of German": only `_demonym_for_country` can report a known demonym.
            if start < 3 or prose[start - 1] not in ADJACENT_GAPS or prose[start - 3 : start - 1] != "of":
                return False
            if not _word_starts_at(prose, start - 3):
                return False
            return _word_before(prose, start - 3) in TITLES
        return self._in_a_run_near_a_name(prose, start, end)

    def _in_a_run_near_a_name(self, prose: str, start: int, end: int) -> bool:
        """Whether a run of capitalised words holding the word at start:end misspells a multi-word name.

        The runs are those `_run_verdict` builds from the word and from the two words before it.
        """
        joined_before = start >= 2 and prose[start - 1] in RUN_GAPS and _is_letter(prose[start - 2])
        if not joined_before and not (end + 1 < len(prose) and prose[end] in RUN_GAPS and prose[end + 1].isupper()):
            return False  # no capitalised word joined to it: no run
        chain = [prose[start:end]]
        separators: list[str] = []
        here = start
        for _ in range(2):
            if here < 2 or prose[here - 1] not in RUN_GAPS or not _is_letter(prose[here - 2]):
                break
            before = _start_of_word_ending_at(prose, here - 1)
            if not prose[before].isupper():
                break
            chain.insert(0, prose[before : here - 1])
            separators.insert(0, prose[here - 1])
            here = before
        own = len(chain) - 1
        here = end
        for _ in range(2):
            if here + 1 >= len(prose) or prose[here] not in RUN_GAPS:
                break
            match = TOKEN.match(prose, here + 1)
            if match is None or not prose[here + 1].isupper():
                break
            chain.append(match.group())
            separators.append(prose[here])
            here = match.end()
        for first in range(own + 1):
            size = min(3, len(chain) - first)
            if size >= 2 and self._run_found(chain[first : first + size], separators[first : first + size - 1]):
                return True
        return False

    def _may_be_a_slip_here(self, prose: str, start: int, end: int, present: TokenCounts) -> bool:
        """Whether `_word_verdict` can report the word at start:end: false only when it surely cannot.

        A real word is reported only on two points of evidence (`_evidence`):
        list siblings, a title or preposition just before it, or its entity and
        that entity's demonym both elsewhere in the text. The first two need a
        list separator or one of those words beside it, read from a short
        stretch of prose; the last is looked up (most real words have none).
        """
        facts = self._facts(prose[start:end])
        if facts is None or facts is DEMONYM or facts.frequency <= 0:
            return True
        low, high = _cut_before(prose, start - STRETCH_AROUND), _cut_after(prose, end + STRETCH_AROUND)
        words = ProseWords(prose, low, high)
        position = words.position_at(start)
        texts, gaps = words.texts, words.gaps
        if (position == 0 and low > 0) or (position == len(texts) - 1 and high < len(prose)):
            return True  # a neighbour beyond the stretch: no reading of it here
        before, after = gaps[position], gaps[position + 1]
        if before.strip() in LIST_SEPARATORS or after.strip() in LIST_SEPARATORS:
            return True
        if position and before in ADJACENT_GAPS and texts[position - 1].lower() in CONTEXT_BEFORE:
            return True
        demonyms_of = self._demonyms_of
        return any(
            (entity.name in present or entity.canonical in present)
            and any(demonym in present for demonym in demonyms_of(entity.canonical))
            for entity, _ in facts.candidates
        )

    def _interest_of(self, word: str) -> Interest:
        """What a capitalised word can take part in, from the word alone."""
        if self._known(word):  # meant as written, unless a demonym stands for its country
            return Interest.DEMONYM if self._facts(word) is DEMONYM else Interest.NONE
        if self._facts(word) is not None:
            return Interest.WORD
        return Interest.NONE if self._plain(word) else Interest.RUN

    def _finding(self, doc: Document, start: int, end: int, verdict: Verdict) -> Finding:
        suggestions = (verdict.entity.name, *verdict.others)
        return self.report(
            doc,
            start,
            end,
            suggestions=suggestions,
            severity=verdict.severity,
            category=_describe(verdict.entity),
            reason=verdict.reason,
        )

    # --------------------------------------------------------------------------------- single word

    def _facts(self, word: str) -> WordFacts | None:
        """What the word alone says (cached per spelling); None when no context can make it a near miss."""
        cache = self._judged.facts
        if word in cache:
            return cache[word]
        facts = cache[word] = self._word_facts(word)
        return facts

    def _word_facts(self, word: str) -> WordFacts | None:
        if len(word) < self._min_length or not word[0].isupper() or (word.isupper() and len(word) > 1):
            return None
        if not _latin(word):
            return None  # look-alike letters: the script kind reports them
        if self._known(word):
            return DEMONYM if word in self._index.demonyms else None
        frequency = self._frequency(word)
        if frequency > 0:
            # A real word is only ever a slip for a one-edit name, so the wider (slower) look-up is left
            # for the one question two-edit names answer (see `_person_two_edits_away`).
            candidates = self._candidates(word, 1)
            return WordFacts(tuple(candidates), frequency, complete=len(word) < 6) if candidates else None
        candidates = self._candidates(word, 2 if len(word) >= 6 else 1)
        return WordFacts(tuple(candidates), frequency) if candidates else None

    def _person_two_edits_away(self, words: ProseWords, position: int) -> bool:
        """Whether a person two edits from the word could be meant, inside a person's name (as `_word_verdict` filters)."""
        return any(
            distance == 2
            and entity.category in PEOPLE
            and (entity.category != "given name" or self._next_is_surname(words, position))
            for entity, distance in self._candidates(words.texts[position], 2)
        )

    def _candidates(self, word: str, max_distance: int) -> list[tuple[Entity, int]]:
        """Single-word entities near `word` that are not merely its inflection or adjective, nearest first."""
        return [
            (entity, distance)
            for entity, distance in self._near(word, max_distance)
            if " " not in entity.name
            and entity.name[:1].isupper()
            and not entity.name.isupper()
            and (distance == 1 or len(entity.name) >= 6)
            and not _inflection_of(word, entity.name)
            and not _adjective_of(word, entity.name)
        ]

    def _word_verdict(
        self, doc: Document, words: ProseWords, position: int, facts: WordFacts, present: TokenCounts
    ) -> Verdict | None:
        word = words.texts[position]
        if facts is DEMONYM:
            return self._demonym_for_country(words, position)
        in_name = self._inside_person_name(words, position)
        candidates = [
            c
            for c in facts.candidates
            if (c[0].category not in PEOPLE or in_name or c[0].category == "surname")
            and (c[0].category != "given name" or self._next_is_surname(words, position))
        ]
        if not candidates:
            return None
        if in_name and not any(c[0].category in PEOPLE for c in candidates):
            if facts.complete or not self._person_two_edits_away(words, position):
                return None
        best_distance = candidates[0][1]
        frequency = facts.frequency
        real_word = frequency > 0
        if real_word and best_distance > 1:
            return None
        evidence, reasons = self._evidence(words, position, candidates, present)
        nearest = [c for c in candidates if c[1] == best_distance]
        # Evidence first; then the longer shared beginning (Chine: China before Chile), then the data's order.
        ranked = sorted(nearest, key=lambda c: (-evidence.get(c[0].canonical, 0), -_shared_prefix(word, c[0].name)))
        best = ranked[0][0]
        score = evidence.get(best.canonical, 0)
        others = tuple(dict.fromkeys(c[0].name for c in ranked[1:] if c[0].name != best.name))[:2]
        if not real_word:
            listed = any(r.startswith("listed") for r in reasons.get(best.canonical, []))
            if present.count(word) >= 2 and not listed:
                return Verdict(best, others, Severity.SUGGESTION, "; it recurs, so it may be a real name")
            severity = Severity.ERROR if best_distance == 1 and len(word) >= 5 else Severity.WARNING
            return Verdict(best, others, severity, _reason_text(reasons.get(best.canonical, [])))
        sentence_start = _sentence_start(doc.prose, words.start(position))
        needed = 2 if frequency < FREQUENT_WORD and not sentence_start else 3
        if frequency >= self._common:
            needed = 4
        if score >= needed:
            return Verdict(best, others, Severity.WARNING, _reason_text(reasons.get(best.canonical, [])))
        if score >= needed - 1 and score >= 2:
            return Verdict(best, others, Severity.SUGGESTION, _reason_text(reasons.get(best.canonical, [])))
        return None

    def _demonym_for_country(self, words: ProseWords, position: int) -> Verdict | None:
        """A demonym where the country is meant: "Chancellor of German Angela Merkel" (German -> Germany)."""
        texts = words.texts
        word = texts[position]
        countries = self._index.demonyms.get(word)
        if not countries or position < 2:
            return None
        if texts[position - 1] != "of" or texts[position - 2] not in TITLES:
            return None
        if not words.adjacent(position - 1):
            return None
        following = position + 1
        if following < len(texts) and words.adjacent(position) and texts[following].islower():
            return None  # "President of German industry": the demonym qualifies a noun
        country = countries[0]
        if not self._near_enough(word, country):
            return None
        entity = Entity(country, "country", country)
        return Verdict(entity, (), Severity.WARNING, f", after '{texts[position - 2]} of'")

    def _near_enough(self, word: str, name: str) -> bool:
        return any(e.name == name for e, _ in self._near(word, 2))

    def _inside_person_name(self, words: ProseWords, position: int) -> bool:
        """Whether the word sits next to another capitalised word that is no entity: part of a person's name."""
        texts = words.texts
        if position > 0:
            before = texts[position - 1]
            if before in FIRST_NAME_TITLES:
                return True
            if (
                words.adjacent(position - 1)
                and before[0].isupper()
                and not _sentence_start(words.prose, words.start(position - 1))
                and self._name_like(before)
            ):
                return True
        after_title = position > 1 and texts[position - 1] == "of" and texts[position - 2] in TITLES
        if position + 1 < len(texts) and not after_title:
            after = texts[position + 1]
            if words.adjacent(position) and after[0].isupper() and self._name_like(after):
                return True
        return False

    def _name_like(self, word: str) -> bool:
        if word in self._index.person_tokens:
            return True
        if self._index.is_known(word) or word in TITLES:
            return False
        return word in self._proper_nouns or self._frequency(word) < 1000

    def _next_is_surname(self, words: ProseWords, position: int) -> bool:
        return position + 1 < len(words.texts) and words.texts[position + 1] in self._index.person_tokens

    def _evidence(
        self,
        words: ProseWords,
        position: int,
        candidates: list[tuple[Entity, int]],
        present: TokenCounts,
    ) -> tuple[dict[str, int], dict[str, list[str]]]:
        """Points of context for each candidate (by canonical name), and the reasons in words."""
        texts = words.texts
        index = self._index
        scores: dict[str, int] = {}
        reasons: dict[str, list[str]] = {}
        siblings = self._list_siblings(words, position)
        previous = texts[position - 1] if position > 0 else None
        before_previous = texts[position - 2] if position > 1 else None
        following = texts[position + 1] if position + 1 < len(texts) else None
        for entity, _ in candidates:
            key = entity.canonical
            if key in scores:
                continue
            points = 0
            why: list[str] = []
            same = [s for s in siblings if any(e.category == entity.category for e in index.entities_for(s))]
            if same:
                points += 2
                why.append(f"listed with {', '.join(same[:3])}")
                shared = [s for s in same if index.groups_of(key) & index.groups_of(_canonical(index, s))]
                if shared:
                    points += 1
            if entity.category in GEOGRAPHIC and previous is not None and words.adjacent(position - 1):
                if previous == "of" and before_previous is not None and before_previous in TITLES:
                    points += 2
                    why.append(f"after '{before_previous} of'")
                elif previous in PLACE_PREPOSITIONS:
                    points += 1
                    why.append(f"after '{previous}'")
                elif previous.lower() == "the" and following is not None and following == "side":
                    points += 2
                    why.append("in 'the ... side'")
            if entity.name in present or key in present:
                points += 1
                why.append(f"'{entity.name}' appears elsewhere in the text")
            demonyms = [d for d in self._demonyms_of(key) if d in present]
            if demonyms:
                points += 1
                why.append(f"'{demonyms[0]}' appears in the text")
            scores[key] = points
            reasons[key] = why
        return scores, reasons

    def _demonyms_of(self, country: str) -> tuple[str, ...]:
        """The demonyms listed for a country, in the data's order (an inverse of `NameIndex.demonyms`, built once)."""

        def invert() -> dict[str, tuple[str, ...]]:
            table: dict[str, list[str]] = {}
            for demonym, countries in self._index.demonyms.items():
                for name in dict.fromkeys(countries):
                    table.setdefault(name, []).append(demonym)
            return {name: tuple(demonyms) for name, demonyms in table.items()}

        inverse: dict[str, tuple[str, ...]] = self.context.lexicon.memo(DEMONYMS_OF_MEMO, invert)
        return inverse.get(country, ())

    def _list_siblings(self, words: ProseWords, position: int) -> list[str]:
        """Capitalised known entities in the same comma/and list as the word (up to three either side)."""
        siblings: list[str] = []
        for step in (-1, 1):
            current = position
            for _ in range(3):
                neighbour = _list_neighbour(words, current, step)
                if neighbour is None:
                    break
                siblings.append(words.texts[neighbour])
                current = neighbour
        return [s for s in siblings if self._index.is_known(s)]

    # ---------------------------------------------------------------------------- multi-word names

    def _run_verdict(self, words: ProseWords, position: int, present: TokenCounts) -> tuple[Verdict, int] | None:
        """A run of two or three capitalised words near a multi-word name ("Wan Yi" for Wang Yi).

        Returns the verdict and the position of the run's last word.
        """
        texts = words.texts
        gaps = words.gaps
        run = [texts[position]]
        separators: list[str] = []
        for following in range(position + 1, min(position + 3, len(texts))):
            if gaps[following] not in RUN_GAPS or not texts[following][0].isupper():
                break
            separators.append(gaps[following])
            run.append(texts[following])
        found = self._run_found(run, separators)
        if found is None:
            return None
        entity, size = found
        reason = f", '{entity.name}' appears elsewhere in the text" if entity.name in present else ""
        return Verdict(entity, (), Severity.WARNING, reason), position + size - 1

    def _run_found(self, run: list[str], separators: list[str]) -> tuple[Entity, int] | None:
        """`_run_entity`, cached per run."""
        key = (*run, *separators)
        cache = self._judged.runs
        if key in cache:
            return cache[key]
        found = cache[key] = self._run_entity(run, separators)
        return found

    def _run_entity(self, run: list[str], separators: list[str]) -> tuple[Entity, int] | None:
        """The multi-word name a run of capitalised words misspells in one word, and how many words it takes."""
        names_by_part = self._names_by_part
        for size in range(len(run), 1, -1):
            words = run[:size]
            sharing = [names_by_part[key] for key in ((size, place, word) for place, word in enumerate(words)) if key in names_by_part]
            if not sharing:
                continue  # every other word is as listed, so some listed name shares one in place
            if all(self._plain(w) for w in words):
                continue  # the one changed word must be unknown and rare, so nothing to look up
            surface = "".join(w + s for w, s in zip(words[:-1], separators)) + words[-1]
            if self._known(surface) or not _latin(surface):
                continue
            limit = 1 if len(surface) < 12 else 2
            for entity, _ in _near_names(surface, limit, sharing):
                parts = NAME_PARTS.split(entity.name)
                pairs = [(w, p) for w, p in zip(words, parts) if w != p]
                if len(pairs) != 1:
                    continue
                written, listed = pairs[0]
                if self._plain(written):
                    continue  # "North Africa", "African Unity": a real word makes a different real name
                if written.casefold() == listed.casefold() or _spelling_variant(written, listed):
                    continue  # case or -ise/-ize: a style question for other rules, not a slip
                return entity, size
        return None


    def _plain(self, word: str) -> bool:
        """Whether a word of a run is known or common enough to be meant as written (cached per word)."""
        cache = self._judged.plain
        plain = cache.get(word)
        if plain is None:
            plain = cache[word] = self._known(word) or self._frequency(word) >= RUN_WORD_FREQUENCY
        return plain

    @cached_property
    def _names_by_part(self) -> dict[tuple[int, int, str], tuple[tuple[Entity, str], ...]]:
        """The multi-word names a run can misspell, by (number of words, place, word) of each of their words.

        A run misspells a name in one word, so it shares every other word with it, in place:
        these are the only names to compare with it.
        """

        def build() -> dict[tuple[int, int, str], tuple[tuple[Entity, str], ...]]:
            found: dict[tuple[int, int, str], list[tuple[Entity, str]]] = {}
            for name, bucket in self._index.entities.items():
                if " " not in name and "-" not in name:
                    continue
                listed = [(entity, name.casefold()) for entity in bucket if entity.category in RUN_CATEGORIES]
                if listed:
                    parts = NAME_PARTS.split(name)
                    for place, part in enumerate(parts):
                        found.setdefault((len(parts), place, part), []).extend(listed)
            return {key: tuple(entities) for key, entities in found.items()}

        return self.context.lexicon.memo(NAMES_BY_PART_MEMO, build)  # type: ignore[no-any-return]


class ProseWords:
    """A prose mask (or the stretch `start:end` of it) split into words (TOKEN) and the gaps around them.

    `gaps[i]` is the text before word `i`, so `gaps[i + 1]` lies between words
    `i` and `i + 1`. Splitting is one C-level call; no object is made per word.
    Offsets are into the whole prose; a stretch starts and ends on word
    boundaries (its first and last gaps are then empty).
    """

    __slots__ = ("_base", "_offsets", "_parts", "gaps", "prose", "texts")

    def __init__(self, prose: str, start: int = 0, end: int | None = None) -> None:
        self.prose = prose
        parts = TOKEN_SPLIT.split(prose if start == 0 and end is None else prose[start:end])
        self._base = start
        self._parts = parts
        self.texts: list[str] = parts[1::2]
        self.gaps: list[str] = parts[0::2]
        self._offsets: list[int] | None = None

    def start(self, position: int) -> int:
        """Offset of word `position` in the prose."""
        return self._offset_table()[2 * position + 1]

    def end(self, position: int) -> int:
        """Offset just after word `position`."""
        return self._offset_table()[2 * position + 2]

    def adjacent(self, position: int) -> bool:
        """Whether word `position` and the next are separated by one space (plain or non-breaking)."""
        return self.gaps[position + 1] in (" ", "\u00a0")

    def brand_suffix(self, position: int) -> bool:
        """Whether word `position` is followed by a channel or model suffix: "Rossiya-1", "Rossiya-K"."""
        following = position + 1
        # The suffix pattern reads at most three characters: the gap's and then the next word's first two.
        after = self.gaps[following] + (self.texts[following][:2] if following < len(self.texts) else "")
        return BRAND_SUFFIX.match(after) is not None

    def position_at(self, offset: int) -> int:
        """The position of the word that starts at `offset`."""
        return bisect_left(self._offset_table(), offset) // 2

    def _offset_table(self) -> list[int]:
        if self._offsets is None:
            self._offsets = list(accumulate(map(len, self._parts), initial=self._base))
        return self._offsets


class TokenCounts:
    """How often a word occurs as a whole word (TOKEN) of a prose mask, found with `str.find` and cached.

    It stands for the set of a document's words where only a few are asked about,
    so the document need not be split into words.
    """

    __slots__ = ("_counts", "_prose")

    def __init__(self, prose: str) -> None:
        self._prose = prose
        self._counts: dict[str, int] = {}

    def count(self, word: str) -> int:
        """The number of times `word` is a word of the prose."""
        found = self._counts.get(word)
        if found is None:
            found = self._counts[word] = (
                sum(1 for _ in token_starts(self._prose, word)) if TOKEN.fullmatch(word) else 0
            )
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.count(word) > 0


class WordJudgements:
    """The entity kind's answers about single words and runs of words, each worked out once (see `EntityKind._judged`)."""

    __slots__ = ("facts", "frequencies", "interest", "known", "plain", "runs")

    def __init__(self) -> None:
        self.frequencies: dict[str, int] = {}
        self.facts: dict[str, WordFacts | None] = {}
        self.runs: dict[tuple[str, ...], tuple[Entity, int] | None] = {}
        self.plain: dict[str, bool] = {}
        self.interest: dict[str, Interest] = {}
        self.known: dict[str, bool] = {}


class Interest(Enum):
    """What a capitalised word can take part in, judged from the word alone."""

    NONE = "none"  # nothing: a known name, or a word too plain to change a name
    WORD = "word"  # a near miss on its own (context decides)
    DEMONYM = "demonym"  # a demonym, a slip only after "<Title> of"
    RUN = "run"  # a rare word: a near miss only as part of a run of capitalised words


def _is_letter(char: str) -> bool:
    """Whether a character is one TOKEN's `[^\\W\\d_]` matches (alphanumeric, not a decimal digit)."""
    return char.isalnum() and not char.isdecimal()


def token_starts(prose: str, word: str) -> Iterator[int]:
    """Offsets where `word` (shaped like a TOKEN) occurs as a whole word, as TOKEN splits the prose."""
    size = len(word)
    index = prose.find(word)
    while index != -1:
        end = index + size
        if _word_starts_at(prose, index) and _word_ends_at(prose, end):
            yield index
            index = prose.find(word, end)
        else:
            index = prose.find(word, index + 1)


def _word_starts_at(prose: str, index: int) -> bool:
    if index == 0:
        return True
    before = prose[index - 1]
    if _is_letter(before):
        return False
    return not (before in APOSTROPHES and index >= 2 and _is_letter(prose[index - 2]))


def _word_ends_at(prose: str, end: int) -> bool:
    if end >= len(prose):
        return True
    after = prose[end]
    if _is_letter(after):
        return False
    return not (after in APOSTROPHES and end + 1 < len(prose) and _is_letter(prose[end + 1]))


def _windows(prose: str, spans: list[tuple[int, int]]) -> Iterator[tuple[ProseWords, list[int]]]:
    """Stretches of prose around the words worth a look, split into words, with the positions to decide.

    A stretch reaches at least WORDS_BEFORE words (and one more for each "and"/"or"
    among them) before its first word worth a look and WORDS_AFTER after its last,
    more than any decision reads (list siblings, titles, runs), so each decision sees
    what it would see in the whole prose. Words closer than that share a stretch.
    The positions to decide are each word's own and the two before it (where a run
    holding it can start).
    """
    index = 0
    while index < len(spans):
        last = index
        back, ahead = CHARS_BEFORE, CHARS_AFTER
        while True:
            low = _cut_before(prose, spans[index][0] - back)
            high = _cut_after(prose, spans[last][1] + ahead)
            while last + 1 < len(spans) and spans[last + 1][0] < high:
                last += 1
                high = _cut_after(prose, spans[last][1] + ahead)
            words = ProseWords(prose, low, high)
            first = words.position_at(spans[index][0])
            final = words.position_at(spans[last][0])
            short_before = low > 0 and first < WORDS_BEFORE + sum(1 for t in words.texts[:first] if t in AND_OR)
            short_after = high < len(prose) and len(words.texts) - final - 1 < WORDS_AFTER
            if not (short_before or short_after):
                break
            back, ahead = back * (2 if short_before else 1), ahead * (2 if short_after else 1)
        positions: set[int] = set()
        for start, _ in spans[index : last + 1]:
            position = words.position_at(start)
            positions.update(range(max(0, position - 2), position + 1))
        yield words, sorted(positions)
        index = last + 1


def _cut_before(prose: str, offset: int) -> int:
    """A place at or before `offset` where no word is cut: just after a space, or 0."""
    return 0 if offset <= 0 else prose.rfind(" ", 0, offset) + 1


def _cut_after(prose: str, offset: int) -> int:
    """A place at or after `offset` where no word is cut: a space, or the end."""
    if offset >= len(prose):
        return len(prose)
    found = prose.find(" ", offset)
    return len(prose) if found == -1 else found


def _start_of_word_ending_at(prose: str, end: int) -> int:
    """The start of the word (TOKEN) whose last letter is at `end - 1`."""
    start = end - 1
    while start > 0:
        if _is_letter(prose[start - 1]):
            start -= 1
        elif start >= 2 and prose[start - 1] in APOSTROPHES and _is_letter(prose[start - 2]):
            start -= 2
        else:
            break
    return start


def _word_before(prose: str, start: int) -> str:
    """The word (TOKEN) before the one starting at `start`, or "" if there is none."""
    end = start
    while end > 0 and not _is_letter(prose[end - 1]):
        end -= 1
    return prose[_start_of_word_ending_at(prose, end) : end] if end else ""


@dataclass(frozen=True)
class WordFacts:
    """What a capitalised word says on its own: its near entities (filtered, nearest first) and English frequency.

    `complete` is False when the candidates two edits away were left out (a real word of six letters or more).
    """

    candidates: tuple[tuple[Entity, int], ...]
    frequency: int
    complete: bool = True


#: The facts of a known demonym: only "Chancellor of German" context can make it a slip (for the country).
DEMONYM = WordFacts((), 0)


def _list_neighbour(words: ProseWords, position: int, step: int) -> int | None:
    other = position + step
    texts = words.texts
    if not 0 <= other < len(texts):
        return None
    gap = words.gaps[max(position, other)]
    stripped = gap.strip()
    if stripped in LIST_SEPARATORS and texts[other][0].isupper():
        return other
    if stripped in ("and", "or") or stripped == ",":
        return None
    if gap == " " and step < 0 and texts[other] in ("and", "or") and other - 1 >= 0:
        return _list_neighbour(words, other, step)
    return None


#: In a multi-word name, a changed word at least this frequent in English is taken as meant.
RUN_WORD_FREQUENCY = 2000
#: A real word at least this frequent ("Finance") needs list or text evidence, not a title alone.
FREQUENT_WORD = 5000
BRAND_SUFFIX = re.compile(r"-(?:\d|[A-Z](?![^\W\d_]))")


def _near_names(
    surface: str, limit: int, sharing: list[tuple[tuple[Entity, str], ...]]
) -> list[tuple[Entity, int]]:
    """The entities among `sharing` (with their case-folded names) 1..limit edits from `surface`, in
    `NameIndex.near`'s order."""
    query = surface.casefold()
    found: list[tuple[Entity, int]] = []
    seen: set[Entity] = set()
    for entities in sharing:
        for entity, key in entities:
            if entity in seen:
                continue
            seen.add(entity)
            if abs(len(key) - len(query)) > limit or key == query:
                continue  # an edit changes the length by one at most
            if one_edit_apart(query, key):
                found.append((entity, 1))
            elif limit > 1 and (distance := _osa_distance(query, key, limit)) <= limit:
                found.append((entity, distance))
    found.sort(key=near_order)
    return found


def _osa_distance(a: str, b: str, cutoff: int) -> int:
    """The optimal-string-alignment distance of two strings (cutoff + 1 when greater than `cutoff`)."""
    from rapidfuzz.distance import OSA

    return int(OSA.distance(a, b, score_cutoff=cutoff))


def _spelling_variant(a: str, b: str) -> bool:
    return len(a) == len(b) and all(x == y or {x, y} == {"s", "z"} for x, y in zip(a.lower(), b.lower()))


def _sentence_start(prose: str, start: int) -> bool:
    before = prose[max(0, start - 6) : start]
    line_start = prose.rfind("\n", 0, start) + 1
    if not prose[line_start:start].strip(" \t\"“‘'«(—–-"):
        return True
    return bool(SENTENCE_END.search(before))


def _inflection_of(word: str, name: str) -> bool:
    """Whether `word` is `name` with a plural or possessive ending, or without one (Kazakhs, Americas)."""
    lower, target = word.lower(), name.lower()
    return any(lower == target + suffix or target == lower + suffix for suffix in ("s", "es", "’s", "'s"))


def _shared_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a.casefold(), b.casefold()):
        if x != y:
            break
        count += 1
    return count


def _adjective_of(word: str, name: str) -> bool:
    """Whether `word` is an adjective made from `name` (Belorussian, Crimean): a dated form, not a slip for it."""
    lower, target = word.lower(), name.lower()
    return any(lower == target + suffix for suffix in ("n", "an", "ian", "i", "ese", "ic"))


def _latin(text: str) -> bool:
    if text.isascii():
        return True
    return all(char.isascii() or "LATIN" in unicodedata.name(char, "") for char in text if char.isalpha())


def _canonical(index: NameIndex, surface: str) -> str:
    entities = index.entities_for(surface)
    return entities[0].canonical if entities else surface


def _describe(entity: Entity) -> str:
    if entity.category in ("surname", "given name", "person"):
        return f"the register's {entity.canonical}" if entity.canonical != entity.name else "a person in the register"
    article = "an" if entity.category[:1] in "aeiou" else "a"
    return f"{article} {entity.category}"


def _reason_text(reasons: list[str]) -> str:
    return f", {'; '.join(reasons)}" if reasons else ""

