"""The name index and register: loading the data formats, house data merged over built-in data, fuzzy lookups."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from pressqa.lexicon import Lexicon
from pressqa.lexicon.names import Entity, NameIndex

HEADER = "# test data\n# second comment\n"


def _data_dir(root: Path, register: str = "", countries: str = "") -> Path:
    names = root / "data" / "names"
    names.mkdir(parents=True)
    (names / "countries.tsv").write_text(
        HEADER + "name\tcategory\tcanonical\tnote\n" + (countries or "Iran\tcountry\tIran\t\nIraq\tcountry\tIraq\t\n"),
        encoding="utf-8",
    )
    (names / "places.tsv").write_text(
        HEADER + "name\tcategory\tcanonical\tnote\nKremlin\tlandmark\tKremlin\tRussia\nKiev\tcapital\tKyiv\tUkraine\n",
        encoding="utf-8",
    )
    (names / "demonyms.tsv").write_text(HEADER + "demonym\tcountry\nIranian\tIran\n", encoding="utf-8")
    (names / "organisations.tsv").write_text(
        HEADER + "name\tacronym\tcanonical\tnote\nEurasian Economic Union\tEAEU\tEurasian Economic Union\tbloc\n",
        encoding="utf-8",
    )
    (names / "register.yaml").write_text(
        register
        or """# house register
people:
  - name: Annalena Baerbock
    role: Minister
    variants: []
  - name: Aleksandr Lukashenko
    role: President
    variants: [Alexander Lukashenko, Lukashenka]
bodies:
  - name: State Duma
    variants: []
official_names:
  - official: Kyiv
    reject: [Kiev]
    since: 2019-06-12
    note: >-
      BGN
      date.
