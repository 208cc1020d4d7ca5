"""Configuration: `[tool.pressqa]` in pyproject.toml, or pressqa.toml / .pressqa.toml, nearest to each file."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pressqa.finding import Severity

CONFIG_NAMES = ("pressqa.toml", ".pressqa.toml", "pyproject.toml")
LANGUAGES = ("en", "en-GB", "en-US")
GRAMMAR_BACKENDS = ("auto", "server", "local", "off")


class ConfigError(Exception):
    """A configuration file or value that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class GrammarSettings:
    """Where grammar checking comes from and which LanguageTool rules run."""

    backend: str = "auto"
    url: str | None = None
    require: bool = False
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    idle_timeout: int = 30


@dataclass(frozen=True)
class Config:
    """Settings for checking a file; `path` is the file they came from (None for defaults)."""

    path: Path | None = None
    language: str = "en"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    rule_dirs: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    bilingual: bool = False
    min_severity: Severity = Severity.WARNING
    fail_on: Severity = Severity.WARNING
    grammar: GrammarSettings = field(default_factory=GrammarSettings)

    @property
    def root(self) -> Path:
        """The folder the config governs (relative paths and exclude globs start here)."""
        return self.path.parent if self.path else Path.cwd()


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above `start` (a pyproject.toml counts only with a [tool.pressqa] table)."""
    folder = start if start.is_dir() else start.parent
    for candidate_dir in (folder.resolve(), *folder.resolve().parents):
        for name in CONFIG_NAMES:
            candidate = candidate_dir / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_pressqa_table(candidate)):
                return candidate
    return None


def _has_pressqa_table(path: Path) -> bool:
    import tomllib  # only runs that meet a config file pay for it

    try:
        return "pressqa" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
        return True  # let load_config report the problem with the file's name


def load_config(path: Path) -> Config:
    """Read a config file; raise ConfigError naming the file and the key on any problem."""
    import tomllib  # only runs that meet a config file pay for it

    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    table = document.get("tool", {}).get("pressqa", {}) if path.name == "pyproject.toml" else document
    if path.name == "pyproject.toml" and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.pressqa] must be a table")
    return parse_config(table, path)


def parse_config(table: Mapping[str, Any], path: Path) -> Config:
    """Validate a config table (already parsed TOML)."""
    reader = _Reader(table, path)
    config = Config(
        path=path,
        language=reader.choice("language", LANGUAGES, "en"),
        select=reader.strings("select"),
        ignore=reader.strings("ignore"),
        severity=reader.severities("severity"),
        rule_dirs=tuple((path.parent / d).resolve() for d in reader.strings("rule-dirs")),
        exclude=reader.strings("exclude"),
        accept=reader.strings("accept"),
        bilingual=reader.boolean("bilingual", False),
        min_severity=reader.severity_value("min-severity", Severity.WARNING),
        fail_on=reader.severity_value("fail-on", Severity.WARNING),
        grammar=_grammar(reader.table("grammar"), path),
    )
    reader.reject_unknown()
    return config


def _grammar(table: Mapping[str, Any], path: Path) -> GrammarSettings:
    reader = _Reader(table, path, prefix="grammar.")
    settings = GrammarSettings(
        backend=reader.choice("backend", GRAMMAR_BACKENDS, "auto"),
        url=reader.string("url"),
        require=reader.boolean("require", False),
        enable=reader.strings("enable"),
        disable=reader.strings("disable"),
        idle_timeout=reader.integer("idle-timeout-minutes", 30),
    )
    reader.reject_unknown()
    return settings


class _Reader:
    """Typed access to a config table that remembers which keys were read."""

    def __init__(self, table: Mapping[str, Any], path: Path, prefix: str = "") -> None:
        self.values = table
        self.path = path
        self.prefix = prefix
        self.seen: set[str] = set()

    def _error(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.path}: key '{self.prefix}{key}': {problem}")

    def _get(self, key: str) -> Any:
        self.seen.add(key)
        return self.values.get(key)

    def string(self, key: str) -> str | None:
        value = self._get(key)
        if value is not None and not isinstance(value, str):
            raise self._error(key, "must be a string")
        return value

    def choice(self, key: str, choices: Sequence[str], default: str) -> str:
        value = self.string(key)
        if value is None:
            return default
        if value not in choices:
            raise self._error(key, f"must be one of {', '.join(choices)}, got {value!r}")
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self._get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self._error(key, "must be true or false")
        return value

    def integer(self, key: str, default: int) -> int:
        value = self._get(key)
        if value is None:
            return default
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self._error(key, "must be a whole number of 0 or more")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self._get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._error(key, "must be a list of strings")
        return tuple(value)

    def table(self, key: str) -> Mapping[str, Any]:
        value = self._get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self._error(key, "must be a table")
        return value

    def severity_value(self, key: str, default: Severity) -> Severity:
        value = self.string(key)
        if value is None:
            return default
        try:
            return Severity.parse(value)
        except ValueError as error:
            raise self._error(key, str(error)) from None

    def severities(self, key: str) -> dict[str, Severity]:
        result: dict[str, Severity] = {}
        for rule, value in self.table(key).items():
            if not isinstance(value, str):
                raise self._error(f"{key}.{rule}", "must be suggestion, warning or error")
            try:
                result[rule] = Severity.parse(value)
            except ValueError as error:
                raise self._error(f"{key}.{rule}", str(error)) from None
        return result

    def reject_unknown(self) -> None:
        unknown = sorted(set(self.values) - self.seen)
        if unknown:
            raise self._error(unknown[0], "unknown key")


def with_overrides(config: Config, **overrides: Any) -> Config:
    """The config with CLI values laid over it (None means 'not given on the command line')."""
    return replace(config, **{k: v for k, v in overrides.items() if v is not None})
