"""The lexicon: the one place word data lives (dictionaries, variants, gazetteers, register, accept lists).

It is built once per rule set and loads each part lazily on first use, so a run
whose rules need no word data pays nothing for it. Each part lives in a module
of its own: `words` (spelling dictionaries and lists), `names` (gazetteers and
the house register), `translit` (transliteration keys).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pressqa.lexicon.names import NameIndex, Register
    from pressqa.lexicon.words import Words

T = TypeVar("T")


class Lexicon:
    """Word data from the `data/` folders of the rule directories (built-in first, house rules after)."""

    def __init__(
        self, data_dirs: Sequence[Path], accept: Sequence[str] = (), language: str = "en", keep_parses: bool = True
    ) -> None:
        self.data_dirs = [d for d in data_dirs if d.is_dir()]
        self.accept = tuple(accept)
        self.language = language
        self.keep_parses = keep_parses  # False: never read or write parsed data files in the cache folder
        self._memo: dict[object, Any] = {}

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """Something derived from the word data (an index, a matcher), built once and shared by every rule."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]

    def data_files(self, relative: str) -> list[Path]:
        """Every existing copy of a data file, built-in first, so house data can extend ours."""
        return [d / relative for d in self.data_dirs if (d / relative).is_file()]

    @cached_property
    def words(self) -> Words:
        """Spelling data: the English dictionary, British/American variants, press vocabulary, misspellings."""
        from pressqa.lexicon.words import load_words

        return load_words(self)

    @cached_property
    def names(self) -> NameIndex:
        """Gazetteers: countries, places, demonyms, organisations and register people, with a fuzzy index."""
        from pressqa.lexicon.names import load_names

        return load_names(self)

    @cached_property
    def register(self) -> Register:
        """The house register: preferred forms of people and bodies, and outdated official names."""
        from pressqa.lexicon.names import load_register

        return load_register(self)
