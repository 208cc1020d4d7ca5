"""The HTTP client, against recorded real LanguageTool responses and faults."""

from __future__ import annotations

import json
import time

import pytest

from lthelpers import ReplayServer, drop_connection, load_recording, recordings
from pressqa.languagetool.annotate import AnnotatedText, Part
from pressqa.languagetool.client import CheckOptions, LanguageToolClient, LanguageToolError, Match


def annotated_from(data: str) -> AnnotatedText:
    parts = json.loads(data)["annotation"]
    return AnnotatedText(
        tuple(
            Part(p["markup"], True, p["interpretAs"]) if "markup" in p else Part(p["text"])
            for p in parts
        )
    )


@pytest.mark.parametrize("name", recordings())
def test_recorded_matches_land_on_the_same_characters_as_in_java(
    replay_server: ReplayServer, name: str
) -> None:
    recording = load_recording(name)
    request = recording["request"]
    payload = annotated_from(request["data"]) if "data" in request else request["text"]
    client = LanguageToolClient(replay_server.url)
    result = client.check(payload, "en-US", CheckOptions(disabled_categories=("TYPOS",)))
    source = recording["source"]
    got = [(m.rule_id, source[m.offset : m.offset + m.length]) for m in result.matches]
    want = [(e["rule_id"], e["surface"]) for e in recording["expected"]]
    assert got == want
    assert result.version == "6.8"


def test_astral_recordings_really_have_astral_characters() -> None:
    for name in ("astral_before", "astral_inside", "astral_after", "markdown_annotated"):
        assert any(ord(ch) > 0xFFFF for ch in load_recording(name)["source"])


def test_match_fields(replay_server: ReplayServer) -> None:
    text = load_recording("a_an_and_agreement")["request"]["text"]
    result = LanguageToolClient(replay_server.url).check(text, "en-US")
    a_an, agreement = result.matches
    assert a_an == Match(
        offset=8,
        length=1,
        rule_id="EN_A_VS_AN",
        message=a_an.message,
        rule_description="Use of 'a' vs. 'an'",
        category_id="MISC",
        category_name="Miscellaneous",
        issue_type="misspelling",
        short_message="Wrong article",
        replacements=("an",),
        url=a_an.url,
    )
    assert a_an.url and a_an.url.startswith("https://")
    assert agreement.rule_id == "HE_VERB_AGR"
    assert agreement.replacements[:2] == ("has", "had")
    assert agreement.category_id == "GRAMMAR"
    assert Match.from_dict(agreement.to_dict()) == agreement


def test_options_become_form_parameters(replay_server: ReplayServer) -> None:
    options = CheckOptions(
        enabled_rules=("B_RULE", "A_RULE"),
        disabled_rules=("MORFOLOGIK_RULE_EN_GB",),
        enabled_categories=("GRAMMAR",),
        disabled_categories=("TYPOS", "STYLE"),
        enabled_only=True,
        level="picky",
    )
    LanguageToolClient(replay_server.url).check("Some text.", "en-GB", options)
    path, params = replay_server.state.requests[-1]
    assert path == "/v2/check"
    assert params == {
        "language": "en-GB",
        "text": "Some text.",
        "enabledRules": "A_RULE,B_RULE",
        "disabledRules": "MORFOLOGIK_RULE_EN_GB",
        "enabledCategories": "GRAMMAR",
        "disabledCategories": "STYLE,TYPOS",
        "enabledOnly": "true",
        "level": "picky",
    }


def test_annotated_text_is_sent_as_data(replay_server: ReplayServer) -> None:
    annotated = AnnotatedText((Part("Run "), Part("`x`", True, "Dummy"), Part(" now.")))
    LanguageToolClient(replay_server.url).check(annotated, "en-US")
    _, params = replay_server.state.requests[-1]
    assert "text" not in params
    assert json.loads(params["data"])["annotation"][1] == {"markup": "`x`", "interpretAs": "Dummy"}


def test_info_and_fallback_for_servers_without_info(replay_server: ReplayServer) -> None:
    client = LanguageToolClient(replay_server.url)
    info = client.info()
    assert (info.name, info.version, info.commit) == ("LanguageTool", "6.8", "f558ce3")
    assert "6.8" in info.fingerprint
    del replay_server.state.routes["/v2/info"]
    assert client.info().version == "6.8"  # taken from a probe check


