"""Rule files to Rule objects: find them, parse YAML with line numbers, validate, report `file:line: problem`."""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pressqa.finding import SEVERITY_NAMES, Severity
from pressqa.kinds import KIND_CLASSES, kind_class
from pressqa.rule import Example, Rule

COMMON_FIELDS: dict[str, tuple[type, ...]] = {
    "kind": (str,),
    "severity": (str,),
    "message": (str,),
    "description": (str,),
    "enabled": (bool,),
    "link": (str,),
    "examples": (dict,),
}
REQUIRED_FIELDS = ("kind", "message", "description")
DATA_DIR = "data"
RULE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class RuleFileError(Exception):
    """A rule file that cannot be used; str() is `file:line: problem`."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}" if line > 0 else f"{path}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


def builtin_rules_dir() -> Path:
    """The rules shipped with pressqa: inside the installed package, or `rules/` beside it in a checkout."""
    checkout = Path(__file__).resolve().parent.parent / "rules"
    if (checkout.parent / "pyproject.toml").is_file() and (checkout / "data").is_dir():
        return checkout  # running from a source checkout: its own rules, whatever else is installed
    try:
        packaged = importlib.resources.files("pressqa.rules")
        if packaged.is_dir():
            return Path(str(packaged))
    except ModuleNotFoundError:
        pass
    return checkout


def rule_files(directory: Path) -> list[Path]:
    """Rule files of a rules directory: `<group>/<name>.yaml`, leaving out the `data/` folder."""
    files = []
    for path in sorted(directory.glob("*/*.yaml")) + sorted(directory.glob("*/*.yml")):
        if path.parent.name != DATA_DIR and not path.parent.name.startswith((".", "_")):
            files.append(path)
    return sorted(files)


def load_rules(directories: Iterable[Path]) -> tuple[dict[str, Rule], list[RuleFileError]]:
    """Load every rule of the directories in order; a later directory overrides an earlier one by id."""
    rules: dict[str, Rule] = {}
    errors: list[RuleFileError] = []
    for directory in directories:
        if not directory.is_dir():
            errors.append(RuleFileError(str(directory), 0, "rules directory not found"))
            continue
        for path in rule_files(directory):
            try:
                rule = load_rule(path)
            except RuleFileError as error:
                errors.append(error)
                continue
            rules[rule.id] = rule
    return rules, errors


def rule_id_for(path: Path) -> str:
    """The id a rule file gets from its place: `<group>.<name>`."""
    return f"{path.parent.name}.{path.stem}"


def load_rule(path: Path) -> Rule:
    """Parse and validate one rule file.

    A valid file is read on the fast path (libyaml); only a file with a problem is read
    again with ruamel.yaml, whose nodes know their lines, to say where the problem is.
    """
    display = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError) as error:
        raise RuleFileError(display, 1, f"cannot read rule file: {error}") from None
    from pressqa.yaml_fast import (
        load_yaml_fast,  # PyYAML is imported only when rule files are read, not cached
    )

    fast = load_yaml_fast(text)
    if isinstance(fast, dict):
        try:
            return _build_rule(path, fast)
        except RuleFileError:
            pass  # read again below, with line numbers for the message
    return _build_rule(path, _load_with_lines(display, text))


def _load_with_lines(display: str, text: str) -> Any:
    """A rule file through ruamel.yaml, whose nodes know their lines (imported only when a file has a problem)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        data = YAML(typ="rt").load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        last_line = max(1, len(text.splitlines()))
        line = min(mark.line + 1, last_line) if mark else 1  # an error at the end points past the last line
        raise RuleFileError(display, line, f"invalid YAML: {error.problem or error.context}") from None
    except YAMLError as error:
        raise RuleFileError(display, 1, f"cannot read rule file: {error}") from None
    if not isinstance(data, CommentedMap):
        raise RuleFileError(display, 1, "a rule file must be a mapping of fields")
    return data


def _line(data: Mapping[str, Any], key: str) -> int:
    """The 1-based line of a key (1 for plain dicts from the fast path, which are re-read on error)."""
    if not hasattr(data, "lc"):
        return 1
    try:
        return int(data.lc.key(key)[0]) + 1
    except (KeyError, TypeError, AttributeError):
        return int(getattr(data.lc, "line", 0)) + 1


