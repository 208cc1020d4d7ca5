"""The grammar backend: cached, concurrent paragraph checks against LanguageTool.

``open_backend`` picks the server (a URL from config or
``PRESSQA_LANGUAGETOOL_URL``; else the warm local server; else none) and says
why when there is none. ``GrammarBackend.check_paragraphs`` looks every
paragraph up in the result cache, sends the misses concurrently, stores only
complete successful answers, and after the first failure sends nothing more:
the paragraphs already checked keep their matches, the rest are reported as
unchecked along with one error.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal, NamedTuple

from pressqa.cache_dir import GRAMMAR_RESULTS, default_cache_dir

from .annotate import AnnotatedText, annotate, is_markup_only
from .cache import ResultCache, cache_key
from .client import (
    CheckOptions,
    CheckResult,
    LanguageToolClient,
    LanguageToolError,
    Match,
    ServerInfo,
)
from .server import DEFAULT_IDLE_TIMEOUT, DEFAULT_READY_TIMEOUT, ServerManager

__all__ = [
    "URL_ENV",
    "BatchResult",
    "GrammarBackend",
    "GrammarOptions",
    "Mode",
    "OpenResult",
    "Paragraph",
    "default_cache_dir",
    "open_backend",
]

URL_ENV = "PRESSQA_LANGUAGETOOL_URL"
DOWNLOAD_ENV = "PRESSQA_LANGUAGETOOL_DOWNLOAD"
SERVER_INFO_MAX_AGE = 600.0  # seconds a server's reported version is trusted without asking again
HOW_TO_ENABLE = (
    f"set {URL_ENV} to a LanguageTool server, or install Java 17+ and LanguageTool (see README)"
)

Mode = Literal["auto", "server", "local", "off"]
GrammarOptions = CheckOptions


@dataclass(frozen=True)
class Paragraph:
    """One paragraph to check: plain text, or the original plus its masked copy."""

    text: str
    masked: str | None = None

    def payload(self) -> str | AnnotatedText:
        """What is sent: the text itself, or an AnnotatedText of the prose."""
        if self.masked is None:
            return self.text
        return annotate(self.text, self.masked)


@dataclass(frozen=True)
class BatchResult:
    """Matches per paragraph (None where unchecked) and the first error, if any."""

    matches: tuple[tuple[Match, ...] | None, ...]
    error: LanguageToolError | None = None
    cached: int = 0
    sent: int = 0

    @property
    def complete(self) -> bool:
        """True when every paragraph was checked."""
        return self.error is None and all(m is not None for m in self.matches)


class OpenResult(NamedTuple):
    """A backend, or None with the one-line reason grammar is skipped.

    ``reason`` is None when grammar is off by choice (nothing to tell).
    """

    backend: GrammarBackend | None
    reason: str | None


class GrammarBackend:
    """Checks paragraphs on one LanguageTool server, with an optional cache."""

    def __init__(
        self,
        client: LanguageToolClient,
        info: ServerInfo,
        *,
        cache: ResultCache | None = None,
        workers: int = 3,
        origin: str = "server",
    ) -> None:
        self.client = client
        self.info = info
        self.cache = cache
        self.workers = max(1, workers)
        self.origin = origin

    def describe(self) -> str:
        """E.g. ``LanguageTool 6.8 at http://127.0.0.1:8081 (local server)``."""
        where = self.client.base_url.removesuffix("/v2/")
        return f"{self.info.name} {self.info.version} at {where} ({self.origin})"

    def close(self) -> None:
        """Release the cache (the server itself keeps running)."""
        if self.cache is not None:
            self.cache.close()

    def check_paragraphs(
        self, paragraphs: Sequence[Paragraph], language: str, options: GrammarOptions
    ) -> BatchResult:
        """Matches of each paragraph, cache first, the misses sent concurrently."""
        results: list[tuple[Match, ...] | None] = [None] * len(paragraphs)
        payloads: dict[str, str | AnnotatedText] = {}
        indices: dict[str, list[int]] = {}
        options_key = options.cache_key()
        for index, paragraph in enumerate(paragraphs):
            if not paragraph.text.strip():
                results[index] = ()
                continue
            payload = paragraph.payload()
            wire = payload.to_json() if isinstance(payload, AnnotatedText) else payload
            key = cache_key(wire, language, options_key, self.info.fingerprint)
            payloads.setdefault(key, payload)
            indices.setdefault(key, []).append(index)

        hits = self.cache.get_many(indices) if self.cache is not None else {}
        for key, matches in hits.items():
            for index in indices[key]:
                results[index] = tuple(matches)
        misses = [key for key in indices if key not in hits]

        fresh, error = self._send(misses, payloads, language, options)
        for key, result in fresh.items():
            for index in indices[key]:
                results[index] = result.matches
        for index, paragraph in enumerate(paragraphs):
            found = results[index]
            if found and paragraph.masked is not None:
                # A match lying wholly in markup is about our placeholder, not the author's prose.
                masked = paragraph.masked
                kept = tuple(m for m in found if not is_markup_only(masked, m.offset, m.length))
                results[index] = kept
        if self.cache is not None:
            # Incomplete answers (LanguageTool hit its own time limit) are not kept.
            complete = {k: r.matches for k, r in fresh.items() if not r.incomplete}
            self.cache.put_many(complete)
        sent = len(fresh) + (1 if error is not None else 0)
        return BatchResult(tuple(results), error, cached=len(hits), sent=sent)

    def _send(
        self,
        keys: Sequence[str],
        payloads: Mapping[str, str | AnnotatedText],
        language: str,
        options: GrammarOptions,
    ) -> tuple[dict[str, CheckResult], LanguageToolError | None]:
        fresh: dict[str, CheckResult] = {}
        if not keys:
            return fresh, None
        abort = threading.Event()

        def one(key: str) -> CheckResult:
            if abort.is_set():
                raise LanguageToolError("not sent after an earlier failure", "aborted")
            try:
                try:
                    return self.client.check(payloads[key], language, options)
                except LanguageToolError as error:
                    if error.kind != "busy" or abort.is_set():
                        raise
                    time.sleep(0.5)  # the server said it is busy: one retry
                    return self.client.check(payloads[key], language, options)
            except LanguageToolError:
                abort.set()  # here, not in the caller, so no worker starts another send
                raise

        first_error: LanguageToolError | None = None
        with ThreadPoolExecutor(max_workers=min(self.workers, len(keys))) as pool:
            pending: dict[Future[CheckResult], str] = {pool.submit(one, k): k for k in keys}
            while pending:
                done, _ = wait(pending, return_when=FIRST_EXCEPTION)
                for future in done:
                    key = pending.pop(future)
                    try:
                        fresh[key] = future.result()
                    except LanguageToolError as error:
                        if first_error is None or first_error.kind == "aborted":
                            first_error = error
                        for other in pending:
                            other.cancel()
                pending = {f: k for f, k in pending.items() if not f.cancelled()}
        return fresh, first_error


