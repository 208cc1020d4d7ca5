"""What pressqa prints for examples/ is pinned in tests/data/examples.golden.txt.

After a deliberate change to rules or examples, regenerate and read the diff:

    PRESSQA_UPDATE_GOLDEN=1 python -m pytest tests/test_examples_golden.py

Grammar is left out (`--ignore grammar`): its findings depend on a LanguageTool server.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pressqa.config import load_config
from pressqa.loader import load_rules
from tests.rule_examples import run_rule

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
GOLDEN = Path(__file__).resolve().parent / "data" / "examples.golden.txt"
CHECK = ["check", "--format", "text", "--quiet", "--ignore", "grammar"]
CONFIG_KEYS = (
    "language",
    "select",
    "ignore",
    "[severity]",
    "rule-dirs",
    "exclude",
    "accept",
    "bilingual",
    "min-severity",
    "fail-on",
    "[grammar]",
    "backend",
    "url",
    "require",
    "enable",
    "disable",
    "idle-timeout-minutes",
)


def _pressqa(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PRESSQA_LANGUAGETOOL_URL"}
    return subprocess.run(
        [sys.executable, "-m", "pressqa", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )


def test_examples_output_matches_the_golden_file() -> None:
    result = _pressqa(*CHECK, "examples")
    assert result.returncode == 1, result.stderr  # the planted defects are warnings and errors
    if os.environ.get("PRESSQA_UPDATE_GOLDEN"):
        GOLDEN.write_text(result.stdout, encoding="utf-8", newline="\n")
    expected = GOLDEN.read_text(encoding="utf-8")
    assert result.stdout == expected, "output changed: PRESSQA_UPDATE_GOLDEN=1 regenerates it (read the diff)"


def test_the_golden_output_covers_every_planted_defect_group() -> None:
    lines = GOLDEN.read_text(encoding="utf-8").splitlines()
    for rule in (
        "words.doubled",
        "quotes.reversed",
        "typography.guillemets",
        "translationese.abbreviations",
        "numbers.decimal-comma",
        "numbers.space-thousands",
        "typography.double-space",
        "typography.space-before-punctuation",
        "typography.missing-space-after-sentence",
        "numbers.ordinal-suffix",
        "house.wordy-phrases",
        "spelling.misspelling",
        "spelling.run-together",
        "script.homoglyph",
        "names.near-miss",
        "consistency.name-variants",
        "consistency.spelling-variant",
    ):
        for release in ("eaeu-trade-release.txt", "forum-of-regions-release.md"):
            if rule == "house.wordy-phrases" and release.endswith(".md"):
                continue
            flagged = [line for line in lines if line.startswith(f"examples/{release}:") and f" [{rule}] " in line]
            assert flagged, f"{rule} raised nothing in {release}"


def test_the_clean_release_is_clean() -> None:
    result = _pressqa(*CHECK, "examples/clean-release.md")
    assert (result.returncode, result.stdout) == (0, "")


def test_markdown_front_matter_code_and_links_are_not_checked() -> None:
    golden_lines = GOLDEN.read_text(encoding="utf-8").splitlines()
    release = (EXAMPLES / "forum-of-regions-release.md").read_text(encoding="utf-8").split("\n")
    skipped = {1, 2, 3, 4}  # front matter
    for number, line in enumerate(release, start=1):
        if line.startswith("```") or "](" in line or "`FORUM" in line:
            skipped.add(number)
    inside = False
    for number, line in enumerate(release, start=1):
        if line.startswith("```"):
            inside = not inside
        elif inside:
            skipped.add(number)
    flagged = [
        int(line.split(":")[1]) for line in golden_lines if line.startswith("examples/forum-of-regions-release.md:")
    ]
    assert flagged and not set(flagged) & skipped


def test_the_sample_config_shows_every_key_and_loads() -> None:
    text = (EXAMPLES / "pressqa.toml").read_text(encoding="utf-8")
    for key in CONFIG_KEYS:
        assert key in text, key
    config = load_config(EXAMPLES / "pressqa.toml")
    assert config.rule_dirs == ((EXAMPLES / "house-rules").resolve(),)
    assert config.grammar.idle_timeout == 30


def test_the_house_rule_loads_and_its_examples_hold() -> None:
    rules, errors = load_rules([EXAMPLES / "house-rules"])
    assert errors == []
    rule = rules["house.wordy-phrases"]
    assert rule.fail and rule.passing
    for example in rule.fail:
        assert [f.rule for f in run_rule(rule, example.text)] == ["house.wordy-phrases"], example.text
    for example in rule.passing:
        assert run_rule(rule, example.text) == [], example.text


@pytest.mark.parametrize("release", ["clean-release.md", "eaeu-trade-release.txt", "forum-of-regions-release.md"])
def test_example_releases_are_press_release_length(release: str) -> None:
    import re

    words = len(re.findall(r"\w+", (EXAMPLES / release).read_text(encoding="utf-8")))
    assert 200 <= words <= 420, words
