"""The script kind: look-alike letters, untranslated Cyrillic runs, invisible characters (positions checked)."""

from __future__ import annotations

from dataclasses import replace

from pressqa.config import Config
from pressqa.finding import Finding, Severity
from pressqa.loader import load_rule
from pressqa.rule import Rule
from tests.rule_examples import context_for, fixed_text, rules_root, run_rule


def _rule(name: str) -> Rule:
    return load_rule(rules_root() / "script" / f"{name}.yaml")


def _where(findings: list[Finding]) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.suggestions[0] if f.suggestions else "") for f in findings]


def test_cyrillic_o_inside_a_latin_name_is_an_error_with_a_safe_fix() -> None:
    text = "Talks\nThe minister met Mr Adebay\u043e in Abuja."
    findings = run_rule(_rule("homoglyph"), text)
    assert _where(findings) == [(2, 21, "Adebayo")]
    assert findings[0].severity is Severity.ERROR
    assert findings[0].fixable
    assert "U+043E" in findings[0].message
    assert fixed_text(_rule("homoglyph"), text) == "Talks\nThe minister met Mr Adebayo in Abuja."


def test_cyrillic_c_at_the_start_of_a_word() -> None:
    findings = run_rule(_rule("homoglyph"), "Leaders of \u0441ountries attended.")
    assert _where(findings) == [(1, 12, "countries")]


def test_lone_lookalike_list_letter_between_english_words() -> None:
    findings = run_rule(_rule("homoglyph"), "b) more jobs;\n\u0441) improve housing")
    assert _where(findings) == [(2, 1, "c")]


def test_cyrillic_word_in_cyrillic_text_is_not_a_homoglyph() -> None:
    assert run_rule(_rule("homoglyph"), "\u041e\u043d \u0441\u043a\u0430\u0437\u0430\u043b \u0430 \u0442\u0430\u043a\u0436\u0435") == []


def test_greek_symbol_without_latin_twin_is_quiet() -> None:
    assert run_rule(_rule("homoglyph"), "a dose of 5 \u03bcg a day") == []


def test_mixed_word_with_unmappable_cyrillic_letter_is_reported_without_fix() -> None:
    findings = run_rule(_rule("homoglyph"), "in Rus\u0441\u0438\u044f today")
    assert _where(findings) == [(1, 4, "")]
    assert not findings[0].fixable


def test_untranslated_cyrillic_run_is_a_warning() -> None:
    text = "Headline\n\nThe talks took place in \u041c\u0438\u043d\u0441\u043a\u0435 \u0438 \u041c\u043e\u0441\u043a\u0432\u0435 on Friday."
    findings = run_rule(_rule("cyrillic-run"), text)
    assert [(f.line, f.column, f.end_column) for f in findings] == [(3, 25, 40)]
    assert findings[0].severity is Severity.WARNING


def test_original_in_parentheses_or_quotes_is_quiet() -> None:
    rule = _rule("cyrillic-run")
    union_state = "\u0421\u043e\u044e\u0437\u043d\u043e\u0435 \u0433\u043e\u0441\u0443\u0434\u0430\u0440\u0441\u0442\u0432\u043e"
    assert run_rule(rule, f"The Union State ({union_state}) was founded in 1999.") == []
    assert run_rule(rule, f"The Union State, \u00ab{union_state}\u00bb, was founded.") == []
    assert run_rule(rule, f"The Union State \u201c{union_state}.\u201d") == []


def test_bilingual_config_silences_cyrillic_runs() -> None:
    context = context_for()
    context.settings = {"config": replace(Config(), bilingual=True)}
    text = "The talks took place in \u041c\u0438\u043d\u0441\u043a\u0435 on Friday."
    assert run_rule(_rule("cyrillic-run"), text, context=context) == []
    assert len(run_rule(_rule("cyrillic-run"), text)) == 1


def test_zero_width_space_and_soft_hyphen_are_reported_and_deleted() -> None:
    rule = _rule("invisible-character")
    text = "The Govern\u200bment\nan inter\u00adnational forum"
    findings = run_rule(rule, text)
    assert [(f.line, f.column) for f in findings] == [(1, 11), (2, 9)]
    assert "zero-width space" in findings[0].message and "soft hyphen" in findings[1].message
    assert fixed_text(rule, text) == "The Government\nan international forum"


def test_non_breaking_space_inside_a_word_but_not_between_words() -> None:
    rule = _rule("invisible-character")
    findings = run_rule(rule, "talks in\u00a0Minsk with the Gov\u00a0ernment")
    assert [(f.line, f.column) for f in findings] == [(1, 28)]
    assert "Government" in findings[0].message


def test_zero_width_joiner_inside_emoji_is_quiet() -> None:
    assert run_rule(_rule("invisible-character"), "family \U0001F468\u200d\U0001F469\u200d\U0001F467 photo") == []


def test_words_joined_by_non_breaking_spaces_pair_up_left_to_right() -> None:
    # Each word is in one pair: in "with Gov ernment" the pair is with-Gov, so Gov-ernment is not looked at;
    # in "in the Gov ernment" the pairs are in-the and Gov-ernment.
    rule = _rule("invisible-character")
    assert run_rule(rule, "met with\u00a0Gov\u00a0ernment staff") == []
    assert [f.column for f in run_rule(rule, "talks in\u00a0the\u00a0Gov\u00a0ernment")] == [17]
    assert [f.column for f in run_rule(rule, "the Gov\u202fernment and the Parlia\u00a0ment")] == [8, 31]


def test_split_word_after_a_long_word_and_in_a_word_with_accents() -> None:
    rule = _rule("invisible-character")
    long_left = "x" * 60 + " Gov\u00a0ernment"
    assert [f.column for f in run_rule(rule, long_left)] == [65]
    assert run_rule(rule, "the Gouv\u00e9\u00a0rnement") == []  # only ASCII halves are looked up


def test_lookalike_in_a_word_after_accented_latin_words() -> None:
    findings = run_rule(_rule("homoglyph"), "Caf\u00e9 owners in Zürich and Mosc\u043ew agreed.")
    assert _where(findings) == [(1, 27, "Moscow")]


def test_a_pair_after_a_skipped_function_word_pair_is_not_looked_at() -> None:
    # "The Gov" is the first pair (a function word, so not looked up) and takes "Gov"; "Gov ernment" is no pair.
    rule = _rule("invisible-character")
    assert run_rule(rule, "The\u00a0Gov\u00a0ernment met") == []
    assert run_rule(rule, "x The\u00a0Gov\u00a0ernment\u00a0Gov\u00a0ernment") == []  # pairs The-Gov, ernment-Gov
    assert [f.column for f in run_rule(rule, "x The\u00a0Gov\u00a0ernment and Gov\u00a0ernment")] == [26]
    assert [f.column for f in run_rule(rule, "OF\u00a0THE Gov\u00a0ernment")] == [11]


def test_the_cyrillic_and_greek_prefilter_misses_no_letter() -> None:
    import sys

    from pressqa.confusables import may_hold_cyrillic_or_greek, script_of
    from pressqa.kinds.script import CYRILLIC_RUN

    missed = [
        hex(code)
        for code in range(0x80, sys.maxunicode + 1)
        if chr(code).isalpha()
        and (script_of(chr(code)) in ("cyrillic", "greek") or CYRILLIC_RUN.match(chr(code)))
        and not may_hold_cyrillic_or_greek("plain text\u2019s " + chr(code))
    ]
    assert missed == []
    assert not may_hold_cyrillic_or_greek("Caf\u00e9 \u201cquoted\u201d \u2014 \u00a0na\u00efve \u1e9e")
