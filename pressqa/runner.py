"""One run of `pressqa check`: find files and their configs, build rule sets, check, fix, decide the exit code."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from pressqa.cache_dir import FILE_RESULTS, PARSED_RULES, result_cache_dir
from pressqa.config import (
    Config,
    ConfigError,
    find_config_file,
    load_config,
    with_overrides,
)
from pressqa.document import MARKDOWN_SUFFIXES, Document, DocumentError, read_bytes
from pressqa.engine import Engine, one_per_span
from pressqa.finding import Finding, Severity
from pressqa.fix import apply_fixes, encode, write_atomically
from pressqa.formatters import InputError
from pressqa.kinds import UNCACHEABLE_KINDS
from pressqa.lexicon import Lexicon
from pressqa.loader import builtin_rules_dir, load_rules
from pressqa.result_cache import (
    CachedFile,
    ResultCache,
    digest,
    settings_fingerprint,
    source_fingerprint,
)
from pressqa.rule import KindContext, KindUnavailable, Rule
from pressqa.rule_cache import load_rules_remembered
from pressqa.selection import active_rules, unmatched_prefixes
from pressqa.suppression import Silence

CHECKED_SUFFIXES = frozenset({".txt", ".text"} | MARKDOWN_SUFFIXES)
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A problem with the run as a whole (config, rule files, options): exit 2 before checking."""


@dataclass(frozen=True)
class RunOptions:
    """What the command line asked for; None means 'take it from the config'."""

    paths: Sequence[str]
    config: Path | None = None
    select: Sequence[str] | None = None
    ignore: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    min_severity: Severity | None = None
    fail_on: Severity | None = None
    language: str | None = None
    fix: bool = False
    require_grammar: bool | None = None
    jobs: int = 1
    cache: bool = True


@dataclass
class RunResult:
    """Everything a run found, and what the CLI prints and exits with."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rules: dict[str, Rule] = field(default_factory=dict)
    files_checked: int = 0
    files_fixed: int = 0
    fail_on: Severity = Severity.WARNING

    @property
    def exit_code(self) -> int:
        """0 clean, 1 findings at or above the fail level or files changed by --fix, 2 input errors."""
        if self.errors:
            return EXIT_ERROR
        if self.files_fixed or any(f.severity >= self.fail_on for f in self.findings):
            return EXIT_FINDINGS
        return EXIT_CLEAN


def iter_files(paths: Sequence[str]) -> Iterator[str]:
    """Files named on the command line, and the .txt/.md files under folders named on it, in a stable order."""
    for given in paths:
        if given == "-" or not os.path.isdir(given):
            yield given
            continue
        for folder, subfolders, names in os.walk(given):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            for name in sorted(names):
                if Path(name).suffix.lower() in CHECKED_SUFFIXES:
                    yield os.path.normpath(os.path.join(folder, name))  # "news/a.md", not "./news/a.md"


def is_excluded(path: str, config: Config) -> bool:
    """Whether a config's exclude globs (relative to the config's folder) match the file."""
    if path == "-" or not config.exclude:
        return False
    absolute = Path(path).resolve()
    try:
        relative = absolute.relative_to(config.root.resolve()).as_posix()
    except ValueError:
        relative = Path(path).as_posix()
    return any(fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(Path(path).name, glob) for glob in config.exclude)


@dataclass
class FileOutcome:
    """What checking one file gave: findings, or the error that stopped it; cross-document observations."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    fixed: int = 0
    error: InputError | None = None
    states: dict[str, object] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    silences: tuple[Silence, ...] = ()
    digest: str = ""  # of the file's bytes, when a result cache is in use
    cached: CachedFile | None = None  # the cache entry it came from


@dataclass
class _RuleSet:
    """One configuration's rules, its result cache, and the engine, built only when something must be checked."""

    config: Config
    rules: dict[str, Rule]
    new_engine: Callable[[], Engine]
    cache: ResultCache | None
    checked: list[FileOutcome] = field(default_factory=list)  # every file read, in order, for cross-file kinds
    _engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        """The engine of this rule set (its kinds are built on first use)."""
        if self._engine is None:
            self._engine = self.new_engine()
        return self._engine

    @property
    def engine_built(self) -> bool:
        """Whether anything needed the engine yet (a run served from the cache may not)."""
        return self._engine is not None

    @cached_property
    def uncacheable(self) -> bool:
        """Whether some rule's findings must be computed afresh even for an unchanged file."""
        return any(rule.kind in UNCACHEABLE_KINDS for rule in self.rules.values())

    def cacheable(self, finding: Finding) -> bool:
        """Whether a finding may be kept between runs (not from grammar)."""
        rule = self.rules.get(finding.rule.split("/", 1)[0])
        return rule is None or rule.kind not in UNCACHEABLE_KINDS


