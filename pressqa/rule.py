"""Rules (data from one YAML file) and the Kind base class (the code a rule names)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pressqa.document import Document
from pressqa.finding import Finding, Severity


@dataclass(frozen=True)
class Example:
    """A rule example: text that must (fail) or must not (pass) raise a finding.

    `fix` is the text after one --fix pass; `language` checks the example under that
    variant (en-GB, en-US); `others` are texts of further documents in the same run,
    for rules that compare documents.
    """

    text: str
    fix: str | None = None
    language: str | None = None
    others: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """A rule as read from `rules/<group>/<name>.yaml`; `options` holds the kind's own fields."""

    id: str
    kind: str
    severity: Severity
    message: str
    description: str
    enabled: bool = True
    link: str | None = None
    fail: tuple[Example, ...] = ()
    passing: tuple[Example, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    source: str = ""

    @property
    def group(self) -> str:
        """The part of the id before the dot."""
        return self.id.split(".", 1)[0]

    @property
    def summary(self) -> str:
        """The first paragraph of the description, on one line."""
        first = self.description.strip().split("\n\n", 1)[0]
        return " ".join(first.split())


class KindUnavailable(Exception):
    """A kind that was required to run cannot (e.g. grammar without LanguageTool): the run stops with exit 2."""


@dataclass(frozen=True)
class Option:
    """One kind-specific field of a rule file: accepted types, default, whether required, what it means."""

    types: tuple[type, ...]
    default: Any = None
    required: bool = False
    help: str = ""


@dataclass
class KindContext:
    """What kinds may use besides their rule: the language variant, shared word data, backends."""

    language: str = "en"
    lexicon: Any = None
    grammar: Any = None
    settings: Mapping[str, Any] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)

    def notice(self, message: str) -> None:
        """Say something once on stderr at the end of the run (e.g. that grammar was skipped)."""
        if message not in self.notices:
            self.notices.append(message)


class Kind:
    """Base class of rule kinds. A subclass names itself, declares its options, and checks documents.

    Kinds that compare documents set `cross_document = True` and implement
    `observe` (called once per document) and `finish` (called after the last).
    """

    name: ClassVar[str] = ""
    options: ClassVar[Mapping[str, Option]] = {}
    cross_document: ClassVar[bool] = False

    def __init__(self, rule: Rule, context: KindContext) -> None:
        self.rule = rule
        self.context = context

    @classmethod
    def validate(cls, options: Mapping[str, Any]) -> list[tuple[str, str]]:
        """Check option values beyond their types; return (key, problem) pairs."""
        return []

    @classmethod
    def implementation(cls, rule: Rule) -> type[Kind]:
        """The class that runs this rule: the kind itself, or a subclass chosen by the rule's options."""
        return cls

    def option(self, key: str) -> Any:
        """The value of a kind option, or its default."""
        if key in self.rule.options:
            return self.rule.options[key]
        return self.options[key].default

    def check(self, doc: Document) -> Iterable[Finding]:
        """Findings for one document."""
        return ()

    def observe(self, doc: Document) -> Iterable[Finding]:
        """For cross-document kinds: take note of one document; may already return findings."""
        return ()

    def finish(self) -> Iterable[Finding]:
        """For cross-document kinds: findings that need every document of the run."""
        return ()

    def take_state(self) -> object:
        """For cross-document kinds: what observe() gathered, handed over and cleared (parallel runs)."""
        return None

    def merge_state(self, state: object) -> None:
        """For cross-document kinds: add what another instance of this rule gathered."""

    def report(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str | None = None,
        suggestions: Sequence[str] = (),
        fixable: bool = False,
        severity: Severity | None = None,
        **fields: Any,
    ) -> Finding:
        """A finding of this rule; the message template is filled with `match` and `fields`."""
        template = self.rule.message if message is None else message
        values = {"match": doc.text[start:end], "suggestion": suggestions[0] if suggestions else "", **fields}
        try:
            text = template.format(**values)
        except (KeyError, IndexError, ValueError):
            text = template
        return Finding.at(
            doc,
            self.rule.id,
            severity if severity is not None else self.rule.severity,
            start,
            end,
            text,
            tuple(suggestions),
            fixable,
        )
