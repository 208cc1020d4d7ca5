"""Shared helpers of the LanguageTool tests: recordings and the replay server."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "languagetool"


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
    server: ReplayServer

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
        same_data = ("data" in request) == ("data" in params) and (
            "data" not in params or json.loads(request["data"]) == json.loads(params["data"])
        )
        if request.get("text") == params.get("text") and same_data:
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

    def handle_error(self, request: object, client_address: object) -> None:
        # Tests drop connections and cancel requests on purpose; a client gone mid-reply is no test failure,
        # and socketserver's default would print a traceback into the test log.
        pass


def drop_connection(handler: Handler) -> None:
    """A reply that closes the socket without answering."""
    handler.close_connection = True
    handler.connection.shutdown(socket.SHUT_RDWR)


REPO_ROOT = Path(__file__).resolve().parents[2]


def subprocess_env(**extra: str) -> dict[str, str]:
    """The environment for a child Python that must import this checkout's pressqa."""
    import os

    path = os.pathsep.join(p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, **extra}
