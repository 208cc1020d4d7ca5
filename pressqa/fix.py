"""Safe fixes: apply the first suggestion of fixable findings, never overlapping, and write files atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pressqa.document import Document
from pressqa.finding import Finding


def apply_fixes(doc: Document, findings: Iterable[Finding]) -> tuple[str, int]:
    """The document text with every safe fix applied once; a fix overlapping an earlier one waits for a later run."""
    chosen: list[Finding] = []
    last_end = -1
    for finding in sorted((f for f in findings if f.fixable and f.suggestions), key=lambda f: (f.start, f.end)):
        if finding.start >= last_end and (finding.start > last_end or finding.start != finding.end):
            chosen.append(finding)
            last_end = max(finding.end, finding.start + 1 if finding.start == finding.end else finding.end)
    pieces: list[str] = []
    cursor = 0
    for finding in chosen:
        pieces.append(doc.text[cursor : finding.start])
        pieces.append(finding.suggestions[0])
        cursor = finding.end
    pieces.append(doc.text[cursor:])
    return "".join(pieces), len(chosen)


def encode(doc: Document, text: str) -> bytes:
    """Text back to bytes the way the file was stored: same BOM, same line endings."""
    mixed = doc.encoding.crlf_lines
    if mixed is not None and text.count("\n") == doc.text.count("\n"):
        lines = text.split("\n")
        text = "".join(line + ("\r\n" if i in mixed else "\n") for i, line in enumerate(lines[:-1])) + lines[-1]
    elif doc.encoding.newline != "\n":
        text = text.replace("\n", doc.encoding.newline)
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if doc.encoding.bom else data


def write_atomically(path: Path, data: bytes) -> None:
    """Replace a file's bytes in one step (temporary file in the same folder, then rename), keeping its mode."""
    mode = path.stat().st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".pressqa-tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
