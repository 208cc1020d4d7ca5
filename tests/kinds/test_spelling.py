"""The spelling kind: real typos caught, names left alone, varieties by config, the seed clean."""

from __future__ import annotations

import pytest

from pressqa.config import Config
from pressqa.document import Document
from pressqa.engine import Engine
from pressqa.finding import Finding, Severity
from pressqa.lexicon import Lexicon
from pressqa.loader import builtin_rules_dir, load_rules
from pressqa.rule import KindContext
from pressqa.unknown_words import count_unknown_words

RULES, _ = load_rules([builtin_rules_dir()])
SPELLING = [rule for rule_id, rule in sorted(RULES.items()) if rule_id.startswith("spelling.")]

# The seed release (a BelTA-style text): names, Belarusian, multipolar, Union State-made, and "Ira".
SEED = """Belarus and Russia vitally need to develop alliance and strategic partnership, Belarusian President \
Aleksandr Lukashenko said at a meeting of the Union State Supreme State Council in Moscow on 26 February.

“In the current international situation, against the backdrop of the tense situation, primarily on the western \
borders, we vitally need to develop alliance and strategic partnership between Belarus and Russia,” the Belarusian \
leader stated.

Aleksandr Lukashenko emphasized that the current geopolitical situation objectively requires the two countries to \
be prepared to respond together to any challenges.

The President noted that practical implementation of the Union State treaty on security guarantees has begun, and \
that the Oreshnik missile system went on combat duty in Belarus in December.

Aleksandr Lukashenko noted that while China and Russia, as leaders of the multipolar world, still command a measure \
of fear, their allies are experiencing unprecedented pressure. “Just in recent weeks, for example, Venezuela, Cuba, \
and Ira, our common partners, have faced the most crude interference. Primarily through economic means.”

“Therefore, technological sovereignty, reliance on our own resources and competencies, the priority of the Union \
State-made goods, and protection of the common market of the Union State are also the frontiers of security.”
"""


@pytest.fixture(scope="module")
def lexicons() -> dict[str, Lexicon]:
    """One lexicon per language (as the runner builds one per config), shared by the module."""
    return {lang: Lexicon([builtin_rules_dir() / "data"], language=lang) for lang in ("en", "en-GB", "en-US")}


def check(text: str, lexicons: dict[str, Lexicon], language: str = "en") -> list[Finding]:
    context = KindContext(language=language, lexicon=lexicons[language], settings={"config": Config(language=language)})
    return Engine(SPELLING, context).check_document(Document.from_text("t.txt", text))


def flagged(text: str, lexicons: dict[str, Lexicon], language: str = "en") -> dict[str, Finding]:
    return {text[f.start : f.end]: f for f in check(text, lexicons, language)}


def test_the_seed_has_no_spelling_finding_at_warning_or_above(lexicons: dict[str, Lexicon]) -> None:
    findings = check(SEED, lexicons)
    assert [f for f in findings if f.severity >= Severity.WARNING] == []


@pytest.mark.parametrize("name", ["Lukashenko", "Aleksandr", "Oreshnik", "Belarusian", "Kyiv", "Türkiye", "Ira"])
def test_names_are_left_alone(name: str, lexicons: dict[str, Lexicon]) -> None:
    assert flagged(f"The leaders met {name} officials on Monday.", lexicons) == {}


def test_multipolar_is_a_word(lexicons: dict[str, Lexicon]) -> None:
    assert flagged("They spoke of a multipolar world.", lexicons) == {}


def test_unknown_capitalised_word_inside_a_sentence_is_a_name(lexicons: dict[str, Lexicon]) -> None:
    assert flagged("The delegation met Gennady Zyuganovich and Mr Pokryshkinov.", lexicons) == {}


def test_capitalised_slip_from_a_long_word_is_reported_one_level_lower(lexicons: dict[str, Lexicon]) -> None:
    found = flagged("the Centre of Pediatric Oncology, Haemotology and Immunology", lexicons)
    assert found["Haemotology"].rule == "spelling.unknown-word"
    assert found["Haemotology"].severity == Severity.WARNING
    assert found["Haemotology"].suggestions[0] == "Haematology"