def _build_rule(path: Path, data: Mapping[str, Any]) -> Rule:
    display = str(path)
    rule_id = rule_id_for(path)
    for part in rule_id.split("."):
        if not RULE_NAME.match(part):
            raise RuleFileError(display, 1, f"rule id {rule_id!r} must be lower-case letters, digits and hyphens")
    for key in REQUIRED_FIELDS:
        if key not in data:
            raise RuleFileError(display, _line(data, "kind") if "kind" in data else 1, f"missing required field {key!r}")
    kind_name = data["kind"]
    if kind_name not in KIND_CLASSES:
        known = ", ".join(sorted(KIND_CLASSES))
        raise RuleFileError(display, _line(data, "kind"), f"unknown kind {kind_name!r} (known: {known})")
    kind = kind_class(str(kind_name))
    options: dict[str, Any] = {}
    for key, value in data.items():
        if key in COMMON_FIELDS:
            expected = COMMON_FIELDS[key]
        elif key in kind.options:
            expected = kind.options[key].types
        else:
            allowed = ", ".join(sorted([*COMMON_FIELDS, *kind.options]))
            raise RuleFileError(display, _line(data, key), f"unknown key {key!r} for kind {kind_name!r} (allowed: {allowed})")
        if not isinstance(value, expected) or (isinstance(value, bool) and bool not in expected):
            wanted = " or ".join(_type_name(t) for t in expected)
            raise RuleFileError(display, _line(data, key), f"{key!r} must be {wanted}, got {_type_name(type(value))}")
        if key not in COMMON_FIELDS:
            options[key] = _plain(value)
    for key, option in kind.options.items():
        if option.required and key not in options:
            raise RuleFileError(display, _line(data, "kind"), f"kind {kind_name!r} needs the field {key!r}")
    for key, problem in kind.validate(options):
        raise RuleFileError(display, _line(data, key) if key in data else _line(data, "kind"), f"{key!r}: {problem}")
    try:
        severity = Severity.parse(str(data.get("severity", "warning")))
    except ValueError:
        raise RuleFileError(
            display, _line(data, "severity"), f"'severity' must be one of {', '.join(SEVERITY_NAMES)}"
        ) from None
    fail, passing = _examples(display, data)
    return Rule(
        id=rule_id,
        kind=str(kind_name),
        severity=severity,
        message=str(data["message"]),
        description=str(data["description"]),
        enabled=bool(data.get("enabled", True)),
        link=str(data["link"]) if "link" in data else None,
        fail=fail,
        passing=passing,
        options=options,
        source=display,
    )


EXAMPLE_KEYS = ("text", "fix", "language", "others")


def _examples(display: str, data: Mapping[str, Any]) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    examples = data.get("examples")
    if examples is None:
        return (), ()
    if not isinstance(examples, dict):
        raise RuleFileError(display, _line(data, "examples"), "'examples' must be a mapping with 'fail' and 'pass'")
    for key in examples:
        if key not in ("fail", "pass"):
            raise RuleFileError(display, _line(examples, key), f"unknown key {key!r} in 'examples' (allowed: fail, pass)")
    parsed: dict[str, list[Example]] = {"fail": [], "pass": []}
    for which, found in parsed.items():
        items = examples.get(which) or []
        if not isinstance(items, list):
            raise RuleFileError(display, _line(examples, which), f"'examples.{which}' must be a list")
        for index, item in enumerate(items):
            found.append(_example(display, _item_line(items, index), item, which))
    return tuple(parsed["fail"]), tuple(parsed["pass"])


def _example(display: str, line: int, item: Any, which: str) -> Example:
    """One example: a string, or a mapping with `text` and optional `fix`, `language`, `others`."""
    if isinstance(item, str):
        return Example(item)
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise RuleFileError(display, line, f"a {which} example is a string or a mapping with 'text'")
    unknown = sorted(set(item) - set(EXAMPLE_KEYS))
    if unknown:
        raise RuleFileError(display, line, f"unknown key {unknown[0]!r} in an example (allowed: {', '.join(EXAMPLE_KEYS)})")
    fix, language, others = item.get("fix"), item.get("language"), item.get("others", [])
    if fix is not None and (which != "fail" or not isinstance(fix, str)):
        raise RuleFileError(display, line, "'fix' belongs to fail examples and must be a string")
    if language is not None and language not in ("en", "en-GB", "en-US"):
        raise RuleFileError(display, line, "'language' of an example must be en, en-GB or en-US")
    if not isinstance(others, list) or not all(isinstance(o, str) for o in others):
        raise RuleFileError(display, line, "'others' of an example must be a list of texts")
    return Example(item["text"], fix, language, tuple(others))


def _item_line(sequence: Any, index: int) -> int:
    if hasattr(sequence, "lc"):
        return int(sequence.lc.item(index)[0]) + 1
    return 1


def _type_name(kind: type) -> str:
    # issubclass, not equality: ruamel gives CommentedSeq/CommentedMap, and bool is an int.
    names = ((bool, "true or false"), (str, "a string"), (list, "a list"), (dict, "a mapping"), (int, "a number"))
    return next((name for base, name in names if issubclass(kind, base)), kind.__name__)


def _plain(value: Any) -> Any:
    """ruamel's commented containers as plain dicts and lists."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
