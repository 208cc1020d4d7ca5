#!/usr/bin/env python3
"""Build the British/American spelling-variant data for pressqa.

Inputs (Debian packages, SCOWL word lists, permissive SCOWL licence, see
/usr/share/doc/wbritish/copyright):
  /usr/share/dict/british-english   (package wbritish)
  /usr/share/dict/american-english  (package wamerican)
  pyspellchecker's English word list (only to derive british-only.txt)

Outputs (under rules/data/spelling/):
  variants-gb-us.tsv  british<TAB>american[<TAB>ambiguous]
  british-only.txt    British spellings that pyspellchecker (American) lacks

Method: for every lower-case word of british-english, apply British->American
spelling transformations (-ise/-ize, -yse/-yze, -isation/-ization, -our/-or,
-re/-er, -ll-/-l-, -l/-ll, -ogue/-og, -ence/-ense, -amme/-am, ae/e, oe/e,
-dgement/-dgment, -geing/-ging, -ould/-old) alone and in combination; keep a
pair only when the British form is in british-english, the American form is
in american-english, and the American form is not in british-english or the
British form is not in american-english; when several American candidates
exist, those that are not British words win.  A small hand
list (HAND_PAIRS below) adds irregular pairs.  A pair is marked `ambiguous`
when the American form is itself a valid British word (program in computing,
meter the device, tire the verb, story ...), or when HAND_AMBIGUOUS says so.

Run: python3 tools/build_variants.py   (deterministic; needs wbritish,
wamerican and pyspellchecker installed).
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

BRITISH_DICT = Path("/usr/share/dict/british-english")
AMERICAN_DICT = Path("/usr/share/dict/american-english")
OUT_DIR = Path(__file__).resolve().parent.parent / "rules" / "data" / "spelling"

# (regex on the British form, replacement giving the American form)
RULES: list[tuple[str, str]] = [
    (r"(?<=[a-z])is(?=e|ing|a)", "iz"),      # organise, organising, organisation
    (r"(?<=[a-z])ys(?=e|ing)", "yz"),         # analyse, paralysing
    (r"our(?=[a-z]*$)", "or"),                # honour, favourable, labourer
    (r"(?<=[^aeiou])re(?=$|s$|d$)", "er"),    # centre, centres, centred, fibre
    (r"ll(?=ed$|ing$|er$|ers$|or$|ors$|ery$|ous$)", "l"),  # travelled, counsellor
    (r"(?<=[^l])l(?=$|s$|ment$|ments$|ful$|fully$|ness$)", "ll"),  # fulfil, instalment, skilful
    (r"ogue(?=$|s$)", "og"),                  # catalogue, dialogue, analogue
    (r"ence(?=$|s$)", "ense"),                # defence, offence, licence
    (r"amme(?=$|s$)", "am"),                  # programme, kilogramme
    (r"ae", "e"),                             # haematology, paediatric
    (r"oe(?!s$|d$|$)", "e"),                  # manoeuvre, oestrogen (not shoes, snowshoed)
    (r"dgement", "dgment"),                   # judgement, acknowledgement
    (r"(?<=g)eing$", "ing"),                  # ageing
    (r"(?<=[ms])ould", "old"),                # mould, smoulder
]

# Irregular pairs the rules cannot derive.  Inflections are listed explicitly.
# Each is still checked against the dictionaries (British form in
# british-english, American form in american-english) unless marked force.
HAND_PAIRS: list[tuple[str, str]] = [
    ("programme", "program"), ("programmes", "programs"),
    ("judgement", "judgment"), ("judgements", "judgments"),
    ("ageing", "aging"),
    ("licence", "license"), ("licences", "licenses"),
    ("practise", "practice"), ("practised", "practiced"), ("practises", "practices"),
    ("practising", "practicing"),
    ("cheque", "check"), ("cheques", "checks"),
    ("tyre", "tire"), ("tyres", "tires"),
    ("kerb", "curb"), ("kerbs", "curbs"),
    ("storey", "story"), ("storeys", "stories"),
    ("grey", "gray"), ("greys", "grays"), ("greyer", "grayer"), ("greyest", "grayest"),
    ("greyish", "grayish"), ("greyness", "grayness"),
    ("draught", "draft"), ("draughts", "drafts"), ("draughty", "drafty"),
    ("tonne", "ton"), ("tonnes", "tons"),
    ("enquiry", "inquiry"), ("enquiries", "inquiries"), ("enquire", "inquire"),
    ("enquired", "inquired"), ("enquires", "inquires"), ("enquiring", "inquiring"),
    ("rouble", "ruble"), ("roubles", "rubles"),
    ("jewellery", "jewelry"), ("jeweller", "jeweler"), ("jewellers", "jewelers"),
    ("aluminium", "aluminum"),
    ("sulphur", "sulfur"), ("sulphate", "sulfate"), ("sulphates", "sulfates"),
    ("sulphuric", "sulfuric"), ("sulphide", "sulfide"),
    ("sceptic", "skeptic"), ("sceptics", "skeptics"), ("sceptical", "skeptical"),
    ("sceptically", "skeptically"), ("scepticism", "skepticism"),
    ("plough", "plow"), ("ploughs", "plows"), ("ploughed", "plowed"), ("ploughing", "plowing"),
    ("pyjamas", "pajamas"),
    ("artefact", "artifact"), ("artefacts", "artifacts"),
    ("moustache", "mustache"), ("moustaches", "mustaches"),
    ("doughnut", "donut"), ("doughnuts", "donuts"),
    ("gaol", "jail"), ("gaols", "jails"),
    ("cosy", "cozy"), ("cosier", "cozier"), ("cosiest", "coziest"),
    ("speciality", "specialty"), ("specialities", "specialties"),
    ("axe", "ax"), ("axes", "axes"),
    ("mum", "mom"), ("mums", "moms"),
    ("manoeuvre", "maneuver"), ("manoeuvres", "maneuvers"), ("manoeuvred", "maneuvered"),
    ("manoeuvring", "maneuvering"), ("manoeuvrable", "maneuverable"),
    ("centring", "centering"),
    ("fulfil", "fulfill"), ("fulfils", "fulfills"), ("fulfilment", "fulfillment"),
    ("instalment", "installment"), ("instalments", "installments"),
    ("enrol", "enroll"), ("enrols", "enrolls"), ("enrolment", "enrollment"),
    ("enrolments", "enrollments"),
    ("distil", "distill"), ("instil", "instill"), ("enthral", "enthrall"),
    ("skilful", "skillful"), ("skilfully", "skillfully"), ("wilful", "willful"),
    ("wilfully", "willfully"),
    ("defence", "defense"), ("defences", "defenses"), ("offence", "offense"),
    ("offences", "offenses"), ("pretence", "pretense"),
    ("learnt", "learned"), ("spelt", "spelled"), ("dreamt", "dreamed"),
    ("burnt", "burned"), ("spoilt", "spoiled"), ("leapt", "leaped"),
    ("whilst", "while"), ("amongst", "among"),
    ("towards", "toward"), ("afterwards", "afterward"), ("backwards", "backward"),
    ("forwards", "forward"),
    ("catalogue", "catalog"), ("catalogues", "catalogs"), ("dialogue", "dialog"),
    ("dialogues", "dialogs"), ("analogue", "analog"),
    ("metre", "meter"), ("metres", "meters"), ("kilometre", "kilometer"),
    ("kilometres", "kilometers"), ("centimetre", "centimeter"),
    ("centimetres", "centimeters"), ("millimetre", "millimeter"),
    ("millimetres", "millimeters"),
    ("litre", "liter"), ("litres", "liters"),
    ("travelling", "traveling"), ("travelled", "traveled"), ("traveller", "traveler"),
    ("travellers", "travelers"),
]

# Pairs whose American form is also standard British in some sense.
HAND_AMBIGUOUS = {
    "programme", "programmes", "programmed", "programming",  # computer program(s)
    "metre", "metres",            # meter = measuring device
    "licence", "licences",        # license is the British verb
    "practise", "practised", "practises", "practising",  # practice is the British noun
    "cheque", "cheques",          # check
    "tyre", "tyres",              # tire (verb)
    "kerb", "kerbs",              # curb (verb, restrain)
    "storey", "storeys",          # story (narrative)
    "draught", "draughts",        # draft (document)
    "tonne", "tonnes",            # ton (imperial)
    "enquiry", "enquiries", "enquire", "enquired", "enquires", "enquiring",
    "axe", "axes",
    "mum", "mums",
    "dialogue", "dialogues",      # dialog box
    "analogue",                   # analog electronics
    "learnt", "spelt", "dreamt", "burnt", "spoilt", "leapt",  # -ed is British too
    "whilst", "amongst",
    "towards", "afterwards", "backwards", "forwards",  # both used in both varieties
    "judgement", "judgements",    # judgment is standard in British legal use
    "ageing",
    "analyses", "paralyses", "dialyses",  # also plural nouns in both varieties
}

# Rule-derived pairs that are not real variants in practice (the American
# "form" is a rare or obsolete spelling; the British form is standard in both).
BLOCK_BRITISH = {
    "aegis", "apprise", "apprised", "apprises", "apprising", "patinae",
    "extol", "extols",
}

# Genuinely British spellings that pyspellchecker lacks but which no pair
# above captures (checked against british-english when built).
HAND_BRITISH_ONLY = [
    "roubles", "rouble", "whilst", "amongst", "towards", "learnt", "spelt",
    "neighbourliness", "tonnes", "gaol", "gaoler", "gaolers",
    "aeroplane", "aeroplanes", "aerofoil", "aerofoils", "baulk", "baulked",
    "baulking", "baulks", "centred", "centrepiece", "centrepieces",
    "chequebook", "chequebooks", "chequered", "chequerboard", "defenceless",
    "draughtsman", "draughtsmen", "draughtsmanship", "fibreboard", "fibreglass",
    "flautist", "flautists", "furore", "furores", "groyne", "groynes",
    "liquorice", "manoeuvrability", "maths", "medallist", "medallists",
    "moult", "moulted", "moulting", "moults", "panellist", "panellists",
    "ploughman", "ploughmen", "queueing", "snowplough", "snowploughs",
    "woollen", "woollens", "cosily", "cosiness", "unlearnt", "meagrely",
]


def deb_version(pkg: str) -> str:
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True,
                              text=True, check=True).stdout.strip() or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def load_words(path: Path) -> set[str]:
    with path.open(encoding="utf-8") as fh:
        return {line.strip() for line in fh if line.strip()}


def candidates(word: str) -> set[str]:
    """All forms reachable by applying rules at one or more positions (max 3 steps)."""
    seen = {word}
    frontier = {word}
    for _ in range(3):
        nxt: set[str] = set()
        for w in frontier:
            for pat, rep in RULES:
                for m in re.finditer(pat, w):
                    c = w[: m.start()] + rep + w[m.end():]
                    if c not in seen:
                        nxt.add(c)
        seen |= nxt
        frontier = nxt
    seen.discard(word)
    return seen


def is_plain(word: str) -> bool:
    return word.isalpha() and word == word.lower() and word.isascii()


def build_pairs(br: set[str], am: set[str]) -> dict[tuple[str, str], bool]:
    pairs: dict[tuple[str, str], bool] = {}
    for b in sorted(w for w in br if is_plain(w) and w not in BLOCK_BRITISH):
        cands = sorted(a for a in candidates(b) if a in am)
        if b in am:
            # British form also listed as American (labelled, modelling ...):
            # keep it only when the American form is distinctively American.
            cands = [a for a in cands if a not in br]
        distinct = [a for a in cands if a not in br]
        if distinct:  # prefer anesthetize over anaesthetize
            cands = distinct
        for a in cands:
            pairs[(b, a)] = (a in br) or (b in HAND_AMBIGUOUS)
    for b, a in HAND_PAIRS:
        if b not in br or a not in am:
            print(f"hand pair skipped (not in dictionaries): {b} {a}", file=sys.stderr)
            continue
        if b == a:
            continue
        pairs[(b, a)] = (a in br) or (b in HAND_AMBIGUOUS)
    return pairs


def write_lines(path: Path, header: list[str], rows: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for h in header:
            fh.write(f"# {h}\n" if h else "#\n")
        for r in rows:
            fh.write(r + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out-dir", type=Path, default=OUT_DIR)
    ap.add_argument("--british", type=Path, default=BRITISH_DICT)
    ap.add_argument("--american", type=Path, default=AMERICAN_DICT)
    args = ap.parse_args()

    from spellchecker import SpellChecker  # pyspellchecker (MIT)
    import spellchecker

    br = load_words(args.british)
    am = load_words(args.american)
    pairs = build_pairs(br, am)

    lic = [
        f"Source: SCOWL word lists as packaged by Debian: wbritish {deb_version('wbritish')} and",
        f"wamerican {deb_version('wamerican')} (/usr/share/dict/british-english, /usr/share/dict/american-english).",
        "Licence: SCOWL permissive licence (Copyright 2000-2011 Kevin Atkinson et al.);",
        "full text in /usr/share/doc/wbritish/copyright. Compatible with GPL-3.0-or-later.",
        "Generated by tools/build_variants.py -- do not edit by hand; edit the script.",
    ]
    rows = []
    n_amb = 0
    for (b, a), amb in sorted(pairs.items()):
        rows.append(f"{b}\t{a}\tambiguous" if amb else f"{b}\t{a}")
        n_amb += amb
    header = [
        "variants-gb-us.tsv: British<TAB>American spelling variant pairs (lower-case).",
        "Third column `ambiguous`: the American form is also valid British in some sense",
        "(program in computing, meter the device, tire the verb ...): do not flag it blindly.",
        *lic,
        "Rules: -ise/-ize, -yse/-yze, -isation/-ization, -our/-or, -re/-er, -ll-/-l-, -l/-ll,",
        "-ogue/-og, -ence/-ense, -amme/-am, ae/e, oe/e, -dgement/-dgment, -geing/-ging, -ould/-old;",
        "kept when the British form is in british-english and the American form in american-english,",
        "and at least one of them is not valid in the other variety; plus a hand list of irregular pairs.",
        f"Rows: {len(rows)} ({n_amb} ambiguous).",
    ]
    out = args.out_dir
    out.mkdir(parents=True, exist_ok=True)
    write_lines(out / "variants-gb-us.tsv", header, ["british\tamerican"] + rows)

    sp = SpellChecker()
    known = set(sp.word_frequency.dictionary.keys())
    extra = set()
    for w in HAND_BRITISH_ONLY:
        if w in br or "-" in w:
            extra.add(w)
        else:
            print(f"hand british-only word not in british-english: {w}", file=sys.stderr)
    only = sorted(({b for b, _ in pairs} | extra) - known)
    header = [
        "british-only.txt: British spellings valid in British English but missing from",
        f"pyspellchecker {spellchecker.__version__}'s (American) English list; one per line, lower-case.",
        "= British forms of variants-gb-us.tsv plus a short hand list, minus pyspellchecker words.",
        *lic,
        f"Words: {len(only)}.",
    ]
    write_lines(out / "british-only.txt", header, only)
    print(f"variants-gb-us.tsv: {len(rows)} rows ({n_amb} ambiguous); british-only.txt: {len(only)} words",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
