"""LanguageTool AnnotatedText built from a masked paragraph.

The caller gives the original paragraph and a *masked* copy of the same length
in which every non-prose character (code spans, URLs, HTML tags, emphasis
markers, list bullets...) is replaced by :data:`MASK`; newlines are kept.
Each maximal run of masked characters becomes a ``markup`` part holding the
original characters, everything else a ``text`` part. LanguageTool then checks
only the prose but reports offsets over the concatenation of all parts, which
is the original paragraph, so mapping a match back is just the UTF-16
conversion on the original text (verified against LanguageTool 6.8).

What LanguageTool reads in place of a masked run (its ``interpretAs``):

* A run that stands where a word would (whitespace, the paragraph edge or an
  opening bracket/quote before it; whitespace, the edge or punctuation after
  it) and whose source has a letter or digit, such as ``Run `make` now`` or a
  bare URL, reads as the placeholder word ``Dummy``, or ``Example`` right after
  "an", so that the sentence keeps its grammar and "a/an" is never flagged
  because of the placeholder.
* Any other run reads as nothing: emphasis markers and link brackets glued to
  a word, lone HTML tags. When such a run stands between whitespace (or
  starts the paragraph), the spaces after it join the markup so LanguageTool
  does not see a doubled space or a sentence starting with a space.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

__all__ = [
    "MASK",
    "PLACEHOLDER",
    "PLACEHOLDER_AFTER_AN",
    "AnnotatedText",
    "Part",
    "annotate",
    "is_markup_only",
    "plain",
]

MASK = "\x00"
PLACEHOLDER = "Dummy"
PLACEHOLDER_AFTER_AN = "Example"

_OPENERS = frozenset("([{\"'“‘«")
_CLOSERS = frozenset(".,;:!?)]}\"'”’»…")
_HTML_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.DOTALL)
_LAST_WORD = re.compile(r"(\w+)\W*$")


@dataclass(frozen=True)
class Part:
    """One annotation part: prose text, or markup read as ``interpret_as``."""

    source: str
    is_markup: bool = False
    interpret_as: str = ""

    def to_json(self) -> dict[str, str]:
        """The part as LanguageTool's JSON object."""
        if self.is_markup:
            return {"markup": self.source, "interpretAs": self.interpret_as}
        return {"text": self.source}


@dataclass(frozen=True)
class AnnotatedText:
    """A paragraph as LanguageTool annotation parts."""

    parts: tuple[Part, ...]

    @property
    def source(self) -> str:
        """The original text: all parts concatenated (what offsets refer to)."""
        return "".join(part.source for part in self.parts)

    @property
    def checked_text(self) -> str:
        """The text LanguageTool actually reads (markup replaced by interpretAs)."""
        return "".join(p.interpret_as if p.is_markup else p.source for p in self.parts)

    def to_json(self) -> str:
        """The ``data`` parameter for ``POST /v2/check``."""
        payload = {"annotation": [part.to_json() for part in self.parts]}
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def annotate(original: str, masked: str) -> AnnotatedText:
    """Build the AnnotatedText of ``original`` from its ``masked`` copy.

    Raises ValueError when the two strings differ in length, or when a
    character outside the mask differs between them.
    """
    if len(original) != len(masked):
        raise ValueError(
            f"masked text has {len(masked)} characters, original has {len(original)}"
        )
    parts: list[Part] = []
    prose_start = 0
    position = 0
    length = len(masked)
    while position < length:
        if masked[position] != MASK:
            position += 1
            continue
        run_end = position
        while run_end < length and masked[run_end] == MASK:
            run_end += 1
        before = masked[position - 1] if position else ""
        after = masked[run_end] if run_end < length else ""
        run = original[position:run_end]
        prose = masked[prose_start:position]
        if prose != original[prose_start:position]:
            raise ValueError(f"masked text differs from the original before offset {position}")
        interpret_as = _interpretation(run, before, after, prose)
        markup_end = run_end
        if not interpret_as and (before == "" or before.isspace()):
            while markup_end < length and masked[markup_end] in " \t":
                markup_end += 1
        if prose:
            parts.append(Part(prose))
        parts.append(Part(original[position:markup_end], True, interpret_as))
        prose_start = position = markup_end
    tail = masked[prose_start:]
    if tail != original[prose_start:]:
        raise ValueError("masked text differs from the original at its end")
    if tail:
        parts.append(Part(tail))
    return AnnotatedText(tuple(parts))


def plain(text: str) -> AnnotatedText:
    """An AnnotatedText with no markup (for uniform handling)."""
    return AnnotatedText((Part(text),) if text else ())


def _interpretation(run: str, before: str, after: str, prose_before: str) -> str:
    """What LanguageTool should read in place of one masked run."""
    if _HTML_TAG.fullmatch(run) or not any(ch.isalnum() for ch in run):
        return ""
    word_start = before == "" or before.isspace() or before in _OPENERS
    word_end = after == "" or after.isspace() or after in _CLOSERS
    if not (word_start and word_end):
        return ""
    last = _LAST_WORD.search(prose_before)
    if last and last.group(1).lower() == "an" and prose_before[last.end(1):].isspace():
        return PLACEHOLDER_AFTER_AN
    return PLACEHOLDER


def is_markup_only(masked: str, offset: int, length: int) -> bool:
    """True when the span (code points) covers masked characters only."""
    span = masked[offset : offset + max(length, 1)]
    return bool(span) and all(ch == MASK for ch in span)
