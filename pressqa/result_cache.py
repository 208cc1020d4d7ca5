"""Findings of unchanged files kept between runs, so a repeat run only checks what changed.

A cache file belongs to one rule set: its name is a fingerprint of everything findings depend on
besides the file itself (pressqa's code, the rule files and their data, the config, the selection).
Inside, each file is known by its absolute path and the digest of its bytes. What the cross-file
kinds observed in a file is kept with its findings, so consistency across releases still sees every
release; and the cross-file findings of the last run are kept under a digest of all its files.
Kinds whose findings depend on more than this (grammar, through a server) are never cached.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import pickle
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pressqa import __version__
from pressqa.cache_dir import load_pickle, store_pickle
from pressqa.finding import Finding
from pressqa.suppression import Silence

FORMAT = 1  # bump when what is stored changes shape
MAX_FILES = 20_000  # entries kept per rule set; the oldest go first
# Installed packages whose data or behaviour findings depend on (the dictionary, folding, fuzzy distances,
# Markdown parsing): upgrading one must not serve results computed with the old one.
DEPENDENCIES = ("spellchecker", "anyascii", "rapidfuzz", "markdown_it", "mdit_py_plugins")
SMALL_FILE = 65_536  # bytes up to which a file's fingerprint is its content


def digest(data: bytes) -> str:
    """The digest a file's bytes are known by."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def source_fingerprint(folders: Iterable[Path]) -> str:
    """A digest of pressqa's own code and of every file under some folders (names and contents).

    The code is included so that an upgrade or a local change never serves old results.
    """
    hasher = hashlib.blake2b(_code_stamp().encode(), digest_size=16)
    for folder in folders:
        hasher.update(_folder_stamp(folder))
    return hasher.hexdigest()


@functools.lru_cache(maxsize=1)
def _code_stamp() -> str:
    # pressqa's code and the packages it depends on: the same for every rule set of a process.
    hasher = hashlib.blake2b(digest_size=16)
    for part in (f"format {FORMAT}", f"pressqa {__version__}", sys.version):
        hasher.update(part.encode() + b"\0")
    for package in DEPENDENCIES:
        hasher.update(f"{package} {_package_stamp(package)}".encode() + b"\0")
    hasher.update(_folder_stamp(Path(__file__).parent))
    return hasher.hexdigest()


def _folder_stamp(folder: Path) -> bytes:
    stamp = [os.fsencode(folder) + (b"\0folder\0" if folder.is_dir() else b"\0missing\0")]
    stamp.extend(os.fsencode(path) + b"\0" + _file_stamp(path) for path in _files_under(folder))
    return b"".join(stamp)


def _file_stamp(path: str) -> bytes:
    # Small files (rules, code) by content, since an edit can keep size and timestamp; big data files
    # (the misspelling list) by size, time and inode, which is what keeps start-up short.
    try:
        status = os.stat(path)
        if status.st_size > SMALL_FILE:
            return f"{status.st_size} {status.st_mtime_ns} {status.st_ino}".encode()
        with open(path, "rb") as file:
            return file.read()
    except OSError:
        return b"\1unreadable"


def settings_fingerprint(parts: Iterable[str]) -> str:
    """A digest of settings written out as text (a source fingerprint, a config, a selection)."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return hasher.hexdigest()


def _package_stamp(name: str) -> str:
    # Where an installed package lives and when it was written: an upgrade changes one or the other.
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return "absent"
    try:
        status = os.stat(spec.origin)
    except OSError:
        return spec.origin
    return f"{spec.origin} {status.st_size} {status.st_mtime_ns}"


def _files_under(folder: Path) -> list[str]:
    found: list[str] = []
    for root, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__" and not d.startswith("."))
        found.extend(os.path.join(root, name) for name in sorted(names) if not name.endswith((".pyc", ".pyo")))
    return found


@dataclass(frozen=True)
class CachedFile:
    """What checking one file gave, as long as its bytes stay the same."""

    path: str  # as the run named it: findings and cross-file observations carry it
    digest: str
    findings: tuple[Finding, ...]
    # What the cross-file kinds observed, pickled apart: unpickling it needs their modules, and a run whose
    # files are all unchanged never looks at it.
    observations: bytes
    silences: tuple[Silence, ...]

    @classmethod
    def of(
        cls, path: str, data_digest: str, findings: Iterable[Finding], states: dict[str, object],
        silences: Iterable[Silence],
    ) -> CachedFile:
        """An entry for a file just checked."""
        observations = pickle.dumps(states, protocol=pickle.HIGHEST_PROTOCOL)
        return cls(path, data_digest, tuple(findings), observations, tuple(silences))

    def states(self) -> dict[str, object]:
        """What the cross-file kinds observed in the file."""
        states: dict[str, object] = pickle.loads(self.observations)
        return states


class ResultCache:
    """One run's view of one rule set's cache file: read at the first look-up, written once at the end."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self._entries: dict[str, CachedFile] | None = None
        self._finish: tuple[str, tuple[Finding, ...]] | None = None
        self._changed = False

    def get(self, path: str, data_digest: str) -> CachedFile | None:
        """The cached result of a file, if its bytes and the name it was given are the same as then."""
        entry = self._load().get(os.path.abspath(path))
        if entry is None or entry.digest != data_digest or entry.path != path:
            return None
        return entry

    def put(self, entry: CachedFile) -> None:
        """Remember a file's result (the newest entry moves to the end, the oldest are dropped first)."""
        entries = self._load()
        key = os.path.abspath(entry.path)
        entries.pop(key, None)
        entries[key] = entry
        self._changed = True

    def finish_findings(self, files: Sequence[tuple[str, str]]) -> list[Finding] | None:
        """The cross-file findings of the last run, if it checked exactly these (path, digest) files."""
        self._load()
        if self._finish is None or self._finish[0] != _run_key(files):
            return None
        return list(self._finish[1])

    def put_finish(self, files: Sequence[tuple[str, str]], findings: Iterable[Finding]) -> None:
        """Remember the cross-file findings of a run over these (path, digest) files."""
        self._load()
        self._finish = (_run_key(files), tuple(findings))
        self._changed = True

    def save(self) -> None:
        """Write the cache file atomically if anything changed."""
        if not self._changed or self._entries is None:
            return
        entries = self._entries
        while len(entries) > MAX_FILES:
            del entries[next(iter(entries))]
        store_pickle(self.file, (FORMAT, entries, self._finish))
        self._changed = False

    def _load(self) -> dict[str, CachedFile]:
        if self._entries is None:
            self._entries = {}
            stored = load_pickle(self.file)
            if isinstance(stored, tuple) and len(stored) == 3 and stored[0] == FORMAT:
                self._entries, self._finish = stored[1], stored[2]
        return self._entries


def _run_key(files: Sequence[tuple[str, str]]) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for path, data_digest in files:
        hasher.update(os.fsencode(os.path.abspath(path)) + b"\0" + path.encode("utf-8", "surrogateescape"))
        hasher.update(b"\0" + data_digest.encode("ascii") + b"\n")
    return hasher.hexdigest()
