"""Gazetteers and the house register: known entity names, a fuzzy index over them, and preferred forms.

Data comes from `rules/data/names/` (built-in first, then the same files in a
press office's extra rule dirs, which add rows and, in the register, override
entries with the same `name`):

- `countries.tsv`, `places.tsv`: name, category, canonical, note
- `macro-regions.tsv`: continents and world regions (same columns)
- `demonyms.tsv`: demonym, country
- `organisations.tsv`: name, acronym, canonical, note
- `register.yaml`: people, bodies, official_names
- `groups.tsv`: group, members (canonical names separated by ";"), note

`NameIndex.near()` finds entities within a small Damerau-Levenshtein distance
(optimal string alignment: insertion, deletion, substitution, transposition of
neighbours). The case-folded keys are grouped by length once per Lexicon.
A distance-1 lookup (the common one: every real word, every short word) goes
through a halves index: one edit, even a transposition, leaves either the
first or the last (n-1)//2 letters of an n-letter name intact, so the names
sharing the query's beginning or end of that length are the only ones to
compare, in plain Python (a few dict look-ups, about 5 us, against ~100 us for
a rapidfuzz scan). The index is built one name length at a time, when a query
first needs it (well under a millisecond each), so a one-file pre-commit run
builds only what it uses and never imports rapidfuzz for it. Larger distances
hand the length groups within reach to rapidfuzz, which compares them in C
with an early cut-off (about 0.1 ms a lookup over ~4,000 names, nothing to
build). A pure-Python symmetric-delete index was measured too: 0.12 ms a lookup
but 0.5 s to build, too slow for a pre-commit run.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from pressqa.lexicon import Lexicon

#: Categories of entities, from the most to the least likely meant when several are equally near.
CATEGORY_ORDER: tuple[str, ...] = (
    "country",
    "capital",
    "continent",
    "region",
    "city",
    "landmark",
    "demonym",
    "organisation",
    "acronym",
    "body",
    "person",
    "surname",
    "given name",
)

#: The largest distance `NameIndex.near` looks at.
MAX_DISTANCE = 3

#: Names the shape of a kept register parse (what `_read_yaml` returns): change it when that shape changes.
REGISTER_FORMAT = b"register 1"


class Entity(NamedTuple):
    """One way of writing a known entity: `name` as listed, its `category`, and the `canonical` preferred form."""

    name: str
    category: str
    canonical: str


class Person(NamedTuple):
    """A register person: the house form `name`, the office(s) held, and acceptable other romanisations."""

    name: str
    role: str = ""
    variants: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """The house form first, then the variants."""
        return (self.name, *self.variants)


class Body(NamedTuple):
    """A register body (an official institution): preferred form and acceptable variants."""

    name: str
    variants: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """The preferred form first, then the variants."""
        return (self.name, *self.variants)


class OfficialName(NamedTuple):
    """A current official name, the outdated forms to flag, and the date (if known) the new form took effect."""

    official: str
    reject: tuple[str, ...] = ()
    since: datetime.date | None = None
    note: str = ""


class Register(NamedTuple):
    """The house register: people, bodies and official names (house data merged over the built-in file)."""

    people: tuple[Person, ...] = ()
    bodies: tuple[Body, ...] = ()
    official_names: tuple[OfficialName, ...] = ()

    def person(self, surface: str) -> Person | None:
        """The person one of whose forms (full name or listed variant) is exactly `surface`, if any."""
        for person in self.people:
            if surface in person.forms:
                return person
        return None

    def body(self, surface: str) -> Body | None:
        """The body one of whose forms is exactly `surface`, if any."""
        for body in self.bodies:
            if surface in body.forms:
                return body
        return None

    def official_for(self, surface: str) -> OfficialName | None:
        """The official-name entry that rejects `surface` (an outdated form), if any."""
        for entry in self.official_names:
            if surface in entry.reject:
                return entry
        return None

    def name_tokens(self) -> frozenset[str]:
        """Every word (hyphen parts included) of every person's forms: first names, surnames, particles."""
        tokens: set[str] = set()
        for item in self.people:
            for form in item.forms:
                for word in form.replace("-", " ").split():
                    tokens.add(word.strip(".,"))
        tokens.discard("")
        return frozenset(tokens)


