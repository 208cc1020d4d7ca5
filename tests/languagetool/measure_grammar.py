"""Measure the grammar rule on a corpus: findings per LanguageTool rule, against gold.

Usage: PRESSQA_LANGUAGETOOL_URL=... python tests/languagetool/measure_grammar.py CORPUS_DIR [--all]
          [--language en] [--dump findings.tsv]

Counts the findings at warning or error (every finding with --all), matches each
against CORPUS_DIR/gold.tsv (same file, overlapping span) and prints, per
LanguageTool rule, how many findings it raised and how many hit a gold row, and
the false alarms per 1,000 words. Judging the misses and the non-gold findings
is left to a reader of --dump.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import time
from collections import Counter
from pathlib import Path

from pressqa.config import Config, GrammarSettings
from pressqa.document import Document
from pressqa.engine import Engine
from pressqa.finding import Severity
from pressqa.languagetool import open_backend
from pressqa.loader import builtin_rules_dir, load_rules
from pressqa.rule import KindContext


def gold_spans(corpus: Path, docs: dict[str, Document]) -> dict[str, list[tuple[int, int, str, str]]]:
    spans: dict[str, list[tuple[int, int, str, str]]] = {}
    with (corpus / "gold.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            doc = docs.get(row["file"])
            if doc is None:
                continue
            start = doc.offset(int(row["line"]), int(row["col"]))
            spans.setdefault(row["file"], []).append(
                (start, start + len(row["surface"]), row["category"], row["surface"])
            )
    return spans


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--all", action="store_true", help="count suggestions too")
    parser.add_argument("--language", default="en")
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--lt-language", help="override the LanguageTool language (en, en-GB, en-US)")
    args = parser.parse_args()

    rules, errors = load_rules([builtin_rules_dir()])
    assert not errors, errors
    rule = rules["grammar.languagetool"]
    backend, reason = open_backend(os.environ.get("PRESSQA_LANGUAGETOOL_URL"), "server")
    assert backend is not None, reason
    config = Config(language=args.language, grammar=GrammarSettings(backend="server"))
    context = KindContext(language=args.language, grammar=backend, settings={"config": config})
    engine = Engine([rule], context)
    if args.lt_language:
        import pressqa.kinds.grammar as grammar_kind

        grammar_kind.LANGUAGES[args.language] = args.lt_language

    paths = sorted(args.corpus.glob("*.txt"))
    docs = {p.name: Document.read(str(p)) for p in paths}
    words = sum(len(re.findall(r"\S+", d.text)) for d in docs.values())
    gold = gold_spans(args.corpus, docs)
    gold_grammar = sum(1 for rows in gold.values() for r in rows if r[2] == "grammar")

    started = time.monotonic()
    per_rule: Counter[str] = Counter()
    per_rule_gold: Counter[str] = Counter()
    hit_gold: set[tuple[str, int]] = set()
    rows = []
    for name, doc in docs.items():
        for finding in engine.check_document(doc):
            if not args.all and finding.severity < Severity.WARNING:
                continue
            lt_rule = finding.rule.split("/", 1)[1]
            per_rule[lt_rule] += 1
            hits = [g for g in gold.get(name, []) if g[0] < finding.end and finding.start < g[1]]
            if hits:
                per_rule_gold[lt_rule] += 1
                hit_gold.update((name, g[0]) for g in hits)
            line_text = doc.text[doc.line_starts[finding.line - 1] :].split("\n", 1)[0]
            context_text = line_text[max(0, finding.column - 60) : finding.column + 60]
            rows.append([name, finding.line, finding.column, str(finding.severity), lt_rule,
                         doc.text[finding.start : finding.end], "gold:" + hits[0][2] if hits else "",
                         finding.message, context_text])
    elapsed = time.monotonic() - started
    total = sum(per_rule.values())
    in_gold = sum(per_rule_gold.values())
    print(f"{len(docs)} documents, {words} words, {elapsed:.1f} s")
    print(f"findings: {total}; overlapping a gold row: {in_gold}; not in gold: {total - in_gold} "
          f"({(total - in_gold) * 1000 / words:.2f} per 1,000 words)")
    grammar_hits = sum(1 for n, s in hit_gold for g in gold[n] if g[0] == s and g[2] == "grammar")
    print(f"gold grammar rows hit: {grammar_hits} of {gold_grammar}")
    for lt_rule, count in per_rule.most_common():
        print(f"  {count:4d}  gold {per_rule_gold[lt_rule]:3d}  {lt_rule}")
    if args.dump:
        with args.dump.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter="\t").writerows(rows)


if __name__ == "__main__":
    main()
