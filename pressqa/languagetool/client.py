"""A small HTTP client for LanguageTool's ``/v2`` API on urllib.

Our own client instead of language-tool-python's: it sends AnnotatedText
(``data=``), converts both offset *and* length from UTF-16, keeps every match
field, has per-request timeouts and is safe to share between threads (it keeps
no mutable state).
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # urllib.request and http.client are imported on the first request: a run answered from
    # the result cache never needs them (they cost ~25 ms of a pre-commit run).
    import urllib.error
    import urllib.request

from .annotate import AnnotatedText
from .utf16 import Utf16Index

__all__ = [
    "CheckOptions",
    "CheckResult",
    "LanguageToolClient",
    "LanguageToolError",
    "Match",
    "ServerInfo",
]

_LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
_MAX_ERROR_BODY = 200


class LanguageToolError(Exception):
    """Any failure talking to LanguageTool, with a one-line message.

    ``kind`` is one of ``connection``, ``timeout``, ``http``, ``invalid``,
    ``busy`` (HTTP 429/503: worth one retry) or ``aborted``.
    """

    def __init__(self, message: str, kind: str = "connection") -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class Match:
    """One LanguageTool match; offset and length in code points of the source."""

    offset: int
    length: int
    rule_id: str
    message: str
    rule_description: str = ""
    category_id: str = ""
    category_name: str = ""
    issue_type: str = ""
    short_message: str = ""
    replacements: tuple[str, ...] = ()
    url: str | None = None
    sub_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (for the result cache)."""
        data = asdict(self)
        data["replacements"] = list(self.replacements)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Match:
        """The inverse of :meth:`to_dict`."""
        values = dict(data)
        values["replacements"] = tuple(values.get("replacements", ()))
        return cls(**values)


@dataclass(frozen=True)
class CheckOptions:
    """Which LanguageTool rules and categories run, and at which level."""

    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_only: bool = False
    level: str = "default"
    max_replacements: int = 5

    def params(self) -> dict[str, str]:
        """The form parameters LanguageTool expects."""
        params: dict[str, str] = {}
        for name, values in (
            ("enabledRules", self.enabled_rules),
            ("disabledRules", self.disabled_rules),
            ("enabledCategories", self.enabled_categories),
            ("disabledCategories", self.disabled_categories),
        ):
            if values:
                params[name] = ",".join(sorted(set(values)))
        if self.enabled_only:
            params["enabledOnly"] = "true"
        if self.level and self.level != "default":
            params["level"] = self.level
        return params

    def cache_key(self) -> str:
        """A stable string describing these options (part of the cache key)."""
        return json.dumps(
            [self.params(), self.max_replacements], sort_keys=True, separators=(",", ":")
        )


@dataclass(frozen=True)
class ServerInfo:
    """What a LanguageTool server says about itself."""

    name: str
    version: str
    build_date: str = ""
    commit: str = ""

    @property
    def fingerprint(self) -> str:
        """Version plus build identity: results differ between builds."""
        return f"{self.name} {self.version} {self.build_date} {self.commit}".strip()


@dataclass(frozen=True)
class CheckResult:
    """The matches of one check, and the language LanguageTool used."""

    matches: tuple[Match, ...]
    language: str
    version: str
    incomplete: bool = False