""",
        encoding="utf-8",
    )
    return root / "data"


def test_loads_every_file_format(tmp_path: Path) -> None:
    lexicon = Lexicon([_data_dir(tmp_path)])
    names = lexicon.names
    assert names.is_known("Iran") and names.is_known("Kremlin") and names.is_known("Iranian")
    assert names.entities_for("Kiev") == [Entity("Kiev", "capital", "Kyiv")]
    assert names.entities_for("EAEU") == [Entity("EAEU", "acronym", "Eurasian Economic Union")]
    assert Entity("Baerbock", "surname", "Annalena Baerbock") in names.entities_for("Baerbock")
    assert names.is_known("Lukashenka") and names.is_known("Aleksandr")
    assert names.demonyms == {"Iranian": ("Iran",)}
    assert names.entities_for("Ukraine") == []


def test_register_people_bodies_and_official_names(tmp_path: Path) -> None:
    register = Lexicon([_data_dir(tmp_path)]).register
    person = register.person("Alexander Lukashenko")
    assert person is not None and person.name == "Aleksandr Lukashenko"
    assert register.body("State Duma") is not None
    entry = register.official_for("Kiev")
    assert entry is not None
    assert (entry.official, entry.since, entry.note) == ("Kyiv", datetime.date(2019, 6, 12), "BGN date.")
    assert register.official_for("Kyiv") is None


def test_house_data_extends_and_overrides_built_in(tmp_path: Path) -> None:
    built_in = _data_dir(tmp_path / "builtin")
    house = _data_dir(
        tmp_path / "house",
        register="people:\n  - name: Annalena Baerbock\n    role: Former minister\n    variants: [A. Baerbock]\n",
        countries="Wakanda\tcountry\tWakanda\tfictional\n",
    )
    lexicon = Lexicon([built_in, house])
    assert lexicon.names.is_known("Wakanda") and lexicon.names.is_known("Iran")
    person = lexicon.register.person("A. Baerbock")
    assert person is not None and person.role == "Former minister"
    assert len(lexicon.register.people) == 2


def test_near_finds_each_kind_of_edit_nearest_first() -> None:
    index = NameIndex.from_entities(
        [Entity("Ukraine", "country", "Ukraine"), Entity("Iran", "country", "Iran"), Entity("Iraq", "country", "Iraq")]
    )
    assert index.near("Ukrane", 1) == [(Entity("Ukraine", "country", "Ukraine"), 1)]  # deletion
    assert index.near("Ukrainne", 1)[0][1] == 1  # insertion
    assert index.near("Ukriane", 1)[0][1] == 1  # transposition
    assert index.near("Ukrbine", 1)[0][1] == 1  # substitution
    assert [e.name for e, _ in index.near("Ira", 1)] == ["Iran", "Iraq"]
    assert index.near("Ukraine", 2) == []  # the name itself is not a near miss
    assert index.near("Ukr", 2) == []


def test_near_is_case_insensitive_and_returns_listed_spelling() -> None:
    index = NameIndex.from_entities([Entity("Baerbock", "surname", "Annalena Baerbock")])
    assert index.near("BURBOCK", 2) == [(Entity("Baerbock", "surname", "Annalena Baerbock"), 2)]
    assert index.near("Burbock", 1) == []


def test_built_in_gazetteers_cover_the_issue_names() -> None:
    from tests.rule_examples import context_for

    names = context_for().lexicon.names
    for name in ("Türkiye", "Czechia", "Eswatini", "Kyiv", "Europe", "Asia-Pacific", "Minsk", "Gomel"):
        assert names.is_known(name), name
    assert "US-sanctioned states" in names.groups_of("Iran")


def test_one_edit_lookups_agree_with_the_full_scan() -> None:
    from tests.rule_examples import context_for

    names = context_for().lexicon.names
    queries = ["Ukrane", "Ira", "Belaus", "Minks", "EU", "Kyev", "Gomle", "Cub", "Chine", "Asia-Pacfic", "Wang Yii", "X"]
    queries += [e.name[:2] + e.name[3:] for e in list(names)[::7]]  # a letter dropped from every seventh name
    queries += [e.name[:1] + e.name[2:3] + e.name[1:2] + e.name[3:] for e in list(names)[::11]]  # two swapped
    for query in queries:
        folded = query.casefold()
        assert sorted(names._one_edit(folded)) == sorted(names._scan(folded, 1)), query
    assert [e.name for e, _ in names.near("Belaus", 1)][:1] == ["Belarus"]


def test_one_edit_apart_is_an_optimal_string_alignment_distance_of_one() -> None:
    from rapidfuzz.distance import OSA

    from pressqa.lexicon.names import one_edit_apart

    words = ["", "a", "ab", "ba", "abc", "acb", "bac", "abcd", "abd", "abdc", "xbc", "aabc", "abcc", "ca", "aa"]
    for a in words:
        for b in words:
            assert one_edit_apart(a, b) == (OSA.distance(a, b) == 1), (a, b)


def test_columns_are_read_as_the_row_dictionaries_have_them(tmp_path: Path) -> None:
    from pressqa.lexicon.names import read_columns, read_table

    tables = {
        "plain.tsv": "# c\nname\tcategory\tcanonical\nIran\tcountry\tIran\n\nKiev\tcapital\tKyiv\textra\n",
        "short.tsv": "name\tcategory\tcanonical\nIran\tcountry\nKiev\n",
        "missing.tsv": "name\tnote\nIran\tx\n",
        "repeated.tsv": "name\tcategory\tname\nIran\tcountry\tIRAN\nIraq\tcountry\n",
        "empty.tsv": "# only a comment\n",
    }
    for file_name, text in tables.items():
        path = tmp_path / file_name
        path.write_text(text, encoding="utf-8")
        columns = ("name", "category", "canonical")
        assert read_columns(path, columns) == [tuple(row.get(c) for c in columns) for row in read_table(path)]


def _kept_parses() -> list[Path]:
    import os

    return sorted((Path(os.environ["PRESSQA_CACHE_DIR"]) / "data").glob("register-*.pickle"))


def test_a_register_file_is_parsed_once_and_its_parse_kept_by_content(tmp_path: Path) -> None:
    data = _data_dir(tmp_path)
    first = Lexicon([data]).register
    assert len(_kept_parses()) == 1
    assert Lexicon([data]).register == first  # the second lexicon reads the kept parse
    register = data / "names" / "register.yaml"
    register.write_text(register.read_text(encoding="utf-8").replace("Annalena Baerbock", "Anna Baerbock"), "utf-8")
    assert Lexicon([data]).register.person("Anna Baerbock") is not None  # new content, new parse
    assert len(_kept_parses()) == 2


def test_a_damaged_kept_parse_is_parsed_again(tmp_path: Path) -> None:
    data = _data_dir(tmp_path)
    expected = Lexicon([data]).register
    for kept in _kept_parses():
        kept.write_bytes(b"not a pickle")
    assert Lexicon([data]).register == expected


def test_no_parse_is_kept_when_caching_is_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSQA_NO_CACHE", "1")
    assert Lexicon([_data_dir(tmp_path)]).register.person("Lukashenka") is not None
    assert _kept_parses() == []
