"""The `quotes` kind: reversed, unbalanced or mixed double quotation marks, paragraph by paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

from pressqa.document import Document, Region
from pressqa.finding import Finding
from pressqa.prose import MASK
from pressqa.rule import Kind, Option

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
MARKS = re.compile('[“”"]')
PROBLEMS = ("reversed", "unbalanced", "mixed")
# Characters after which a quotation mark opens (or before which one closes).
OPEN_BEFORE = set(" \t\n\u00a0([{—–-/" + MASK)
CLOSE_AFTER = set(" \t\n\u00a0)]}.,;:!?—–-/…" + MASK)


def _opens(text: str, index: int, region: Region) -> bool:
    """Whether a double quote at `index` stands where a quotation opens."""
    before = text[index - 1] if index > region.start else " "
    after = text[index + 1] if index + 1 < region.end else " "
    return before in OPEN_BEFORE and after not in " \t\n\u00a0"


def _closes(text: str, index: int, region: Region) -> bool:
    """Whether a double quote at `index` stands where a quotation closes."""
    before = text[index - 1] if index > region.start else " "
    after = text[index + 1] if index + 1 < region.end else " "
    return before not in " \t\n\u00a0" and (after in CLOSE_AFTER or after in "“”'’\"")


class QuotesKind(Kind):
    """Check curly double quotes per paragraph. `problem` picks what this rule reports:

    - `reversed`: ” where a quotation opens, or “ where one closes;
    - `unbalanced`: a closing mark with no opening one before it, or an opening mark never closed
      (a quotation that runs over several paragraphs may leave its inner paragraphs unclosed);
    - `mixed`: straight " and curly “” double quotes in one paragraph.
    """

    name: ClassVar[str] = "quotes"
    options: ClassVar[Mapping[str, Option]] = {
        "problem": Option((str,), required=True, help="reversed, unbalanced or mixed"),
    }

    @classmethod
    def validate(cls, options: Mapping[str, Any]) -> list[tuple[str, str]]:
        if options.get("problem") not in PROBLEMS:
            return [("problem", f"must be one of {', '.join(PROBLEMS)}")]
        return []

    def check(self, doc: Document) -> Iterable[Finding]:
        if not MARKS.search(doc.prose):
            return ()
        problem = self.option("problem")
        if problem == "reversed":
            return self._reversed(doc)
        if problem == "unbalanced":
            return self._unbalanced(doc)
        return self._mixed(doc)

    def _marks(self, doc: Document, region: Region) -> Iterator[tuple[int, str]]:
        for match in MARKS.finditer(doc.prose, region.start, region.end):
            yield match.start(), match.group()

    def _reversed(self, doc: Document) -> Iterator[Finding]:
        for region in doc.paragraphs():
            for index, char in self._marks(doc, region):
                if char == CLOSING and _opens(doc.prose, index, region) and not _closes(doc.prose, index, region):
                    yield self.report(doc, index, index + 1, suggestions=(OPENING,), fixable=True, expected="opening")
                elif char == OPENING and _closes(doc.prose, index, region) and not _opens(doc.prose, index, region):
                    yield self.report(doc, index, index + 1, suggestions=(CLOSING,), fixable=True, expected="closing")

    def _unbalanced(self, doc: Document) -> Iterator[Finding]:
        open_at: int | None = None
        carried = False  # an unclosed quotation carried on from an earlier paragraph
        for region in doc.paragraphs():
            depth_start: int | None = None
            for index, char in self._marks(doc, region):
                role = self._role(doc, index, char, region)
                if role == "open":
                    if depth_start is not None:
                        yield self.report(doc, depth_start, depth_start + 1, problem="not closed before the next opening mark")
                    depth_start = index
                elif role == "close":
                    if depth_start is None and not carried:
                        yield self.report(doc, index, index + 1, problem="closes a quotation that was never opened")
                    depth_start = None
                    carried = False
            if depth_start is not None:
                open_at, carried = depth_start, True
            elif not carried:
                open_at = None
        if carried and open_at is not None:
            yield self.report(doc, open_at, open_at + 1, problem="is never closed")

    @staticmethod
    def _role(doc: Document, index: int, char: str, region: Region) -> str:
        if char == STRAIGHT:
            return "other"
        opens = _opens(doc.prose, index, region)
        closes = _closes(doc.prose, index, region)
        if opens and not closes:
            return "open"
        if closes and not opens:
            return "close"
        return "open" if char == OPENING else "close"

    def _mixed(self, doc: Document) -> Iterator[Finding]:
        for region in doc.paragraphs():
            marks = list(self._marks(doc, region))
            kinds = {char == STRAIGHT for _, char in marks}
            if len(kinds) < 2:
                continue
            straight = [index for index, char in marks if char == STRAIGHT]
            curly = len(marks) - len(straight)
            if curly >= len(straight):
                for index in straight:
                    yield self.report(doc, index, index + 1, style="curly")
