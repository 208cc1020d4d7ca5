"""Shared helpers for the core tests: files in a temporary folder, and the CLI run in-process."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressqa import loader
from pressqa.cli import main
from pressqa.rule import Rule

@dataclass
class CliResult:
    """What one `pressqa` invocation printed and returned."""

    exit_code: int
    stdout: str
    stderr: str


_PARSED_RULES: dict[tuple[str, int, int], Rule] = {}


@pytest.fixture(autouse=True)
def parse_each_rule_file_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reuse parsed rule files across the in-process CLI runs (keyed by path, mtime and size), so the suite stays fast."""
    original = loader.load_rule

    def cached(path: Path) -> Rule:
        status = path.stat()
        key = (str(path), status.st_mtime_ns, status.st_size)
        if key not in _PARSED_RULES:
            _PARSED_RULES[key] = original(path)
        return _PARSED_RULES[key]

    monkeypatch.setattr(loader, "load_rule", cached)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty current folder with no config file above it that the test did not write."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def write(workdir: Path) -> Callable[..., Path]:
    """Write text (or bytes) to a file under the working folder, creating folders on the way."""

    def _write(relative: str, content: str | bytes) -> Path:
        path = workdir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
        return path

    return _write


@pytest.fixture
def cli(workdir: Path) -> Callable[..., CliResult]:
    """Run `pressqa ARGS…` in-process; stdin text may be given."""

    def _run(*args: str, stdin: str | bytes | None = None) -> CliResult:
        result = CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return _run


Row = tuple[str, int, int, str, str]


@pytest.fixture
def findings(cli: Callable[..., CliResult]) -> Callable[..., list[Row]]:
    """Run `pressqa check --format json ARGS…` and return (path, line, column, severity, rule) rows."""

    def _run(*args: str, stdin: str | bytes | None = None) -> list[Row]:
        result = cli("check", "--format", "json", *args, stdin=stdin)
        assert result.exit_code in (0, 1), result.stderr
        data = json.loads(result.stdout)
        return [(f["path"], f["line"], f["column"], f["severity"], f["rule"]) for f in data["findings"]]

    return _run
