"""--fix: safe fixes only, one pass, never overlapping, written atomically in the file's own encoding."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from pressqa import fix as fix_module
from pressqa.document import Document
from pressqa.finding import Finding, Severity
from pressqa.fix import apply_fixes, encode, write_atomically
from tests.core.conftest import CliResult

SELECT = ("--select", "words,typography,translationese,numbers")


def finding(doc: Document, start: int, end: int, replacement: str, fixable: bool = True) -> Finding:
    return Finding.at(doc, "t.r", Severity.WARNING, start, end, "m", (replacement,), fixable)


def test_apply_fixes_replaces_spans_with_the_first_suggestion() -> None:
    doc = Document.from_text("a.txt", "one  two mln")
    fixed, count = apply_fixes(doc, [finding(doc, 3, 5, " "), finding(doc, 9, 12, "million")])
    assert (fixed, count) == ("one two million", 2)


def test_unsafe_suggestions_are_not_applied() -> None:
    doc = Document.from_text("a.txt", "1,5 million")
    fixed, count = apply_fixes(doc, [finding(doc, 0, 3, "1.5", fixable=False)])
    assert (fixed, count) == ("1,5 million", 0)


def test_finding_without_suggestion_is_never_fixable() -> None:
    doc = Document.from_text("a.txt", "abc")
    assert Finding.at(doc, "t.r", Severity.WARNING, 0, 1, "m", (), True).fixable is False


def test_overlapping_fixes_apply_only_the_first() -> None:
    doc = Document.from_text("a.txt", "abcdef")
    findings = [finding(doc, 2, 5, "X"), finding(doc, 0, 3, "Y"), finding(doc, 4, 6, "Z"), finding(doc, 5, 6, "W")]
    fixed, count = apply_fixes(doc, findings)
    assert (fixed, count) == ("YdZ", 2)  # (2, 5) overlaps (0, 3); (5, 6) overlaps (4, 6)


def test_touching_fixes_both_apply() -> None:
    doc = Document.from_text("a.txt", "abcd")
    assert apply_fixes(doc, [finding(doc, 2, 4, "Y"), finding(doc, 0, 2, "X")]) == ("XY", 2)


def test_two_insertions_at_one_place_apply_once() -> None:
    doc = Document.from_text("a.txt", "ab")
    assert apply_fixes(doc, [finding(doc, 1, 1, "-"), finding(doc, 1, 1, "+")]) == ("a-b", 1)


def test_encode_keeps_bom_and_crlf() -> None:
    doc = Document.from_bytes("a.txt", b"\xef\xbb\xbfone\r\ntwo\r\n")
    assert encode(doc, "one\nTWO\n") == b"\xef\xbb\xbfone\r\nTWO\r\n"
    plain = Document.from_bytes("b.txt", b"one\ntwo\n")
    assert encode(plain, "one\nTWO\n") == b"one\nTWO\n"


def test_write_atomically_keeps_mode_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomically(path, b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["r.txt"]


def test_failed_write_leaves_the_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"old")

    def refuse(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fix_module.os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomically(path, b"new")
    assert path.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["r.txt"]


# Through the CLI

DEFECTS = "Talks were held in in Minsk.\nExports reached 85 mln  dollars, up 2,6 per cent.\n"
FIXED = "Talks were held in Minsk.\nExports reached 85 million dollars, up 2,6 per cent.\n"


def test_fix_writes_safe_fixes_and_a_second_run_changes_nothing(
    write: Callable[..., Path], cli: Callable[..., CliResult], workdir: Path
) -> None:
    path = write("r.txt", DEFECTS)
    path.chmod(0o604)
    first = cli("check", "--fix", *SELECT, "r.txt")
    assert first.exit_code == 1  # a file changed
    assert path.read_text(encoding="utf-8") == FIXED
    assert "fixed 1 file" in first.stderr
    # what is left after the fix is reported: the unsafe decimal comma
    assert first.stdout.splitlines() == [
        "r.txt:2:40: warning [numbers.decimal-comma] Decimal comma in '2,6'; English uses a decimal point"
        " (did you mean '2.6'?)"
    ]
    assert stat.S_IMODE(path.stat().st_mode) == 0o604
    assert sorted(os.listdir(workdir)) == ["r.txt"]

    before = path.read_bytes()
    second = cli("check", "--fix", *SELECT, "r.txt")
    assert path.read_bytes() == before
    assert second.exit_code == 1  # the decimal comma is still a warning
    assert "fixed" not in second.stderr
    assert cli("check", "--fix", "--select", "words,typography", "r.txt").exit_code == 0


def test_fix_keeps_bom_and_crlf(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    path = write("r.txt", b"\xef\xbb\xbf" + DEFECTS.replace("\n", "\r\n").encode("utf-8"))
    assert cli("check", "--fix", *SELECT, "r.txt").exit_code == 1
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode("utf-8")
    again = path.read_bytes()
    cli("check", "--fix", *SELECT, "r.txt")
    assert path.read_bytes() == again


def test_fix_in_markdown_leaves_code_alone(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    text = "# In in title\n\n```\nin in code\n```\n\nSee `5 mln` and 5 mln dollars.\n"
    path = write("r.md", text)
    cli("check", "--fix", *SELECT, "r.md")
    assert path.read_text(encoding="utf-8") == "# In title\n\n```\nin in code\n```\n\nSee `5 mln` and 5 million dollars.\n"


def test_fix_without_fixable_findings_does_not_touch_the_file(
    write: Callable[..., Path], cli: Callable[..., CliResult]
) -> None:
    path = write("r.txt", "Up 2,6 per cent.\n")
    os.utime(path, (1_000_000_000, 1_000_000_000))
    result = cli("check", "--fix", *SELECT, "r.txt")
    assert result.exit_code == 1
    assert path.stat().st_mtime == 1_000_000_000
    assert "fixed" not in result.stderr


def test_fix_on_stdin_writes_nothing(cli: Callable[..., CliResult], workdir: Path) -> None:
    result = cli("check", "--fix", *SELECT, "-", stdin=DEFECTS)
    assert os.listdir(workdir) == []
    assert result.exit_code == 1
    assert [line.split(" ")[0] for line in result.stdout.splitlines()] == ["-:1:17:", "-:2:20:", "-:2:23:", "-:2:37:"]


def test_fix_output_positions_refer_to_the_fixed_file(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    write("r.txt", "in in in 2,6 per cent\n")
    result = cli("check", "--fix", *SELECT, "r.txt")
    assert (Path("r.txt")).read_text(encoding="utf-8") == "in in 2,6 per cent\n"
    assert [line.split(" [")[0] for line in result.stdout.splitlines()] == [
        "r.txt:1:1: error",
        "r.txt:1:7: warning",
    ]


def test_fix_keeps_mixed_line_endings_line_by_line(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    path = write("mixed.txt", b"Talks in in Minsk.\r\nA second line.\nThe the end.\r\n")
    assert cli("check", "--fix", "--select", "words", "mixed.txt").exit_code == 1
    assert path.read_bytes() == b"Talks in Minsk.\r\nA second line.\nThe end.\r\n"