def test_sentence_start_is_checked_in_lower_case(lexicons: dict[str, Lexicon]) -> None:
    found = flagged("Refereeing was fine. Refereering was not.", lexicons)
    assert list(found) == ["Refereering"]
    assert found["Refereering"].suggestions[0] == "Refereeing"


def test_lower_case_typo_is_an_error_with_ranked_suggestions(lexicons: dict[str, Lexicon]) -> None:
    finding = flagged("the unfair refereering at the Olympics", lexicons)["refereering"]
    assert finding.rule == "spelling.unknown-word" and finding.severity == Severity.ERROR
    assert finding.suggestions[0] == "refereeing"


@pytest.mark.parametrize(
    ("text", "word", "suggestion"),
    [
        ("They fought the enemyand its allies.", "enemyand", "enemy and"),
        ("Hepaid tribute to the veterans.", "Hepaid", "He paid"),
        ("At leastthere is progress.", "leastthere", "least there"),
        ("He spoke at the paradein Red Square.", "paradein", "parade in"),
        ("The state of Venezuelarelations was discussed.", "Venezuelarelations", "Venezuela relations"),
        ("known as Saudi Aramcoand the Russian fund", "Aramcoand", "Aramco and"),
        ("soldiers of the 6thParatroop Company", "6thParatroop", "6th Paratroop"),
    ],
)
def test_run_together_words_are_split(text: str, word: str, suggestion: str, lexicons: dict[str, Lexicon]) -> None:
    finding = flagged(text, lexicons)[word]
    assert finding.rule == "spelling.run-together"
    assert finding.suggestions[0] == suggestion
    assert finding.severity >= Severity.WARNING


def test_wrong_ordinal_run_on_is_left_to_the_ordinal_rule(lexicons: dict[str, Lexicon]) -> None:
    assert flagged("the 74rdanniversary and the 17th-century church", lexicons) == {}


def test_split_word_is_joined(lexicons: dict[str, Lexicon]) -> None:
    finding = flagged("The govern ment approved it.", lexicons)["govern ment"]
    assert finding.rule == "spelling.split-word" and finding.suggestions == ("government",)


def test_known_misspelling_has_a_safe_fix(lexicons: dict[str, Lexicon]) -> None:
    finding = flagged("The leaders discused trade.", lexicons)["discused"]
    assert finding.rule == "spelling.misspelling"
    assert finding.suggestions == ("discussed",) and finding.fixable


def test_misspelling_fix_follows_the_british_variety(lexicons: dict[str, Lexicon]) -> None:
    assert flagged("a new organizaiton", lexicons, "en-GB")["organizaiton"].suggestions == ("organisation",)
    assert flagged("a new organizaiton", lexicons, "en-US")["organizaiton"].suggestions == ("organization",)


def test_en_accepts_both_varieties(lexicons: dict[str, Lexicon]) -> None:
    assert flagged("The organisation’s colour and the organization's color.", lexicons, "en") == {}


def test_en_gb_flags_american_forms(lexicons: dict[str, Lexicon]) -> None:
    found = flagged("The organization chose a color. The organisation chose a colour.", lexicons, "en-GB")
    assert set(found) == {"organization", "color"}
    assert found["color"].rule == "spelling.variant"
    assert found["color"].suggestions == ("colour",) and found["color"].fixable
    assert "British" in found["color"].message


def test_en_us_flags_british_forms(lexicons: dict[str, Lexicon]) -> None:
    found = flagged("The organization chose a color. The organisation chose a colour.", lexicons, "en-US")
    assert set(found) == {"organisation", "colour"}
    assert found["organisation"].suggestions == ("organization",)


def test_variant_in_an_official_name_is_only_a_suggestion(lexicons: dict[str, Lexicon]) -> None:
    finding = flagged("a report by the World Health Organization on Monday", lexicons, "en-GB")["Organization"]
    assert finding.severity == Severity.SUGGESTION and not finding.fixable


def test_ambiguous_american_form_is_not_flagged_under_en_gb(lexicons: dict[str, Lexicon]) -> None:
    assert flagged("The computer program was written in a day.", lexicons, "en-GB") == {}


