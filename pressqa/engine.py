"""check(documents, rules): run every kind over every document, then the cross-document kinds."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pressqa.document import Document
from pressqa.finding import Finding, Severity
from pressqa.kinds import UNCACHEABLE_KINDS, kind_class
from pressqa.rule import Kind, KindContext, KindUnavailable, Rule
from pressqa.selection import is_selected
from pressqa.suppression import Silence, silences


class Engine:
    """Kinds built once for a rule set; documents go through one at a time so memory stays flat."""

    def __init__(
        self,
        rules: Sequence[Rule],
        context: KindContext | None = None,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
    ) -> None:
        self.context = context or KindContext()
        self.kinds: list[Kind] = [
            kind_class(rule.kind).implementation(rule)(rule, self.context) for rule in rules
        ]
        self.select = tuple(select)
        self.ignore = tuple(ignore)
        self._silences: dict[str, list[Silence]] = {}
        self.crashes: list[str] = []
        self._uncacheable = [kind for kind in self.kinds if kind.rule.kind in UNCACHEABLE_KINDS]

    def check_document(self, doc: Document, observe: bool = True, uncacheable_only: bool = False) -> list[Finding]:
        """Findings of one document from every kind, suppression applied, sorted.

        `observe=False` re-checks a document the cross-document kinds have already seen (after --fix);
        `uncacheable_only` runs only the kinds a result cache cannot stand in for.
        """
        found: list[Finding] = []
        for kind in self.kinds if not uncacheable_only else self._uncacheable:
            try:
                if not kind.cross_document:
                    found.extend(kind.check(doc))
                elif observe:
                    found.extend(kind.observe(doc))
            except KindUnavailable:
                raise
            except Exception as error:  # noqa: BLE001 - one broken rule must not lose the other rules' findings
                self.crashes.append(f"{doc.path}: rule {kind.rule.id} failed ({type(error).__name__}: {error}); "
                                    "its findings for this file are missing, the other rules ran (please report this)")
        ranges = silences(doc)
        if any(kind.cross_document for kind in self.kinds) and ranges:
            self._silences[doc.path] = ranges
        return sorted(one_per_span(self._keep(found, ranges)), key=Finding.sort_key)

    def finish(self) -> list[Finding]:
        """Findings that needed every document of the run (cross-document consistency)."""
        found: list[Finding] = []
        for kind in self.kinds:
            if kind.cross_document:
                try:
                    found.extend(kind.finish())
                except KindUnavailable:
                    raise
                except Exception as error:  # noqa: BLE001 - as in check_document
                    self.crashes.append(f"rule {kind.rule.id} failed ({type(error).__name__}: {error}); "
                                        "its cross-file findings are missing (please report this)")
        kept = [f for f in found if self._keep([f], self._silences.get(f.path, []))]
        return sorted(kept, key=Finding.sort_key)

    def silences_of(self, path: str) -> list[Silence]:
        """The suppressed line ranges recorded for a document (for cross-document findings)."""
        return self._silences.get(path, [])

    def restore_silences(self, path: str, ranges: Sequence[Silence]) -> None:
        """Record a document's suppressed ranges without reading it again (its findings came from a cache)."""
        if ranges:
            self._silences[path] = list(ranges)

    def take_crashes(self) -> list[str]:
        """Messages about rules that raised an error since the last call, handed over and cleared."""
        crashes, self.crashes = self.crashes, []
        return crashes

    def take_states(self) -> dict[str, object]:
        """The cross-document kinds' observations so far, handed over and forgotten (for worker processes)."""
        return {kind.rule.id: kind.take_state() for kind in self.kinds if kind.cross_document}

    def merge_states(self, states: dict[str, object]) -> None:
        """Add observations made by another engine with the same rules."""
        for kind in self.kinds:
            if kind.cross_document and kind.rule.id in states:
                kind.merge_state(states[kind.rule.id])

    def _keep(self, findings: Iterable[Finding], ranges: Sequence[Silence]) -> list[Finding]:
        kept = []
        for finding in findings:
            if "/" in finding.rule and not is_selected(finding.rule, self.select, self.ignore):
                continue  # sub-ids such as grammar.languagetool/EN_A_VS_AN are selectable on their own
            if not any(silence.covers(finding) for silence in ranges):
                kept.append(finding)
        return kept


def one_per_span(findings: Iterable[Finding]) -> list[Finding]:
    """Where several rules flag exactly the same span, the one with the most specific advice.

    "mln" is both an unknown word and Russian shorthand; the reader needs one finding, the
    one that says what to write: a safe fix first, then the higher severity, then any suggestion,
    then the first rule id (so the choice does not depend on the order findings arrive in).
    """
    best: dict[tuple[str, int, int], Finding] = {}
    for finding in findings:
        key = (finding.path, finding.start, finding.end)
        current = best.get(key)
        if current is None or _better(finding, current):
            best[key] = finding
    return list(best.values())


def _better(finding: Finding, than: Finding) -> bool:
    advice, other = _advice(finding), _advice(than)
    return advice > other if advice != other else finding.rule < than.rule


def _advice(finding: Finding) -> tuple[bool, int, bool]:
    return (finding.fixable, int(finding.severity), bool(finding.suggestions))


def check(
    documents: Iterable[Document],
    rules: Sequence[Rule],
    context: KindContext | None = None,
    min_severity: Severity = Severity.SUGGESTION,
) -> list[Finding]:
    """The public API: all findings of the rules over the documents, at or above `min_severity`."""
    engine = Engine(rules, context)
    findings: list[Finding] = []
    for doc in documents:
        findings.extend(engine.check_document(doc))
    findings.extend(engine.finish())
    return sorted((f for f in findings if f.severity >= min_severity), key=Finding.sort_key)
