"""The meta-test: every built-in rule is documented and exemplified the way the catalogue promises.

A rule's description has four parts (the problem first, then "Why it matters", "Example" and
"Use instead"), at least one fail and one pass example, a message, and an id that is its path.
A rule that offers safe fixes shows at least one of them as a fail example with `fix`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pressqa.loader import builtin_rules_dir, load_rules
from pressqa.rule import KindContext, Rule
from tests.rule_examples import context_for, run_rule

RULES, ERRORS = load_rules([builtin_rules_dir()])
PARTS = ("Why it matters", "Example", "Use instead")


@pytest.fixture(scope="module")
def context() -> KindContext:
    """One shared kind context, so word data loads once for the whole catalogue."""
    return context_for()


def _rules() -> list[object]:
    return [pytest.param(RULES[rule_id], id=rule_id) for rule_id in sorted(RULES)]


def _paragraphs(description: str) -> list[str]:
    return [" ".join(p.split()) for p in description.strip().split("\n\n") if p.strip()]


def test_catalogue_loads() -> None:
    assert ERRORS == []
    assert len(RULES) >= 10


@pytest.mark.parametrize("rule", _rules())
def test_id_matches_path(rule: Rule) -> None:
    source = Path(rule.source)
    assert source.suffix in (".yaml", ".yml")
    assert source.parent.parent == builtin_rules_dir()
    assert rule.id == f"{source.parent.name}.{source.stem}"


@pytest.mark.parametrize("rule", _rules())
def test_description_has_the_four_parts_in_order(rule: Rule) -> None:
    paragraphs = _paragraphs(rule.description)
    assert paragraphs, f"{rule.id}: empty description"
    problem = paragraphs[0]
    assert not problem.startswith(PARTS), f"{rule.id}: the description must open with the problem"
    assert len(problem) >= 15, f"{rule.id}: the problem paragraph is too short: {problem!r}"
    found = []
    for part in PARTS:
        indexes = [i for i, p in enumerate(paragraphs) if p.startswith(part)]
        assert indexes, f"{rule.id}: no paragraph starting with {part!r}"
        found.append(indexes[0])
    assert found == sorted(found) and found[0] > 0, f"{rule.id}: parts out of order: {PARTS}"


@pytest.mark.parametrize("rule", _rules())
def test_message_and_examples(rule: Rule) -> None:
    assert rule.message.strip(), f"{rule.id}: no message"
    assert rule.fail, f"{rule.id}: no fail example"
    assert rule.passing, f"{rule.id}: no pass example"


@pytest.mark.parametrize("rule", _rules())
def test_fixing_rule_shows_a_fix(rule: Rule, context: KindContext) -> None:
    declared = (rule.kind == "pattern" and rule.options.get("fix") == "safe") or rule.kind == "repetition"
    offered = any(f.fixable for example in rule.fail for f in run_rule(rule, example.text, context=context))
    if declared or offered:
        assert any(example.fix is not None for example in rule.fail), (
            f"{rule.id} applies safe fixes, but no fail example shows one (add `fix:` to a fail example)"
        )
