"""The entity kind (names.near-miss): near misses of known names, context for real words, and quiet real names."""

from __future__ import annotations

import pytest

from pressqa.document import Document
from pressqa.finding import Finding, Severity
from pressqa.kinds.entity import EntityKind
from pressqa.loader import load_rule
from pressqa.rule import Rule
from tests.rule_examples import context_for, rules_root

RULE: Rule = load_rule(rules_root() / "names" / "near-miss.yaml")
# One kind for the module: the gazetteers and the English word list load once, as in a real run.
KIND = EntityKind(RULE, context_for())


def _found(text: str) -> list[Finding]:
    return sorted(KIND.check(Document.from_text("release.txt", text)), key=Finding.sort_key)


def _at(findings: list[Finding]) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.suggestions[0]) for f in findings]


def test_ira_in_a_list_of_countries_is_iran_first() -> None:
    text = (
        "Headline\n\n\u201cJust in recent weeks, for example, Venezuela, Cuba, and Ira, our common partners, "
        "have faced the most crude interference.\u201d"
    )
    findings = _found(text)
    assert _at(findings) == [(3, 58, "Iran")]
    assert findings[0].suggestions[:2] == ("Iran", "Iraq")
    assert findings[0].severity >= Severity.WARNING
    assert "probably 'Iran'" in findings[0].message and "Venezuela" in findings[0].message


@pytest.mark.parametrize(
    ("text", "column", "expected"),
    [
        ("The delegation arrived in Ukrane.", 27, "Ukraine"),
        ("A ceremony at the Kremalin followed.", 19, "Kremlin"),
        ("The war in Syira has lasted years.", 12, "Syria"),
        ("Relations between Russia and Belaus are strong.", 30, "Belarus"),
        ("Trade with Venezeula grew.", 12, "Venezuela"),
        ("Talks with Alexandxer Lukashenko ended.", 12, "Alexander Lukashenko"),
        ("Minister Annalena Burbock said so.", 10, "Annalena Baerbock"),
        ("Later Ms Burbock said so.", 10, "Baerbock"),
    ],
)
def test_non_word_near_misses(text: str, column: int, expected: str) -> None:
    findings = _found(text)
    assert _at(findings) == [(1, column, expected)]
    assert findings[0].severity >= Severity.WARNING


def test_clear_country_slip_is_an_error() -> None:
    assert _found("The delegation arrived in Ukrane.")[0].severity is Severity.ERROR


def test_two_word_name_with_one_slip() -> None:
    findings = _found("Chinese Foreign Minister Wan Yi arrived.")
    assert [(f.line, f.column, f.end_column, f.suggestions[0]) for f in findings] == [(1, 26, 32, "Wang Yi")]


@pytest.mark.parametrize(
    ("text", "column", "expected"),
    [
        ("Leaders of Venezuela, Cub and Nicaragua met.", 23, "Cuba"),
        ("The President of Chine arrived in Moscow.", 18, "China"),
        ("The President of Cyrus was awarded an order by Cyprus.", 18, "Cyprus"),
        ("talks with Federal Chancellor of German Angela Merkel", 34, "Germany"),
    ],
)
def test_real_word_near_misses_decided_by_context(text: str, column: int, expected: str) -> None:
    findings = _found(text)
    assert _at(findings) == [(1, column, expected)]
    assert findings[0].severity is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        "The songs of Ira Gershwin are still popular.",
        "Some countries have joined the sanctions.",
        "The delegation flew from Rome to Georgia.",
        "Niger and Nigeria signed the agreement.",
        "Austria and Australia were represented.",
        "Iran and Iraq discussed the border.",
        "Iranian and Iraqi delegations met in Baghdad.",
        "Dmitry Peskov told reporters in Pskov.",
        "a cub was born at the zoo; the Chine is a ridge",
        "Talks in June and in Chine Bay.",
        "The Russians and the Kazakhs met in Astana.",
        "Rossiya-1 and Rossiya-K are channels.",
        "President of German industry association",
    ],
)
def test_real_names_and_words_are_quiet(text: str) -> None:
    assert [f for f in _found(text) if f.severity >= Severity.WARNING] == []


def test_word_with_cyrillic_letter_is_left_to_the_script_kind() -> None:
    assert _found("The Russ\u0456an Federation") == []


def test_repeated_unknown_name_is_only_a_suggestion() -> None:
    findings = _found("Mr Tomsky spoke. Later Tomsky went to Omsk. Tomsky agreed.")
    assert all(f.severity is Severity.SUGGESTION for f in findings)


