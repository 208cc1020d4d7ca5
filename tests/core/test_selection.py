"""Select/ignore by rule-id prefix (most specific wins, both directions) and severity overrides."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pressqa.finding import Severity
from pressqa.rule import Rule
from pressqa.selection import active_rules, is_selected, prefix_matches, severity_for, unmatched_prefixes
from tests.core.conftest import CliResult, Row


def rule(rule_id: str, enabled: bool = True, severity: Severity = Severity.WARNING) -> Rule:
    return Rule(id=rule_id, kind="pattern", severity=severity, message="m", description="d", enabled=enabled)


@pytest.mark.parametrize(
    ("prefix", "rule_id", "expected"),
    [
        ("typography", "typography.double-space", True),
        ("typography.double-space", "typography.double-space", True),
        ("typo", "typography.double-space", False),  # a prefix is a whole id part, not a string prefix
        ("typography.double", "typography.double-space", False),
        ("grammar", "grammar.languagetool/EN_A_VS_AN", True),
        ("grammar.languagetool", "grammar.languagetool/EN_A_VS_AN", True),
        ("grammar.languagetool/EN_A_VS_AN", "grammar.languagetool/EN_A_VS_AN", True),
        ("grammar.languagetool/EN", "grammar.languagetool/EN_A_VS_AN", False),
        ("ALL", "words.doubled", True),
        ("all", "words.doubled", True),
        ("", "words.doubled", True),
        ("words.doubled", "words", False),
    ],
)
def test_prefix_matches(prefix: str, rule_id: str, expected: bool) -> None:
    assert prefix_matches(prefix, rule_id) is expected


@pytest.mark.parametrize(
    ("select", "ignore", "rule_id", "expected"),
    [
        ((), (), "words.doubled", True),
        (("words",), (), "words.doubled", True),
        (("words",), (), "typography.double-space", False),
        ((), ("words",), "words.doubled", False),
        ((), ("words",), "typography.double-space", True),
        # most specific wins, in both directions
        (("words",), ("words.doubled",), "words.doubled", False),
        (("words.doubled",), ("words",), "words.doubled", True),
        (("words.doubled",), ("words",), "words.other", False),
        (("ALL",), ("typography",), "typography.double-space", False),
        (("ALL",), ("typography",), "words.doubled", True),
        (("typography.double-space",), ("ALL",), "typography.double-space", True),
        # a tie goes to ignore
        (("words",), ("words",), "words.doubled", False),
        # sub-ids
        (("grammar",), ("grammar.languagetool/EN_QUOTES",), "grammar.languagetool/EN_QUOTES", False),
        (("grammar",), ("grammar.languagetool/EN_QUOTES",), "grammar.languagetool/EN_A_VS_AN", True),
    ],
)
def test_is_selected(select: tuple[str, ...], ignore: tuple[str, ...], rule_id: str, expected: bool) -> None:
    assert is_selected(rule_id, select, ignore) is expected


def test_rule_off_by_default_runs_only_when_named() -> None:
    assert is_selected("translationese.bn", (), (), enabled=False) is False
    assert is_selected("translationese.bn", ("ALL",), (), enabled=False) is False
    assert is_selected("translationese.bn", ("translationese",), (), enabled=False) is False
    assert is_selected("translationese.bn", ("translationese.bn",), (), enabled=False) is True
    assert is_selected("translationese.bn", ("translationese.bn",), ("translationese.bn",), enabled=False) is False


def test_severity_override_most_specific_wins() -> None:
    overrides = {"words": Severity.SUGGESTION, "words.doubled": Severity.ERROR}
    assert severity_for("words.doubled", Severity.WARNING, overrides) is Severity.ERROR
    assert severity_for("words.other", Severity.WARNING, overrides) is Severity.SUGGESTION
    assert severity_for("typography.x", Severity.WARNING, overrides) is Severity.WARNING
    assert severity_for("typography.x", Severity.WARNING, {"ALL": Severity.ERROR}) is Severity.ERROR


def test_active_rules_filters_sorts_and_overrides() -> None:
    rules = {r.id: r for r in (rule("words.b"), rule("words.a"), rule("typography.x"), rule("words.off", False))}
    chosen = active_rules(rules, ["words"], ["words.b"], {"words.a": Severity.ERROR})
    assert [(r.id, r.severity) for r in chosen] == [("words.a", Severity.ERROR)]
    assert rules["words.a"].severity is Severity.WARNING  # the loaded rule is not changed


def test_unmatched_prefixes_are_reported() -> None:
    ids = ["words.doubled", "typography.double-space"]
    assert unmatched_prefixes(["words", "grammar", "typography.x", "ALL", " "], ids) == ["grammar", "typography.x"]


# Through the CLI

DEFECTS = "Talks were held in in Minsk.\nExports: 5 mln  dollars.\n"


def test_select_and_ignore_on_the_command_line(write: Callable[..., Path], findings: Callable[..., list[Row]]) -> None:
    write("x.txt", DEFECTS)
    assert findings("--select", "words,translationese", "x.txt") == [
        ("x.txt", 1, 17, "error", "words.doubled"),
        ("x.txt", 2, 12, "warning", "translationese.abbreviations"),
    ]
    assert findings("--select", "words", "--select", "typography", "--ignore", "words.doubled", "x.txt") == [
        ("x.txt", 2, 15, "warning", "typography.double-space"),
    ]
    assert findings("--select", "typography.double-space", "--ignore", "typography", "x.txt") == [
        ("x.txt", 2, 15, "warning", "typography.double-space"),
    ]


def test_prefix_matching_no_rule_is_accepted_with_a_note(
    write: Callable[..., Path], cli: Callable[..., CliResult]
) -> None:
    write("x.txt", DEFECTS)
    result = cli("check", "--select", "words", "--ignore", "grammar.nosuch,futuregroup", "x.txt")
    assert result.exit_code == 1
    assert "[words.doubled]" in result.stdout
    assert "pressqa: note: 'futuregroup' matches no rule of this version; accepted" in result.stderr
    assert "pressqa: note: 'grammar.nosuch' matches no rule of this version; accepted" in result.stderr


def test_select_of_an_unknown_group_only_checks_nothing(
    write: Callable[..., Path], cli: Callable[..., CliResult]
) -> None:
    write("x.txt", DEFECTS)
    result = cli("check", "--select", "futuregroup", "x.txt")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "'futuregroup' matches no rule" in result.stderr


def test_off_by_default_rule_needs_extend_select(write: Callable[..., Path], findings: Callable[..., list[Row]]) -> None:
    write("x.txt", "a 5 bn rubles contract\n")
    assert findings("--select", "typography", "--min-severity", "suggestion", "x.txt") == []
    assert findings("--select", "translationese", "--min-severity", "suggestion", "x.txt") == []
    assert findings(
        "--select", "typography", "--extend-select", "translationese.bn-with-currency-word",
        "--min-severity", "suggestion", "x.txt",
    ) == [("x.txt", 1, 3, "suggestion", "translationese.bn-with-currency-word")]
