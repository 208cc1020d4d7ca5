"""Which form of a variant group wins: the most frequent, then the preferred one, then the first used."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def winning_form(
    items: Sequence[T],
    form_of: Callable[[T], str],
    preferred: Callable[[str], bool] = lambda form: False,
    weight: Callable[[str], int] = lambda form: 0,
) -> str:
    """The form that should be used throughout.

    The most frequent form wins; on a tie the preferred form (the register's,
    or a listed group's first form), then the form with the higher `weight`
    (e.g. a dictionary word over a non-word), then the form used first.
    """
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        form = form_of(item)
        counts[form] = counts.get(form, 0) + 1
        first.setdefault(form, index)
    return max(counts, key=lambda form: (counts[form], preferred(form), weight(form), -first[form]))