class LanguageToolClient:
    """Talks to one LanguageTool server; stateless and thread-safe."""

    def __init__(self, base_url: str, *, timeout: float = 30.0) -> None:
        self.base_url = _normalise(base_url)
        self.timeout = timeout
        self._where = "LanguageTool at " + self.base_url.removesuffix("/v2/")
        self._loopback = (urllib.parse.urlsplit(self.base_url).hostname or "") in _LOOPBACK_HOSTS

    @cached_property
    def _opener(self) -> urllib.request.OpenerDirector:
        import urllib.request

        handlers: list[urllib.request.BaseHandler] = []
        if self._loopback:
            # A proxy from the environment must never see loopback traffic.
            handlers.append(urllib.request.ProxyHandler({}))
        return urllib.request.build_opener(*handlers)

    def __repr__(self) -> str:
        return f"LanguageToolClient({self.base_url!r})"

    # -- endpoints -----------------------------------------------------------

    def healthcheck(self, timeout: float | None = None) -> None:
        """Raise LanguageToolError unless ``GET /v2/healthcheck`` answers OK."""
        self._request("GET", "healthcheck", timeout=timeout)

    def info(self, timeout: float | None = None) -> ServerInfo:
        """Name and version of the server (``GET /v2/info``, or a probe check)."""
        try:
            body = self._request_json("GET", "info", timeout=timeout)
        except LanguageToolError as error:
            if error.kind != "http":
                raise
            # Older servers have no /v2/info; every check response carries it.
            body = self._request_json(
                "POST", "check", {"language": "en-US", "text": "."}, timeout=timeout
            )
        return _server_info(body)

    def languages(self, timeout: float | None = None) -> list[dict[str, str]]:
        """The languages the server supports (``GET /v2/languages``)."""
        body = self._request_json("GET", "languages", timeout=timeout)
        if not isinstance(body, list) or not all(isinstance(item, dict) for item in body):
            raise LanguageToolError(
                f"{self._where}: unexpected /v2/languages response", "invalid"
            )
        return body

    def check(
        self,
        text: str | AnnotatedText,
        language: str,
        options: CheckOptions | None = None,
        timeout: float | None = None,
    ) -> CheckResult:
        """Check plain text or an AnnotatedText; offsets come back in code points."""
        options = options or CheckOptions()
        params = {"language": language, **options.params()}
        if isinstance(text, AnnotatedText):
            params["data"] = text.to_json()
            source = text.source
        else:
            params["text"] = text
            source = text
        body = self._request_json("POST", "check", params, timeout=timeout)
        return self._parse_check(body, source, options.max_replacements)

    # -- plumbing ------------------------------------------------------------

    def _request_json(
        self,
        method: str,
        endpoint: str,
        params: Mapping[str, str] | None = None,
        timeout: float | None = None,
    ) -> Any:
        raw = self._request(method, endpoint, params, timeout)
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            snippet = raw[:60].decode("utf-8", "replace").replace("\n", " ")
            raise LanguageToolError(
                f"{self._where}: invalid JSON from /v2/{endpoint} ({snippet!r})",
                "invalid",
            ) from None

    def _request(
        self,
        method: str,
        endpoint: str,
        params: Mapping[str, str] | None = None,
        timeout: float | None = None,
    ) -> bytes:
        import http.client
        import socket
        import urllib.error
        import urllib.request

        url = self.base_url + endpoint
        data = None
        if params is not None and method == "POST":
            data = urllib.parse.urlencode(params).encode("utf-8")
        elif params:
            url += "?" + urllib.parse.urlencode(params)
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Accept", "application/json")
        limit = self.timeout if timeout is None else timeout
        where = self._where
        try:
            with self._opener.open(request, timeout=limit) as response:
                body: bytes = response.read()
                return body
        except urllib.error.HTTPError as error:
            detail = _error_body(error)
            kind = "busy" if error.code in (429, 503) else "http"
            raise LanguageToolError(
                f"{where}: HTTP {error.code} from /v2/{endpoint}{detail}", kind
            ) from None
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise LanguageToolError(
                    f"{where}: no answer within {limit:g} s", "timeout"
                ) from None
            raise LanguageToolError(f"{where}: {_describe(reason)}", "connection") from None
        except TimeoutError:
            raise LanguageToolError(f"{where}: no answer within {limit:g} s", "timeout") from None
        except (http.client.HTTPException, OSError, ValueError) as error:
            # HTTPException: a garbled or cut-off response; ValueError: a bad URL.
            raise LanguageToolError(f"{where}: {_describe(error)}", "connection") from None

    def _parse_check(self, body: Any, source: str, max_replacements: int) -> CheckResult:
        try:
            raw_matches = body["matches"]
            if not isinstance(raw_matches, list):
                raise TypeError("matches is not a list")
            index = Utf16Index(source)
            matches = tuple(_match(item, index, max_replacements) for item in raw_matches)
            language = body.get("language", {}).get("code", "")
            version = body.get("software", {}).get("version", "")
            incomplete = bool((body.get("warnings") or {}).get("incompleteResults", False))
        except (KeyError, TypeError, AttributeError, ValueError) as error:
            raise LanguageToolError(
                f"{self._where}: unexpected check response ({error})",
                "invalid",
            ) from None
        return CheckResult(matches, str(language), str(version), incomplete)


def _match(item: Mapping[str, Any], index: Utf16Index, max_replacements: int) -> Match:
    rule = item["rule"]
    category = rule.get("category") or {}
    offset, length = index.to_codepoints(int(item["offset"]), int(item["length"]))
    urls = rule.get("urls") or []
    replacements = tuple(
        str(r["value"]) for r in (item.get("replacements") or [])[:max_replacements]
    )
    return Match(
        offset=offset,
        length=length,
        rule_id=str(rule["id"]),
        message=str(item["message"]),
        rule_description=str(rule.get("description", "")),
        category_id=str(category.get("id", "")),
        category_name=str(category.get("name", "")),
        issue_type=str(rule.get("issueType", "")),
        short_message=str(item.get("shortMessage", "")),
        replacements=replacements,
        url=str(urls[0]["value"]) if urls else None,
        sub_id=str(rule["subId"]) if rule.get("subId") is not None else None,
    )


def _server_info(body: Any) -> ServerInfo:
    try:
        software = body["software"]
        return ServerInfo(
            name=str(software.get("name", "LanguageTool")),
            version=str(software["version"]),
            build_date=str(software.get("buildDate", "")),
            commit=str(software.get("commit", "")),
        )
    except (KeyError, TypeError, AttributeError):
        raise LanguageToolError(
            "LanguageTool: unexpected /v2/info response (no software.version)", "invalid"
        ) from None


def _normalise(base_url: str) -> str:
    url = base_url.strip()
    if "://" not in url:
        url = "http://" + url
    url = url.rstrip("/")
    if not url.endswith("/v2"):
        url += "/v2"
    return url + "/"


def _error_body(error: urllib.error.HTTPError) -> str:
    try:
        text = error.read(_MAX_ERROR_BODY).decode("utf-8", "replace")
    except OSError:
        return ""
    first = " ".join(text.split())[:120]
    return f": {first}" if first else ""


def _describe(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (is the server running?)"
    if isinstance(reason, ConnectionResetError):
        return "connection reset (the server closed it)"
    import socket

    if isinstance(reason, socket.gaierror):
        return f"unknown host ({reason.strerror})"
    if isinstance(reason, BaseException):
        text = str(reason) or type(reason).__name__
        return text.splitlines()[0] if text else type(reason).__name__
    return str(reason)
