#!/usr/bin/env python3
"""Unknown-word report for the spelling lists (auditable decisions).

Tokenises shared/corpus/dev/*.txt and the seed text(s), looks every token up in
pyspellchecker's English list, and writes tools/reports/spelling-unknowns-dev.tsv:
word, count, decision, note.  Decisions are read back from the committed lists:
  british     in rules/data/spelling/british-only.txt
  vocabulary  in rules/data/spelling/press-vocabulary.txt
  proper      in rules/data/spelling/proper-nouns.txt (case-insensitive here)
  typo        not accepted, and part of an error marked in corpus/dev/gold.tsv
              (such tokens must never be accepted).  An accepted word that gold.tsv
              also marks (e.g. centre in a mixed-form finding) gets a note.
  left-out    none of the above (deliberately not accepted)
With --summary it also prints how many tokens stay unknown with all lists on.

Tokeniser: letters with internal apostrophes (’ or '), hyphens split, lower-case,
’ -> ', possessive 's stripped.
Usage: python3 tools/reports/spelling_unknowns.py [--shared ../shared] [--summary]
"""
from __future__ import annotations

import argparse
import collections
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "rules" / "data" / "spelling"
TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def tokens(text: str):
    for m in TOKEN.finditer(text):
        t = m.group().replace("’", "'")
        if t.lower().endswith("'s"):
            t = t[:-2]
        yield t


def load(name: str) -> set[str]:
    p = DATA / name
    return {ln.strip() for ln in p.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "spelling-unknowns-dev.tsv")
    ap.add_argument("--summary", action="store_true")
    args = ap.parse_args()

    from spellchecker import SpellChecker
    sp = SpellChecker()
    dev = args.shared / "corpus" / "dev"
    files = sorted(dev.glob("*.txt")) + sorted((args.shared / "seeds").glob("*.txt"))

    british = {w.lower() for w in load("british-only.txt")}
    vocab = {w.lower() for w in load("press-vocabulary.txt")}
    proper = {w.lower() for w in load("proper-nouns.txt")}
    accept = british | vocab | proper

    gold: dict[str, str] = {}
    with (dev / "gold.tsv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for t in tokens(row["surface"]):
                if t.lower() not in sp:
                    gold.setdefault(t.lower(), f"gold {row['category']}: {row['surface']} -> {row['correction']}")

    counts: collections.Counter[str] = collections.Counter()
    forms: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    n_tokens = n_dev_tokens = 0
    remaining: collections.Counter[str] = collections.Counter()
    for f in files:
        is_dev = f.parent == dev
        for t in tokens(f.read_text(encoding="utf-8")):
            n_tokens += 1
            n_dev_tokens += is_dev
            w = t.lower()
            if w in sp:
                continue
            counts[w] += 1
            forms[w][t] += 1
            if is_dev and w not in accept:
                remaining[t] += 1

    rows = []
    for w, c in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
        surf = ",".join(f"{k}:{v}" for k, v in sorted(forms[w].items()))
        if w in british:
            dec = "british"
        elif w in vocab:
            dec = "vocabulary"
        elif w in proper:
            dec = "proper"
        elif w in gold:
            dec = "typo"
        else:
            dec = "left-out"
        note = surf + (f"; {gold[w]}" if w in gold else "")
        rows.append((w, c, dec, note))
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Unknown words (pyspellchecker 0.9.1) in shared/corpus/dev/*.txt + shared/seeds/*.txt,\n")
        fh.write("# with the decision taken for rules/data/spelling/. Rebuild: python3 tools/reports/spelling_unknowns.py\n")
        fh.write(f"# tokens: {n_tokens}; unknown tokens: {sum(counts.values())}; distinct unknown: {len(counts)}\n")
        fh.write("word\tcount\tdecision\tnote\n")
        for r in rows:
            fh.write("\t".join(map(str, r)) + "\n")

    if args.summary:
        n_rem = sum(remaining.values())
        print(f"dev tokens: {n_dev_tokens}; unknown with all lists (case-insensitive): {n_rem} "
              f"= {1000 * n_rem / n_dev_tokens:.2f} per 1,000 words")
        print("remaining:", ", ".join(f"{k}({v})" for k, v in sorted(remaining.items())))
        print("decisions:", collections.Counter(r[2] for r in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
