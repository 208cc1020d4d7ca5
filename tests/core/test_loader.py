"""Rule files: parsed with line numbers, validated, rejected as `file:line: what is wrong`."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressqa.finding import Severity
from pressqa.loader import RuleFileError, builtin_rules_dir, load_rule, load_rules, rule_files, rule_id_for
from pressqa.rule import Example

GOOD = """\
kind: pattern
severity: warning
message: "'{match}' is shorthand"
description: |
  Problem.

  Why it matters: because.

  Example: "5 mln"

  Use instead: "5 million".
swap:
  'mln': million
fix: safe
examples:
  fail:
    - text: "5 mln dollars"
      fix: "5 million dollars"
    - "7 mln"
  pass:
    - "5 million dollars"
"""


def write_rule(root: Path, text: str, relative: str = "house/shorthand.yaml") -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def error_of(root: Path, text: str) -> RuleFileError:
    path = write_rule(root, text)
    with pytest.raises(RuleFileError) as caught:
        load_rule(path)
    assert str(caught.value).startswith(f"{path}:{caught.value.line}: ")
    return caught.value


def test_good_rule_loads_with_its_id_from_the_path(tmp_path: Path) -> None:
    rule = load_rule(write_rule(tmp_path, GOOD))
    assert rule.id == "house.shorthand"
    assert rule.group == "house"
    assert rule.kind == "pattern"
    assert rule.severity is Severity.WARNING
    assert rule.enabled is True
    assert rule.options == {"swap": {"mln": "million"}, "fix": "safe"}
    assert rule.fail == (Example("5 mln dollars", "5 million dollars"), Example("7 mln"))
    assert rule.passing == (Example("5 million dollars"),)
    assert rule.summary == "Problem."
    assert rule.source == str(tmp_path / "house" / "shorthand.yaml")


def test_rule_id_comes_from_folder_and_file_name() -> None:
    assert rule_id_for(Path("/x/rules/typography/double-space.yaml")) == "typography.double-space"


def test_severity_defaults_to_warning(tmp_path: Path) -> None:
    assert load_rule(write_rule(tmp_path, GOOD.replace("severity: warning\n", ""))).severity is Severity.WARNING


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        (GOOD.replace("fix: safe", "fix: [safe"), 15, "invalid YAML"),
        (GOOD.replace('message: "\'{match}\' is shorthand"', "message: 'a' b"), 3, "invalid YAML: expected <block end>"),
        (GOOD + "message: again\n", 22, 'invalid YAML: found duplicate key "message"'),
        (GOOD.replace("fix: safe\n", "fix: safe\ncolour: red\n"), 15, "unknown key 'colour' for kind 'pattern'"),
        (GOOD.replace("fix: safe", "fix: true"), 14, "'fix' must be a string, got true or false"),
        (GOOD.replace("severity: warning", "severity: [warning]"), 2, "'severity' must be a string, got a list"),
        (GOOD.replace("kind: pattern", "kind: pattern\nenabled: maybe"), 2, "'enabled' must be true or false"),
        (GOOD.replace("'mln': million", "'ml(n': million"), 12, "'swap': bad regex 'ml(n'"),
        (GOOD.replace("kind: pattern", "kind: telepathy"), 1, "unknown kind 'telepathy'"),
        (GOOD.replace("severity: warning", "severity: fatal"), 2, "'severity' must be one of suggestion, warning, error"),
        (GOOD.replace("fix: safe", "fix: maybe"), 14, "'fix': must be one of none, unsafe, safe"),
        (GOOD.replace("examples:\n  fail:", "examples:\n  fial:"), 16, "unknown key 'fial' in 'examples'"),
        (GOOD.replace('    - "7 mln"', '    - text: "7 mln"\n      fox: "x"'), 19, "unknown key 'fox' in an example"),
        (GOOD.replace('    - "7 mln"', '    - [7, mln]'), 19, "a fail example is a string or a mapping"),
        (GOOD.replace('      fix: "5 million dollars"', "      fix: [a]"), 17, "'fix' belongs to fail examples and must be a string"),
        (GOOD.replace('    - "5 million dollars"', "    - 5"), 21, "a pass example is a string or a mapping with 'text'"),
        (GOOD.replace("examples:\n", "examples: 3\nx:\n"), 15, "'examples' must be a mapping, got a number"),
        ("- just\n- a list\n", 1, "a rule file must be a mapping of fields"),
        ("", 1, "a rule file must be a mapping of fields"),
    ],
)
def test_malformed_rule_file_names_file_and_line(tmp_path: Path, text: str, line: int, problem: str) -> None:
    error = error_of(tmp_path, text)
    assert error.line == line
    assert problem in error.problem


def test_missing_description_is_rejected(tmp_path: Path) -> None:
    text = "kind: pattern\nmessage: m\ntokens: [x]\n"
    error = error_of(tmp_path, text)
    assert error.problem == "missing required field 'description'"
    assert error.line == 1


def test_missing_message_is_rejected(tmp_path: Path) -> None:
    text = "description: d\nkind: pattern\ntokens: [x]\n"
    error = error_of(tmp_path, text)
    assert error.problem == "missing required field 'message'"
    assert error.line == 2  # the line of `kind`


def test_kind_option_required_by_the_kind(tmp_path: Path) -> None:
    error = error_of(tmp_path, "kind: quotes\nmessage: m\ndescription: d\n")
    assert error.problem == "kind 'quotes' needs the field 'problem'"
    assert error.line == 1


def test_pattern_without_tokens_or_swap(tmp_path: Path) -> None:
    error = error_of(tmp_path, "message: m\ndescription: d\nkind: pattern\n")
    assert "needs 'tokens' or 'swap'" in error.problem
    assert error.line == 3


def test_bad_rule_file_name_is_rejected(tmp_path: Path) -> None:
    path = write_rule(tmp_path, GOOD, "house/Bad_Name.yaml")
    with pytest.raises(RuleFileError, match="must be lower-case letters, digits and hyphens"):
        load_rule(path)


def test_file_that_is_not_utf8_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "house" / "latin.yaml"
    path.parent.mkdir()
    path.write_bytes(GOOD.replace("Problem.", "Probl\xe8me.").encode("latin-1"))
    with pytest.raises(RuleFileError, match="cannot read rule file"):
        load_rule(path)


def test_rule_files_skip_data_and_hidden_folders(tmp_path: Path) -> None:
    write_rule(tmp_path, GOOD, "house/a.yaml")
    write_rule(tmp_path, GOOD, "house/b.yml")
    write_rule(tmp_path, "not: a rule\n", "data/names.yaml")
    write_rule(tmp_path, "not: a rule\n", ".hidden/x.yaml")
    write_rule(tmp_path, "not: a rule\n", "top.yaml")
    assert [p.relative_to(tmp_path).as_posix() for p in rule_files(tmp_path)] == ["house/a.yaml", "house/b.yml"]


def test_load_rules_collects_every_error_and_keeps_good_rules(tmp_path: Path) -> None:
    write_rule(tmp_path, GOOD, "house/good.yaml")
    write_rule(tmp_path, "kind: pattern\nmessage: 'a' b\n", "house/broken.yaml")
    rules, errors = load_rules([tmp_path, tmp_path / "absent"])
    assert list(rules) == ["house.good"]
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'house' / 'broken.yaml'}:2: invalid YAML: expected <block end>, but found '<scalar>'",
        f"{tmp_path / 'absent'}: rules directory not found",
    ]


def test_later_directory_overrides_a_rule_by_id(tmp_path: Path) -> None:
    builtin_like = tmp_path / "first"
    house = tmp_path / "second"
    write_rule(builtin_like, GOOD, "words/shorthand.yaml")
    write_rule(house, GOOD.replace("severity: warning", "severity: error"), "words/shorthand.yaml")
    rules, errors = load_rules([builtin_like, house])
    assert errors == []
    assert rules["words.shorthand"].severity is Severity.ERROR
    assert rules["words.shorthand"].source == str(house / "words" / "shorthand.yaml")


def test_builtin_rules_are_found_and_load_cleanly() -> None:
    directory = builtin_rules_dir()
    assert (directory / "words" / "doubled.yaml").is_file()
    rules, errors = load_rules([directory])
    assert errors == []
    assert "words.doubled" in rules
