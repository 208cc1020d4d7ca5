"""The grammar kind: LanguageTool matches as findings, options, and what happens without a server."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lthelpers import DATA_DIR, ReplayServer, load_recording
from pressqa.config import Config, GrammarSettings
from pressqa.document import Document
from pressqa.engine import Engine
from pressqa.finding import Finding, Severity
from pressqa.kinds.grammar import GrammarKind, GrammarUnavailable
from pressqa.languagetool import GrammarBackend, LanguageToolClient, open_backend
from pressqa.languagetool.cache import ResultCache
from pressqa.loader import builtin_rules_dir, load_rules
from pressqa.rule import KindContext, Rule

SEED = DATA_DIR / "seed_000.txt"  # shared/seeds/000_3b97f8fa225a8ac7.txt
RULES, _ERRORS = load_rules([builtin_rules_dir()])
RULE = RULES["grammar.languagetool"]


def context_with(lt_backend: object = None, **grammar: object) -> KindContext:
    config = Config(grammar=GrammarSettings(**grammar))  # type: ignore[arg-type]
    return KindContext(grammar=lt_backend, settings={"config": config})


def run(text: str, context: KindContext, path: str = "release.txt", rule: Rule = RULE) -> list[Finding]:
    return Engine([rule], context).check_document(Document.from_text(path, text))


def replay_backend(server: ReplayServer, tmp_path: Path) -> GrammarBackend:
    client = LanguageToolClient(server.url)
    return GrammarBackend(client, client.info(), cache=ResultCache(tmp_path / "c.sqlite3"))


# -- with recorded LanguageTool answers ----------------------------------------------


def test_matches_become_findings_with_sub_ids(replay_server: ReplayServer, tmp_path: Path) -> None:
    text = load_recording("astral_before")["request"]["text"]
    rule = Rule(**{**RULE.__dict__, "options": {"disabled_categories": ["TYPOS"]}})
    context = context_with(replay_backend(replay_server, tmp_path))
    # The recording was made for en-US; the replay server answers by text alone.
    findings = run(text, context, rule=rule)
    assert [(f.rule, text[f.start : f.end]) for f in findings] == [
        ("grammar.languagetool/EN_A_VS_AN", "a"),
        ("grammar.languagetool/HE_VERB_AGR", "have"),
    ]
    a_an, agreement = findings
    assert (a_an.line, a_an.column) == (1, text.index("😀a") + 2)
    assert a_an.suggestions == ("an",)
    assert not a_an.fixable
    assert a_an.severity == Severity.WARNING
    assert "third-person" in agreement.message
    assert agreement.suggestions[:2] == ("has", "had")


def test_config_enable_and_disable_reach_languagetool(
    replay_server: ReplayServer, tmp_path: Path
) -> None:
    context = context_with(
        replay_backend(replay_server, tmp_path),
        enable=("ENGLISH_WORD_REPEAT_RULE", "category:STYLE"),
        disable=("EN_A_VS_AN", "category:GRAMMAR"),
    )
    run("Some text.", context)
    _, params = replay_server.state.requests[-1]
    enabled_rules = params.get("enabledRules", "").split(",")
    disabled_rules = params["disabledRules"].split(",")
    assert "ENGLISH_WORD_REPEAT_RULE" in enabled_rules
    assert "ENGLISH_WORD_REPEAT_RULE" not in disabled_rules
    assert "EN_A_VS_AN" in disabled_rules and "MORFOLOGIK_RULE_EN_GB" in disabled_rules
    assert "STYLE" in params["enabledCategories"].split(",")
    assert "STYLE" not in params["disabledCategories"].split(",")
    assert "GRAMMAR" in params["disabledCategories"].split(",")
    assert "TYPOS" in params["disabledCategories"].split(",")
    assert params["language"] == "en-GB"


def test_language_variant_is_passed_on(replay_server: ReplayServer, tmp_path: Path) -> None:
    context = context_with(replay_backend(replay_server, tmp_path))
    context.settings = {"config": Config(language="en-US")}
    run("Some text.", context)
    assert replay_server.state.requests[-1][1]["language"] == "en-US"


def test_severity_map_rule_severity_and_off(replay_server: ReplayServer, tmp_path: Path) -> None:
    text = load_recording("a_an_and_agreement")["request"]["text"]
    options = {
        "severity_map": {"misspelling": "error", "grammar": "off"},
        "rule_severity": {},
    }
    rule = Rule(**{**RULE.__dict__, "options": options})
    findings = run(text, context_with(replay_backend(replay_server, tmp_path)), rule=rule)
    assert [(f.rule, f.severity) for f in findings] == [
        ("grammar.languagetool/EN_A_VS_AN", Severity.ERROR)
    ]
    rule = Rule(**{**RULE.__dict__, "options": {"rule_severity": {"EN_A_VS_AN": "suggestion"}}})
    findings = run(text, context_with(replay_backend(replay_server, tmp_path)), rule=rule)
    assert {f.rule: f.severity for f in findings}["grammar.languagetool/EN_A_VS_AN"] == Severity.SUGGESTION


def test_option_validation() -> None:
    problems = GrammarKind.validate(
        {
            "disabled_rules": ["A,B", 3],
            "level": "loud",
            "severity_map": {"grammar": "fatal"},
            "rule_severity": {"X": "off"},
        }
    )
    keys = [key for key, _ in problems]
    assert keys.count("disabled_rules") == 2
    assert "level" in keys and "severity_map" in keys
    assert "rule_severity" not in keys


def test_builtin_rule_loads_and_turns_the_speller_off() -> None:
    assert not _ERRORS
    options = RULE.options
    assert "TYPOS" in options["disabled_categories"]
    assert {"MORFOLOGIK_RULE_EN_GB", "MORFOLOGIK_RULE_EN_US"} <= set(options["disabled_rules"])
    assert RULE.fail and RULE.passing


# -- without a server ----------------------------------------------------------------


def test_off_means_no_findings_and_no_notice() -> None:
    context = context_with(backend="off")
    assert run("He have a apple.", context) == []
    assert context.notices == []


def test_unreachable_server_gives_one_notice_and_no_findings(tmp_path: Path) -> None:
    with ReplayServer() as unused:
        url = unused.url
    context = context_with(backend="server", url=url)
    started = time.monotonic()
    engine = Engine([RULE], context)
    for name in ("a.txt", "b.txt", "c.txt"):
        assert engine.check_document(Document.from_text(name, "He have a apple.")) == []
    assert time.monotonic() - started < 5
    assert len(context.notices) == 1
    assert context.notices[0].startswith("pressqa: grammar skipped: ")
    assert "connection refused" in context.notices[0]


def test_required_grammar_raises(tmp_path: Path) -> None:
    with ReplayServer() as unused:
        url = unused.url
    context = context_with(backend="server", url=url, require=True)
    with pytest.raises(GrammarUnavailable, match="grammar is required"):
        run("He have a apple.", context)


def test_server_failing_mid_run_stops_grammar_for_the_run(
    replay_server: ReplayServer, tmp_path: Path
) -> None:
    context = context_with(replay_backend(replay_server, tmp_path))
    engine = Engine([RULE], context)
    engine.check_document(Document.from_text("a.txt", "First file."))
    replay_server.state.routes["/v2/check"] = (500, b"Error: boom")
    assert engine.check_document(Document.from_text("b.txt", "Second file.")) == []
    count = replay_server.state.check_count()
    assert engine.check_document(Document.from_text("c.txt", "Third file.")) == []
    assert replay_server.state.check_count() == count  # not asked again in this run
    assert len(context.notices) == 1 and "grammar incomplete" in context.notices[0]


# -- against the real LanguageTool -----------------------------------------------------


@pytest.fixture
def real_context(lt_url: str, tmp_path: Path) -> KindContext:
    backend, reason = open_backend(lt_url, "server", env={}, cache_dir=tmp_path)
    assert backend is not None, reason
    return context_with(backend)


@pytest.mark.languagetool
def test_seed_release_raises_no_grammar_warning(real_context: KindContext) -> None:
    findings = run(SEED.read_text(encoding="utf-8"), real_context)
    assert [f for f in findings if f.severity >= Severity.WARNING] == []


@pytest.mark.languagetool
def test_seed_paragraph_with_planted_slips(real_context: KindContext) -> None:
    text = (
        "“Just in recent weeks, for example, Venezuela, Cuba, and Ira, our common partners, "
        "have faced the most crude interference. Primarily through economic means.” "
        "He have said that it is a important step."
    )
    findings = run(text, real_context)
    found = {(f.rule, text[f.start : f.end]) for f in findings if f.severity >= Severity.WARNING}
    assert found == {
        ("grammar.languagetool/HE_VERB_AGR", "have"),
        ("grammar.languagetool/EN_A_VS_AN", "a"),
    }


@pytest.mark.languagetool
def test_emoji_before_an_error_gives_the_right_column(real_context: KindContext) -> None:
    text = "Headline 🇧🇾\n\n😀😀 The minister ate a apple 𝐁 today."
    findings = run(text, real_context)
    a_an = next(f for f in findings if f.rule.endswith("/EN_A_VS_AN"))
    assert (a_an.line, a_an.column) == (3, len("😀😀 The minister ate ") + 1)
    assert text[a_an.start : a_an.end] == "a"


@pytest.mark.languagetool
def test_markdown_file_with_code(real_context: KindContext) -> None:
    text = (
        "# Press release\n"
        "\n"
        "Run `he have a apple` to install, then read the [guide](https://example.org/a_apple).\n"
        "\n"
        "```\n"
        "he have a apple\n"
        "```\n"
        "\n"
        "    he have a apple (indented code)\n"
        "\n"
        "**He** have signed the agreement on an `x86` basis.\n"
    )
    findings = run(text, real_context, path="release.md")
    reported = [(f.line, f.column, text[f.start : f.end]) for f in findings if f.severity >= Severity.WARNING]
    assert reported == [(11, len("**He** ") + 1, "have")]
