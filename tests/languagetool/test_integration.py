"""The backend against a real LanguageTool server (no stand-ins).

Needs PRESSQA_LANGUAGETOOL_URL (and PRESSQA_LANGUAGETOOL_HOME for the tests
that start their own server); skipped without them, failed under CI=true.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from conftest import OwnServer
from pressqa.languagetool.annotate import MASK
from pressqa.languagetool.backend import GrammarBackend, Paragraph, open_backend
from pressqa.languagetool.cache import ResultCache, cache_key
from pressqa.languagetool.client import CheckOptions, LanguageToolClient, LanguageToolError, Match
from pressqa.languagetool.server import ServerManager

pytestmark = pytest.mark.languagetool

NO_SPELLER = CheckOptions(disabled_categories=("TYPOS",))


def make_backend(
    url: str, cache_dir: Path | None = None, workers: int = 3, timeout: float = 60
) -> GrammarBackend:
    client = LanguageToolClient(url, timeout=timeout)
    cache = ResultCache(cache_dir / "results.sqlite3") if cache_dir else None
    return GrammarBackend(client, client.info(), cache=cache, workers=workers)


def found(text: str, matches: tuple[Match, ...] | None) -> list[tuple[str, str]]:
    assert matches is not None
    return [(m.rule_id, text[m.offset : m.offset + m.length]) for m in matches]


def test_a_versus_an(lt_url: str) -> None:
    text = "The minister ate a apple and an banana."
    result = make_backend(lt_url).check_paragraphs([Paragraph(text)], "en-GB", NO_SPELLER)
    assert ("EN_A_VS_AN", "a") in found(text, result.matches[0])
    a_an = next(m for m in result.matches[0] or () if m.rule_id == "EN_A_VS_AN")
    assert a_an.replacements[0] == "an"
    assert a_an.offset == text.index(" a apple") + 1


def test_subject_verb_agreement(lt_url: str) -> None:
    text = "He have signed the agreement."
    result = make_backend(lt_url).check_paragraphs([Paragraph(text)], "en-GB", NO_SPELLER)
    matches = found(text, result.matches[0])
    assert matches and matches[0][1] == "have"
    assert result.matches[0][0].replacements[0] == "has"  # type: ignore[index]


@pytest.mark.parametrize(
    "prefix",
    ["😀 ", "🇧🇾🇷🇺 ", "👨‍👩‍👧 family 𝐁old ", "line\u2028sep 😀😀😀 "],
)
def test_astral_characters_before_an_error(lt_url: str, prefix: str) -> None:
    text = prefix + "He have a apple 😀 today."
    result = make_backend(lt_url).check_paragraphs([Paragraph(text)], "en-US", NO_SPELLER)
    matches = found(text, result.matches[0])
    assert ("HE_VERB_AGR", "have") in matches
    assert ("EN_A_VS_AN", "a") in matches
    agreement = next(m for m in result.matches[0] or () if m.rule_id == "HE_VERB_AGR")
    assert agreement.offset == len(prefix) + 3  # code points, not UTF-16 units


def test_astral_character_inside_an_error(lt_url: str) -> None:
    text = "We met the 𝐁oss 𝐁oss today."
    result = make_backend(lt_url).check_paragraphs([Paragraph(text)], "en-US", NO_SPELLER)
    assert ("ENGLISH_WORD_REPEAT_RULE", "𝐁oss 𝐁oss") in found(text, result.matches[0])


def test_markdown_paragraph_sent_as_annotation(lt_url: str) -> None:
    original = "😀 Run `pip install pressqa` on **every** machine; he have `x` a apple."
    masked = (
        original.replace("`pip install pressqa`", MASK * len("`pip install pressqa`"))
        .replace("**", MASK * 2)
        .replace("`x`", MASK * 3)
    )
    result = make_backend(lt_url).check_paragraphs([Paragraph(original, masked)], "en-US", NO_SPELLER)
    matches = found(original, result.matches[0])
    assert ("HE_VERB_AGR", "have") in matches
    assert ("EN_A_VS_AN", "a") in matches
    # Nothing is reported inside the masked code.
    for match in result.matches[0] or ():
        assert MASK not in masked[match.offset : match.offset + match.length]


def test_code_inside_markup_is_not_checked(lt_url: str) -> None:
    original = "Call `he have a apple` to start."
    code = "`he have a apple`"
    masked = original.replace(code, MASK * len(code))
    result = make_backend(lt_url).check_paragraphs([Paragraph(original, masked)], "en-US", NO_SPELLER)
    assert found(original, result.matches[0]) == []


def test_results_are_cached_per_paragraph(lt_url: str, tmp_path: Path) -> None:
    paragraphs = [Paragraph(f"He have {n} apples.") for n in range(4)]
    first = make_backend(lt_url, tmp_path).check_paragraphs(paragraphs, "en-GB", NO_SPELLER)
    second = make_backend(lt_url, tmp_path).check_paragraphs(paragraphs, "en-GB", NO_SPELLER)
    assert (first.sent, second.sent, second.cached) == (4, 0, 4)
    assert first.matches == second.matches


def test_server_killed_mid_run(own_lt_server: OwnServer, tmp_path: Path) -> None:
    backend = make_backend(own_lt_server.url, tmp_path, workers=2, timeout=20)
    backend.check_paragraphs([Paragraph("Warm up the server.")], "en-GB", NO_SPELLER)
    sentence = "The delegation discussed trade, energy and the {n} programme of cooperation. "
    paragraphs = [Paragraph(sentence.format(n=n) * 12 + "He have it.") for n in range(400)]
    killer = threading.Timer(1.0, own_lt_server.kill)
    killer.start()
    started = time.monotonic()
    try:
        result = backend.check_paragraphs(paragraphs, "en-GB", NO_SPELLER)
    finally:
        killer.cancel()
    elapsed = time.monotonic() - started
    assert elapsed < 30, f"took {elapsed:.1f} s after the server died"
    assert result.error is not None
    assert result.error.kind in ("connection", "timeout")
    assert "\n" not in str(result.error)
    checked = [m for m in result.matches if m is not None]
    assert len(checked) < len(paragraphs)
    assert all(("HE_VERB_AGR", "have") in [(x.rule_id, "have") for x in m] for m in checked)
    # Only the paragraphs that got an answer are in the cache.
    cache = ResultCache(tmp_path / "results.sqlite3")
    options_key = NO_SPELLER.cache_key()
    keys = [cache_key(p.text, "en-GB", options_key, backend.info.fingerprint) for p in paragraphs]
    stored = cache.get_many(keys)
    assert len(stored) == len(checked)
    assert all(result.matches[i] is not None for i, k in enumerate(keys) if k in stored)
    # A later run against the dead server fails at once, cleanly.
    started = time.monotonic()
    later = backend.check_paragraphs([Paragraph("A new paragraph.")], "en-GB", NO_SPELLER)
    assert later.error is not None and time.monotonic() - started < 5


def test_dead_url_is_a_clean_skip(own_lt_server: OwnServer, tmp_path: Path) -> None:
    own_lt_server.kill()
    backend, reason = open_backend(own_lt_server.url, "server", env={}, cache_dir=tmp_path)
    assert backend is None and reason and reason.startswith("grammar skipped: ")


def test_local_mode_starts_a_warm_server_and_reuses_it(lt_home: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PRESSQA_LANGUAGETOOL_HOME": str(lt_home)}
    env.pop("PRESSQA_LANGUAGETOOL_URL", None)
    manager = ServerManager(tmp_path, env=env, allow_download=False)
    try:
        started = time.monotonic()
        backend, reason = open_backend(None, "auto", env=env, cache_dir=tmp_path, ready_timeout=120)
        cold = time.monotonic() - started
        assert reason is None and backend is not None, reason
        assert backend.describe().endswith("(local server)")
        result = backend.check_paragraphs([Paragraph("He have a car.")], "en-GB", NO_SPELLER)
        assert result.complete and result.matches[0]
        backend.close()

        started = time.monotonic()
        again, reason = open_backend(None, "local", env=env, cache_dir=tmp_path)
        warm = time.monotonic() - started
        assert again is not None and again.client.base_url == backend.client.base_url
        assert warm < min(cold, 2.0)
        again.close()
    finally:
        stopped = manager.stop()
    assert stopped is not None
    with pytest.raises(LanguageToolError):
        LanguageToolClient(stopped.url, timeout=2).healthcheck()
