"""Suite-wide test policy: a private cache folder per test; tests marked `languagetool` need a real LanguageTool server.

Where `PRESSQA_LANGUAGETOOL_URL` is unset they are skipped with the reason, except
under CI (`CI=true`), where they must run: there they fail instead of skipping.
"""

from __future__ import annotations

import os

import pytest

URL_VARIABLE = "PRESSQA_LANGUAGETOOL_URL"


@pytest.fixture(autouse=True)
def private_cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with its own empty cache folder: none reads another test's results, or the user's."""
    monkeypatch.setenv("PRESSQA_CACHE_DIR", str(tmp_path_factory.mktemp("pressqa-cache")))
    monkeypatch.delenv("PRESSQA_NO_CACHE", raising=False)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("languagetool") is None or os.environ.get(URL_VARIABLE):
        return
    reason = f"{URL_VARIABLE} is not set: no real LanguageTool (bash .ci/languagetool.sh fetch && start)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"under CI the LanguageTool tests must run, but {reason}", pytrace=False)
    pytest.skip(reason)
