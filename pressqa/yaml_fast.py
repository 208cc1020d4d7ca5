"""Fast YAML reading for valid rule files: libyaml through PyYAML, with YAML 1.2 booleans and no duplicate keys."""

from __future__ import annotations

import re
from typing import Any

import yaml

try:
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader

BOOL_TAG = "tag:yaml.org,2002:bool"


class _DuplicateKey(Exception):
    """A mapping with the same key twice (PyYAML would silently keep the last)."""


class _RuleLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """SafeLoader that reads `yes`, `no`, `on`, `off` as strings (as YAML 1.2 and ruamel.yaml do)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [self.construct_object(key_node, deep=True) for key_node, _ in node.value]
        if len(keys) != len(set(map(repr, keys))):
            raise _DuplicateKey()
        return super().construct_mapping(node, deep=deep)


_RuleLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != BOOL_TAG]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_RuleLoader.add_implicit_resolver(BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml_fast(text: str) -> Any:
    """The parsed document, or None when the text has any problem (the caller then reads it with line numbers)."""
    try:
        return yaml.load(text, Loader=_RuleLoader)  # noqa: S506 - a SafeLoader subclass
    except (yaml.YAMLError, _DuplicateKey, ValueError, TypeError):
        return None