class Runner:
    """Builds one rule set per configuration file met, and checks files through them."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self._configs: dict[Path | None, Config] = {}
        self._rule_sets: dict[Path | None, _RuleSet] = {}
        self._config_sources: dict[str, Path | None] = {}
        self._cache_dir: Path | None = result_cache_dir() if options.cache and not options.fix else None
        self.notes: list[str] = []

    def config_for(self, path: str) -> Config:
        """The config governing a file: --config, else the nearest file walking up, else defaults."""
        if self.options.config is not None:
            source: Path | None = self.options.config
        else:
            source = self._config_source(os.path.dirname(path) if path != "-" else "")
        if source not in self._configs:
            config = load_config(source) if source is not None else Config()
            self._configs[source] = self._with_cli(config)
        return self._configs[source]

    def _config_source(self, folder: str) -> Path | None:
        # Looked up once per folder: walking up and reading pyproject files per file cost more than checking.
        if folder not in self._config_sources:
            self._config_sources[folder] = find_config_file(Path(folder or os.curdir).resolve())
        return self._config_sources[folder]

    def _with_cli(self, config: Config) -> Config:
        o = self.options
        grammar = config.grammar
        if o.require_grammar is not None:
            grammar = replace(grammar, require=o.require_grammar)
        return with_overrides(
            config,
            select=tuple(o.select) if o.select is not None else None,
            ignore=tuple(o.ignore) if o.ignore is not None else None,
            min_severity=o.min_severity,
            fail_on=o.fail_on,
            language=o.language,
            grammar=grammar,
        )

    def rule_set(self, config: Config) -> _RuleSet:
        """The engine for a config, built on first use."""
        if config.path not in self._rule_sets:
            directories = [builtin_rules_dir(), *config.rule_dirs]
            source = ""
            if self._cache_dir is not None:
                source = source_fingerprint(directories)
                rules_file = self._cache_dir / PARSED_RULES / f"{source}.pickle"
                rules, errors = load_rules_remembered(rules_file, lambda: load_rules(directories))
            else:
                rules, errors = load_rules(directories)
            if errors:
                raise UsageError("\n".join(str(e) for e in errors))
            select = [*config.select, *self.options.extend_select]
            for prefix in unmatched_prefixes([*select, *config.ignore, *config.severity], rules):
                self.notes.append(f"pressqa: note: '{prefix}' matches no rule of this version; accepted")
            chosen = active_rules(rules, select, config.ignore, config.severity)

            def new_engine(config: Config = config, select: list[str] = select) -> Engine:
                context = KindContext(
                    language=config.language,
                    lexicon=Lexicon(
                        [d / "data" for d in directories],
                        accept=config.accept,
                        language=config.language,
                        keep_parses=self._cache_dir is not None,
                    ),
                    settings={"config": config},
                )
                return Engine(chosen, context, select, config.ignore)

            cache = None
            if self._cache_dir is not None:
                key = settings_fingerprint([source, repr(config), repr(select)])
                cache = ResultCache(self._cache_dir / FILE_RESULTS / f"{key}.pickle")
            self._rule_sets[config.path] = _RuleSet(config, {r.id: r for r in chosen}, new_engine, cache)
        return self._rule_sets[config.path]

    def files(self) -> Iterator[tuple[str, Config]]:
        """The files to check with their configs, excluded ones left out; a config problem stops the run."""
        for path in iter_files(self.options.paths):
            try:
                config = self.config_for(path)
            except ConfigError as error:
                raise UsageError(str(error)) from None
            if not is_excluded(path, config):
                yield path, config

    def run(self) -> RunResult:
        """Check every file; input errors are collected per file and the other files still checked."""
        result = RunResult()
        paths: list[str] = []
        fail_levels: list[Severity] = []
        for path, config in self.files():
            self.rule_set(config)  # a rule-file or config problem stops the run before any check
            fail_levels.append(config.fail_on)
            paths.append(path)
        jobs = min(self.options.jobs, len(paths))
        outcomes = self._in_parallel(paths, jobs) if jobs > 1 and "-" not in paths else map(self.check_file, paths)
        try:
            self._collect(outcomes, result)
            for rule_set in self._rule_sets.values():
                finished = self._finish(rule_set, result)
                result.findings.extend(f for f in finished if f.severity >= rule_set.config.min_severity)
                result.rules.update(rule_set.rules)
                if rule_set.engine_built:
                    result.notes.extend(rule_set.engine.context.notices)
                if rule_set.cache is not None:
                    rule_set.cache.save()
        except KindUnavailable as error:
            raise UsageError(str(error)) from None
        result.notes[:0] = self.notes
        result.findings.sort(key=Finding.sort_key)
        result.fail_on = min(fail_levels) if fail_levels else Severity.WARNING
        return result

    def _collect(self, outcomes: Iterable[FileOutcome], result: RunResult) -> None:
        """Add each file's outcome to the result, and remember it for the cross-file kinds and the cache."""
        for outcome in outcomes:
            rule_set = self.rule_set(self.config_for(outcome.path))
            if outcome.error is not None:
                result.errors.append(outcome.error)
                if not outcome.findings:
                    continue
            result.files_checked += 1
            result.files_fixed += outcome.fixed
            result.findings.extend(outcome.findings)
            rule_set.checked.append(outcome)
            for notice in outcome.notices:
                rule_set.engine.context.notice(notice)
            if rule_set.cache is not None and outcome.digest and outcome.cached is None and outcome.error is None:
                kept = tuple(f for f in outcome.findings if rule_set.cacheable(f))
                rule_set.cache.put(CachedFile.of(outcome.path, outcome.digest, kept, outcome.states, outcome.silences))

    def _finish(self, rule_set: _RuleSet, result: RunResult) -> list[Finding]:
        """The cross-file findings of a rule set: from the cache when the same files were checked last time."""
        files = [(outcome.path, outcome.digest) for outcome in rule_set.checked]
        cache = rule_set.cache if all(digest for _, digest in files) else None
        if cache is not None:
            remembered = cache.finish_findings(files)
            if remembered is not None:
                return remembered
        engine = rule_set.engine
        for outcome in rule_set.checked:
            engine.merge_states(outcome.cached.states() if outcome.cached is not None else outcome.states)
            engine.restore_silences(outcome.path, outcome.silences)
        finished = engine.finish()
        crashes = engine.take_crashes()
        result.errors.extend(InputError("", crash) for crash in crashes)
        if cache is not None and not crashes:
            cache.put_finish(files, finished)
        return finished

    def check_file(self, path: str, take_states: bool = False) -> FileOutcome:
        """Read, check and (with --fix) fix one file; `take_states` hands over cross-document observations.

        With a result cache, an unchanged file's findings come from it, and observations are always handed over.
        """
        rule_set = self.rule_set(self.config_for(path))
        cache = rule_set.cache if path != "-" else None
        try:
            data = read_bytes(path)
            data_digest = digest(data) if cache is not None else ""
            cached = cache.get(path, data_digest) if cache is not None else None
            if cached is not None:
                return self._from_cache(rule_set, data, cached)
            doc = Document.from_bytes(path, data)
        except DocumentError as error:
            return FileOutcome(path, error=InputError(path, f"{path}: {error}"))
        engine = rule_set.engine
        findings = engine.check_document(doc)
        crashes = engine.take_crashes()
        fixed = 0
        if self.options.fix and path != "-":
            findings, fixed, write_error = self._fix(doc, rule_set, findings)
            if write_error is not None:
                return FileOutcome(path, error=write_error)
        kept = [f for f in findings if f.severity >= rule_set.config.min_severity]
        crash = InputError(path, "; ".join(crashes)) if crashes else None
        outcome = FileOutcome(path, kept, fixed, error=crash, silences=tuple(engine.silences_of(path)))
        if take_states or cache is not None:
            outcome.digest = data_digest
            outcome.states = engine.take_states()
            outcome.notices = list(engine.context.notices) if take_states else []
        return outcome

    def _from_cache(self, rule_set: _RuleSet, data: bytes, cached: CachedFile) -> FileOutcome:
        """An unchanged file's outcome: its cached findings, plus those of kinds that are never cached."""
        findings = list(cached.findings)
        notices: list[str] = []
        error = None
        if rule_set.uncacheable:
            engine = rule_set.engine
            doc = Document.from_bytes(cached.path, data)
            fresh = engine.check_document(doc, uncacheable_only=True)
            findings.extend(f for f in fresh if f.severity >= rule_set.config.min_severity)
            findings = sorted(one_per_span(findings), key=Finding.sort_key)
            crashes = engine.take_crashes()
            error = InputError(cached.path, "; ".join(crashes)) if crashes else None
            notices = list(engine.context.notices)
        return FileOutcome(
            cached.path,
            findings,
            error=error,
            notices=notices,
            silences=cached.silences,
            digest=cached.digest,
            cached=cached,
        )

    def _in_parallel(self, paths: list[str], jobs: int) -> Iterator[FileOutcome]:
        """Check files in worker processes, each with its own rule sets; results come back in order."""
        import multiprocessing  # only parallel runs pay for importing it

        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        with context.Pool(jobs, initializer=_start_worker, initargs=(self.options,)) as pool:
            yield from pool.imap(_check_in_worker, paths, chunksize=4)

    def _fix(
        self, doc: Document, rule_set: _RuleSet, findings: list[Finding]
    ) -> tuple[list[Finding], int, InputError | None]:
        """Apply safe fixes; return the findings left, 1 if the file changed, and a write error."""
        fixed_text, count = apply_fixes(doc, findings)
        if not count or fixed_text == doc.text:
            return findings, 0, None
        try:
            write_atomically(Path(doc.path), encode(doc, fixed_text))
        except OSError as error:
            return findings, 0, InputError(doc.path, f"{doc.path}: cannot write fixes: {error.strerror or error}")
        fixed = Document.from_text(doc.path, fixed_text, markdown=doc.markdown)
        fixed.encoding = doc.encoding
        return rule_set.engine.check_document(fixed, observe=False), 1, None


# Each worker process keeps one Runner for the files it is given (built once, in the initializer).
_worker_runner: Runner | None = None


def _start_worker(options: RunOptions) -> None:
    global _worker_runner
    _worker_runner = Runner(options)


def _check_in_worker(path: str) -> FileOutcome:
    assert _worker_runner is not None
    return _worker_runner.check_file(path, take_states=True)


def run(options: RunOptions) -> RunResult:
    """Run one check over the options' paths."""
    return Runner(options).run()
