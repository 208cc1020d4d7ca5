"""The lexicon: the one place word data lives (dictionaries, variants, gazetteers, register, accept lists).

It is built once per rule set and loads each part lazily on first use, so a run
whose rules need no word data pays nothing for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class Lexicon:
    """Word data from the `data/` folders of the rule directories (built-in first, house rules after)."""

    def __init__(self, data_dirs: Sequence[Path], accept: Sequence[str] = (), language: str = "en") -> None:
        self.data_dirs = [d for d in data_dirs if d.is_dir()]
        self.accept = tuple(accept)
        self.language = language

    def data_files(self, relative: str) -> list[Path]:
        """Every existing copy of a data file, built-in first, so house data can extend ours."""
        return [d / relative for d in self.data_dirs if (d / relative).is_file()]
