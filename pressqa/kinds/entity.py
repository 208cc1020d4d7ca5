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
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar

from pressqa.document import Document
from pressqa.finding import Finding, Severity
from pressqa.lexicon.names import Entity, NameIndex
from pressqa.rule import Kind, KindContext, Option, Rule

TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
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
FIRST_NAME_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Sir", "Lady", "Lord"})


@dataclass(frozen=True)
class Token:
    """A word of the prose with its offsets."""

    text: str
    start: int
    end: int


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
        self._near_cache: dict[str, list[tuple[Entity, int]]] = {}
        self._frequencies: dict[str, int] = {}

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
        words: set[str] = set(getattr(self.context.lexicon, "accept", ()))
        config = self.context.settings.get("config")
        words.update(getattr(config, "accept", ()) or ())
        for path in self.context.lexicon.data_files("spelling/proper-nouns.txt"):
            for line in path.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    words.add(line)
        return frozenset(words)

    def _near(self, surface: str, distance: int) -> list[tuple[Entity, int]]:
        key = f"{distance}:{surface}"
        if key not in self._near_cache:
            self._near_cache[key] = self._index.near(surface, distance)
        return self._near_cache[key]

    def _known(self, word: str) -> bool:
        index = self._index
        if index.is_known(word) or word in self._proper_nouns:
            return True
        for suffix in ("’s", "'s", "s", "es", "’", "'"):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                base = word[: -len(suffix)]
                if index.is_known(base) or base in self._proper_nouns:
                    return True
        return False

    def _frequency(self, word: str) -> int:
        lower = word.lower()
        if lower not in self._frequencies:
            self._frequencies[lower] = int(self._words.frequency(lower))
        return self._frequencies[lower]

    # --------------------------------------------------------------------------------------- check

    def check(self, doc: Document) -> Iterable[Finding]:
        if self.context.lexicon is None:
            return
        tokens = [Token(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(doc.prose)]
        counts = Counter(t.text for t in tokens)
        present = {t.text for t in tokens}
        reported_until = -1
        for position, token in enumerate(tokens):
            if token.start < reported_until:
                continue
            run = self._run_verdict(doc, tokens, position, present)
            if run is not None:
                verdict, end = run
                reported_until = end
                yield self._finding(doc, token.start, end, verdict)
                continue
            verdict = self._word_verdict(doc, tokens, position, counts, present)
            if verdict is not None:
                yield self._finding(doc, token.start, token.end, verdict)

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

    def _word_verdict(
        self, doc: Document, tokens: list[Token], position: int, counts: Counter[str], present: set[str]
    ) -> Verdict | None:
        token = tokens[position]
        word = token.text
        if len(word) < self._min_length or not word[0].isupper() or (word.isupper() and len(word) > 1):
            return None
        if MASKED in doc.prose[token.start : token.end] or BRAND_SUFFIX.match(doc.prose, token.end):
            return None  # "Rossiya-1", "Rossiya-K": a brand or channel name
        if not _latin(word):
            return None  # look-alike letters: the script kind reports them
        if self._known(word):
            return self._demonym_for_country(doc, tokens, position)
        max_distance = 2 if len(word) >= 6 else 1
        candidates = [
            (entity, distance)
            for entity, distance in self._near(word, max_distance)
            if " " not in entity.name
            and entity.name[:1].isupper()
            and not entity.name.isupper()
            and (distance == 1 or len(entity.name) >= 6)
            and not _inflection_of(word, entity.name)
            and not _adjective_of(word, entity.name)
        ]
        if not candidates:
            return None
        in_name = self._inside_person_name(doc, tokens, position)
        candidates = [
            c
            for c in candidates
            if (c[0].category not in PEOPLE or in_name or c[0].category == "surname")
            and (c[0].category != "given name" or self._next_is_surname(tokens, position))
        ]
        if not candidates or (in_name and not any(c[0].category in PEOPLE for c in candidates)):
            return None
        evidence, reasons = self._evidence(doc, tokens, position, candidates, present)
        best_distance = candidates[0][1]
        nearest = [c for c in candidates if c[1] == best_distance]
        # Evidence first; then the longer shared beginning (Chine: China before Chile), then the data's order.
        ranked = sorted(nearest, key=lambda c: (-evidence.get(c[0].canonical, 0), -_shared_prefix(word, c[0].name)))
        best = ranked[0][0]
        score = evidence.get(best.canonical, 0)
        others = tuple(dict.fromkeys(c[0].name for c in ranked[1:] if c[0].name != best.name))[:2]
        frequency = self._frequency(word)
        real_word = frequency > 0
        sentence_start = _sentence_start(doc.prose, token.start)
        if real_word and best_distance > 1:
            return None
        if not real_word:
            listed = any(r.startswith("listed") for r in reasons.get(best.canonical, []))
            if counts[word] >= 2 and not listed:
                return Verdict(best, others, Severity.SUGGESTION, "; it recurs, so it may be a real name")
            severity = Severity.ERROR if best_distance == 1 and len(word) >= 5 else Severity.WARNING
            return Verdict(best, others, severity, _reason_text(reasons.get(best.canonical, [])))
        needed = 2 if frequency < FREQUENT_WORD and not sentence_start else 3
        if frequency >= self._common:
            needed = 4
        if score >= needed:
            return Verdict(best, others, Severity.WARNING, _reason_text(reasons.get(best.canonical, [])))
        if score >= needed - 1 and score >= 2:
            return Verdict(best, others, Severity.SUGGESTION, _reason_text(reasons.get(best.canonical, [])))
        return None

    def _demonym_for_country(self, doc: Document, tokens: list[Token], position: int) -> Verdict | None:
        """A demonym where the country is meant: "Chancellor of German Angela Merkel" (German -> Germany)."""
        word = tokens[position].text
        countries = self._index.demonyms.get(word)
        if not countries or position < 2:
            return None
        if tokens[position - 1].text != "of" or tokens[position - 2].text not in TITLES:
            return None
        if not _adjacent(doc.prose, tokens[position - 1], tokens[position]):
            return None
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if following is not None and _adjacent(doc.prose, tokens[position], following) and following.text.islower():
            return None  # "President of German industry": the demonym qualifies a noun
        country = countries[0]
        if not self._near_enough(word, country):
            return None
        entity = Entity(country, "country", country)
        return Verdict(entity, (), Severity.WARNING, f", after '{tokens[position - 2].text} of'")

    def _near_enough(self, word: str, name: str) -> bool:
        return any(e.name == name for e, _ in self._near(word, 2))

    def _inside_person_name(self, doc: Document, tokens: list[Token], position: int) -> bool:
        """Whether the word sits next to another capitalised word that is no entity: part of a person's name."""
        prose = doc.prose
        token = tokens[position]
        if position > 0:
            before = tokens[position - 1]
            if before.text in FIRST_NAME_TITLES:
                return True
            if (
                _adjacent(prose, before, token)
                and before.text[0].isupper()
                and not _sentence_start(prose, before.start)
                and self._name_like(before.text)
            ):
                return True
        after_title = position > 1 and tokens[position - 1].text == "of" and tokens[position - 2].text in TITLES
        if position + 1 < len(tokens) and not after_title:
            after = tokens[position + 1]
            if _adjacent(prose, token, after) and after.text[0].isupper() and self._name_like(after.text):
                return True
        return False

    def _name_like(self, word: str) -> bool:
        if word in self._index.person_tokens:
            return True
        if self._index.is_known(word) or word in TITLES:
            return False
        return word in self._proper_nouns or self._frequency(word) < 1000

    def _next_is_surname(self, tokens: list[Token], position: int) -> bool:
        return position + 1 < len(tokens) and tokens[position + 1].text in self._index.person_tokens

    def _evidence(
        self,
        doc: Document,
        tokens: list[Token],
        position: int,
        candidates: list[tuple[Entity, int]],
        present: set[str],
    ) -> tuple[dict[str, int], dict[str, list[str]]]:
        """Points of context for each candidate (by canonical name), and the reasons in words."""
        prose = doc.prose
        index = self._index
        scores: dict[str, int] = {}
        reasons: dict[str, list[str]] = {}
        siblings = self._list_siblings(prose, tokens, position)
        previous = tokens[position - 1] if position > 0 else None
        before_previous = tokens[position - 2] if position > 1 else None
        following = tokens[position + 1] if position + 1 < len(tokens) else None
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
            if entity.category in GEOGRAPHIC and previous is not None and _adjacent(prose, previous, tokens[position]):
                if previous.text == "of" and before_previous is not None and before_previous.text in TITLES:
                    points += 2
                    why.append(f"after '{before_previous.text} of'")
                elif previous.text in PLACE_PREPOSITIONS:
                    points += 1
                    why.append(f"after '{previous.text}'")
                elif previous.text.lower() == "the" and following is not None and following.text == "side":
                    points += 2
                    why.append("in 'the ... side'")
            if entity.name in present or key in present:
                points += 1
                why.append(f"'{entity.name}' appears elsewhere in the text")
            demonyms = [d for d, countries in index.demonyms.items() if key in countries and d in present]
            if demonyms:
                points += 1
                why.append(f"'{demonyms[0]}' appears in the text")
            scores[key] = points
            reasons[key] = why
        return scores, reasons

    def _list_siblings(self, prose: str, tokens: list[Token], position: int) -> list[str]:
        """Capitalised known entities in the same comma/and list as the word (up to three either side)."""
        siblings: list[str] = []
        for step in (-1, 1):
            current = position
            for _ in range(3):
                neighbour = self._list_neighbour(prose, tokens, current, step)
                if neighbour is None:
                    break
                siblings.append(tokens[neighbour].text)
                current = neighbour
        return [s for s in siblings if self._index.is_known(s)]

    @staticmethod
    def _list_neighbour(prose: str, tokens: list[Token], position: int, step: int) -> int | None:
        other = position + step
        if not 0 <= other < len(tokens):
            return None
        left, right = (tokens[other], tokens[position]) if step < 0 else (tokens[position], tokens[other])
        gap = prose[left.end : right.start]
        if gap.strip() in (",", "and", ", and", "or", ", or", "&", "/") and tokens[other].text[0].isupper():
            return other
        if gap.strip() in ("and", "or") or gap.strip() == ",":
            return None
        if gap == " " and step < 0 and tokens[other].text in ("and", "or") and other - 1 >= 0:
            return EntityKind._list_neighbour(prose, tokens, other, step)
        return None

    # ---------------------------------------------------------------------------- multi-word names

    def _run_verdict(
        self, doc: Document, tokens: list[Token], position: int, present: set[str]
    ) -> tuple[Verdict, int] | None:
        """A run of two or three capitalised words near a multi-word name ("Wan Yi" for Wang Yi)."""
        prose = doc.prose
        first = tokens[position]
        if not first.text[0].isupper():
            return None
        run = [first]
        for following in tokens[position + 1 : position + 3]:
            if prose[run[-1].end : following.start] not in (" ", "-") or not following.text[0].isupper():
                break
            run.append(following)
        if len(run) < 2:
            return None
        for size in range(len(run), 1, -1):
            words = run[:size]
            if all(self._known(w.text) or self._frequency(w.text) >= RUN_WORD_FREQUENCY for w in words):
                continue  # the one changed word must be unknown and rare, so nothing to look up
            surface = prose[words[0].start : words[-1].end]
            if self._known(surface) or MASKED in surface or not _latin(surface):
                continue
            limit = 1 if len(surface) < 12 else 2
            for entity, distance in self._near(surface, limit):
                if entity.category not in PEOPLE | {"body", "country", "capital", "city", "region", "organisation"}:
                    continue
                parts = re.split(r"[ -]", entity.name)
                if len(parts) != size:
                    continue
                pairs = [(w.text, p) for w, p in zip(words, parts) if w.text != p]
                if len(pairs) != 1:
                    continue
                written, listed = pairs[0]
                if self._known(written) or self._frequency(written) >= RUN_WORD_FREQUENCY:
                    continue  # "North Africa", "African Unity": a real word makes a different real name
                if written.casefold() == listed.casefold() or _spelling_variant(written, listed):
                    continue  # case or -ise/-ize: a style question for other rules, not a slip
                reason = f", '{entity.name}' appears elsewhere in the text" if entity.name in present else ""
                return Verdict(entity, (), Severity.WARNING, reason), words[-1].end
        return None


MASKED = "\x00"
#: In a multi-word name, a changed word at least this frequent in English is taken as meant.
RUN_WORD_FREQUENCY = 2000
#: A real word at least this frequent ("Finance") needs list or text evidence, not a title alone.
FREQUENT_WORD = 5000
BRAND_SUFFIX = re.compile(r"-(?:\d|[A-Z](?![^\W\d_]))")


def _spelling_variant(a: str, b: str) -> bool:
    return len(a) == len(b) and all(x == y or {x, y} == {"s", "z"} for x, y in zip(a.lower(), b.lower()))


def _adjacent(prose: str, left: Token, right: Token) -> bool:
    return prose[left.end : right.start] in (" ", "\u00a0")


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


def iter_tokens(text: str) -> Iterator[Token]:
    """The words of a text with their offsets (exposed for tests and other kinds)."""
    for match in TOKEN.finditer(text):
        yield Token(match.group(0), match.start(), match.end())
