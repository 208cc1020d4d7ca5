"""The command line: parse, load, call, print. Nothing else lives here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from pressqa import __version__
from pressqa.finding import SEVERITY_NAMES, Severity
from pressqa.formatters import FORMAT_NAMES, formatter
from pressqa.formatters.text import summary
from pressqa.runner import EXIT_ERROR, RunOptions, UsageError, run

SEVERITY_CHOICE = click.Choice(SEVERITY_NAMES, case_sensitive=False)


def _prefixes(values: tuple[str, ...]) -> list[str] | None:
    """Repeated or comma-separated rule-id prefixes; None when the option was not given."""
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pressqa")
def main() -> None:
    """pressqa: a translation-quality and typo linter for press releases."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--format", "output_format", type=click.Choice(FORMAT_NAMES), default="text", show_default=True)
@click.option("--select", multiple=True, help="Only rules whose id starts with this prefix (repeat or comma-separate).")
@click.option("--ignore", multiple=True, help="Leave out rules whose id starts with this prefix.")
@click.option("--extend-select", multiple=True, help="Add rules (e.g. ones off by default) to the selection.")
@click.option("--min-severity", type=SEVERITY_CHOICE, help="Report findings at or above this level [default: warning].")
@click.option("--fail-on", type=SEVERITY_CHOICE, help="Exit 1 for findings at or above this level [default: warning].")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--language", type=click.Choice(["en", "en-GB", "en-US"]), help="Spelling variant to enforce.")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (atomic writes, encoding and line ends kept).")
@click.option("--require-grammar", is_flag=True, default=None, help="Exit 2 when LanguageTool cannot run.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Check files in this many processes (0: one per CPU).")
@click.option("--no-cache", is_flag=True, help="Check every file afresh; do not read or write the result cache.")
@click.option("-q", "--quiet", is_flag=True, help="No summary line on stderr.")
@click.option("--list-unknown", is_flag=True, help="Print unknown words with counts (to seed an accept list); no check.")
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    min_severity: str | None,
    fail_on: str | None,
    config_path: Path | None,
    language: str | None,
    fix: bool,
    require_grammar: bool | None,
    jobs: int,
    no_cache: bool,
    quiet: bool,
    list_unknown: bool,
) -> None:
    """Check press releases (.txt, .md; folders; '-' for stdin)."""
    options = RunOptions(
        paths=list(paths) or ["."],
        config=config_path,
        select=_prefixes(select),
        ignore=_prefixes(ignore),
        extend_select=_prefixes(extend_select) or [],
        min_severity=Severity.parse(min_severity) if min_severity else None,
        fail_on=Severity.parse(fail_on) if fail_on else None,
        language=language,
        fix=fix,
        require_grammar=require_grammar,
        jobs=jobs or os.cpu_count() or 1,
        cache=not no_cache,
    )
    if list_unknown:
        _list_unknown(options)
    try:
        result = run(options)
    except UsageError as error:
        click.echo(f"pressqa: error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(formatter(output_format)(result.findings, result.errors, result.rules), nl=False)
    for input_error in result.errors:
        click.echo(f"pressqa: error: {input_error.message}", err=True)
    for note in result.notes:
        click.echo(note, err=True)
    if not quiet:
        line = summary(result.findings, result.errors, result.files_checked)
        if result.files_fixed:
            line += f"; fixed {result.files_fixed} file{'s' if result.files_fixed != 1 else ''}"
        click.echo(line, err=True)
    sys.exit(result.exit_code)


def _list_unknown(options: RunOptions) -> None:
    from pressqa.unknown_words import count_unknown_in_paths, format_unknown_words

    try:
        counts, errors = count_unknown_in_paths(options)
    except UsageError as error:
        click.echo(f"pressqa: error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(format_unknown_words(counts), nl=False)
    for message in errors:
        click.echo(f"pressqa: error: {message}", err=True)
    sys.exit(EXIT_ERROR if errors else 0)


@main.command("rules")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def list_rules(config_path: Path | None) -> None:
    """List every rule: id, kind, default severity, on/off, summary."""
    from pressqa.catalogue import catalogue

    try:
        rules = catalogue(config_path)
    except UsageError as error:
        click.echo(f"pressqa: error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    width = max((len(r.id) for r in rules), default=10)
    for rule in rules:
        state = "" if rule.enabled else " (off by default)"
        click.echo(f"{rule.id:<{width}}  {rule.kind:<12} {rule.severity!s:<10} {rule.summary}{state}")


@main.command()
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def explain(rule_id: str, config_path: Path | None) -> None:
    """Print a rule's description and examples."""
    from pressqa.catalogue import catalogue, explain_rule

    try:
        rules = {r.id: r for r in catalogue(config_path)}
    except UsageError as error:
        click.echo(f"pressqa: error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    rule = rules.get(rule_id) or rules.get(rule_id.split("/", 1)[0])
    if rule is None:
        click.echo(f"pressqa: error: no rule {rule_id!r}; `pressqa rules` lists them", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(explain_rule(rule))


@main.group()
def server() -> None:
    """The warm local LanguageTool server that grammar checks keep between runs."""


@server.command("status")
def server_status() -> None:
    """Say whether a warm LanguageTool server is running, and where."""
    from pressqa.languagetool import ServerManager, default_cache_dir

    state = ServerManager(default_cache_dir()).status()
    if state is None:
        click.echo("no warm LanguageTool server is running")
        return
    click.echo(f"LanguageTool {state.version or ''} at {state.url} (pid {state.pid})".replace("  ", " "))


@server.command("stop")
def server_stop() -> None:
    """Stop the warm LanguageTool server now (it also stops itself after the idle timeout)."""
    from pressqa.languagetool import ServerManager, default_cache_dir

    state = ServerManager(default_cache_dir()).stop()
    click.echo("no warm LanguageTool server was running" if state is None else f"stopped LanguageTool (pid {state.pid})")


@main.group()
def cache() -> None:
    """The results pressqa keeps between runs (checked files, parsed rules, grammar paragraphs)."""


@cache.command("dir")
def cache_dir() -> None:
    """Print the cache folder (PRESSQA_CACHE_DIR, else the user cache folder)."""
    from pressqa.cache_dir import default_cache_dir

    click.echo(str(default_cache_dir()))


@cache.command("clear")
def cache_clear() -> None:
    """Forget every cached result (a running LanguageTool server is left alone)."""
    from pressqa.cache_dir import clear_cache, default_cache_dir

    removed = clear_cache(default_cache_dir())
    click.echo(f"removed {removed} cache file{'s' if removed != 1 else ''}")