class NameIndex:
    """Known entity names with exact and fuzzy lookup.

    Exact lookups are case-sensitive (`is_known`, `entities_for`); the fuzzy
    index (`near`) compares case-folded keys and returns the listed spelling.
    `demonyms` maps a demonym to its countries; `person_tokens` holds every
    word of the register's people, so a first name or surname is
    never taken for a slip; `groups` maps a canonical name to the groupings
    (blocs, alliances) it belongs to.
    """

    def __init__(
        self,
        entities: dict[str, list[Entity]] | None = None,
        demonyms: dict[str, tuple[str, ...]] | None = None,
        person_tokens: frozenset[str] = frozenset(),
        groups: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self.entities: dict[str, list[Entity]] = {} if entities is None else entities
        self.demonyms: dict[str, tuple[str, ...]] = {} if demonyms is None else demonyms
        self.person_tokens = person_tokens
        self.groups: dict[str, frozenset[str]] = {} if groups is None else groups
        self._halves: dict[int, dict[str, list[str]]] = {}
        folded: dict[str, list[Entity]] = {}
        for name, bucket in self.entities.items():
            key = name.casefold()
            known = folded.get(key)
            if known is None:
                folded[key] = list(bucket)
            else:
                known.extend(bucket)
        self._folded = folded
        by_length: dict[int, list[str]] = {}
        for key in folded:
            by_length.setdefault(len(key), []).append(key)
        self._by_length = by_length

    @classmethod
    def from_entities(
        cls,
        entities: Iterable[Entity],
        demonyms: dict[str, tuple[str, ...]] | None = None,
        person_tokens: Iterable[str] = (),
        groups: dict[str, frozenset[str]] | None = None,
    ) -> NameIndex:
        """An index over the given entities (duplicates of the same name and category are kept once)."""
        table: dict[str, list[Entity]] = {}
        for entity in dict.fromkeys(entities):  # each entity once, in order
            bucket = table.get(entity.name)
            if bucket is None:
                table[entity.name] = [entity]
            else:
                bucket.append(entity)
        return cls(table, dict(demonyms or {}), frozenset(person_tokens), dict(groups or {}))

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[Entity]:
        for bucket in self.entities.values():
            yield from bucket

    def is_known(self, surface: str) -> bool:
        """Whether `surface` is exactly a listed name (any category), a demonym or a register person's word."""
        return surface in self.entities or surface in self.demonyms or surface in self.person_tokens

    def groups_of(self, canonical: str) -> frozenset[str]:
        """The groupings (from groups.tsv) that list the entity with this canonical name."""
        return self.groups.get(canonical, frozenset())

    def entities_for(self, surface: str) -> list[Entity]:
        """The entities written exactly `surface` (case-sensitive), best category first; [] if none."""
        return sorted(self.entities.get(surface, ()), key=_category_rank)

    def near(self, surface: str, max_distance: int = 2) -> list[tuple[Entity, int]]:
        """Entities whose name is 1..max_distance edits from `surface` (case-folded), nearest first.

        The exact name itself (distance 0) is not returned. Ties are ordered by
        category (countries before cities before people), then by name.
        """
        max_distance = min(max_distance, MAX_DISTANCE)
        found: list[tuple[Entity, int]] = []
        if max_distance < 1:
            return found
        query = surface.casefold()
        matches = self._one_edit(query) if max_distance == 1 else self._scan(query, max_distance)
        folded = self._folded
        for key, distance in matches:
            found.extend((entity, distance) for entity in folded[key])
        found.sort(key=near_order)
        return found

    def _scan(self, query: str, max_distance: int) -> list[tuple[str, int]]:
        """Keys 1..max_distance edits from `query`: every length group within reach, compared by rapidfuzz."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        matches: list[tuple[str, int]] = []
        for length in range(len(query) - max_distance, len(query) + max_distance + 1):
            keys = self._by_length.get(length)
            if keys:
                for key, distance, _ in process.extract(
                    query, keys, scorer=OSA.distance, score_cutoff=max_distance, limit=None
                ):
                    if distance > 0:
                        matches.append((key, int(distance)))
        return matches

    def _one_edit(self, query: str) -> list[tuple[str, int]]:
        """Keys exactly one edit from `query`, found through the halves index (see the module docstring)."""
        seen: set[str] = set()
        size = len(query)
        for length in (size - 1, size, size + 1):
            half = (length - 1) // 2
            if half <= 0:
                seen.update(self._by_length.get(length, ()))
                continue
            halves = self._halves_of(length)
            seen.update(halves.get(query[:half], ()))
            seen.update(halves.get("\x00" + query[size - half :], ()))
        seen.discard(query)
        return [(key, 1) for key in seen if one_edit_apart(query, key)]

    def _halves_of(self, length: int) -> dict[str, list[str]]:
        """The keys of one length by first half and (after a NUL) by last half, half = (length - 1) // 2 letters."""
        halves = self._halves.get(length)
        if halves is None:
            halves = self._halves[length] = {}
            half = (length - 1) // 2
            for key in self._by_length.get(length, ()):
                halves.setdefault(key[:half], []).append(key)
                halves.setdefault("\x00" + key[length - half :], []).append(key)
        return halves


def one_edit_apart(a: str, b: str) -> bool:
    """Whether `b` is `a` with exactly one insertion, deletion, substitution or swap of neighbours (OSA distance 1)."""
    if len(a) < len(b):
        a, b = b, a
    longer, shorter = len(a), len(b)
    if longer - shorter > 1 or a == b:
        return False
    index = 0
    while index < shorter and a[index] == b[index]:
        index += 1
    if longer > shorter:
        return a[index + 1 :] == b[index:]
    if a[index + 1 :] == b[index + 1 :]:
        return True
    return a[index] == b[index + 1] and a[index + 1] == b[index] and a[index + 2 :] == b[index + 2 :]


def near_order(pair: tuple[Entity, int]) -> tuple[int, int, str]:
    """The sort key of `NameIndex.near`'s results: nearest first, then by category, then by name."""
    return pair[1], _category_rank(pair[0]), pair[0].name


def _category_rank(entity: Entity) -> int:
    try:
        return CATEGORY_ORDER.index(entity.category)
    except ValueError:
        return len(CATEGORY_ORDER)


# ----------------------------------------------------------------------------------------------- loading


def read_table(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated data file: `#` comment lines skipped, the first other line is the header.

    Fields are split on tabs as they are (no quoting); a short row simply lacks
    the missing columns.
    """
    lines = _data_lines(path)
    if not lines:
        return []
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


def _data_lines(path: Path) -> list[str]:
    """The lines of a tab-separated data file that hold a header or a row (not blank, not `#` comments)."""
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def read_columns(path: Path, names: Sequence[str]) -> list[tuple[str | None, ...]]:
    """The named columns of each row of a tab-separated data file, as `read_table` reads them (None where a row
    or the file lacks one), picked by C-level maps rather than a dictionary a row."""
    lines = _data_lines(path)
    if not lines:
        return []
    header = lines[0].split("\t")
    rows = list(map(str.split, lines[1:], repeat("\t")))
    if len(set(header)) < len(header) or len(names) < 2 or any(name not in header for name in names):
        return [tuple(row.get(name) for name in names) for row in read_table(path)]  # the unusual file
    where = [header.index(name) for name in names]
    if min(map(len, rows), default=0) <= max(where):
        return [tuple(row.get(name) for name in names) for row in read_table(path)]  # a short row
    return list(map(itemgetter(*where), rows))


def _gazetteer_entities(lexicon: Lexicon) -> Iterator[Entity]:
    new = tuple.__new__  # Entity's own constructor is a Python-level call
    for relative in ("names/countries.tsv", "names/places.tsv", "names/macro-regions.tsv"):
        for path in lexicon.data_files(relative):
            for written, kind, preferred in read_columns(path, ("name", "category", "canonical")):
                name = (written or "").strip()
                if name:
                    category = (kind or "place").strip()
                    yield new(Entity, (name, category, (preferred or name).strip() or name))
    for path in lexicon.data_files("names/organisations.tsv"):
        for written, short, preferred in read_columns(path, ("name", "acronym", "canonical")):
            name = (written or "").strip()
            canonical = (preferred or name).strip() or name
            acronym = (short or "").strip()
            if name:
                yield new(Entity, (name, "acronym" if name == acronym else "organisation", canonical))
            if acronym and acronym != name:
                yield new(Entity, (acronym, "acronym", canonical))


def _demonyms(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for path in lexicon.data_files("names/demonyms.tsv"):
        for written, land in read_columns(path, ("demonym", "country")):
            demonym = (written or "").strip()
            country = (land or "").strip()
            if demonym and country and country not in table.setdefault(demonym, []):
                table[demonym].append(country)
    return {key: tuple(value) for key, value in table.items()}


def _groups(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for path in lexicon.data_files("names/groups.tsv"):
        for name, members in read_columns(path, ("group", "members")):
            group = (name or "").strip()
            for member in (members or "").split(";"):
                if group and member.strip():
                    table.setdefault(member.strip(), set()).add(group)
    return {key: frozenset(value) for key, value in table.items()}


def _register_entities(register: Register) -> Iterator[Entity]:
    for person in register.people:
        for form in person.forms:
            yield Entity(form, "person", person.name)
            words = form.split()
            if len(words) > 1 and len(words[-1]) > 3:
                yield Entity(words[-1], "surname", person.name)
            if len(words) > 1 and len(words[0]) > 3 and words[0][0].isupper():
                yield Entity(words[0], "given name", person.name)
    for body in register.bodies:
        for form in body.forms:
            yield Entity(form, "body", body.name)


def build_name_index(
    entities: Iterable[Entity],
    demonyms: dict[str, tuple[str, ...]],
    register: Register,
    groups: dict[str, frozenset[str]] | None = None,
) -> NameIndex:
    """An index over gazetteer entities, demonyms (as entities of category 'demonym') and register people."""
    everything = list(entities)
    everything.extend(Entity(d, "demonym", countries[0]) for d, countries in demonyms.items())
    everything.extend(_register_entities(register))
    return NameIndex.from_entities(everything, demonyms, register.name_tokens(), groups)


def load_names(lexicon: Lexicon) -> NameIndex:
    """The name index of a lexicon: gazetteers, demonyms and register people (the register read through it)."""
    return build_name_index(_gazetteer_entities(lexicon), _demonyms(lexicon), lexicon.register, _groups(lexicon))


def load_register(lexicon: Lexicon) -> Register:
    """The house register: built-in `names/register.yaml` with house copies merged over it by `name`."""
    people: dict[str, Person] = {}
    bodies: dict[str, Body] = {}
    official: dict[str, OfficialName] = {}
    for path in lexicon.data_files("names/register.yaml"):
        data = _read_yaml(path, lexicon.keep_parses)
        for item in data.get("people") or []:
            person = Person(str(item["name"]), str(item.get("role") or ""), _strings(item.get("variants")))
            people[person.name] = person
        for item in data.get("bodies") or []:
            body = Body(str(item["name"]), _strings(item.get("variants")))
            bodies[body.name] = body
        for item in data.get("official_names") or []:
            entry = OfficialName(
                str(item["official"]),
                _strings(item.get("reject")),
                _date(item.get("since")),
                " ".join(str(item.get("note") or "").split()),
            )
            official[entry.official] = entry
    return Register(tuple(people.values()), tuple(bodies.values()), tuple(official.values()))


def _read_yaml(path: Path, keep_parse: bool = True) -> dict[str, Any]:
    """A register file's mapping, parsed once per content: the parse is kept in the cache folder (as parsed rule
    files are), since importing a YAML library and parsing cost ~20 ms of a one-file run."""
    from pressqa.cache_dir import load_pickle, store_pickle

    data = path.read_bytes()
    kept = _parse_file(data) if keep_parse else None
    if kept is not None:
        remembered = load_pickle(kept)
        if isinstance(remembered, dict):
            return remembered
    parsed = _parse_yaml(data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n"))
    if kept is not None:
        store_pickle(kept, parsed)
    return parsed


def _parse_file(data: bytes) -> Path | None:
    """Where the parse of a register file with these bytes is kept, or None when caching is off."""
    import hashlib

    from pressqa.cache_dir import PARSED_DATA, result_cache_dir

    folder = result_cache_dir()
    if folder is None:
        return None
    digest = hashlib.blake2b(REGISTER_FORMAT + b"\0" + data, digest_size=16).hexdigest()
    return folder / PARSED_DATA / f"register-{digest}.pickle"


def _parse_yaml(text: str) -> dict[str, Any]:
    try:
        import yaml  # PyYAML's C loader reads the register ~6x faster than ruamel's pure-Python one

        data = yaml.load(text, Loader=yaml.CSafeLoader)
    except (ImportError, AttributeError):
        from ruamel.yaml import YAML

        data = YAML(typ="safe", pure=True).load(text)
    return data if isinstance(data, dict) else {}


def _strings(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value if item)


def _date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


__all__: Sequence[str] = (
    "Body",
    "Entity",
    "NameIndex",
    "OfficialName",
    "Person",
    "Register",
    "build_name_index",
    "load_names",
    "load_register",
    "near_order",
    "one_edit_apart",
    "read_table",
)
