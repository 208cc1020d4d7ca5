"""The `repetition` kind: the same word twice in a row ("the the"), with a safe fix that drops one."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import ClassVar

from pressqa.document import Document
from pressqa.finding import Finding
from pressqa.rule import Kind, KindContext, Option, Rule

# A whole word (group 1), horizontal white space, the same word: what `(?<![\w’'-])` before it would match.
# Horizontal white space only: a word that ends one line and starts the next is usually a heading. The
# quantifiers are possessive because a word must be taken whole anyway (the space and the lookahead
# demand it), which spares the engine a retry at each shorter length.
PAIR = r"(\w++)([ \t\u00a0]++)(\1)(?![\w’'-])"
DOUBLED_AT_START = re.compile(PAIR, re.IGNORECASE)
# Anywhere else the pair is led by the character before it, which may not continue the word. A leading
# class lets the engine skip in C to the few characters that can precede a word; a leading lookbehind
# would make it try the whole pattern at every position.
DOUBLED_AFTER = re.compile(rf"[^\w’'-]{PAIR}", re.IGNORECASE)


class RepetitionKind(Kind):
    """Flag a word repeated at once; `exceptions` lists correct repeats ("had had", "that that")."""

    name: ClassVar[str] = "repetition"
    options: ClassVar[Mapping[str, Option]] = {
        "exceptions": Option((list,), [], help="words whose doubling is correct English"),
        "ignore_numbers": Option((bool,), True, help="leave repeated numbers alone (tables, scores)"),
    }

    def __init__(self, rule: Rule, context: KindContext) -> None:
        super().__init__(rule, context)
        self._exceptions = {str(word).lower() for word in self.option("exceptions")}

    def check(self, doc: Document) -> Iterable[Finding]:
        for match in doubled_words(doc.prose):
            first, second = match.group(1), match.group(3)
            if first.lower() in self._exceptions:
                continue
            if self.option("ignore_numbers") and first.isdigit():
                continue
            if first != second and not (first[0].isupper() and first[1:] == second[1:]):
                continue  # "Will will" is often a name and a verb; only flag same-case or sentence-start pairs
            yield self.report(
                doc,
                match.start(1),
                match.end(),
                suggestions=(first,),
                fixable=True,
                word=first,
            )


def doubled_words(text: str) -> Iterator[re.Match[str]]:
    """Each word written twice in a row, as matches whose group 1 is the first copy and group 3 the second."""
    position = 0
    if (first := DOUBLED_AT_START.match(text)) is not None:
        yield first
        position = first.end()
    # A pair cannot begin right after a match (the match's last letter would precede it), so the
    # character leading the next pair always lies beyond the match.
    yield from DOUBLED_AFTER.finditer(text, position)
