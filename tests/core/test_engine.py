"""The public API `check(documents, rules)` and the engine's cross-document pass."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

import pytest

from pressqa import kinds
from pressqa.document import Document
from pressqa.engine import Engine, check, one_per_span
from pressqa.finding import Finding, Severity
from pressqa.rule import Kind, KindContext, Option, Rule

DOUBLED = Rule(id="words.doubled", kind="repetition", severity=Severity.ERROR, message="'{word}' twice", description="d")
MLN = Rule(
    id="translationese.mln",
    kind="pattern",
    severity=Severity.SUGGESTION,
    message="'{match}'",
    description="d",
    options={"swap": {"mln": "million"}},
)


class SecondSpellingKind(Kind):
    """A cross-document test kind: every use of a word after the first document that used another spelling."""

    name: ClassVar[str] = "test-cross"
    options: ClassVar[Mapping[str, Option]] = {"forms": Option((list,), required=True)}
    cross_document: ClassVar[bool] = True

    def __init__(self, rule: Rule, context: KindContext) -> None:
        super().__init__(rule, context)
        self.seen: list[tuple[Document, int, int, str]] = []

    def observe(self, doc: Document) -> Iterable[Finding]:
        for form in self.option("forms"):
            start = doc.prose.find(form)
            while start != -1:
                self.seen.append((doc, start, start + len(form), form))
                start = doc.prose.find(form, start + 1)
        return ()

    def finish(self) -> Iterable[Finding]:
        if not self.seen:
            return []
        first = self.seen[0][3]
        return [self.report(doc, s, e, suggestions=(first,)) for doc, s, e, form in self.seen if form != first]


@pytest.fixture
def cross_rule(monkeypatch: pytest.MonkeyPatch) -> Rule:
    monkeypatch.setitem(kinds.KIND_CLASSES, "test-cross", f"{__name__}:SecondSpellingKind")
    return Rule(
        id="consistency.test-names",
        kind="test-cross",
        severity=Severity.WARNING,
        message="'{match}' is also written '{suggestion}'",
        description="d",
        options={"forms": ["Lukashenko", "Lukashenka"]},
    )


def test_check_is_a_public_api() -> None:
    docs = [
        Document.from_text("b.txt", "Talks in in Minsk.\n"),
        Document.from_text("a.md", "`in in` and 5 mln\n\nthe the end\n"),
    ]
    findings = check(docs, [DOUBLED, MLN])
    assert [(f.path, f.line, f.column, f.rule, str(f.severity)) for f in findings] == [
        ("a.md", 1, 15, "translationese.mln", "suggestion"),
        ("a.md", 3, 1, "words.doubled", "error"),
        ("b.txt", 1, 7, "words.doubled", "error"),
    ]
    assert findings[0].message == "'mln'"
    assert findings[0].suggestions == ("million",)
    assert findings[0].fixable is False


def test_check_min_severity() -> None:
    docs = [Document.from_text("a.txt", "in in 5 mln\n")]
    assert [f.rule for f in check(docs, [DOUBLED, MLN], min_severity=Severity.WARNING)] == ["words.doubled"]


def test_check_accepts_a_generator_and_no_rules() -> None:
    assert check((Document.from_text(f"{n}.txt", "in in") for n in range(3)), []) == []
    assert len(check((Document.from_text(f"{n}.txt", "in in") for n in range(3)), [DOUBLED])) == 3


def test_check_applies_inline_suppression() -> None:
    doc = Document.from_text("a.txt", "<!-- pressqa-disable-next-line words -->\nin in\nin in\n")
    assert [f.line for f in check([doc], [DOUBLED])] == [3]


def test_cross_document_findings_come_from_finish(cross_rule: Rule) -> None:
    docs = [
        Document.from_text("a.txt", "President Lukashenko said.\n"),
        Document.from_text("b.txt", "Then\nLukashenka left.\n"),
    ]
    findings = check(docs, [cross_rule])
    assert [(f.path, f.line, f.column, f.message) for f in findings] == [
        ("b.txt", 2, 1, "'Lukashenka' is also written 'Lukashenko'"),
    ]


def test_cross_document_findings_respect_suppression(cross_rule: Rule) -> None:
    docs = [
        Document.from_text("a.txt", "President Lukashenko said.\n"),
        Document.from_text(
            "b.md",
            "<!-- pressqa-disable-next-line consistency -->\nLukashenka left.\n\nLukashenka returned.\n",
        ),
        Document.from_text("c.txt", "<!-- pressqa-disable consistency.test-names -->\nLukashenka again.\n"),
    ]
    findings = check(docs, [cross_rule])
    assert [(f.path, f.line) for f in findings] == [("b.md", 4)]


def test_engine_runs_documents_one_at_a_time(cross_rule: Rule) -> None:
    engine = Engine([DOUBLED, cross_rule])
    first = engine.check_document(Document.from_text("a.txt", "Lukashenka in in\n"))
    assert [f.rule for f in first] == ["words.doubled"]
    engine.check_document(Document.from_text("b.txt", "Lukashenko\n"))
    again = engine.check_document(Document.from_text("b.txt", "Lukashenko\n"), observe=False)
    assert again == []
    assert [(f.path, f.rule) for f in engine.finish()] == [("b.txt", "consistency.test-names")]


def test_engine_filters_sub_ids_by_selection(monkeypatch: pytest.MonkeyPatch) -> None:
    class SubIdKind(Kind):
        name: ClassVar[str] = "test-subid"

        def check(self, doc: Document) -> Iterable[Finding]:
            yield Finding.at(doc, f"{self.rule.id}/EN_A_VS_AN", Severity.WARNING, 0, 1, "a/an")
            yield Finding.at(doc, f"{self.rule.id}/EN_QUOTES", Severity.WARNING, 2, 3, "quotes")

    monkeypatch.setattr(kinds, "kind_class", lambda name: SubIdKind)
    monkeypatch.setattr("pressqa.engine.kind_class", lambda name: SubIdKind)
    rule = Rule(id="grammar.languagetool", kind="test-subid", severity=Severity.WARNING, message="m", description="d")
    doc = Document.from_text("a.txt", "a b c")
    engine = Engine([rule], select=(), ignore=("grammar.languagetool/EN_QUOTES",))
    assert [f.rule for f in engine.check_document(doc)] == ["grammar.languagetool/EN_A_VS_AN"]
    everything = Engine([rule])
    assert len(everything.check_document(doc)) == 2


def test_kind_report_fills_the_message_template() -> None:
    doc = Document.from_text("a.txt", "x\nin in")
    (finding,) = Engine([DOUBLED]).check_document(doc)
    assert finding.message == "'in' twice"
    assert (finding.start, finding.end) == (2, 7)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (2, 1, 2, 6)


def test_kind_report_keeps_a_template_with_unknown_fields() -> None:
    rule = Rule(id="t.r", kind="repetition", severity=Severity.ERROR, message="{nope} {match}", description="d")
    (finding,) = check([Document.from_text("a.txt", "in in")], [rule])
    assert finding.message == "{nope} {match}"


def test_rules_flagging_the_same_span_give_one_finding_with_the_best_advice() -> None:
    doc = Document.from_text("r.txt", "exports of 85 mln dollars\n")
    vague = Finding.at(doc, "spelling.unknown-word", Severity.ERROR, 13, 16, "unknown", ("man",), False)
    precise = Finding.at(doc, "translationese.abbreviations", Severity.WARNING, 13, 16, "shorthand", ("million",), True)
    elsewhere = Finding.at(doc, "words.doubled", Severity.ERROR, 0, 7, "doubled", ("x",), True)
    assert sorted(one_per_span([vague, precise, elsewhere]), key=Finding.sort_key) == [elsewhere, precise]
