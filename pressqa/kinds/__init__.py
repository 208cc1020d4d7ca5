"""The registry of rule kinds: a kind's name to the class that implements it, imported on first use."""

from __future__ import annotations

import importlib

from pressqa.rule import Kind

# Imported lazily: a run that uses no spelling rule never pays for loading a dictionary.
KIND_CLASSES: dict[str, str] = {
    "pattern": "pressqa.kinds.pattern:PatternKind",
    "repetition": "pressqa.kinds.repetition:RepetitionKind",
    "quotes": "pressqa.kinds.quotes:QuotesKind",
    "spelling": "pressqa.kinds.spelling:SpellingKind",
    "entity": "pressqa.kinds.entity:EntityKind",
    "consistency": "pressqa.kinds.consistency:ConsistencyKind",
    "script": "pressqa.kinds.script:ScriptKind",
    "grammar": "pressqa.kinds.grammar:GrammarKind",
}

# Kinds whose findings depend on more than the document, the rules and their data: grammar asks a server
# whose version and availability change between runs. A result cache never stands in for them.
UNCACHEABLE_KINDS = frozenset({"grammar"})


def kind_class(name: str) -> type[Kind]:
    """The Kind subclass registered under `name`; KeyError if there is none."""
    module_name, _, class_name = KIND_CLASSES[name].partition(":")
    cls: type[Kind] = getattr(importlib.import_module(module_name), class_name)
    return cls
