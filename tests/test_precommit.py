"""The pre-commit hook as a press office uses it: `pre-commit try-repo` against this repository's HEAD."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

BAD_RELEASE = "The delegation met met the ministers of Belarus and Russia.\n"
CLEAN_RELEASE = "The delegation met the ministers of Belarus and Russia.\n"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=pressqa tests", "-c", "user.email=tests@pressqa.invalid", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def _project(folder: Path, files: dict[str, str]) -> Path:
    """A throw-away git repository holding `files`, committed (pre-commit reads files from the index)."""
    folder.mkdir()
    _git(folder, "init", "-q")
    # Grammar off: the hook must not try to start or download LanguageTool inside a test.
    (folder / "pressqa.toml").write_text('[grammar]\nbackend = "off"\n', encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    _git(folder, "add", ".")
    _git(folder, "commit", "-q", "-m", "releases")
    return folder


def _try_repo(hook_repo: Path, project: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(cache), "PRE_COMMIT_COLOR": "never"}
    env.pop("PRESSQA_LANGUAGETOOL_URL", None)
    return subprocess.run(
        ["pre-commit", "try-repo", str(hook_repo), "pressqa", "--all-files"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.mark.slow
def test_pressqa_hook_fails_on_a_bad_release_and_passes_a_clean_one(tmp_path: Path) -> None:
    if shutil.which("pre-commit") is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout: try-repo needs a git repository with a commit")
    # A clone of HEAD: fast (no shadow repo of the working tree) and independent of uncommitted changes.
    hook_repo = tmp_path / "hook-repo"
    subprocess.run(["git", "clone", "-q", str(REPO), str(hook_repo)], check=True, capture_output=True)
    cache = tmp_path / "pre-commit-home"

    failing = _project(tmp_path / "failing", {"bad.txt": BAD_RELEASE, "clean.txt": CLEAN_RELEASE})
    result = _try_repo(hook_repo, failing, cache)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "bad.txt:1:16: error [words.doubled]" in output
    assert "clean.txt:" not in output

    passing = _project(tmp_path / "passing", {"clean.txt": CLEAN_RELEASE})
    result = _try_repo(hook_repo, passing, cache)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Passed" in output
