"""Parsed rule files kept between runs: reading and validating 30-odd YAML files is paid once per change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pressqa.cache_dir import load_pickle, store_pickle
from pressqa.loader import RuleFileError
from pressqa.rule import Rule

Loaded = tuple[dict[str, Rule], list[RuleFileError]]


def load_rules_remembered(file: Path, load: Callable[[], Loaded]) -> Loaded:
    """The rules stored in `file` (named by a fingerprint of the rule files), else `load()` stored there.

    Rule sets with errors are never stored, so their messages are always fresh.
    """
    kept = load_pickle(file)
    if isinstance(kept, dict) and all(isinstance(rule, Rule) for rule in kept.values()):
        return kept, []
    rules, errors = load()
    if not errors:
        store_pickle(file, rules)
    return rules, errors
