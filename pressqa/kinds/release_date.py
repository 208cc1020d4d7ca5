"""The date a release was issued, read from its file name, front matter or dateline.

Used by the outdated-name check: an archive release dated before a renaming
(Kiev before 2019) may use the old name. Looked for, in this order:

1. the file name: `2026-02-26.md`, `20260226-visit.md`, `release_2026_02_26.txt`;
2. a front-matter or header line `date: 2026-02-26` (or `Date: 26 February 2026`);
3. a dateline in the first five non-empty lines: `26 February 2026`,
   `February 26, 2026`, `2026-02-26`, `26.02.2026`.

None when nothing is found (the caller then assumes today).
"""

from __future__ import annotations

import datetime
import re
from pathlib import PurePath

from pressqa.document import Document

MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_ISO_IN_NAME = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-_.]?(?P<mon>[01]\d)[-_.]?(?P<day>[0-3]\d)(?!\d)")
_ISO = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?!\d)")
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d)(?P<day>[0-3]?\d)\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)(?!\d)")
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<day>[0-3]?\d),?\s+(?P<year>(?:19|20)\d\d)(?!\d)")
_DOTTED = re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?!\d)")
_DATE_FIELD = re.compile(r"^\s*(?:date|published|issued)\s*:\s*(?P<value>.+)$", re.IGNORECASE | re.MULTILINE)
DATELINE_LINES = 5


def release_date(doc: Document) -> datetime.date | None:
    """The release's own date from its file name, a `date:` field or its dateline; None if it has none."""
    found = _from_text(PurePath(doc.path).name, (_ISO_IN_NAME,))
    if found:
        return found
    head = doc.text[:3000]
    for match in _DATE_FIELD.finditer(head):
        found = parse_date(match.group("value"))
        if found:
            return found
    lines = [line for line in head.split("\n") if line.strip()][:DATELINE_LINES]
    return _from_text("\n".join(lines), (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _DOTTED))


def parse_date(text: str) -> datetime.date | None:
    """The first date written in `text` in one of the usual forms; None if none."""
    return _from_text(text, (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _DOTTED))


def _from_text(text: str, patterns: tuple[re.Pattern[str], ...]) -> datetime.date | None:
    for pattern in patterns:
        for match in pattern.finditer(text):
            found = _to_date(match)
            if found:
                return found
    return None


def _to_date(match: re.Match[str]) -> datetime.date | None:
    groups = match.groupdict()
    if groups.get("month"):
        month = MONTHS.get(groups["month"].lower())
    else:
        month = int(groups["mon"])
    if not month:
        return None
    try:
        return datetime.date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None
