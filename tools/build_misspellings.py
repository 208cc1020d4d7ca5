#!/usr/bin/env python3
"""Build rules/data/spelling/misspellings.tsv from the `typos-dict` crate.

Source: crate typos-dict (https://crates.io/crates/typos-dict, project
crate-ci/typos), licence MIT OR Apache-2.0.  The published crate does not ship
assets/words.csv; its src/word_codegen.rs holds the same table compiled into
Rust entries of the form
    (dictgen::InsensitiveStr::Ascii("typo"), &["fix1", "fix2"]),
which this script parses.  If a words.csv (typo,fix1,fix2...) is present under
the crate directory it is read instead.

Get the crate through cargo (crates.io), e.g.
    cargo new /tmp/x && cd /tmp/x && cargo add typos-dict && cargo fetch
    python3 tools/build_misspellings.py ~/.cargo/registry/src/*/typos-dict-<ver>

Filters for prose (a real word must never be "corrected"):
  * typo shorter than 4 letters            -> dropped
  * typo is a word in pyspellchecker's English list, in /usr/share/dict/
    british-english or american-english (case-insensitive) -> dropped
  * typo is accepted by pressqa's own lists (british-only.txt,
    press-vocabulary.txt, proper-nouns.txt in the output dir) -> dropped
  * corrections that are not known words (every space/hyphen/apostrophe part
    must be in SCOWL british-english or american-english; pyspellchecker's
    list is not trusted here because it holds many rare and junk words) are
    removed; no correction left -> dropped
safe = yes when the crate gives exactly one correction (and it survived);
otherwise no, and the fix column lists all surviving corrections joined by `|`.
Output is sorted by typo and deterministic.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import tomllib
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent.parent / "rules" / "data" / "spelling"
DICTS = [Path("/usr/share/dict/british-english"), Path("/usr/share/dict/american-english")]
ENTRY = re.compile(
    r'InsensitiveStr::(?:Ascii|Unicode)\("((?:[^"\\]|\\.)*)"\)\s*,\s*&\[([^\]]*)\]', re.S)
STR = re.compile(r'"((?:[^"\\]|\\.)*)"')
PART = re.compile(r"[ \-'’]+")


def read_table(crate: Path) -> list[tuple[str, list[str]]]:
    csvs = sorted(crate.rglob("words.csv"))
    if csvs:
        with csvs[0].open(encoding="utf-8", newline="") as fh:
            return [(r[0], [c for c in r[1:] if c]) for r in csv.reader(fh) if r]
    src = (crate / "src" / "word_codegen.rs").read_text(encoding="utf-8")
    rows = []
    for m in ENTRY.finditer(src):
        rows.append((m.group(1), STR.findall(m.group(2))))
    return rows


def load_accept(out_dir: Path) -> set[str]:
    words: set[str] = set()
    for name in ("british-only.txt", "press-vocabulary.txt", "proper-nouns.txt"):
        p = out_dir / name
        if p.exists():
            for line in p.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    words.add(line.strip().lower().replace("’", "'"))
    return words


def main() -> int:
    ap = argparse.ArgumentParser(description="Build misspellings.tsv from the typos-dict crate")
    ap.add_argument("crate_dir", type=Path, help="unpacked typos-dict crate (…/typos-dict-X.Y.Z)")
    ap.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = ap.parse_args()

    meta = tomllib.loads((args.crate_dir / "Cargo.toml").read_text(encoding="utf-8"))["package"]
    name, version, licence = meta["name"], meta["version"], meta.get("license", "?")

    import spellchecker
    from spellchecker import SpellChecker

    scowl: set[str] = set()
    for d in DICTS:
        scowl |= {w.strip().lower() for w in d.read_text(encoding="utf-8").splitlines() if w.strip()}
    known = scowl | {w.lower() for w in SpellChecker().word_frequency.dictionary}
    accept = load_accept(args.out_dir)

    def is_word(fix: str) -> bool:
        parts = [p for p in PART.split(fix.lower()) if p]
        return bool(parts) and all(p in scowl for p in parts)

    table = read_table(args.crate_dir)
    stats = {"entries": len(table), "short": 0, "real_word": 0, "accepted": 0, "no_fix": 0}
    out: dict[str, tuple[str, str]] = {}
    for typo, fixes in table:
        t = typo.lower()
        if len(t) < 4:
            stats["short"] += 1
            continue
        if t in known:
            stats["real_word"] += 1
            continue
        if t in accept:
            stats["accepted"] += 1
            continue
        good = []
        for f in fixes:
            if is_word(f) and f.lower() != t and f not in good:
                good.append(f)
        if not good:
            stats["no_fix"] += 1
            continue
        safe = "yes" if len(fixes) == 1 and len(good) == 1 else "no"
        out[t] = ("|".join(good), safe)

    rows = sorted(out.items())
    n_safe = sum(1 for _, (_, s) in rows if s == "yes")
    header = [
        "misspellings.tsv: known misspellings for prose, typo<TAB>fix<TAB>safe (fix: alternatives joined by |).",
        f"Source: crate {name} {version} from crates.io (project crate-ci/typos), licence {licence};",
        "compatible with GPL-3.0-or-later. Parsed from the crate's src/word_codegen.rs.",
        "Generated by tools/build_misspellings.py -- do not edit by hand; fix the script.",
        f"Filters: typo >= 4 letters; typo not a word in pyspellchecker {spellchecker.__version__}, Debian",
        "wbritish or wamerican (SCOWL), nor in pressqa's british-only/press-vocabulary/proper-nouns lists;",
        "corrections kept only when every part is a SCOWL (wbritish/wamerican) word.",
        "safe=yes: the crate lists exactly one correction; otherwise no.",
        f"Crate entries: {stats['entries']}; dropped: {stats['short']} short, {stats['real_word']} real words, "
        f"{stats['accepted']} accepted by pressqa lists, {stats['no_fix']} without a known-word fix.",
        f"Rows: {len(rows)} ({n_safe} safe).",
    ]
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with (args.out_dir / "misspellings.tsv").open("w", encoding="utf-8", newline="\n") as fh:
        for h in header:
            fh.write(f"# {h}\n")
        fh.write("typo\tfix\tsafe\n")
        for t, (fix, safe) in rows:
            fh.write(f"{t}\t{fix}\t{safe}\n")
    print(header[-2], header[-1], sep="\n", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
