"""The command line: commands, options, output formats, exit codes, input errors, stdin."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.core.conftest import CliResult, Row

SELECT = ("--select", "words,typography,translationese,numbers")
DEFECTS = "Talks were held in in Minsk.\nExports: 5 mln  dollars.\n"
# words.doubled 1:17 (error), translationese.abbreviations 2:12, typography.double-space 2:15 (warnings)


def test_text_output_is_sorted_by_path_and_position(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    write("b.txt", DEFECTS)
    write("a.txt", "Fine.\nAnd 3 mln here, 4 mln there.\n")
    result = cli("check", *SELECT, "b.txt", "a.txt")
    assert result.exit_code == 1
    assert [line.split(" [")[0] for line in result.stdout.splitlines()] == [
        "a.txt:2:7: warning",
        "a.txt:2:19: warning",
        "b.txt:1:17: error",
        "b.txt:2:12: warning",
        "b.txt:2:15: warning",
    ]
    assert result.stdout.splitlines()[2] == "b.txt:1:17: error [words.doubled] 'in' is doubled"
    assert result.stdout.splitlines()[0].startswith(
        "a.txt:2:7: warning [translationese.abbreviations] 'mln' is Russian-style shorthand; write 'million'"
    )
    assert result.stderr.strip() == "pressqa: 1 error, 4 warnings in 2 files (5 fixable with --fix)"


def test_quiet_drops_the_summary(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    write("a.txt", DEFECTS)
    result = cli("check", "--quiet", *SELECT, "a.txt")
    assert result.exit_code == 1
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 3
    assert cli("check", "-q", *SELECT, "a.txt").stderr == ""


def test_clean_file_exits_0(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    write("a.txt", "Talks were held in Minsk.\n")
    result = cli("check", *SELECT, "a.txt")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.strip() == "pressqa: no findings in 1 file"


def test_fail_on_and_min_severity(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    write("a.txt", "Exports: 5 mln dollars.\n")  # one warning
    assert cli("check", *SELECT, "a.txt").exit_code == 1
    assert cli("check", *SELECT, "--fail-on", "error", "a.txt").exit_code == 0
    assert cli("check", *SELECT, "--fail-on", "ERROR", "a.txt").exit_code == 0
    hidden = cli("check", *SELECT, "--min-severity", "error", "a.txt")
    assert (hidden.exit_code, hidden.stdout) == (0, "")
    write("b.txt", "a 5 bn rubles contract\n")  # a suggestion, off by default
    on = ("--extend-select", "translationese.bn-with-currency-word")
    assert cli("check", *SELECT, *on, "b.txt").stdout == ""  # suggestions are below the default report level
    shown = cli("check", *SELECT, *on, "--min-severity", "suggestion", "b.txt")
    assert (shown.exit_code, len(shown.stdout.splitlines())) == (0, 1)  # reported, but below the fail level
    failing = cli("check", *SELECT, *on, "--min-severity", "suggestion", "--fail-on", "suggestion", "b.txt")
    assert failing.exit_code == 1


def test_bad_option_value_is_a_usage_error(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    write("a.txt", "x\n")
    assert cli("check", "--format", "xml", "a.txt").exit_code == 2
    assert cli("check", "--fail-on", "fatal", "a.txt").exit_code == 2
    assert cli("check", "--no-such-option", "a.txt").exit_code == 2
    assert cli("check", "--config", "absent.toml", "a.txt").exit_code == 2


def test_unreadable_files_are_named_and_the_others_still_checked(
    write: Callable[..., Path], cli: Callable[..., CliResult]
) -> None:
    write("a_cp1251.txt", "Talks in in Minsk. Привет".encode("cp1251"))
    write("b_binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write("c_good.txt", DEFECTS)
    result = cli("check", *SELECT, "a_cp1251.txt", "b_binary.txt", "c_good.txt", "d_missing.txt")
    assert result.exit_code == 2
    assert [line.split(" [")[0] for line in result.stdout.splitlines()] == [
        "c_good.txt:1:17: error",
        "c_good.txt:2:12: warning",
        "c_good.txt:2:15: warning",
    ]
    errors = [line for line in result.stderr.splitlines() if line.startswith("pressqa: error:")]
    assert errors == [
        "pressqa: error: a_cp1251.txt: not valid UTF-8 (byte 0xcf at offset 19); save the file as UTF-8",
        "pressqa: error: b_binary.txt: binary file (contains NUL bytes)",
        "pressqa: error: d_missing.txt: No such file or directory",
    ]
    assert result.stderr.splitlines()[-1].endswith("in 1 file (3 fixable with --fix); 3 files could not be checked")


def test_folders_are_walked_for_txt_and_md(write: Callable[..., Path], findings: Callable[..., list[Row]]) -> None:
    write("news/b.md", "# Talks in in Minsk\n")
    write("news/a.txt", "Talks in in Minsk.\n")
    write("news/sub/c.markdown", "Talks in in Minsk.\n")
    write("news/skip.docx.bak", "Talks in in Minsk.\n")
    write("news/.hidden/d.txt", "Talks in in Minsk.\n")
    write("news/image.png", b"\x89PNG\x00")
    assert findings("--select", "words", "news") == [
        ("news/a.txt", 1, 7, "error", "words.doubled"),
        ("news/b.md", 1, 9, "error", "words.doubled"),
        ("news/sub/c.markdown", 1, 7, "error", "words.doubled"),
    ]


def test_stdin_is_checked_as_dash(cli: Callable[..., CliResult]) -> None:
    result = cli("check", *SELECT, "-", stdin="\ufeffTalks in in Minsk.\r\nExports: 5 mln dollars.\r\n".encode("utf-8"))
    assert result.exit_code == 1
    assert [line.split(" [")[0] for line in result.stdout.splitlines()] == ["-:1:7: error", "-:2:12: warning"]


def test_stdin_that_is_not_utf8_is_an_input_error(cli: Callable[..., CliResult]) -> None:
    result = cli("check", *SELECT, "-", stdin="Привет".encode("cp1251"))
    assert result.exit_code == 2
    assert "pressqa: error: -: not valid UTF-8" in result.stderr


def test_json_format(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    write("a.txt", DEFECTS)
    write("bad.txt", b"\xff\xfe\xfa")
    result = cli("check", "--format", "json", *SELECT, "a.txt", "bad.txt")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert data["findings"][0] == {
        "path": "a.txt",
        "line": 1,
        "column": 17,
        "end_line": 1,
        "end_column": 22,
        "rule": "words.doubled",
        "severity": "error",
        "message": "'in' is doubled",
        "suggestions": ["in"],
        "fixable": True,
    }
    assert [(f["line"], f["column"], f["rule"]) for f in data["findings"][1:]] == [
        (2, 12, "translationese.abbreviations"),
        (2, 15, "typography.double-space"),
    ]
    assert [e["path"] for e in data["errors"]] == ["bad.txt"]


def test_json_output_is_valid_with_no_findings(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    write("a.txt", "Fine.\n")
    assert json.loads(cli("check", "--format", "json", *SELECT, "a.txt").stdout)["findings"] == []


def test_sarif_format(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    write("a.txt", DEFECTS)
    data = json.loads(cli("check", "--format", "sarif", *SELECT, "a.txt").stdout)
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    assert run["tool"]["driver"]["name"] == "pressqa"
    assert run["columnKind"] == "unicodeCodePoints"
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    first = run["results"][0]
    assert first["ruleId"] == "words.doubled"
    assert rule_ids[first["ruleIndex"]] == "words.doubled"
    assert first["level"] == "error"
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.txt"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": 17,
        "endLine": 1,
        "endColumn": 22,
    }
    assert [r["level"] for r in run["results"]] == ["error", "warning", "warning"]


def test_github_format(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    write("a, b.txt", "Talks in in Minsk.\n")
    result = cli("check", "--format", "github", "--select", "words", "a, b.txt")
    assert result.stdout.splitlines() == [
        "::error file=a%2C b.txt,line=1,col=7,endLine=1,endColumn=12,title=pressqa words.doubled::"
        "'in' is doubled (did you mean 'in'?)"
    ]


def test_rules_lists_every_rule(cli: Callable[..., CliResult]) -> None:
    result = cli("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    ids = [line.split()[0] for line in lines]
    assert ids == sorted(ids)
    assert {"words.doubled", "typography.double-space", "translationese.abbreviations"} <= set(ids)
    doubled = next(line for line in lines if line.startswith("words.doubled "))
    assert doubled.split()[1:3] == ["repetition", "error"]
    assert "A word written twice in a row." in doubled
    assert "(off by default)" in next(line for line in lines if line.startswith("translationese.bn-with-currency-word"))


def test_explain_prints_description_and_examples(cli: Callable[..., CliResult]) -> None:
    result = cli("explain", "words.doubled")
    assert result.exit_code == 0
    assert result.stdout.startswith("words.doubled  (repetition, error)\n\nA word written twice in a row.")
    assert "Why it matters:" in result.stdout
    assert "  - Talks were held in in Minsk.\n    fixed: Talks were held in Minsk." in result.stdout
    assert "Not flagged:" in result.stdout
    assert "Defined in: " in result.stdout and result.stdout.rstrip().endswith("doubled.yaml")


def test_explain_unknown_rule_exits_2(cli: Callable[..., CliResult]) -> None:
    result = cli("explain", "words.nonexistent")
    assert result.exit_code == 2
    assert result.stderr.strip() == "pressqa: error: no rule 'words.nonexistent'; `pressqa rules` lists them"
    assert result.stdout == ""


def test_version_and_help(cli: Callable[..., CliResult]) -> None:
    assert cli("--version").stdout.startswith("pressqa, version ")
    assert "--fail-on" in cli("check", "--help").stdout


def test_python_dash_m_pressqa(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Talks in in Minsk.\n", encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "pressqa", "check", "--select", "words", "a.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1
    assert completed.stdout == "a.txt:1:7: error [words.doubled] 'in' is doubled\n"
    assert completed.stderr.strip() == "pressqa: 1 error in 1 file (1 fixable with --fix)"