def test_words_in_a_foreign_phrase_are_only_suggestions(lexicons: dict[str, Lexicon]) -> None:
    findings = check("the motto was vsegda gotovy for the pioneers", lexicons)
    assert findings and all(f.severity == Severity.SUGGESTION for f in findings)


def test_coinage_with_a_known_prefix_is_only_a_suggestion(lexicons: dict[str, Lexicon]) -> None:
    finding = flagged("a multivector foreign policy", lexicons)["multivector"]
    assert finding.severity == Severity.SUGGESTION


def test_links_mail_and_handles_are_not_spell_checked(lexicons: dict[str, Lexicon]) -> None:
    assert flagged("Visit www.kremlinnn.ru, mail pressz@kremlinnn.ru, follow @kremlinnn and #kremlinnn.", lexicons) == {}


def test_accept_list_silences_a_word() -> None:
    lexicon = Lexicon([builtin_rules_dir() / "data"], accept=["refereering"])
    context = KindContext(lexicon=lexicon, settings={"config": Config()})
    doc = Document.from_text("t.txt", "the unfair refereering")
    assert Engine(SPELLING, context).check_document(doc) == []


def test_list_unknown_words_counts_them(lexicons: dict[str, Lexicon]) -> None:
    docs = [
        Document.from_text("a.txt", "Zyxcorp met Qwertyan. Zyxcorp’s refereering."),
        Document.from_text("b.txt", "Zyxcorp and the President."),
    ]
    counts = count_unknown_words(docs, lexicons["en"], "en")
    assert counts["Zyxcorp"] == 3 and counts["Qwertyan"] == 1 and counts["refereering"] == 1
    assert "President" not in counts and "the" not in counts


def test_cli_list_unknown_prints_counts(tmp_path: object) -> None:
    from pathlib import Path

    from click.testing import CliRunner

    from pressqa.cli import main

    folder = Path(str(tmp_path))
    (folder / "a.txt").write_text("Zyxcorp met Zyxcorp officials about refereering.\n", encoding="utf-8")
    (folder / "pressqa.toml").write_text('accept = ["refereering"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--list-unknown", str(folder)])
    assert result.exit_code == 0
    assert result.output == "2\tZyxcorp\n"


def test_two_edit_slip_gets_a_suggestion_but_no_safe_fix(lexicons: dict[str, Lexicon]) -> None:
    finding = flagged("the new infrastrcutrue plan", lexicons)["infrastrcutrue"]
    assert finding.rule == "spelling.unknown-word"
    assert finding.suggestions[0] == "infrastructure" and not finding.fixable


def test_a_repeated_word_is_judged_by_its_neighbours_each_time(lexicons: dict[str, Lexicon]) -> None:
    # One verdict per distinct word is cached; the foreign-phrase demotion still depends on where it stands.
    text = "the unfair refereering at the Games. They said vsegda refereering again."
    severities = [f.severity for f in check(text, lexicons) if text[f.start : f.end] == "refereering"]
    assert severities == [Severity.ERROR, Severity.SUGGESTION]


def test_the_five_rules_share_one_analysis_per_document(
    lexicons: dict[str, Lexicon], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pressqa.speller import Speller

    calls: list[str] = []
    analyse = Speller.analyse

    def counted(self: Speller, text: str, *args: object, **kwargs: object) -> object:
        calls.append(text)
        return analyse(self, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Speller, "analyse", counted)
    findings = check("The govern ment and the enemyand refereering.", lexicons)
    assert {f.rule for f in findings} >= {"spelling.split-word", "spelling.run-together", "spelling.unknown-word"}
    assert len(calls) == 1


def test_a_release_of_known_words_is_not_tokenised(
    lexicons: dict[str, Lexicon], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pressqa.speller as speller_module

    def no_tokens(*args: object) -> object:
        raise AssertionError("tokenised a clean release")

    monkeypatch.setattr(speller_module, "span_tokens", no_tokens)
    assert check("Belarus and Russia signed the Union State treaty in Minsk.", lexicons) == []