def test_healthcheck_and_url_forms(replay_server: ReplayServer) -> None:
    port = replay_server.server_address[1]
    for form in (f"127.0.0.1:{port}", f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{port}/v2"):
        client = LanguageToolClient(form)
        assert client.base_url == f"http://127.0.0.1:{port}/v2/"
        client.healthcheck()


def test_loopback_never_goes_through_a_proxy(
    replay_server: ReplayServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    LanguageToolClient(replay_server.url).healthcheck()


def test_connection_refused() -> None:
    with ReplayServer() as unused:
        url = unused.url  # bound, then closed: nothing listens there any more
    with pytest.raises(LanguageToolError, match="connection refused") as caught:
        LanguageToolClient(url).check("text", "en-US")
    assert caught.value.kind == "connection"
    assert "\n" not in str(caught.value)


def test_garbage_json(replay_server: ReplayServer) -> None:
    replay_server.state.routes["/v2/check"] = (200, b"<html>proxy error</html>")
    with pytest.raises(LanguageToolError, match="invalid JSON") as caught:
        LanguageToolClient(replay_server.url).check("text", "en-US")
    assert caught.value.kind == "invalid"


@pytest.mark.parametrize(
    "body",
    [b'{"no": "matches"}', b'{"matches": {"a": 1}}', b'{"matches": [{"offset": 1}]}', b"[1, 2]",
     b'{"matches": [{"offset": "x", "length": 1, "message": "m", "rule": {"id": "R"}}]}'],
)
def test_wrong_shape(replay_server: ReplayServer, body: bytes) -> None:
    replay_server.state.routes["/v2/check"] = (200, body)
    with pytest.raises(LanguageToolError, match="unexpected check response") as caught:
        LanguageToolClient(replay_server.url).check("text", "en-US")
    assert caught.value.kind == "invalid"


def test_http_500_names_the_status_and_body(replay_server: ReplayServer) -> None:
    replay_server.state.routes["/v2/check"] = (500, b"Error: internal\nat org.languagetool...")
    with pytest.raises(LanguageToolError, match=r"HTTP 500 from /v2/check: Error: internal") as caught:
        LanguageToolClient(replay_server.url).check("text", "en-US")
    assert caught.value.kind == "http"
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("status", [429, 503])
def test_busy_statuses(replay_server: ReplayServer, status: int) -> None:
    replay_server.state.routes["/v2/check"] = (status, b"too many requests")
    with pytest.raises(LanguageToolError) as caught:
        LanguageToolClient(replay_server.url).check("text", "en-US")
    assert caught.value.kind == "busy"


def test_slow_server_times_out(replay_server: ReplayServer) -> None:
    replay_server.state.delay = 3.0
    started = time.monotonic()
    with pytest.raises(LanguageToolError, match="no answer within 0.3 s") as caught:
        LanguageToolClient(replay_server.url, timeout=0.3).check("text", "en-US")
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 2.0


def test_dropped_connection(replay_server: ReplayServer) -> None:
    replay_server.state.routes["/v2/check"] = drop_connection
    with pytest.raises(LanguageToolError) as caught:
        LanguageToolClient(replay_server.url, timeout=5).check("text", "en-US")
    assert caught.value.kind == "connection"


def test_languages(replay_server: ReplayServer) -> None:
    replay_server.state.routes["/v2/languages"] = (
        200,
        b'[{"name": "English (US)", "code": "en", "longCode": "en-US"}]',
    )
    assert LanguageToolClient(replay_server.url).languages()[0]["longCode"] == "en-US"
    replay_server.state.routes["/v2/languages"] = (200, b'{"not": "a list"}')
    with pytest.raises(LanguageToolError, match="languages"):
        LanguageToolClient(replay_server.url).languages()


def test_incomplete_results_are_flagged(replay_server: ReplayServer) -> None:
    body = {"software": {"version": "6.8"}, "warnings": {"incompleteResults": True}, "matches": []}
    replay_server.state.routes["/v2/check"] = (200, json.dumps(body).encode())
    assert LanguageToolClient(replay_server.url).check("text", "en-US").incomplete
