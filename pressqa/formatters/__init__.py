"""Formatters: pure functions from findings (and input errors) to the text a user or a tool reads."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from pressqa.finding import Finding
from pressqa.rule import Rule


@dataclass(frozen=True)
class InputError:
    """A file that could not be checked, and why."""

    path: str
    message: str


Formatter = Callable[[Sequence[Finding], Sequence[InputError], Mapping[str, Rule]], str]


def formatter(name: str) -> Formatter:
    """The formatter for a --format name."""
    from pressqa.formatters import github, json_format, sarif, text

    table: dict[str, Formatter] = {
        "text": text.format_text,
        "json": json_format.format_json,
        "sarif": sarif.format_sarif,
        "github": github.format_github,
    }
    return table[name]


FORMAT_NAMES = ("text", "json", "sarif", "github")
