"""The quotes kind across paragraphs: paragraphs without marks in between change nothing."""

from __future__ import annotations

from pressqa.finding import Finding
from pressqa.loader import load_rule
from tests.rule_examples import rules_root, run_rule


def _run(name: str, text: str) -> list[tuple[int, int, str]]:
    findings: list[Finding] = run_rule(load_rule(rules_root() / "quotes" / f"{name}.yaml"), text)
    return [(f.line, f.column, f.message) for f in findings]


def test_quotation_carried_over_paragraphs_without_marks_may_close_later() -> None:
    assert _run("unbalanced", "“We will cooperate.\n\nWe are ready.\n\nAnd able,” he said.") == []


def test_quotation_never_closed_after_paragraphs_without_marks() -> None:
    (finding,) = _run("unbalanced", "“We will cooperate.\n\nWe are ready.\n\nHe left.")
    assert finding[:2] == (1, 1)
    assert "never closed" in finding[2]


def test_closing_mark_after_a_closed_quotation_and_a_plain_paragraph() -> None:
    text = "“We will cooperate,” he said.\n\nThen he left.\n\nWe are ready.” Then nothing."
    assert [(line, column) for line, column, _ in _run("unbalanced", text)] == [(5, 14)]


def test_straight_marks_only_flagged_where_curly_ones_share_the_paragraph() -> None:
    text = "He called it \"a stage\".\n\n“We are ready,” he said, calling it \"a new stage\"."
    assert [(line, column) for line, column, _ in _run("mixed", text)] == [(3, 37), (3, 49)]


def test_a_text_without_curly_marks_has_no_quote_findings() -> None:
    for name in ("reversed", "unbalanced", "mixed"):
        assert _run(name, "He called it \"a stage. And \"another") == []
