"""Fixtures for the LanguageTool backend tests.

* ``replay_server``: a small loopback HTTP server (lthelpers.py) that answers with recorded
  real LanguageTool responses (tests/data/languagetool/*.json) or with the
  faults a test asks for (garbage, HTTP errors, slowness, dropped
  connections). For unit tests of our own mapping and fault handling only.
* ``lt_url`` / ``lt_home``: the real LanguageTool server and install given by
  ``PRESSQA_LANGUAGETOOL_URL`` / ``PRESSQA_LANGUAGETOOL_HOME``. Missing, the
  test is skipped with the reason, except under CI (``CI=true``), where it
  fails: CI must run them.
* ``own_lt_server``: a real LanguageTool server of the test's own on a free
  port (for the kill test), started from ``lt_home``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from lthelpers import ReplayServer


@pytest.fixture
def replay_server() -> Iterator[ReplayServer]:
    server = ReplayServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# -- the real LanguageTool -----------------------------------------------------


def _required(variable: str) -> str:
    value = os.environ.get(variable)
    if value:
        return value
    message = f"{variable} is not set: no real LanguageTool (run .ci/languagetool.sh fetch && start)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"under CI the LanguageTool tests must run, but {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def lt_url() -> str:
    """URL of a real LanguageTool server."""
    return _required("PRESSQA_LANGUAGETOOL_URL")


@pytest.fixture(scope="session")
def lt_home() -> Path:
    """A real LanguageTool install (a LanguageTool-X.Y folder)."""
    home = Path(_required("PRESSQA_LANGUAGETOOL_HOME"))
    if not (home / "languagetool-server.jar").is_file():
        pytest.fail(f"PRESSQA_LANGUAGETOOL_HOME={home} has no languagetool-server.jar", pytrace=False)
    return home


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_healthy(url: str, proc: subprocess.Popen[bytes] | None, timeout: float) -> None:
    """Poll /v2/healthcheck until it answers (fail after ``timeout`` s)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"LanguageTool exited with {proc.returncode} before answering")
        try:
            with opener.open(url + "/v2/healthcheck", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    pytest.fail(f"LanguageTool at {url} did not answer within {timeout:g} s")


@dataclass
class OwnServer:
    """A LanguageTool server this test started and may kill."""

    proc: subprocess.Popen[bytes]
    url: str

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


@pytest.fixture
def own_lt_server(lt_home: Path, tmp_path: Path) -> Iterator[OwnServer]:
    port = free_port()
    log = (tmp_path / "lt.log").open("wb")
    proc = subprocess.Popen(
        ["java", "-cp", str(lt_home / "languagetool-server.jar"),
         "org.languagetool.server.HTTPServer", "--port", str(port)],
        cwd=lt_home, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
    )
    server = OwnServer(proc, f"http://127.0.0.1:{port}")
    try:
        wait_healthy(server.url, proc, 120)
        yield server
    finally:
        server.kill()
        log.close()