def test_cached_word_facts_do_not_carry_context_between_documents() -> None:
    listed = "Headline\n\nVenezuela, Cuba, and Ira, our common partners, met."
    assert _at(_found(listed)) == [(3, 22, "Iran")]
    assert _found("The songs of Ira Gershwin are still popular.") == []
    assert _at(_found(listed)) == [(3, 22, "Iran")]


def test_a_slipped_two_word_name_is_reported_each_time_with_its_own_span() -> None:
    findings = _found("Wan Yi spoke. Later Wan Yi left.")
    assert [(f.column, f.end_column, f.suggestions[0]) for f in findings] == [(1, 7, "Wang Yi"), (21, 27, "Wang Yi")]


def test_prose_words_give_words_gaps_and_offsets() -> None:
    from pressqa.kinds.entity import ProseWords

    words = ProseWords("In Minsk,\u00a0Lukashenko’s talks-Rossiya-1")
    assert words.texts == ["In", "Minsk", "Lukashenko’s", "talks", "Rossiya"]
    assert words.gaps == ["", " ", ",\u00a0", " ", "-", "-1"]
    assert (words.start(2), words.end(2)) == (10, 22)
    assert words.adjacent(0) and not words.adjacent(1)
    assert words.brand_suffix(4) and not words.brand_suffix(3)


def test_list_siblings_far_back_in_long_words_are_still_read() -> None:
    # The prose around "Ira" is split into words only nearby; long names make that stretch grow until it
    # holds the whole list (three siblings and the "and" before the word).
    text = "x " * 200 + "Representatives of Liechtenstein, Turkmenistan, Kazakhstan, and Ira arrived."
    findings = _found(text)
    assert [f.suggestions[0] for f in findings] == ["Iran"]
    assert "Liechtenstein" in findings[0].message and "Kazakhstan" in findings[0].message


def test_whole_words_are_found_as_the_word_splitter_finds_them() -> None:
    from pressqa.kinds.entity import TokenCounts, token_starts

    prose = "Ira's and Ira Gershwin, mIra, Ira\u2019 and O'Ira"
    assert list(token_starts(prose, "Ira")) == [10, 30]
    counts = TokenCounts(prose)
    assert counts.count("Ira") == 2 and "Ira's" in counts and "Gershwin" in counts
    assert "O" not in counts and "Ira Gershwin" not in counts


def test_kinds_on_one_lexicon_share_what_they_worked_out_about_words() -> None:
    context = context_for()
    first, second = EntityKind(RULE, context), EntityKind(RULE, context)
    list(first.check(Document.from_text("a.txt", "Talks in Ukrane and Minsk.")))
    assert second._judged is first._judged
    assert "Ukrane" in second._judged.interest
    assert [f.suggestions[0] for f in second.check(Document.from_text("b.txt", "Talks in Ukrane."))] == ["Ukraine"]


def test_a_config_s_accepted_words_get_their_own_judgements() -> None:
    from pressqa.config import Config
    from pressqa.rule import KindContext

    plain = context_for()
    accepting = KindContext(language="en", lexicon=plain.lexicon, settings={"config": Config(accept=("Ukrane",))})
    assert EntityKind(RULE, accepting)._judged is not EntityKind(RULE, plain)._judged
    assert list(EntityKind(RULE, accepting).check(Document.from_text("a.txt", "Talks in Ukrane."))) == []


def test_capitalised_words_are_those_the_pattern_with_its_sets_written_out_finds() -> None:
    import re

    from pressqa.kinds.entity import CAPITALISED

    written_out = re.compile(
        r"[A-Z\xc0-\xd6\xd8-\xde\u0100-\U0010ffff](?:(?<=[A-Z])|(?<=[^\W\d_]))[a-z]*"
        r"(?:(?=[A-Z'’\x80-\U0010ffff])(?:[^\W\d_a-z][^\W\d_]*)?(?:['’][^\W\d_]+)*)?"
    )
    text = "".join(chr(c) + "ab" + chr(c) + "Cd’s " for c in range(0x20, 0x2100)) + " iPhone McDonald’s Ǆemal ×Ab 𝐀x"
    assert [m.span() for m in CAPITALISED.finditer(text)] == [m.span() for m in written_out.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two points from the text alone: the entity and its demonym elsewhere (no list, no preposition beside it).
        ("They told Susan everything. Officials from Sudan and Sudanese diplomats attended.", [(1, 11, "Sudan")]),
        ("They told Susan everything. Officials from Sudan attended.", []),  # one point: a real word stays
        ("Ambassadors from Chile, Peru, and Susan met.", [(1, 35, "Sudan")]),  # listed with countries
        ("They met in Susan yesterday.", []),  # a preposition is one point
    ],
)
def test_a_real_word_is_reported_only_on_two_points_of_evidence(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert _at(_found(text)) == expected
