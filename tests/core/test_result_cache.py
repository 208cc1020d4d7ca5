"""The result cache: a repeat run gives exactly a fresh run's output, checks only changed files, and never lies."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from pressqa.finding import Finding, Severity
from pressqa.result_cache import CachedFile, ResultCache, digest
from pressqa.runner import Runner, RunOptions, run
from tests.core.conftest import CliResult

Row = tuple[str, int, int, str, str]


def _releases(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    for index in range(5):
        name = "Alexander" if index == 4 else "Aleksandr"
        text = f"{name} Lukashenko met the delegation in in Minsk on {index + 1} May.\n"
        (folder / f"release-{index}.txt").write_text(text, encoding="utf-8")


def _rows(options: RunOptions) -> list[Row]:
    result = run(options)
    rows = [(f.path, f.line, f.column, f.rule, f.message) for f in result.findings]
    return rows + [(e.path, 0, 0, "error", e.message) for e in result.errors]


def _options(folder: Path, **changes: object) -> RunOptions:
    return RunOptions(paths=[str(folder)], ignore=["grammar"], **changes)  # type: ignore[arg-type]


def _cache_files(kind: str) -> list[Path]:
    return sorted((Path(os.environ["PRESSQA_CACHE_DIR"]) / kind).glob("*.pickle"))


def test_a_repeat_run_gives_the_fresh_runs_findings_without_building_the_engine(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    _releases(folder)
    fresh = _rows(_options(folder, cache=False))
    first = _rows(_options(folder))
    runner = Runner(_options(folder))
    result = runner.run()
    again = [(f.path, f.line, f.column, f.rule, f.message) for f in result.findings]
    assert first == fresh == again
    assert {"words.doubled", "consistency.name-variants-across-files"} <= {row[3] for row in again}
    assert [rule_set.engine_built for rule_set in runner._rule_sets.values()] == [False], "nothing changed: no check"
    assert len(_cache_files("results")) == 1 and len(_cache_files("rules")) == 1


def test_a_changed_file_is_checked_again_and_cross_file_findings_follow(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    _releases(folder)
    before = _rows(_options(folder))
    assert any(row[3] == "consistency.name-variants-across-files" for row in before)
    (folder / "release-4.txt").write_text("Aleksandr Lukashenko met the delegation in Minsk.\n", encoding="utf-8")
    (folder / "release-5.txt").write_text("The the talks went well.\n", encoding="utf-8")
    after = _rows(_options(folder))
    assert after == _rows(_options(folder, cache=False))
    assert not any(row[3] == "consistency.name-variants-across-files" for row in after)
    assert any(row[0].endswith("release-5.txt") and row[3] == "words.doubled" for row in after)


def test_parallel_runs_share_the_cache_and_give_the_same_output(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    _releases(folder)
    fresh = _rows(_options(folder, cache=False))
    assert _rows(_options(folder, jobs=2)) == fresh  # workers fill the cache through the parent
    assert _rows(_options(folder, jobs=2)) == fresh  # and read it
    assert _rows(_options(folder)) == fresh


def test_suppressed_cross_file_findings_stay_suppressed_when_served_from_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    _releases(folder)
    quiet = "<!-- pressqa-disable-next-line consistency -->\nAlexander Lukashenko met the delegation in Minsk on 5 May.\n"
    (folder / "release-4.txt").write_text(quiet, encoding="utf-8")
    fresh = _rows(_options(folder, cache=False))
    assert not any(row[3].startswith("consistency") for row in fresh)
    _rows(_options(folder))
    (folder / "release-0.txt").write_text("Aleksandr Lukashenko spoke.\n", encoding="utf-8")  # cross-file redone
    assert _rows(_options(folder)) == _rows(_options(folder, cache=False))
    assert not any(row[3].startswith("consistency") for row in _rows(_options(folder)))


def test_a_changed_house_rule_is_never_answered_from_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    _releases(folder)
    house = tmp_path / "house" / "style"
    house.mkdir(parents=True)
    (tmp_path / "pressqa.toml").write_text('rule-dirs = ["house"]\n', encoding="utf-8")
    rule = (
        "kind: pattern\nseverity: warning\nmessage: \"Write '{suggestion}', not '{match}'\"\n"
        "description: |\n  Problem: p.\n  Why it matters: w.\n  Example: e.\n  Use instead: u.\n"
        "swap:\n  WORD: visitors\n"
    )
    (house / "office.yaml").write_text(rule.replace("WORD", "delegation"), encoding="utf-8")
    assert any(row[3] == "style.office" for row in _rows(_options(folder)))
    (house / "office.yaml").write_text(rule.replace("WORD", "nothing-here"), encoding="utf-8")
    assert not any(row[3] == "style.office" for row in _rows(_options(folder)))


def test_a_damaged_cache_file_is_only_a_miss(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    _releases(folder)
    fresh = _rows(_options(folder))
    for file in _cache_files("results") + _cache_files("rules"):
        file.write_bytes(b"not a pickle")
    assert _rows(_options(folder)) == fresh


def test_no_cache_and_fix_neither_read_nor_write_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "releases"
    _releases(folder)
    _rows(_options(folder, cache=False))
    monkeypatch.setenv("PRESSQA_NO_CACHE", "1")
    _rows(_options(folder))
    assert _cache_files("results") == []
    monkeypatch.delenv("PRESSQA_NO_CACHE")
    before = _rows(_options(folder))
    assert any(row[3] == "words.doubled" for row in before)
    fixed = run(_options(folder, fix=True, select=["words"]))
    assert fixed.files_fixed == 5
    assert not any(row[3] == "words.doubled" for row in _rows(_options(folder))), "fixed files are new content"


def test_an_entry_is_tied_to_the_files_bytes_and_the_name_it_was_given(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "results.pickle")
    finding = Finding("a.txt", "words.doubled", Severity.WARNING, "m", 0, 3, 1, 1, 1, 4)
    cache.put(CachedFile.of("a.txt", digest(b"the the"), [finding], {"rule": ["state"]}, []))
    cache.save()
    again = ResultCache(tmp_path / "results.pickle")
    entry = again.get("a.txt", digest(b"the the"))
    assert entry is not None and entry.findings == (finding,) and entry.states() == {"rule": ["state"]}
    assert again.get("a.txt", digest(b"the the!")) is None
    assert again.get(os.path.abspath("a.txt"), digest(b"the the")) is None, "findings carry the name as given"


def test_grammar_findings_are_never_cached(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    _releases(folder)
    runner = Runner(RunOptions(paths=[str(folder)]))
    config = runner.config_for(str(folder / "release-0.txt"))
    rule_set = runner.rule_set(config)
    grammar = Finding("a.txt", "grammar.languagetool/EN_A_VS_AN", Severity.WARNING, "m", 0, 1, 1, 1, 1, 2)
    doubled = Finding("a.txt", "words.doubled", Severity.WARNING, "m", 0, 1, 1, 1, 1, 2)
    assert rule_set.uncacheable
    assert not rule_set.cacheable(grammar) and rule_set.cacheable(doubled)


def test_cache_clear_forgets_results_and_cache_dir_names_the_folder(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    folder = tmp_path / "releases"
    _releases(folder)
    _rows(_options(folder))
    assert _cache_files("results") and _cache_files("rules")
    assert cli("cache", "dir").stdout.strip() == os.environ["PRESSQA_CACHE_DIR"]
    cleared = cli("cache", "clear")
    assert cleared.exit_code == 0 and cleared.stdout.startswith("removed 3 cache files")
    assert _cache_files("results") == [] and _cache_files("rules") == []


def test_no_cache_keeps_no_parsed_data_either(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    _releases(folder)
    _rows(_options(folder, cache=False))
    assert not (Path(os.environ["PRESSQA_CACHE_DIR"]) / "data").exists()
    _rows(_options(folder))
    assert _cache_files("data")


@pytest.mark.languagetool
def test_grammar_runs_afresh_on_a_cached_file_and_is_never_stored(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "release.txt").write_text("He have said that it is a important step in in Minsk.\n", encoding="utf-8")
    options = RunOptions(paths=[str(folder)], select=["grammar", "words"])
    first = _rows(options)
    assert {"grammar.languagetool/EN_A_VS_AN", "words.doubled"} <= {row[3] for row in first}
    assert _rows(options) == first, "the cached run gives the same findings, grammar included"
    stored = ResultCache(_cache_files("results")[0])
    entry = stored.get(str(folder / "release.txt"), digest((folder / "release.txt").read_bytes()))
    assert entry is not None
    assert {f.rule for f in entry.findings} == {"words.doubled"}
