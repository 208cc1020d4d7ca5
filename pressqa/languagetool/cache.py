"""Per-paragraph LanguageTool result cache on disk (sqlite3, WAL).

A key covers everything that changes LanguageTool's answer: the exact payload
sent (plain text or AnnotatedText JSON), the language, the rule/category
options and level, and the server's version and build. Only successful
results are ever stored. Several pressqa processes may share one file: WAL
mode plus a busy timeout serialise the writers. Any sqlite failure turns the
cache into a no-op for the rest of the run instead of failing the check.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from .client import Match

__all__ = ["CACHE_FORMAT", "ResultCache", "cache_key"]

# Bump when the stored shape of a Match (or the key recipe) changes.
CACHE_FORMAT = 1
_PRUNE_AFTER_SECONDS = 60 * 24 * 3600


def cache_key(payload: str, language: str, options_key: str, server_fingerprint: str) -> str:
    """The sha256 key of one paragraph check."""
    blob = json.dumps(
        [CACHE_FORMAT, server_fingerprint, language, options_key, payload],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


class ResultCache:
    """Stores the matches of checked paragraphs, keyed by :func:`cache_key`.

    Use from one thread (the backend reads and writes from its calling thread).
    """

    def __init__(self, path: Path, *, busy_timeout: float = 10.0) -> None:
        self.path = path
        self._busy_timeout = busy_timeout
        self._connection: sqlite3.Connection | None = None
        self._broken = False
        self.last_error: str | None = None

    def get_many(self, keys: Iterable[str]) -> dict[str, list[Match]]:
        """The cached matches of every key that is present."""
        wanted = list(dict.fromkeys(keys))
        connection = self._connect()
        if connection is None or not wanted:
            return {}
        found: dict[str, list[Match]] = {}
        try:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT key, matches FROM results WHERE key IN ({marks})", chunk
                ).fetchall()
                for key, blob in rows:
                    found[key] = [Match.from_dict(item) for item in json.loads(blob)]
            if found:
                now = int(time.time())
                with connection:
                    connection.executemany(
                        "UPDATE results SET used = ? WHERE key = ?", [(now, k) for k in found]
                    )
        except (sqlite3.Error, ValueError, TypeError) as error:
            self._disable(error)
            return {}
        return found

    def put_many(self, results: Mapping[str, Sequence[Match]]) -> None:
        """Store successful results (never call this with a failed check)."""
        connection = self._connect()
        if connection is None or not results:
            return
        now = int(time.time())
        rows = [
            (key, json.dumps([m.to_dict() for m in matches], ensure_ascii=False), now)
            for key, matches in results.items()
        ]
        try:
            with connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO results (key, matches, used) VALUES (?, ?, ?)", rows
                )
        except sqlite3.Error as error:
            self._disable(error)

    def server_info(self, url: str, max_age: float) -> dict[str, str] | None:
        """What the server at `url` said about itself, if it said so less than `max_age` seconds ago."""
        connection = self._connect()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT info, checked FROM servers WHERE url = ?", (url,)).fetchone()
            if row is None or time.time() - row[1] > max_age:
                return None
            info = json.loads(row[0])
        except (sqlite3.Error, ValueError) as error:
            self._disable(error)
            return None
        return info if isinstance(info, dict) else None

    def remember_server(self, url: str, info: Mapping[str, str]) -> None:
        """Note what the server at `url` said about itself (its version keys the results)."""
        connection = self._connect()
        if connection is None:
            return
        try:
            with connection:
                connection.execute(
                    "INSERT OR REPLACE INTO servers (url, info, checked) VALUES (?, ?, ?)",
                    (url, json.dumps(dict(info)), int(time.time())),
                )
        except sqlite3.Error as error:
            self._disable(error)

    def clear(self) -> None:
        """Remove every entry."""
        connection = self._connect()
        if connection is None:
            return
        try:
            with connection:
                connection.execute("DELETE FROM results")
        except sqlite3.Error as error:
            self._disable(error)

    def close(self) -> None:
        """Close the database connection."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _connect(self) -> sqlite3.Connection | None:
        if self._connection is not None or self._broken:
            return self._connection
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=self._busy_timeout)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            with connection:
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS results ("
                    " key TEXT PRIMARY KEY, matches TEXT NOT NULL, used INTEGER NOT NULL)"
                )
                connection.execute("CREATE INDEX IF NOT EXISTS results_used ON results(used)")
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS servers ("
                    " url TEXT PRIMARY KEY, info TEXT NOT NULL, checked INTEGER NOT NULL)"
                )
                connection.execute(
                    "DELETE FROM results WHERE used < ?",
                    (int(time.time()) - _PRUNE_AFTER_SECONDS,),
                )
        except (sqlite3.Error, OSError) as error:
            self._disable(error)
            return None
        self._connection = connection
        return connection

    def _disable(self, error: BaseException) -> None:
        self._broken = True
        self.last_error = f"result cache {self.path} disabled: {error}"
        self.close()