def open_backend(
    url: str | None = None,
    mode: Mode = "auto",
    *,
    env: Mapping[str, str] | None = None,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    idle_timeout: float = DEFAULT_IDLE_TIMEOUT,
    ready_timeout: float = DEFAULT_READY_TIMEOUT,
    request_timeout: float = 30.0,
    workers: int = 3,
    allow_download: bool | None = None,
    warm_languages: tuple[str, ...] = ("en-GB",),
) -> OpenResult:
    """The grammar backend for ``mode``, or None and why grammar is skipped.

    Modes: ``server`` uses ``url`` (or ``PRESSQA_LANGUAGETOOL_URL``) only;
    ``local`` uses the warm local server only; ``auto`` uses the URL when one
    is set, else the local server; ``off`` returns (None, None).
    """
    if mode == "off":
        return OpenResult(None, None)
    if mode not in ("auto", "server", "local"):
        return OpenResult(None, f"grammar skipped: unknown LanguageTool mode {mode!r}")
    env = dict(os.environ if env is None else env)
    if allow_download is None:
        # Only on request: a run must not reach for a host outside the package registries by itself.
        allow_download = env.get(DOWNLOAD_ENV) == "1"
    url = url or env.get(URL_ENV) or None
    cache_dir = cache_dir or default_cache_dir(env)

    if mode == "server" and not url:
        return OpenResult(None, f"grammar skipped: no LanguageTool server URL; {HOW_TO_ENABLE}")
    if url and mode != "local":
        origin = "server"
        target = url
    else:
        manager = ServerManager(
            cache_dir,
            env=env,
            idle_timeout=idle_timeout,
            ready_timeout=ready_timeout,
            allow_download=allow_download,
            warm_languages=warm_languages,
        )
        try:
            target = manager.ensure().url
        except (LanguageToolError, TimeoutError, OSError) as error:
            return OpenResult(None, f"grammar skipped: {_one_line(error)}; {HOW_TO_ENABLE}")
        origin = "local server"

    client = LanguageToolClient(target, timeout=request_timeout)
    cache = ResultCache(cache_dir / GRAMMAR_RESULTS) if use_cache else None
    # A run whose paragraphs are all cached need not reach the server at all: its version,
    # which keys the cache, is taken from a recent answer.
    remembered = cache.server_info(client.base_url, SERVER_INFO_MAX_AGE) if cache is not None else None
    if remembered is not None:
        info = ServerInfo(**remembered)
    else:
        try:
            info = client.info(timeout=min(request_timeout, 10.0))
        except LanguageToolError as error:
            if cache is not None:
                cache.close()
            return OpenResult(None, f"grammar skipped: {_one_line(error)}")
        if cache is not None:
            cache.remember_server(client.base_url, asdict(info))
    backend = GrammarBackend(client, info, cache=cache, workers=workers, origin=origin)
    return OpenResult(backend, None)


def _one_line(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return " ".join(text.split())
