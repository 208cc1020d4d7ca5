"""Every rule's examples are its tests: fail examples raise a finding of that rule, pass examples none,
and `fix` is what one --fix pass makes of the fail example (and a second pass changes nothing)."""

from __future__ import annotations

import pytest

from pressqa.loader import load_rules
from pressqa.rule import Rule
from tests.rule_examples import fixed_text, rules_root, run_rule

RULES, ERRORS = load_rules([rules_root()])


def _cases(which: str) -> list[object]:
    cases = []
    for rule_id in sorted(RULES):
        rule = RULES[rule_id]
        examples = rule.fail if which == "fail" else [text for text in rule.passing]
        for index, example in enumerate(examples):
            cases.append(pytest.param(rule, example, id=f"{rule_id}-{which}{index}"))
    return cases


def test_builtin_rules_load_without_errors() -> None:
    assert ERRORS == []
    assert RULES


@pytest.mark.parametrize(("rule", "example"), _cases("fail"))
def test_fail_example_is_flagged(rule: Rule, example: object) -> None:
    findings = run_rule(rule, example.text)  # type: ignore[attr-defined]
    assert [f for f in findings if f.rule.split("/")[0] == rule.id], f"{rule.id} missed: {example.text!r}"  # type: ignore[attr-defined]
    if example.fix is not None:  # type: ignore[attr-defined]
        once = fixed_text(rule, example.text)  # type: ignore[attr-defined]
        assert once == example.fix  # type: ignore[attr-defined]
        assert fixed_text(rule, once) == once, "a second --fix pass must change nothing"


@pytest.mark.parametrize(("rule", "example"), _cases("pass"))
def test_pass_example_is_quiet(rule: Rule, example: str) -> None:
    findings = run_rule(rule, example)
    assert findings == [], f"{rule.id} flagged a pass example: {[f.message for f in findings]}"
