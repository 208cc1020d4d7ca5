"""Record real LanguageTool responses into tests/data/languagetool/*.json.

Usage: python tests/languagetool/record_responses.py http://127.0.0.1:8081

Each file keeps the request, the source text the offsets refer to, the raw
response, and each match's surface cut out with Java's own UTF-16 indexing
(independent of pressqa's conversion code), so unit tests can replay them.
"""

from __future__ import annotations

import json
import sys
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data" / "languagetool"

MARKDOWN_PARTS = [
    {"text": "🎉 Run "},
    {"markup": "`pip install pressqa`", "interpretAs": "Dummy"},
    {"text": " on an "},
    {"markup": "`x86`", "interpretAs": "Example"},
    {"text": " machine; "},
    {"markup": "**", "interpretAs": ""},
    {"text": "he have"},
    {"markup": "**", "interpretAs": ""},
    {"text": " a apple 😀 today."},
]

CASES: dict[str, dict[str, str]] = {
    "a_an_and_agreement": {"text": "This is a apple. He have a car."},
    "astral_before": {"text": "🇧🇾 Tweet 😀 about 😀a apple. He have 𝐁 it."},
    "astral_inside": {"text": "We met the 𝐁oss 𝐁oss today 👨‍👩‍👧 and\u2028left."},
    "astral_after": {"text": "He have it 😀😀 🇧🇾."},
    "markdown_annotated": {"data": json.dumps({"annotation": MARKDOWN_PARTS}, ensure_ascii=False)},
}


def surface(source: str, offset16: int, length16: int) -> str:
    """The UTF-16 slice [offset16, offset16+length16) of source, as Java sees it."""
    units = source.encode("utf-16-le")
    return units[2 * offset16 : 2 * (offset16 + length16)].decode("utf-16-le")


def record(base_url: str) -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    for name, payload in CASES.items():
        params = {"language": "en-US", "disabledCategories": "TYPOS", **payload}
        body = urllib.parse.urlencode(params).encode()
        with opener.open(base_url.rstrip("/") + "/v2/check", data=body, timeout=60) as reply:
            response: dict[str, Any] = json.load(reply)
        if "data" in payload:
            parts = json.loads(payload["data"])["annotation"]
            source = "".join(p.get("text", p.get("markup", "")) for p in parts)
        else:
            source = payload["text"]
        expected = [
            {"rule_id": m["rule"]["id"], "surface": surface(source, m["offset"], m["length"])}
            for m in response["matches"]
        ]
        record_ = {"request": params, "source": source, "response": response, "expected": expected}
        path = DATA / f"{name}.json"
        path.write_text(json.dumps(record_, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{path.name}: {[(e['rule_id'], e['surface']) for e in expected]}")
    with opener.open(base_url.rstrip("/") + "/v2/info", timeout=60) as reply:
        info = json.load(reply)
    (DATA / "info.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    record(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8081")
