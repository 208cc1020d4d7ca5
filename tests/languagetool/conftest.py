"""Fixtures for the LanguageTool backend tests.

* ``replay_server``: a small loopback HTTP server that answers with recorded
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

import json
import os
import socket
import subprocess
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "languagetool"
MARKER = "languagetool: needs a real LanguageTool server (PRESSQA_LANGUAGETOOL_URL / _HOME)"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", MARKER)


def load_recording(name: str) -> dict[str, Any]:
    """One recorded request/response pair."""
    return json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))


def recordings() -> list[str]:
    """Names of all recorded check responses."""
    return sorted(p.stem for p in DATA_DIR.glob("*.json") if p.stem != "info")


# -- replay server -------------------------------------------------------------

Reply = tuple[int, bytes] | Callable[["Handler"], None]


@dataclass
class ReplayState:
    """What the replay server answers, and what it was asked."""

    routes: dict[str, Reply] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    delay: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def check_count(self) -> int:
        with self.lock:
            return sum(1 for path, _ in self.requests if path == "/v2/check")


class Handler(BaseHTTPRequestHandler):
    server: "ReplayServer"

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _handle(self, method: str) -> None:
        url = urllib.parse.urlsplit(self.path)
        params = dict(urllib.parse.parse_qsl(url.query))
        if method == "POST":
            length = int(self.headers.get("Content-Length", "0"))
            params.update(urllib.parse.parse_qsl(self.rfile.read(length).decode("utf-8")))
        state = self.server.state
        with state.lock:
            state.requests.append((url.path, params))
        self.params = params
        if state.delay:
            time.sleep(state.delay)
        reply = state.routes.get(url.path)
        if reply is None and url.path == "/v2/check":
            reply = _recorded_reply(params)
        if reply is None:
            reply = (404, b"not found")
        if callable(reply):
            reply(self)
            return
        status, body = reply
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")


def _recorded_reply(params: dict[str, str]) -> tuple[int, bytes]:
    for name in recordings():
        recording = load_recording(name)
        request = recording["request"]
        if request.get("text") == params.get("text") and request.get("data") == params.get("data"):
            return 200, json.dumps(recording["response"]).encode("utf-8")
    empty = {"software": {"name": "LanguageTool", "version": "6.8"}, "matches": []}
    return 200, json.dumps(empty).encode("utf-8")


class ReplayServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.state = ReplayState()
        info = (DATA_DIR / "info.json").read_bytes()
        self.state.routes["/v2/info"] = (200, info)
        self.state.routes["/v2/healthcheck"] = (200, b"OK")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


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


def drop_connection(handler: Handler) -> None:
    """A reply that closes the socket without answering."""
    handler.close_connection = True
    handler.connection.shutdown(socket.SHUT_RDWR)


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
    import urllib.request

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
