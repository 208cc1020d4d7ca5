"""Transliteration keys: romanisations of one Cyrillic name meet, different names and entities stay apart."""

from __future__ import annotations

import pytest

from pressqa.lexicon.translit import are_variants, differ_by_ending_only, key_distance, name_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Aleksandr", "Alexander"),
        ("Aleksandr", "Alyaksandr"),
        ("Alyaksandr", "Aliaksandr"),
        ("Lukashenko", "Lukashenka"),
        ("Lukashenko's", "Lukashenka’s"),
        ("Sergei", "Sergey"),
        ("Dmitry", "Dmitri"),
        ("Yuri", "Yury"),
        ("Iurii", "Yury"),
        ("Zelensky", "Zelenskyy"),
        ("Zelensky", "Zelenskiy"),
        ("Gomel", "Homel"),
        ("Dnepropetrovsk", "Dnipropetrovsk"),
        ("Tsibulsky", "Tsybulsky"),
        ("Ekaterinburg", "Yekaterinburg"),
        ("Erdoğan", "Erdogan"),
    ],
)
def test_romanisations_of_one_name_are_variants(a: str, b: str) -> None:
    assert are_variants(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Iran", "Iraq"),
        ("Austria", "Australia"),
        ("Slovakia", "Slovenia"),
        ("Niger", "Nigeria"),
        ("Russia", "Russian"),
        ("Ivanov", "Ivanova"),
        ("Aleksandr", "Aleksandra"),
        ("Marina", "Marino"),
        ("Minsk", "Pinsk"),
    ],
)
def test_different_names_are_not_variants(a: str, b: str) -> None:
    assert not are_variants(a, b)


def test_equal_keys_ignore_possessive_and_apostrophe() -> None:
    assert name_key("Lukashenko’s") == name_key("Lukashenko") == name_key("Lukashenko's")
    assert name_key("Sergei") == name_key("Sergey") == "sergey"


def test_gender_endings_are_recognised() -> None:
    assert differ_by_ending_only(name_key("Petrov"), name_key("Petrova"))
    assert not differ_by_ending_only(name_key("Lukashenko"), name_key("Lukashenka"))


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("lukashenko", "lukashenko", 0),
        ("lukashenko", "lukashenka", 1),
        ("cibulsky", "cybulsky", 1),
        ("sergey", "sregey", 1),  # one transposition
        ("ca", "abc", 2),  # unrestricted Damerau-Levenshtein: a transposed pair may be edited again
        ("aleksandr", "alyaksandr", 2),
        ("", "abc", 3),
        ("minsk", "pinsk", 1),
    ],
)
def test_key_distance_counts_edits_and_transpositions(a: str, b: str, distance: int) -> None:
    assert key_distance(a, b) == key_distance(b, a) == distance


def _every_rule_applied(word: str) -> str:
    """A key part as the rules give it when every one runs, the strings each needs not looked at."""
    from pressqa.lexicon import translit

    for pattern, replacement, _ in translit._RULES:
        word = pattern.sub(replacement, word)
    return translit._DOUBLED_RUN.sub(r"\1", word)


@pytest.mark.parametrize(
    "word",
    ["shchukin", "dzhabarov", "djokovic", "zhukov", "tchaikovsky", "khodorkovsky", "schmidt", "yekaterinburg",
     "iurii", "yuriy", "aleksandr", "alexander", "alyaksandr", "zelenskyy", "tsybulsky", "tzar", "tcherkassy",
     "juan", "jean", "majorov", "marii", "anna", "lukashenko", "jjj", "ieie", "philipp", "hugh", "matthew"],
)
def test_rules_skipped_for_missing_letters_give_the_same_key(word: str) -> None:
    from pressqa.lexicon import translit

    assert translit._key_part(word) == _every_rule_applied(word)
