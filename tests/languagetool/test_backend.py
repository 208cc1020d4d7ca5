"""GrammarBackend (cache, concurrency, faults) and open_backend (choosing a server)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from lthelpers import Handler, ReplayServer, drop_connection, load_recording, subprocess_env
from pressqa.languagetool.annotate import MASK
from pressqa.languagetool.backend import GrammarBackend, Paragraph, open_backend
from pressqa.languagetool.cache import ResultCache
from pressqa.languagetool.client import CheckOptions, LanguageToolClient

OPTIONS = CheckOptions(disabled_categories=("TYPOS",))


def backend_for(
    server: ReplayServer, cache_dir: Path, workers: int = 3, timeout: float = 10
) -> GrammarBackend:
    client = LanguageToolClient(server.url, timeout=timeout)
    return GrammarBackend(
        client, client.info(), cache=ResultCache(cache_dir / "r.sqlite3"), workers=workers
    )


def paragraphs(count: int) -> list[Paragraph]:
    return [Paragraph(f"Paragraph number {i} is fine.") for i in range(count)]


class Countdown:
    """Answers the first `good` checks normally, then with `bad`."""

    def __init__(self, good: int, bad: object) -> None:
        self.good = good
        self.bad = bad
        self.lock = threading.Lock()

    def __call__(self, handler: Handler) -> None:
        with self.lock:
            self.good -= 1
            healthy = self.good >= 0
        if healthy:
            body = json.dumps({"software": {"version": "6.8"}, "matches": []}).encode()
            reply: object = (200, body)
        else:
            reply = self.bad
        if callable(reply):
            reply(handler)
            return
        status, body = reply  # type: ignore[misc]
        handler.send_response(status)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)


def test_recorded_matches_come_back_per_paragraph(replay_server: ReplayServer, tmp_path: Path) -> None:
    text = load_recording("astral_before")["request"]["text"]
    backend = backend_for(replay_server, tmp_path)
    result = backend.check_paragraphs([Paragraph("Fine."), Paragraph(text)], "en-US", OPTIONS)
    assert result.complete and result.error is None
    assert result.matches[0] == ()
    assert [text[m.offset : m.offset + m.length] for m in result.matches[1] or ()] == ["a", "have"]


def test_unchanged_paragraphs_are_never_sent_twice(replay_server: ReplayServer, tmp_path: Path) -> None:
    first = backend_for(replay_server, tmp_path).check_paragraphs(paragraphs(5), "en-GB", OPTIONS)
    assert (first.sent, first.cached) == (5, 0)
    sent_before = replay_server.state.check_count()
    again = backend_for(replay_server, tmp_path)  # a later run: new backend, same cache file
    second = again.check_paragraphs(paragraphs(6), "en-GB", OPTIONS)
    assert (second.sent, second.cached) == (1, 5)
    assert replay_server.state.check_count() == sent_before + 1
    assert second.complete


def test_cache_is_keyed_by_language_and_options(replay_server: ReplayServer, tmp_path: Path) -> None:
    backend = backend_for(replay_server, tmp_path)
    backend.check_paragraphs(paragraphs(2), "en-GB", OPTIONS)
    assert backend.check_paragraphs(paragraphs(2), "en-US", OPTIONS).sent == 2
    picky = CheckOptions(disabled_categories=("TYPOS",), level="picky")
    assert backend.check_paragraphs(paragraphs(2), "en-US", picky).sent == 2


def test_blank_and_duplicate_paragraphs(replay_server: ReplayServer, tmp_path: Path) -> None:
    backend = backend_for(replay_server, tmp_path)
    batch = [Paragraph(""), Paragraph("  \n "), Paragraph("Same."), Paragraph("Same.")]
    result = backend.check_paragraphs(batch, "en-GB", OPTIONS)
    assert result.matches == ((), (), (), ())
    assert replay_server.state.check_count() == 1


def test_masked_paragraph_is_sent_as_annotation_and_mapped_to_the_original(
    replay_server: ReplayServer, tmp_path: Path
) -> None:
    recording = load_recording("markdown_annotated")
    parts = json.loads(recording["request"]["data"])["annotation"]
    original = recording["source"]
    masked = "".join(p["text"] if "text" in p else MASK * len(p["markup"]) for p in parts)
    result = backend_for(replay_server, tmp_path).check_paragraphs(
        [Paragraph(original, masked)], "en-US", OPTIONS
    )
    _, params = replay_server.state.requests[-1]
    assert "data" in params
    found = [(m.rule_id, original[m.offset : m.offset + m.length]) for m in result.matches[0] or ()]
    assert found == [("HE_VERB_AGR", "have"), ("EN_A_VS_AN", "a")]


def test_http_error_gives_one_error_and_is_not_cached(replay_server: ReplayServer, tmp_path: Path) -> None:
    replay_server.state.routes["/v2/check"] = (500, b"Error: boom")
    result = backend_for(replay_server, tmp_path).check_paragraphs(paragraphs(4), "en-GB", OPTIONS)
    assert result.error is not None and "HTTP 500" in str(result.error)
    assert result.matches == (None, None, None, None)
    del replay_server.state.routes["/v2/check"]
    retry = backend_for(replay_server, tmp_path).check_paragraphs(paragraphs(4), "en-GB", OPTIONS)
    assert (retry.sent, retry.cached) == (4, 0)
    assert retry.complete


@pytest.mark.parametrize(
    "fault, kind",
    [((200, b"garbage{"), "invalid"), (drop_connection, "connection"), ((500, b"x"), "http")],
)
def test_fault_mid_run_keeps_earlier_results_and_caches_only_them(
    replay_server: ReplayServer, tmp_path: Path, fault: object, kind: str
) -> None:
    replay_server.state.routes["/v2/check"] = Countdown(3, fault)
    batch = paragraphs(10)
    result = backend_for(replay_server, tmp_path, workers=1).check_paragraphs(batch, "en-GB", OPTIONS)
    assert result.error is not None and result.error.kind == kind
    assert result.matches[:3] == ((), (), ())
    assert result.matches[3:] == (None,) * 7
    assert replay_server.state.check_count() == 4  # fail fast: nothing sent after the failure
    del replay_server.state.routes["/v2/check"]
    later = backend_for(replay_server, tmp_path).check_paragraphs(batch, "en-GB", OPTIONS)
    assert (later.cached, later.sent) == (3, 7)


def test_slow_server_fails_fast_instead_of_hanging(replay_server: ReplayServer, tmp_path: Path) -> None:
    client = LanguageToolClient(replay_server.url, timeout=5)
    info = client.info()
    replay_server.state.delay = 2.0
    slow = GrammarBackend(LanguageToolClient(replay_server.url, timeout=0.3), info, workers=3)
    started = time.monotonic()
    result = slow.check_paragraphs(paragraphs(30), "en-GB", OPTIONS)
    assert time.monotonic() - started < 2.0
    assert result.error is not None and result.error.kind == "timeout"
    assert replay_server.state.check_count() <= 3


def test_busy_server_gets_one_retry(replay_server: ReplayServer, tmp_path: Path) -> None:
    replay_server.state.routes["/v2/check"] = Countdown(0, (503, b"busy"))
    result = backend_for(replay_server, tmp_path, workers=1).check_paragraphs(paragraphs(1), "en-GB", OPTIONS)
    assert result.error is not None and result.error.kind == "busy"
    assert replay_server.state.check_count() == 2


def test_incomplete_results_are_not_cached(replay_server: ReplayServer, tmp_path: Path) -> None:
    body = {"software": {"version": "6.8"}, "warnings": {"incompleteResults": True}, "matches": []}
    replay_server.state.routes["/v2/check"] = (200, json.dumps(body).encode())
    first = backend_for(replay_server, tmp_path).check_paragraphs(paragraphs(2), "en-GB", OPTIONS)
    assert first.complete
    second = backend_for(replay_server, tmp_path).check_paragraphs(paragraphs(2), "en-GB", OPTIONS)
    assert second.cached == 0


def test_describe(replay_server: ReplayServer, tmp_path: Path) -> None:
    backend = backend_for(replay_server, tmp_path)
    assert backend.describe() == f"LanguageTool 6.8 at {replay_server.url} (server)"


# -- open_backend ------------------------------------------------------------------


def test_off_is_silent(tmp_path: Path) -> None:
    assert open_backend(None, "off", env={}, cache_dir=tmp_path) == (None, None)


def test_server_mode_without_url(tmp_path: Path) -> None:
    backend, reason = open_backend(None, "server", env={}, cache_dir=tmp_path)
    assert backend is None
    assert reason and reason.startswith("grammar skipped:") and "PRESSQA_LANGUAGETOOL_URL" in reason


def test_url_from_environment(replay_server: ReplayServer, tmp_path: Path) -> None:
    env = {"PRESSQA_LANGUAGETOOL_URL": replay_server.url}
    backend, reason = open_backend(None, "auto", env=env, cache_dir=tmp_path)
    assert reason is None and backend is not None
    assert backend.describe().endswith("(server)")
    backend.close()


def test_url_that_does_not_answer(tmp_path: Path) -> None:
    with ReplayServer() as unused:
        url = unused.url
    started = time.monotonic()
    backend, reason = open_backend(url, "auto", env={}, cache_dir=tmp_path)
    assert backend is None
    assert reason == f"grammar skipped: LanguageTool at {url}: connection refused (is the server running?)"
    assert time.monotonic() - started < 5


def test_url_that_answers_garbage(replay_server: ReplayServer, tmp_path: Path) -> None:
    replay_server.state.routes["/v2/info"] = (200, b"<html>")
    backend, reason = open_backend(replay_server.url, "server", env={}, cache_dir=tmp_path)
    assert backend is None and reason and "invalid JSON" in reason


def test_no_install_and_no_download(tmp_path: Path) -> None:
    env = {"LTP_PATH": str(tmp_path / "ltp"), "PATH": str(tmp_path)}
    backend, reason = open_backend(None, "auto", env=env, cache_dir=tmp_path / "c", allow_download=False)
    assert backend is None
    assert reason == (
        f"grammar skipped: no LanguageTool install found (PRESSQA_LANGUAGETOOL_HOME unset, nothing in "
        f"{tmp_path / 'ltp'}); set PRESSQA_LANGUAGETOOL_URL to a "
        "LanguageTool server, or install Java 17+ and LanguageTool (see README)"
    )


def test_install_but_no_java(tmp_path: Path) -> None:
    home = tmp_path / "LanguageTool-6.8"
    home.mkdir()
    (home / "languagetool-server.jar").write_bytes(b"")
    env = {"PRESSQA_LANGUAGETOOL_HOME": str(home), "PATH": str(tmp_path / "empty")}
    backend, reason = open_backend(None, "local", env=env, cache_dir=tmp_path / "c")
    assert backend is None
    assert reason and reason.startswith("grammar skipped: no Java found") and "\n" not in reason


FAILED_DOWNLOAD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from pressqa.languagetool.backend import open_backend
    backend, reason = open_backend(None, "auto", cache_dir=Path(sys.argv[1]))
    print(reason)
    """
)


