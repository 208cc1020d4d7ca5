"""`-j N` checks files in worker processes and gives exactly the output of a one-process run."""

from __future__ import annotations

from pathlib import Path

from pressqa.runner import RunOptions, run


def _corpus(folder: Path) -> None:
    folder.mkdir()
    for index in range(6):
        name = "Alexander" if index == 5 else "Aleksandr"
        text = f"{name} Lukashenko met the delegation in in Minsk on {index + 1} May.\n"
        (folder / f"release-{index}.txt").write_text(text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xff\xfe not UTF-8 \xc3")


def _lines(options: RunOptions) -> list[tuple[str, int, int, str]]:
    result = run(options)
    return [(f.path, f.line, f.column, f.rule) for f in result.findings] + [(e.path, 0, 0, "error") for e in result.errors]


def test_parallel_run_matches_a_single_process_run(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    _corpus(folder)
    single = _lines(RunOptions(paths=[str(folder)], ignore=["grammar"]))
    parallel = _lines(RunOptions(paths=[str(folder)], ignore=["grammar"], jobs=2))
    assert parallel == single
    rules = {rule for _, _, _, rule in single}
    assert "words.doubled" in rules
    assert "consistency.name-variants-across-files" in rules, "cross-file observations must survive the workers"
    assert (str(folder / "broken.txt"), 0, 0, "error") in single


def test_parallel_fix_writes_each_file_once(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    _corpus(folder)
    result = run(RunOptions(paths=[str(folder)], select=["words"], fix=True, jobs=2))
    assert result.files_fixed == 6
    assert (folder / "release-0.txt").read_text(encoding="utf-8") == "Aleksandr Lukashenko met the delegation in Minsk on 1 May.\n"


def test_parallel_run_honours_suppression_of_cross_file_findings(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    _corpus(folder)
    quiet = "<!-- pressqa-disable-next-line consistency -->\nAlexander Lukashenko met the delegation in Minsk.\n"
    (folder / "release-5.txt").write_text(quiet, encoding="utf-8")
    for jobs in (1, 2):
        lines = _lines(RunOptions(paths=[str(folder)], ignore=["grammar"], jobs=jobs, cache=False))
        assert not any(rule.startswith("consistency") for _, _, _, rule in lines), f"-j {jobs}"
