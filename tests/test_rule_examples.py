"""Every rule's examples are its tests: fail examples raise a finding of that rule, pass examples none,
and `fix` is what one --fix pass makes of the fail example (and a second pass changes nothing)."""

from __future__ import annotations

import pytest

from pressqa.loader import load_rules
from pressqa.rule import Example, KindContext, Rule
from tests.rule_examples import context_for, fixed_text, rules_root, run_example

RULES, ERRORS = load_rules([rules_root()])
CONTEXTS: dict[str, KindContext] = {}


def _context(example: Example) -> KindContext:
    """One context per language variant, so word data loads once for all examples."""
    language = example.language or "en"
    if language not in CONTEXTS:
        CONTEXTS[language] = context_for(language)
    return CONTEXTS[language]


def _cases(which: str) -> list[object]:
    cases = []
    for rule_id in sorted(RULES):
        rule = RULES[rule_id]
        for index, example in enumerate(rule.fail if which == "fail" else rule.passing):
            marks = [pytest.mark.languagetool] if rule.kind == "grammar" else []
            cases.append(pytest.param(rule, example, id=f"{rule_id}-{which}{index}", marks=marks))
    return cases


def test_builtin_rules_load_without_errors() -> None:
    assert ERRORS == []
    assert RULES


@pytest.mark.parametrize(("rule", "example"), _cases("fail"))
def test_fail_example_is_flagged(rule: Rule, example: Example) -> None:
    findings = run_example(rule, example, _context(example))
    assert [f for f in findings if f.rule.split("/")[0] == rule.id], f"{rule.id} missed: {example.text!r}"
    if example.fix is not None:
        once = fixed_text(rule, example.text, _context(example))
        assert once == example.fix
        assert fixed_text(rule, once, _context(example)) == once, "a second --fix pass must change nothing"


@pytest.mark.parametrize(("rule", "example"), _cases("pass"))
def test_pass_example_is_quiet(rule: Rule, example: Example) -> None:
    findings = run_example(rule, example, _context(example))
    assert findings == [], f"{rule.id} flagged a pass example: {[f.message for f in findings]}"
