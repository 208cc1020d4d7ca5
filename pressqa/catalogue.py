"""The rule catalogue for `pressqa rules` and `pressqa explain`: every rule, and one rule as readable text."""

from __future__ import annotations

from pathlib import Path

from pressqa.config import ConfigError, find_config_file, load_config
from pressqa.loader import builtin_rules_dir, load_rules
from pressqa.rule import Rule
from pressqa.runner import UsageError


def catalogue(config_path: Path | None = None) -> list[Rule]:
    """Built-in rules plus the house rules of the config (given, or found from the current folder)."""
    source = config_path or find_config_file(Path.cwd())
    try:
        extra = load_config(source).rule_dirs if source else ()
    except ConfigError as error:
        raise UsageError(str(error)) from None
    rules, errors = load_rules([builtin_rules_dir(), *extra])
    if errors:
        raise UsageError("\n".join(str(e) for e in errors))
    return [rules[key] for key in sorted(rules)]


def explain_rule(rule: Rule) -> str:
    """A rule's id, kind, severity, description, and its examples (with their fixes)."""
    lines = [
        f"{rule.id}  ({rule.kind}, {rule.severity}{'' if rule.enabled else ', off by default'})",
        "",
        rule.description.strip(),
        "",
    ]
    if rule.fail:
        lines.append("Flagged:")
        for example in rule.fail:
            lines.append(f"  - {example.text}")
            if example.fix is not None:
                lines.append(f"    fixed: {example.fix}")
    if rule.passing:
        lines.append("Not flagged:")
        lines.extend(f"  - {example.text}" for example in rule.passing)
    if rule.link:
        lines += ["", f"See: {rule.link}"]
    lines.append(f"\nDefined in: {rule.source}")
    return "\n".join(lines)
