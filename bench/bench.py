"""Benchmark pressqa against codespell on a folder of releases, and time the one-file pre-commit case.

    python bench/bench.py FOLDER [--runs N] [--pressqa-args "..."] [--single [FILE]]

Whole process: `pressqa check --quiet --format json FOLDER` (best of N and median), so start-up,
rule loading and word data count; timed with --no-cache, into an empty result cache, after one file
changed, and with nothing changed, each in a private cache folder. In-process: the same rules through pressqa's engine on
documents already read, each pass in a process forked after imports, rule loading and reading the
word data, so checking counts (with the indexes and per-word judgements it builds) and loading does not. codespell runs over the
same folder in the same run (its exit code ignored) for the ratio the design's budget names.
Words are counted as /work/shared/eval/score.py counts them: `re.findall(r"\\w+", text)`.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_PRESSQA_ARGS = "--ignore grammar"  # the budget is for the built-in rules without grammar
IMPORT_LINE = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|\s?(.*)$")


@dataclass(frozen=True)
class Timing:
    """Wall times of repeated runs of one thing."""

    seconds: tuple[float, ...]

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def count_words(text: str) -> int:
    """Words as the corpus scorer counts them."""
    return len(re.findall(r"\w+", text))


def release_files(folder: Path) -> list[Path]:
    """The files pressqa checks in a folder, in its own order."""
    from pressqa.runner import iter_files

    return [Path(p) for p in iter_files([str(folder)])]


def time_runs(
    command: Sequence[str],
    runs: int,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    before: Callable[[int], None] | None = None,
) -> Timing:
    """Best-of and median wall time of a command; its output is discarded and its exit code ignored.

    `before(i)` runs untimed before the i-th run (to empty a cache or edit a file).
    """
    seconds = []
    for index in range(runs):
        if before is not None:
            before(index)
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        seconds.append(time.perf_counter() - start)
    return Timing(tuple(seconds))


def pressqa_command(paths: Sequence[str], pressqa_args: Sequence[str]) -> list[str]:
    """The whole-process pressqa run, through this interpreter so the checkout being measured is the one run."""
    return [sys.executable, "-m", "pressqa", "check", "--quiet", "--format", "json", *pressqa_args, *paths]


def _selection(pressqa_args: Sequence[str]) -> tuple[list[str] | None, list[str] | None]:
    """--select / --ignore prefixes among the pressqa arguments, so the in-process run checks the same rules."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--select", action="append")
    parser.add_argument("--ignore", action="append")
    known, _ = parser.parse_known_args(list(pressqa_args))

    def split(values: list[str] | None) -> list[str] | None:
        return [p.strip() for v in values for p in v.split(",") if p.strip()] if values else None

    return split(known.select), split(known.ignore)


def in_process(files: Sequence[Path], runs: int, pressqa_args: Sequence[str]) -> tuple[Timing, float, int]:
    """Check every document through the engine: (check timing, start-up seconds, findings per pass).

    Start-up, untimed: imports, config, rule files, kinds, and the word data read from disk (dictionary,
    gazetteers, register). Each timed pass then runs in a child process forked from that state, so it
    starts as a real run does after loading: every index derived from the data and every per-word
    judgement is built within the pass, never carried over from an earlier pass.
    """
    import multiprocessing

    from pressqa.document import Document
    from pressqa.runner import Runner, RunOptions

    select, ignore = _selection(pressqa_args)
    started = time.perf_counter()
    runner = Runner(RunOptions(paths=[str(f) for f in files], select=select, ignore=ignore, cache=False))
    rule_set = runner.rule_set(runner.config_for(str(files[0])))
    engine = rule_set.engine
    lexicon = engine.context.lexicon
    for part in ("words", "names", "register"):
        getattr(lexicon, part)  # the data files, read and parsed
    texts = [(str(f), f.read_text(encoding="utf-8")) for f in files]
    startup = time.perf_counter() - started
    minimum = rule_set.config.min_severity

    def one_pass(connection: Any) -> None:
        start = time.perf_counter()
        found = [f for path, text in texts for f in engine.check_document(Document.from_text(path, text))]
        found += engine.finish()
        connection.send((time.perf_counter() - start, sum(1 for f in found if f.severity >= minimum)))

    context = multiprocessing.get_context("fork")
    seconds = []
    findings = 0
    for _ in range(runs):
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=one_pass, args=(sender,))
        child.start()
        elapsed, findings = receiver.recv()
        child.join()
        seconds.append(elapsed)
    return Timing(tuple(seconds)), startup, findings


