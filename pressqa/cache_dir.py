"""Where pressqa keeps what it remembers between runs (grammar results, checked files, loaded rules)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

CACHE_DIR_ENV = "PRESSQA_CACHE_DIR"
NO_CACHE_ENV = "PRESSQA_NO_CACHE"  # set to 1 to check every file afresh (as --no-cache does)


def default_cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """``PRESSQA_CACHE_DIR``, else platformdirs' user cache dir for pressqa."""
    env = os.environ if env is None else env
    if env.get(CACHE_DIR_ENV):
        return Path(env[CACHE_DIR_ENV])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("pressqa"))


def result_cache_dir(env: Mapping[str, str] | None = None) -> Path | None:
    """Where checked files' results are kept, or None when ``PRESSQA_NO_CACHE`` turns that off."""
    env = os.environ if env is None else env
    if env.get(NO_CACHE_ENV, "").strip() not in ("", "0"):
        return None
    return default_cache_dir(env)


FILE_RESULTS = "results"  # one pickle per rule set: findings of checked files (pressqa.result_cache)
PARSED_RULES = "rules"  # one pickle per set of rule files (pressqa.rule_cache)
PARSED_DATA = "data"  # one pickle per parsed data file content (the names register)
GRAMMAR_RESULTS = "languagetool-results.sqlite3"  # LanguageTool matches per paragraph


def clear_cache(folder: Path) -> int:
    """Remove the cached file results, parsed rules and data, and grammar results under a cache folder; count them.

    The warm LanguageTool server's state and lock files stay, so a running server is still found and stopped.
    """
    removed = 0
    for name in (FILE_RESULTS, PARSED_RULES, PARSED_DATA):
        subfolder = folder / name
        if subfolder.is_dir():
            for entry in subfolder.iterdir():
                entry.unlink(missing_ok=True)
                removed += 1
    for entry in folder.glob(GRAMMAR_RESULTS + "*"):  # the sqlite file and its journal
        entry.unlink(missing_ok=True)
        removed += 1
    return removed


STALE_AFTER = 14 * 24 * 3600  # seconds after which a cache file nobody wrote is removed (old versions, configs)


def load_pickle(file: Path) -> object | None:
    """A value kept by `store_pickle`, or None when the file is missing, damaged or foreign (only a cache miss)."""
    import pickle

    try:
        with open(file, "rb") as stored:
            return pickle.load(stored)
    except Exception:  # noqa: BLE001 - any failure to read a cache file is a miss, never an error
        return None


def store_pickle(file: Path, value: object) -> None:
    """Write a value to a cache file atomically, removing stale neighbours; a cache that cannot be written is no error."""
    import pickle
    import tempfile

    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, file)
        except BaseException:
            os.unlink(temporary)
            raise
        _remove_stale(file.parent, keep=file)
    except OSError:
        return


def _remove_stale(folder: Path, keep: Path) -> None:
    import time

    cutoff = time.time() - STALE_AFTER
    for entry in os.scandir(folder):
        if entry.path != str(keep) and entry.name.endswith(".pickle") and entry.stat().st_mtime < cutoff:
            try:
                os.unlink(entry.path)
            except OSError:
                pass
