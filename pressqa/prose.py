"""Prose masks: which characters of a text are prose to check.

A mask is a string as long as the text in which every non-prose character
(code, front matter, URLs, e-mail addresses, HTML, Markdown syntax) is MASK
and line breaks stay, so every offset into the mask is an offset into the text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

MASK = "\x00"

URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\"“”«»]*[^\s<>()\"“”«».,;:!?'’]")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]*>|<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>")
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
LINK_DESTINATION = re.compile(r"\]\((?:<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)")
LINK_BRACKET = re.compile(r"!?\[|\](?:\[[^\]]*\])?")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:.*$", re.MULTILINE)
EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])|~~")
ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
BLOCK_PREFIX = re.compile(r"^(?:[ \t]*>)*[ \t]*(?:#{1,6}(?=[ \t]|$)|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))?")
HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
TABLE_PIPE = re.compile(r"(?<!\\)\|")
TABLE_DELIMITER_ROW = re.compile(r"^[ \t|:-]+$")
# HTML blocks whose content is not prose: raw-text elements, processing instructions, declarations, CDATA.
RAW_HTML_BLOCK = re.compile(r"^[ \t]*<(?:(?:script|pre|style|textarea)\b|[?!](?!--))", re.IGNORECASE)


def _blank(chars: list[str], start: int, end: int) -> None:
    for index in range(start, end):
        if chars[index] != "\n":
            chars[index] = MASK


def _blank_matches(chars: list[str], text: str, pattern: re.Pattern[str]) -> None:
    for match in pattern.finditer(text):
        _blank(chars, match.start(), match.end())


def mask_plain_text(text: str) -> str:
    """Mask URLs, e-mail addresses and HTML comments (suppression markers) in plain text."""
    # Each pattern needs a literal that most releases lack; looking for it first skips three scans
    # that start with a character class (which re cannot skip ahead for) and the copy of the text.
    patterns = [
        pattern
        for pattern, needed in ((HTML_COMMENT, ("<!--",)), (URL, ("://", "www.")), (EMAIL, ("@",)))
        if any(literal in text for literal in needed)
    ]
    if not patterns:
        return text
    chars = list(text)
    for pattern in patterns:
        _blank_matches(chars, text, pattern)
    return "".join(chars)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Imported on first use: a run over plain-text releases never pays for the Markdown parser.
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").use(front_matter_plugin).enable("table").enable("strikethrough")


def _prose_lines(text: str) -> set[int]:
    """0-based indexes of the lines that hold inline (prose) content."""
    lines: set[int] = set()
    tokens = _parser().parse(text)
    for token in tokens:
        if token.type == "inline" and token.map:
            lines.update(range(token.map[0], token.map[1]))
        elif token.type == "html_block" and token.map and _html_block_has_prose(token.content):
            # Text between tags (<p>…</p>, after a comment) is rendered; the tags themselves are masked below.
            lines.update(range(token.map[0], token.map[1]))
    return lines


def code_regions(text: str) -> list[tuple[int, int]]:
    """Half-open offset ranges of a Markdown text that are code (blocks and spans), where markup means nothing."""
    starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
    regions: list[tuple[int, int]] = []
    for token in _parser().parse(text):
        if token.type in ("fence", "code_block") and token.map:
            end_line = token.map[1]
            regions.append((starts[token.map[0]], starts[end_line] if end_line < len(starts) else len(text)))
    regions.extend(match.span() for match in CODE_SPAN.finditer(text))
    return regions


def _html_block_has_prose(content: str) -> bool:
    if RAW_HTML_BLOCK.match(content):
        return False
    return not (content.lstrip().startswith("<!--") and "-->" not in content)


def mask_markdown(text: str) -> str:
    """Mask everything in a Markdown text that is not prose, keeping offsets."""
    chars = list(text)
    prose_lines = _prose_lines(text)
    line_start = 0
    for index, line in enumerate(text.split("\n")):
        line_end = line_start + len(line)
        if index not in prose_lines:
            _blank(chars, line_start, line_end)
        else:
            _mask_block_syntax(chars, line, line_start)
        line_start = line_end + 1
    # Inline constructs can span lines inside one paragraph, so they are masked over the whole text;
    # code spans first, because nothing inside a code span is markup.
    for pattern in (CODE_SPAN, HTML_COMMENT, AUTOLINK, HTML_TAG, LINK_DESTINATION, REFERENCE_DEFINITION, URL, EMAIL):
        _blank_matches(chars, "".join(chars), pattern)
    current = "".join(chars)
    for pattern in (LINK_BRACKET, EMPHASIS, ESCAPE):
        _blank_matches(chars, current, pattern)
    return "".join(chars)


def _mask_block_syntax(chars: list[str], line: str, line_start: int) -> None:
    prefix = BLOCK_PREFIX.match(line)
    if prefix and prefix.end():
        _blank(chars, line_start, line_start + prefix.end())
        if "#" in prefix.group(0):
            close = HEADING_CLOSE.search(line)
            if close:
                _blank(chars, line_start + close.start(), line_start + close.end())
    if "|" in line:
        if TABLE_DELIMITER_ROW.match(line):
            _blank(chars, line_start, line_start + len(line))
            return
        for pipe in TABLE_PIPE.finditer(line):
            _blank(chars, line_start + pipe.start(), line_start + pipe.end())
