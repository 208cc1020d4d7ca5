"""Words: the dictionary with pressqa's lists, variants by language, misspellings, accept lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressqa.lexicon import Lexicon
from pressqa.lexicon.words import VariantPair, Words, normalise, strip_possessive, with_case_of
from pressqa.loader import builtin_rules_dir


@pytest.fixture(scope="module")
def words() -> Words:
    return Lexicon([builtin_rules_dir() / "data"], accept=["tvbooking", "PressCo"]).words


def test_press_names_and_vocabulary_are_words(words: Words) -> None:
    for token in ("Lukashenko’s", "Aleksandr", "Oreshnik", "Belarusian", "multipolar", "State-made", "NATO"):
        assert words.is_word(token), token


def test_case_rules(words: Words) -> None:
    assert words.is_word("THE") and words.is_word("The")
    assert not words.is_word("tHe")
    assert not words.is_word("Nato")  # a listed acronym keeps its capitals


def test_accept_list_lower_case_any_case_capitalised_exact(words: Words) -> None:
    assert words.is_word("tvbooking") and words.is_word("Tvbooking")
    assert words.is_word("PressCo") and not words.is_word("pressco")


@pytest.mark.parametrize(
    ("word", "en", "gb", "us"),
    [("colour", True, True, False), ("color", True, False, True), ("organise", True, True, False), ("organize", True, False, True)],
)
def test_variety_follows_the_language(words: Words, word: str, en: bool, gb: bool, us: bool) -> None:
    assert (words.is_word(word, "en"), words.is_word(word, "en-GB"), words.is_word(word, "en-US")) == (en, gb, us)


def test_other_variant(words: Words) -> None:
    assert words.other_variant("Organize", "en-GB") == "Organise"
    assert words.other_variant("colour", "en-US") == "color"
    assert words.other_variant("colour", "en") is None
    assert words.other_variant("program", "en-GB") is None  # ambiguous: computing
    assert words.british_to_american["programme"] == "program"
    assert words.american_to_british["analyze"] == "analyse"


def test_misspellings_with_case_and_variety(words: Words) -> None:
    found = words.misspelling("Owrk")
    assert found is not None and found.fixes == ("Work",) and found.safe
    several = words.misspelling("aache")
    assert several is not None and set(several.fixes) == {"ache", "cache"} and not several.safe
    assert words.misspelling("organizaiton", "en-GB").fixes == ("organisation",)  # type: ignore[union-attr]
    assert words.misspelling("organizaiton", "en-US").fixes == ("organization",)  # type: ignore[union-attr]
    assert words.misspelling("work") is None


def test_frequency_ranks_common_words_higher(words: Words) -> None:
    assert words.frequency("the") > words.frequency("refereeing") > 0
    assert words.frequency("colour") == words.frequency("color")  # British forms borrow the American count
    assert words.frequency("qqqzx") == 0


def test_house_data_extends_builtin_lists(tmp_path: Path) -> None:
    house = tmp_path / "data" / "spelling"
    house.mkdir(parents=True)
    (house / "proper-nouns.txt").write_text("# house names\nZyxcorp\n", encoding="utf-8")
    (house / "misspellings.tsv").write_text("typo\tfix\tsafe\nzyxcrop\tZyxcorp\tyes\n", encoding="utf-8")
    words = Lexicon([builtin_rules_dir() / "data", tmp_path / "data"]).words
    assert words.is_word("Zyxcorp") and words.is_word("Lukashenko")
    assert words.misspelling("zyxcrop").fixes == ("Zyxcorp",)  # type: ignore[union-attr]


def test_small_words_object_without_files() -> None:
    words = Words({"house": 10, "color": 5}, british_only=["colour"], variant_pairs=[VariantPair("colour", "color")])
    assert words.is_word("house") and words.is_word("Colour", "en-GB") and not words.is_word("color", "en-GB")
    assert words.misspelling("hosue") is None  # no misspelling files given


def test_helpers() -> None:
    assert normalise("Putin’s") == "Putin's"
    assert strip_possessive("Putin's") == "Putin" and strip_possessive("leaders'") == "leaders"
    assert with_case_of("NATO", "nato") == "NATO" and with_case_of("Owrk", "work") == "Work"


def test_plain_words_take_the_short_path_with_the_same_answers(words: Words) -> None:
    # Letters only: nothing to normalise or strip; the modifier-letter apostrophe is a letter and must not skip that.
    assert words.is_word("Lukashenko") and words.is_word("refereeing") and not words.is_word("refereering")
    assert words.is_word("Putinʼs") and words.is_word("Putin’s")
    assert not words.is_word("") and not words.is_word("Nato")


def test_word_list_holds_dictionary_and_listed_words_once(words: Words) -> None:
    listed = words.word_list()
    assert len(listed) == len(set(listed))
    assert {"the", "colour", "multipolar", "tvbooking"} <= set(listed)
    assert list(words.all_words()) == listed


def test_frequencies_are_the_same_without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from pressqa.lexicon.words import english_frequencies

    fast = english_frequencies()
    monkeypatch.setitem(sys.modules, "orjson", None)  # import fails: the standard library parses
    slow = english_frequencies()
    assert fast == slow and fast["the"] > fast["refereeing"] > 0