def test_failed_download_is_reported_not_raised(tmp_path: Path) -> None:
    # The download host points at a closed loopback port: no traffic leaves the machine.
    env = subprocess_env(
        LTP_PATH=str(tmp_path / "ltp"),
        LTP_DOWNLOAD_HOST_NEW_RELEASES="http://127.0.0.1:9/",
        LTP_DOWNLOAD_HOST_RELEASE="http://127.0.0.1:9/",
    )
    env.pop("PRESSQA_LANGUAGETOOL_URL", None)
    env.pop("PRESSQA_LANGUAGETOOL_HOME", None)
    done = subprocess.run(
        [sys.executable, "-c", FAILED_DOWNLOAD, str(tmp_path / "c")],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert done.returncode == 0, done.stderr
    reason = done.stdout.strip().splitlines()[-1]
    assert reason.startswith("grammar skipped: ")
    assert "Traceback" not in done.stderr


def test_a_recent_server_version_is_remembered_so_cached_runs_need_no_request(
    replay_server: ReplayServer, tmp_path: Path
) -> None:
    first, reason = open_backend(replay_server.url, "server", env={}, cache_dir=tmp_path)
    assert first is not None, reason
    first.close()
    second, reason = open_backend(replay_server.url, "server", env={}, cache_dir=tmp_path)
    assert second is not None, reason
    second.close()
    info_requests = [path for path, _ in replay_server.state.requests if path == "/v2/info"]
    assert len(info_requests) == 1
    assert second.info == first.info


def test_an_unreachable_server_is_still_reported_without_a_remembered_version(tmp_path: Path) -> None:
    backend, reason = open_backend("http://127.0.0.1:9", "server", env={}, cache_dir=tmp_path)
    assert backend is None
    assert reason is not None and reason.startswith("grammar skipped:")
