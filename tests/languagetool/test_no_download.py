"""pressqa never downloads LanguageTool by itself: the only hosts a run may reach are the ones it is given."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressqa.languagetool import open_backend


def test_auto_mode_without_an_install_skips_grammar_without_downloading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import language_tool_python.download_lt as download_lt

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a run must not download LanguageTool")

    monkeypatch.setattr(download_lt, "download_lt", refuse)
    env = {"LTP_PATH": str(tmp_path / "empty"), "PATH": "/usr/bin:/bin"}
    backend, reason = open_backend(None, "auto", env=env, cache_dir=tmp_path / "cache")
    assert backend is None
    assert reason is not None and "no LanguageTool install found" in reason
    assert "PRESSQA_LANGUAGETOOL_URL" in reason