def import_profile(top: int) -> list[tuple[float, float, str]]:
    """The slowest imports of `import pressqa.cli`: (cumulative ms, self ms, module), slowest first."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import pressqa.cli"], capture_output=True, text=True, check=True
    )
    rows = []
    for line in result.stderr.splitlines():
        match = IMPORT_LINE.match(line)
        if match:
            own, cumulative, name = match.groups()
            rows.append((int(cumulative) / 1000, int(own) / 1000, name.rstrip()))
    return sorted(rows, reverse=True)[:top]


def closest_to(files: Sequence[Path], words: int) -> Path:
    """The file whose word count is nearest to `words` (the size of a typical release)."""
    return min(files, key=lambda f: abs(count_words(f.read_text(encoding="utf-8")) - words))


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    for row in (header, *rows):
        print("  ".join(str(cell).rjust(width) for cell, width in zip(row, widths)))


def rate(words: int, seconds: float) -> str:
    return f"{words / seconds:,.0f}" if seconds > 0 else "-"


@dataclass(frozen=True)
class ProcessTimings:
    """Whole-process runs of pressqa over a folder, with and without its result cache."""

    no_cache: Timing
    empty_cache: Timing
    warm_cache: Timing
    one_file_changed: Timing


def process_timings(folder: Path, files: Sequence[Path], runs: int, pressqa_args: Sequence[str]) -> ProcessTimings:
    """Time `pressqa check` as a fresh process: afresh (--no-cache), into an empty cache, from a full cache,
    and from a full cache after one file changed (the usual repeat run), each in a private cache folder."""
    with tempfile.TemporaryDirectory(prefix="pressqa-bench-") as scratch:
        cache = Path(scratch) / "cache"
        env = {**os.environ, "PRESSQA_CACHE_DIR": str(cache)}
        env.pop("PRESSQA_NO_CACHE", None)
        no_cache = time_runs(pressqa_command([str(folder)], ["--no-cache", *pressqa_args]), runs, env=env)

        def empty(_: int) -> None:
            shutil.rmtree(cache, ignore_errors=True)

        empty_cache = time_runs(pressqa_command([str(folder)], pressqa_args), runs, env=env, before=empty)
        warm_cache = time_runs(pressqa_command([str(folder)], pressqa_args), runs, env=env)
        copy = Path(scratch) / "releases"
        shutil.copytree(folder, copy)
        edited = copy / files[len(files) // 2].relative_to(folder)
        original = edited.read_bytes()

        def edit(index: int) -> None:
            edited.write_bytes(original + f"\nEdited {index + 1} times.\n".encode())

        command = pressqa_command([str(copy)], pressqa_args)
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        changed = time_runs(command, runs, env=env, before=edit)
    return ProcessTimings(no_cache, empty_cache, warm_cache, changed)


def folder_benchmark(folder: Path, runs: int, pressqa_args: Sequence[str]) -> None:
    files = release_files(folder)
    if not files:
        sys.exit(f"bench: no .txt/.md files under {folder}")
    words = sum(count_words(f.read_text(encoding="utf-8")) for f in files)
    print(f"folder: {folder} ({len(files)} files, {words:,} words); runs: {runs}; pressqa args: {' '.join(pressqa_args)}")
    process = process_timings(folder, files, runs, pressqa_args)
    checking, startup, findings = in_process(files, runs, pressqa_args)
    codespell = shutil.which("codespell")
    spell = time_runs([codespell, str(folder)], runs) if codespell else None
    spell_rate = words / spell.best if spell else 0.0

    def row(name: str, timing: Timing) -> tuple[str, ...]:
        ratio = f"{words / timing.best / spell_rate:.2f}" if spell else "-"
        return (name, f"{words:,}", f"{timing.best:.3f}", f"{timing.median:.3f}", rate(words, timing.best), ratio)

    rows = [
        row("pressqa process, --no-cache", process.no_cache),
        row("pressqa process, empty cache", process.empty_cache),
        row("pressqa process, one file changed", process.one_file_changed),
        row("pressqa process, nothing changed", process.warm_cache),
        row("pressqa in-process (checking only)", checking),
    ]
    if spell:
        rows.append(row("codespell process", spell))
    else:
        print("codespell is not installed (pip install codespell, or the project's `bench` extra): no ratio")
    print()
    print_table(("", "words", "best s", "median s", "words/s", "x codespell"), rows)
    print()
    print(f"in-process: start-up (imports, rules, kinds, word data read from disk) {startup:.3f} s; "
          f"{findings} findings at the reported level per pass; "
          f"{checking.best / len(files) * 1000:.1f} ms per document")


def single_file_benchmark(path: Path, runs: int, pressqa_args: Sequence[str], top: int) -> None:
    words = count_words(path.read_text(encoding="utf-8"))
    print(f"single file (the pre-commit case): {path} ({words} words); runs: {runs}")
    # A file being committed has just changed, so the hook's cost is a run without cached results.
    process = time_runs(pressqa_command([str(path)], ["--no-cache", *pressqa_args]), runs)
    with tempfile.TemporaryDirectory(prefix="pressqa-bench-") as cache:
        env = {**os.environ, "PRESSQA_CACHE_DIR": cache}
        cached = time_runs(pressqa_command([str(path)], pressqa_args), runs + 1, env=env)
    cached = Timing(cached.seconds[1:])  # the first run filled the cache
    bare = time_runs([sys.executable, "-c", "pass"], runs)
    imports = time_runs([sys.executable, "-c", "import pressqa.cli"], runs)
    print()
    print_table(
        ("", "best s", "median s"),
        [
            ("pressqa check --no-cache FILE (import + load + check)", f"{process.best:.3f}", f"{process.median:.3f}"),
            ("pressqa check FILE, unchanged since the last run", f"{cached.best:.3f}", f"{cached.median:.3f}"),
            ("python -c 'import pressqa.cli'", f"{imports.best:.3f}", f"{imports.median:.3f}"),
            ("python -c pass (interpreter start)", f"{bare.best:.3f}", f"{bare.median:.3f}"),
        ],
    )
    print()
    print(f"python -X importtime -c 'import pressqa.cli': top {top} by cumulative time")
    print_table(("cumulative ms", "self ms", "module"), [(f"{c:.1f}", f"{s:.1f}", n) for c, s, n in import_profile(top)])


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of releases, e.g. /work/shared/corpus/dev")
    parser.add_argument("--runs", type=int, default=5, help="repetitions; best and median are shown [5]")
    parser.add_argument(
        "--pressqa-args",
        default=DEFAULT_PRESSQA_ARGS,
        help=f"extra arguments for `pressqa check`, one string [{DEFAULT_PRESSQA_ARGS!r}]",
    )
    parser.add_argument(
        "--single",
        nargs="?",
        const="",
        metavar="FILE",
        help="also time one file as a pre-commit hook would (default: the folder's file nearest 500 words)",
    )
    parser.add_argument("--top", type=int, default=12, help="import-time entries to show [12]")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    pressqa_args = shlex.split(args.pressqa_args)

    folder_benchmark(args.folder, args.runs, pressqa_args)
    if args.single is not None:
        print()
        path = Path(args.single) if args.single else closest_to(release_files(args.folder), 500)
        single_file_benchmark(path, args.runs, pressqa_args, args.top)


if __name__ == "__main__":
    main()
