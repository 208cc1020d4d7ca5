"""pressqa: a translation-quality and typo linter for press releases."""

from __future__ import annotations

__version__ = "0.1.0"
