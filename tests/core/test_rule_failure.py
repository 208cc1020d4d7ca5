"""A rule that raises an error costs only its own findings: no traceback, a clear error, exit 2."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressqa.cli import main
from pressqa.document import Document
from pressqa.finding import Finding
from pressqa.kinds.quotes import QuotesKind


def test_a_failing_rule_is_reported_and_the_other_rules_still_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: QuotesKind, doc: Document) -> Iterable[Finding]:
        raise RuntimeError("boom")

    monkeypatch.setattr(QuotesKind, "check", broken)
    release = tmp_path / "release.txt"
    release.write_text("Talks were held in in Minsk.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--select", "words,quotes", str(release)])
    assert result.exit_code == 2
    assert f"{release}:1:17: error [words.doubled]" in result.stdout
    assert "rule quotes.mixed failed (RuntimeError: boom)" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
