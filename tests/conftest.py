"""Suite-wide test policy: tests marked `languagetool` need a real LanguageTool server.

Where `PRESSQA_LANGUAGETOOL_URL` is unset they are skipped with the reason, except
under CI (`CI=true`), where they must run: there they fail instead of skipping.
"""

from __future__ import annotations

import os

import pytest

URL_VARIABLE = "PRESSQA_LANGUAGETOOL_URL"


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("languagetool") is None or os.environ.get(URL_VARIABLE):
        return
    reason = f"{URL_VARIABLE} is not set: no real LanguageTool (bash .ci/languagetool.sh fetch && start)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"under CI the LanguageTool tests must run, but {reason}", pytrace=False)
    pytest.skip(reason)
