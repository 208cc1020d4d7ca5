"""Which rules run and at what severity: select/ignore by rule-id prefix (most specific wins), severity overrides."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from pressqa.finding import Severity
from pressqa.rule import Rule


def prefix_matches(prefix: str, rule_id: str) -> bool:
    """Whether a prefix names this id: the whole id, a group ('typography'), or a parent id of a sub-id."""
    prefix = prefix.strip()
    if not prefix or prefix.upper() == "ALL":
        return True
    return rule_id == prefix or rule_id.startswith((prefix + ".", prefix + "/"))


def _longest(prefixes: Iterable[str], rule_id: str) -> int:
    """The length of the most specific matching prefix, or -1 when none matches."""
    best = -1
    for prefix in prefixes:
        if prefix_matches(prefix, rule_id):
            best = max(best, 0 if prefix.upper() == "ALL" else len(prefix.strip()))
    return best


def is_selected(rule_id: str, select: Sequence[str], ignore: Sequence[str], enabled: bool = True) -> bool:
    """Select/ignore decision for one id; the most specific prefix wins, ignore wins a tie.

    A rule that is off by default runs only when a select prefix names it: its full id, not its group.
    """
    chosen = _longest(select, rule_id) if select else (0 if enabled else -1)
    if select and not enabled and chosen < len(rule_id):
        chosen = -1
    ignored = _longest(ignore, rule_id)
    return chosen >= 0 and chosen > ignored


def severity_for(rule_id: str, default: Severity, overrides: Mapping[str, Severity]) -> Severity:
    """The severity from the most specific matching override, or the rule's own."""
    best, chosen = -1, default
    for prefix, severity in overrides.items():
        if prefix_matches(prefix, rule_id) and len(prefix) > best:
            best, chosen = len(prefix), severity
    return chosen


def active_rules(
    rules: Mapping[str, Rule],
    select: Sequence[str],
    ignore: Sequence[str],
    overrides: Mapping[str, Severity],
) -> list[Rule]:
    """The rules to run, in id order, with severity overrides applied."""
    result = []
    for rule_id in sorted(rules):
        rule = rules[rule_id]
        if is_selected(rule_id, select, ignore, rule.enabled):
            result.append(replace(rule, severity=severity_for(rule_id, rule.severity, overrides)))
    return result


def unmatched_prefixes(prefixes: Iterable[str], rule_ids: Iterable[str]) -> list[str]:
    """Prefixes that name no known rule (accepted, so CI can name groups a later version adds)."""
    ids = list(rule_ids)
    return [p for p in prefixes if p.strip() and p.upper() != "ALL" and not any(prefix_matches(p, i) for i in ids)]
