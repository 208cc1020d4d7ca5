"""The `quotes` kind: reversed, unbalanced or mixed double quotation marks, paragraph by paragraph."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

from pressqa.char_search import char_positions
from pressqa.document import Document, Region
from pressqa.finding import Finding
from pressqa.prose import MASK
from pressqa.rule import Kind, Option

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
MARK_CHARACTERS = (OPENING, CLOSING, STRAIGHT)
MARKS_MEMO = ("quotes", "marks")  # Document.memo key: the marks of a document, shared by the three problems

ParagraphMarks = list[tuple[Region, list[tuple[int, str]]]]
PROBLEMS = ("reversed", "unbalanced", "mixed")
# Characters after which a quotation mark opens (or before which one closes).
OPEN_BEFORE = set(" \t\n\u00a0([{—–-/" + MASK)
CLOSE_AFTER = set(" \t\n\u00a0)]}.,;:!?—–-/…" + MASK)


def _marks_by_paragraph(doc: Document) -> ParagraphMarks:
    """The paragraphs that hold double quotation marks, in order, each with its marks as (offset, mark).

    A paragraph without marks changes nothing in any check, so the checks skip it.
    """
    regions = doc.paragraphs()
    starts = [region.start for region in regions]
    grouped: dict[int, list[tuple[int, str]]] = {}
    prose = doc.prose
    for offset in char_positions(prose, MARK_CHARACTERS):
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < regions[index].end:
            grouped.setdefault(index, []).append((offset, prose[offset]))
    return [(regions[index], marks) for index, marks in grouped.items()]


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
        problem = self.option("problem")
        prose = doc.prose
        if CLOSING not in prose and OPENING not in prose:
            return ()  # only curly marks can be reversed, unbalanced or mixed with straight ones
        if problem == "reversed":
            return self._reversed(doc)
        if problem == "unbalanced":
            return self._unbalanced(doc)
        if STRAIGHT not in prose:
            return ()
        return self._mixed(doc)

    @staticmethod
    def _paragraphs(doc: Document) -> ParagraphMarks:
        return doc.memo(MARKS_MEMO, lambda: _marks_by_paragraph(doc))

    def _reversed(self, doc: Document) -> Iterator[Finding]:
        for region, marks in self._paragraphs(doc):
            for index, char in marks:
                if char == CLOSING and _opens(doc.prose, index, region) and not _closes(doc.prose, index, region):
                    yield self.report(doc, index, index + 1, suggestions=(OPENING,), fixable=True, expected="opening")
                elif char == OPENING and _closes(doc.prose, index, region) and not _opens(doc.prose, index, region):
                    yield self.report(doc, index, index + 1, suggestions=(CLOSING,), fixable=True, expected="closing")

    def _unbalanced(self, doc: Document) -> Iterator[Finding]:
        open_at: int | None = None
        carried = False  # an unclosed quotation carried on from an earlier paragraph
        for region, marks in self._paragraphs(doc):
            depth_start: int | None = None
            for index, char in marks:
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
        for _region, marks in self._paragraphs(doc):
            kinds = {char == STRAIGHT for _, char in marks}
            if len(kinds) < 2:
                continue
            straight = [index for index, char in marks if char == STRAIGHT]
            curly = len(marks) - len(straight)
            if curly >= len(straight):
                for index in straight:
                    yield self.report(doc, index, index + 1, style="curly")
