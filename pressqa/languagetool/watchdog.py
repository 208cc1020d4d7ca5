"""Idle watchdog for the warm local LanguageTool server, plus process helpers.

Run detached as ``python .../watchdog.py --state FILE --pid PID --idle SECONDS``
(or ``python -m pressqa.languagetool.watchdog``). Every pressqa run that uses
the server touches the state file; when its modification time is older than
the idle timeout the watchdog stops the server and removes the state file.
It exits on its own when the server dies or is replaced.

This module imports nothing from pressqa, so it can run by file path without
importing the package.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

__all__ = [
    "file_lock",
    "is_languagetool",
    "is_watchdog",
    "main",
    "pid_alive",
    "remove_state",
    "stop_pid",
]

SERVER_CLASS = b"org.languagetool.server.HTTPServer"


@contextlib.contextmanager
def file_lock(path: Path, timeout: float) -> Iterator[None]:
    """Hold an exclusive fcntl lock on ``path``; TimeoutError after ``timeout`` s."""
    import fcntl  # POSIX only; imported here so the URL backend still loads on Windows

    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise TimeoutError(f"lock {path} held for more than {timeout:g} s") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def pid_alive(pid: int) -> bool:
    """True when ``pid`` is a running (not zombie) process."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    # The state letter follows the parenthesised command name.
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


def is_languagetool(pid: int) -> bool:
    """True when ``pid`` runs LanguageTool's HTTP server (guards against pid reuse)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return False
    except OSError:
        return pid_alive(pid)  # no /proc (macOS): trust the pid
    return SERVER_CLASS in cmdline


def is_watchdog(pid: int) -> bool:
    """True when ``pid`` runs this watchdog."""
    try:
        return b"watchdog" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return False
    except OSError:
        return pid_alive(pid)


def stop_pid(pid: int, grace: float = 5.0) -> None:
    """SIGTERM ``pid``, then SIGKILL if it is still alive after ``grace`` s."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 2.0)):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if not pid_alive(pid):
                return
            time.sleep(0.05)


def read_state(path: Path) -> dict[str, object] | None:
    """The state file's JSON object, or None if it is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def remove_state(path: Path, pid: int) -> None:
    """Delete the state file if it still describes server ``pid``."""
    state = read_state(path)
    if state is not None and state.get("pid") == pid:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()



def _idle_seconds(state_path: Path) -> float | None:
    """Seconds since a run last touched the state file, or None when it is gone."""
    try:
        return time.time() - state_path.stat().st_mtime
    except FileNotFoundError:
        return None


def watch(state_path: Path, lock_path: Path, server_pid: int, idle_timeout: float) -> str:
    """Block until the server is gone or idle (then stop it); return why."""
    interval = min(60.0, max(0.5, idle_timeout / 10))
    while True:
        time.sleep(interval)
        if not pid_alive(server_pid):
            with file_lock(lock_path, 30):
                remove_state(state_path, server_pid)
            return "server exited"
        state = read_state(state_path)
        if state is None or state.get("pid") != server_pid:
            return "server replaced"
        idle = _idle_seconds(state_path)
        if idle is None:
            return "state removed"
        if idle < idle_timeout:
            continue
        with file_lock(lock_path, 30):
            idle = _idle_seconds(state_path)  # a run may have touched the state while we waited for the lock
            if idle is None:
                return "state removed"
            if idle < idle_timeout:
                continue
            if is_languagetool(server_pid):
                stop_pid(server_pid)
            remove_state(state_path, server_pid)
        return "idle timeout"


def main(argv: list[str] | None = None) -> int:
    """Entry point of the detached watchdog process."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--state", type=Path, required=True)
    parser.add_argument("--lock", type=Path, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--idle", type=float, required=True)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        watch(args.state, args.lock, args.pid, args.idle)
    except (OSError, TimeoutError):
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
