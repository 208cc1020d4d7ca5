"""A stand-in for `java ... org.languagetool.server.HTTPServer --port N`.

Only for the unit tests of the process management (start, reuse, lock, idle
stop); every test of LanguageTool's answers uses the real server. Behaviour
is chosen by FAKE_LT_MODE: "ok" (default), "exit" (dies at once), "mute"
(runs but never listens).
"""

from __future__ import annotations

import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

INFO = {"software": {"name": "LanguageTool", "version": "6.8", "buildDate": "fake", "commit": "fake"}}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _reply(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._reply(b"OK" if self.path.endswith("healthcheck") else json.dumps(INFO).encode())

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self._reply(json.dumps({**INFO, "matches": []}).encode())


def main(argv: list[str]) -> int:
    mode = os.environ.get("FAKE_LT_MODE", "ok")
    port = int(argv[argv.index("--port") + 1])
    print(f"fake LanguageTool starting on {port} ({mode})", flush=True)
    if mode == "exit":
        print("Error: could not start (fake failure)", flush=True)
        return 1
    if mode == "mute":
        time.sleep(600)
        return 0
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
