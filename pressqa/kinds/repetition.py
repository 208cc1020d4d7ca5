"""The `repetition` kind: the same word twice in a row ("the the"), with a safe fix that drops one."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import ClassVar

from pressqa.document import Document
from pressqa.finding import Finding
from pressqa.rule import Kind, KindContext, Option, Rule

# Horizontal white space only: a word that ends one line and starts the next is usually a heading.
DOUBLED = re.compile(r"(?<![\w’'-])(\w+)([ \t\u00a0]+)(\1)(?![\w’'-])", re.IGNORECASE)


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
        for match in DOUBLED.finditer(doc.prose):
            first, second = match.group(1), match.group(3)
            if first.lower() in self._exceptions:
                continue
            if self.option("ignore_numbers") and first.isdigit():
                continue
            if first != second and not (first[0].isupper() and first[1:] == second[1:]):
                continue  # "Will will" is often a name and a verb; only flag same-case or sentence-start pairs
            yield self.report(
                doc,
                match.start(),
                match.end(),
                suggestions=(first,),
                fixable=True,
                word=first,
            )
