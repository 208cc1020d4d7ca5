"""Helpers shared by the tests that run rule examples: check one text with one rule."""

from __future__ import annotations

from pathlib import Path

from pressqa.document import Document
from pressqa.engine import Engine
from pressqa.finding import Finding
from pressqa.fix import apply_fixes
from pressqa.lexicon import Lexicon
from pressqa.loader import builtin_rules_dir
from pressqa.rule import Example, KindContext, Rule

EXAMPLE_PATH = "example.txt"


def context_for(language: str = "en") -> KindContext:
    """A kind context with the built-in word data, as a run without config gets it."""
    return KindContext(language=language, lexicon=Lexicon([builtin_rules_dir() / "data"], language=language))


def run_rule(rule: Rule, text: str, path: str = EXAMPLE_PATH, context: KindContext | None = None) -> list[Finding]:
    """Findings of one rule on one text (cross-document kinds finished at once)."""
    engine = Engine([rule], context or context_for())
    doc = Document.from_text(path, text)
    return engine.check_document(doc) + engine.finish()


def run_example(rule: Rule, example: Example, context: KindContext) -> list[Finding]:
    """Findings of one rule on an example's text, after its `others` went through the same run."""
    engine = Engine([rule], context)
    for index, other in enumerate(example.others):
        engine.check_document(Document.from_text(f"other-{index + 1}.txt", other))
    found = engine.check_document(Document.from_text(EXAMPLE_PATH, example.text)) + engine.finish()
    return [f for f in found if f.path == EXAMPLE_PATH]


def fixed_text(rule: Rule, text: str, context: KindContext | None = None) -> str:
    """The text after one --fix pass of a single rule."""
    doc = Document.from_text(EXAMPLE_PATH, text)
    engine = Engine([rule], context or context_for())
    return apply_fixes(doc, engine.check_document(doc))[0]


def rules_root() -> Path:
    """The built-in rules directory."""
    return builtin_rules_dir()
