"""Configuration: where it is found, what it may say, how errors name the file and key, and CLI flags on top."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pressqa.config import Config, ConfigError, find_config_file, load_config, parse_config, with_overrides
from pressqa.finding import Severity
from pressqa.runner import Runner, RunOptions
from tests.core.conftest import CliResult, Row

DEFECTS = "Talks were held in in Minsk.\nThe  end.\n"  # words.doubled at 1:17, typography.double-space at 2:4


def test_defaults() -> None:
    config = Config()
    assert config.language == "en"
    assert config.min_severity is Severity.WARNING
    assert config.fail_on is Severity.WARNING
    assert config.select == () and config.ignore == ()


def test_every_key_is_read(tmp_path: Path) -> None:
    path = tmp_path / "pressqa.toml"
    path.write_text(
        'language = "en-GB"\n'
        'select = ["words", "typography"]\n'
        'ignore = "typography.double-space"\n'
        'rule-dirs = ["house"]\n'
        'exclude = ["drafts/*"]\n'
        'accept = ["Belneftekhim"]\n'
        "bilingual = true\n"
        'min-severity = "suggestion"\n'
        'fail-on = "error"\n'
        "[severity]\n"
        '"words.doubled" = "warning"\n'
        "[grammar]\n"
        'backend = "off"\n'
        "require = true\n"
        'disable = ["EN_QUOTES"]\n'
        "idle-timeout-minutes = 5\n",
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.path == path
    assert config.root == tmp_path
    assert config.language == "en-GB"
    assert config.select == ("words", "typography")
    assert config.ignore == ("typography.double-space",)
    assert config.rule_dirs == ((tmp_path / "house").resolve(),)
    assert config.exclude == ("drafts/*",)
    assert config.accept == ("Belneftekhim",)
    assert config.bilingual is True
    assert config.min_severity is Severity.SUGGESTION
    assert config.fail_on is Severity.ERROR
    assert config.severity == {"words.doubled": Severity.WARNING}
    assert config.grammar.backend == "off"
    assert config.grammar.require is True
    assert config.grammar.disable == ("EN_QUOTES",)
    assert config.grammar.idle_timeout == 5


def test_pyproject_table_is_read(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n[tool.pressqa]\nlanguage = "en-US"\n', encoding="utf-8")
    assert load_config(path).language == "en-US"


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        ('language = "en-AU"', "language", "must be one of en, en-GB, en-US, got 'en-AU'"),
        ("select = 3", "select", "must be a list of strings"),
        ("select = [1, 2]", "select", "must be a list of strings"),
        ('colour = "red"', "colour", "unknown key"),
        ('bilingual = "yes"', "bilingual", "must be true or false"),
        ('min-severity = "fatal"', "min-severity", "unknown severity 'fatal'"),
        ('fail-on = 2', "fail-on", "must be a string"),
        ('severity = "error"', "severity", "must be a table"),
        ('[severity]\n"words" = "fatal"', "severity.words", "unknown severity 'fatal'"),
        ("[severity]\nwords = 1", "severity.words", "must be suggestion, warning or error"),
        ('[grammar]\nbackend = "cloud"', "grammar.backend", "must be one of auto, server, local, off"),
        ("[grammar]\nidle-timeout-minutes = -1", "grammar.idle-timeout-minutes", "must be a whole number"),
        ("[grammar]\nspeed = 1", "grammar.speed", "unknown key"),
    ],
)
def test_config_error_names_file_and_key(tmp_path: Path, text: str, key: str, problem: str) -> None:
    path = tmp_path / ".pressqa.toml"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: key '{key}': ")
    assert problem in message


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "pressqa.toml"
    path.write_text("select = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pressqa\.toml: invalid TOML"):
        load_config(path)


def test_pyproject_tool_pressqa_must_be_a_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool]\npressqa = "on"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject\.toml: \[tool\.pressqa\] must be a table"):
        load_config(path)


def test_nearest_config_wins_walking_up(tmp_path: Path) -> None:
    (tmp_path / "pressqa.toml").write_text("", encoding="utf-8")
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / ".pressqa.toml").write_text("", encoding="utf-8")
    release = tmp_path / "a" / "b" / "release.txt"
    release.write_text("x", encoding="utf-8")
    assert find_config_file(release) == (tmp_path / "a" / ".pressqa.toml").resolve()
    assert find_config_file(tmp_path / "other.txt") == (tmp_path / "pressqa.toml").resolve()


def test_pyproject_without_the_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pressqa.toml").write_text("", encoding="utf-8")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config_file(tmp_path / "pkg" / "r.txt") == (tmp_path / "pressqa.toml").resolve()
    (tmp_path / "pkg" / "pyproject.toml").write_text('[tool.pressqa]\nlanguage = "en-GB"\n', encoding="utf-8")
    assert find_config_file(tmp_path / "pkg" / "r.txt") == (tmp_path / "pkg" / "pyproject.toml").resolve()


def test_pressqa_toml_beats_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.pressqa]\n", encoding="utf-8")
    (tmp_path / "pressqa.toml").write_text("", encoding="utf-8")
    assert find_config_file(tmp_path / "r.txt") == (tmp_path / "pressqa.toml").resolve()


def test_with_overrides_keeps_unset_values() -> None:
    config = parse_config({"language": "en-GB", "select": ["words"]}, Path("/x/pressqa.toml"))
    changed = with_overrides(config, language=None, select=("typography",))
    assert changed.language == "en-GB"
    assert changed.select == ("typography",)


# Through the CLI and the runner


def test_two_folders_with_different_configs_in_one_run(
    write: Callable[..., Path], cli: Callable[..., CliResult]
) -> None:
    write("a/pyproject.toml", '[tool.pressqa]\nselect = ["typography"]\n')
    write("a/x.txt", DEFECTS)
    write("b/pressqa.toml", 'select = ["words"]\n')
    write("b/sub/pyproject.toml", '[project]\nname = "not pressqa"\n')
    write("b/sub/y.txt", DEFECTS)
    result = cli("check", "a", "b")
    assert [line.split(" [")[0] for line in result.stdout.splitlines()] == [
        "a/x.txt:2:4: warning",
        "b/sub/y.txt:1:17: error",
    ]
    assert "[typography.double-space]" in result.stdout.splitlines()[0]
    assert "[words.doubled]" in result.stdout.splitlines()[1]
    assert result.exit_code == 1


def test_cli_select_wins_over_config(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    write("pressqa.toml", 'select = ["words"]\nfail-on = "error"\n')
    write("x.txt", DEFECTS)
    result = cli("check", "--select", "typography", "x.txt")
    assert [line.split(": ")[0] for line in result.stdout.splitlines()] == ["x.txt:2:4"]
    assert "[typography.double-space]" in result.stdout
    assert result.exit_code == 0  # config fail-on = error still applies
    assert cli("check", "--select", "typography", "--fail-on", "warning", "x.txt").exit_code == 1


def test_severity_override_from_config(write: Callable[..., Path], findings: Callable[..., list[Row]]) -> None:
    write(
        "pressqa.toml",
        'select = ["words", "typography"]\n[severity]\n"words" = "suggestion"\n"typography.double-space" = "error"\n',
    )
    write("x.txt", DEFECTS)
    assert findings("--min-severity", "suggestion", "x.txt") == [
        ("x.txt", 1, 17, "suggestion", "words.doubled"),
        ("x.txt", 2, 4, "error", "typography.double-space"),
    ]
    assert findings("x.txt") == [("x.txt", 2, 4, "error", "typography.double-space")]


def test_house_rules_add_and_override_builtin(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    write("pressqa.toml", 'rule-dirs = ["house-rules"]\nselect = ["words", "house"]\n')
    write(
        "house-rules/house/no-belarus-spelling.yaml",
        "kind: pattern\nseverity: error\nmessage: \"Write 'Belarus', not '{match}'\"\n"
        "description: |\n  Old name.\n\n  Why it matters: x.\n\n  Example: x.\n\n  Use instead: Belarus.\n"
        "swap:\n  Byelorussia: Belarus\nfix: safe\n"
        "examples:\n  fail:\n    - text: Byelorussia\n      fix: Belarus\n  pass:\n    - Belarus\n",
    )
    write(
        "house-rules/words/doubled.yaml",
        "kind: repetition\nseverity: suggestion\nmessage: \"House: '{word}' twice\"\ndescription: d\n",
    )
    write("x.txt", "Talks in in Byelorussia.\n")
    result = cli("check", "--min-severity", "suggestion", "x.txt")
    assert [line.split(" (did you")[0] for line in result.stdout.splitlines()] == [
        "x.txt:1:7: suggestion [words.doubled] House: 'in' twice",
        "x.txt:1:13: error [house.no-belarus-spelling] Write 'Belarus', not 'Byelorussia'",
    ]
    explained = cli("explain", "house.no-belarus-spelling")
    assert explained.exit_code == 0
    assert "Old name." in explained.stdout
    assert "house.no-belarus-spelling" in cli("rules").stdout


def test_broken_house_rule_is_exit_2_with_file_and_line(
    write: Callable[..., Path], cli: Callable[..., CliResult]
) -> None:
    write("pressqa.toml", 'rule-dirs = ["house-rules"]\n')
    write("house-rules/house/bad.yaml", "kind: pattern\nmessage: m\ndescription: d\ntokens: [x]\ncolour: red\n")
    write("x.txt", "fine\n")
    result = cli("check", "x.txt")
    assert result.exit_code == 2
    assert f"house-rules{'/'}house{'/'}bad.yaml:5: unknown key 'colour'" in result.stderr
    assert result.stdout == ""


def test_missing_house_rule_dir_is_an_error(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    write("pressqa.toml", 'rule-dirs = ["nowhere"]\n')
    write("x.txt", "fine\n")
    result = cli("check", "x.txt")
    assert result.exit_code == 2
    assert "nowhere: rules directory not found" in result.stderr


def test_exclude_globs_are_relative_to_the_config(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    write("pressqa.toml", 'exclude = ["drafts/*", "*.old.txt"]\nselect = ["words"]\n')
    write("drafts/a.txt", DEFECTS)
    write("drafts/deep/b.txt", DEFECTS)
    write("news/c.old.txt", DEFECTS)
    write("news/d.txt", DEFECTS)
    result = cli("check", ".")
    assert [line.split(": ")[0] for line in result.stdout.splitlines()] == ["news/d.txt:1:17"]
    assert "in 1 file" in result.stderr
    assert cli("check", "news").stdout.startswith("news/d.txt:1:17: error [words.doubled]")


def test_config_error_exits_2_naming_file_and_key(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    config = write("sub/pressqa.toml", 'language = "en-AU"\n')
    write("sub/x.txt", DEFECTS)
    result = cli("check", "sub/x.txt")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"pressqa: error: {config.resolve()}: key 'language': must be one of en, en-GB, en-US, got 'en-AU'"
    )


def test_explicit_config_flag_is_used_for_every_file(
    write: Callable[..., Path], findings: Callable[..., list[Row]]
) -> None:
    write("a/pressqa.toml", 'select = ["words"]\n')
    write("a/x.txt", DEFECTS)
    other = write("elsewhere.toml", 'select = ["typography"]\n')
    assert findings("--config", str(other), "a/x.txt") == [("a/x.txt", 2, 4, "warning", "typography.double-space")]


def test_language_from_config_and_cli(write: Callable[..., Path], workdir: Path) -> None:
    write("gb/pressqa.toml", 'language = "en-GB"\nselect = ["words"]\n')
    write("gb/x.txt", "x\n")
    write("plain/x.txt", "x\n")
    runner = Runner(RunOptions(paths=["gb/x.txt", "plain/x.txt"]))
    gb = runner.rule_set(runner.config_for("gb/x.txt"))
    plain = runner.rule_set(runner.config_for("plain/x.txt"))
    assert gb.engine.context.language == "en-GB"
    assert plain.engine.context.language == "en"
    assert gb.engine.context.settings["config"].language == "en-GB"
    forced = Runner(RunOptions(paths=["gb/x.txt"], language="en-US"))
    assert forced.config_for("gb/x.txt").language == "en-US"
    assert forced.config_for("gb/x.txt").select == ("words",)


def test_cli_rejects_an_unknown_language(write: Callable[..., Path], cli: Callable[..., CliResult]) -> None:
    write("x.txt", "x\n")
    result = cli("check", "--language", "en-XX", "x.txt")
    assert result.exit_code == 2
    assert "'en-XX' is not one of 'en', 'en-GB', 'en-US'" in result.stderr
