"""The `grammar` kind: LanguageTool's matches as pressqa findings.

The rule file says which LanguageTool rules and categories run, how its issue
types map to severities, and which of its rules stay off for press text; a
press office's config (`[grammar] enable` / `disable`) switches single
LanguageTool rules on or off on top (`category:NAME` entries switch whole
categories). Findings carry the LanguageTool rule as a sub-id
(`grammar.languagetool/EN_A_VS_AN`), its message and its replacements.

The backend comes from `context.grammar` when the caller opened one, else it
is opened here on first use from the config's `[grammar]` settings. When it
cannot run, the kind adds one notice (or raises GrammarUnavailable when
grammar is required) and reports nothing; the other rules run as usual.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

from pressqa.document import Document, Region
from pressqa.finding import SEVERITY_NAMES, Finding, Severity
from pressqa.prose import MASK
from pressqa.rule import Kind, KindContext, KindUnavailable, Option, Rule

if TYPE_CHECKING:
    # Imported where used: the HTTP client and cache cost ~0.1 s, which a run without grammar never pays.
    from pressqa.languagetool import CheckOptions, GrammarBackend, Match, Paragraph

LANGUAGES = {"en": "en-GB", "en-GB": "en-GB", "en-US": "en-US"}
LEVELS = ("default", "picky")
OFF = "off"


class GrammarUnavailable(KindUnavailable):
    """Grammar was required (`--require-grammar`, `[grammar] require`) but cannot run."""


class _Unavailable:
    """Marks a context whose backend could not be opened, so it is tried once per run."""

    def __init__(self, reason: str | None) -> None:
        self.reason = reason


class GrammarKind(Kind):
    """Grammar findings from LanguageTool for each prose paragraph."""

    name: ClassVar[str] = "grammar"
    options: ClassVar[Mapping[str, Option]] = {
        "enabled_rules": Option((list,), [], help="LanguageTool rule ids to switch on"),
        "disabled_rules": Option((list,), [], help="LanguageTool rule ids to switch off"),
        "enabled_categories": Option((list,), [], help="LanguageTool category ids to switch on"),
        "disabled_categories": Option((list,), [], help="LanguageTool category ids to switch off"),
        "enabled_only": Option((bool,), False, help="run only the enabled rules and categories"),
        "level": Option((str,), "default", help="LanguageTool level: default or picky"),
        "severity_map": Option(
            (dict,), {}, help="LanguageTool issue type -> suggestion, warning, error or off"
        ),
        "rule_severity": Option(
            (dict,), {}, help="LanguageTool rule id -> suggestion, warning, error or off"
        ),
    }

    def __init__(self, rule: Rule, context: KindContext) -> None:
        super().__init__(rule, context)
        self._severity_map = {str(k): str(v) for k, v in self.option("severity_map").items()}
        self._rule_severity = {str(k): str(v) for k, v in self.option("rule_severity").items()}

    @classmethod
    def validate(cls, options: Mapping[str, Any]) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        for key in ("enabled_rules", "disabled_rules", "enabled_categories", "disabled_categories"):
            for item in options.get(key) or []:
                if not isinstance(item, str) or not item.strip() or "," in item:
                    problems.append((key, f"entries must be LanguageTool ids, got {item!r}"))
        if options.get("level", "default") not in LEVELS:
            problems.append(("level", f"must be one of {', '.join(LEVELS)}"))
        allowed = (*SEVERITY_NAMES, OFF)
        for key in ("severity_map", "rule_severity"):
            for name, value in (options.get(key) or {}).items():
                if value not in allowed:
                    problems.append((key, f"{name}: must be one of {', '.join(allowed)}"))
        return problems

    # -- checking ----------------------------------------------------------------

    def check(self, doc: Document) -> Iterable[Finding]:
        backend = self._backend()
        if backend is None:
            return []
        regions = [r for r in doc.paragraphs() if doc.prose[r.start : r.end].strip(MASK + " \t\n")]
        paragraphs = [_paragraph(doc, region) for region in regions]
        result = backend.check_paragraphs(paragraphs, self._language(), self._check_options)
        if result.error is not None:
            self._give_up(f"grammar incomplete: {result.error}; other rules ran as usual")
        findings: list[Finding] = []
        for region, matches in zip(regions, result.matches, strict=True):
            for match in matches or ():
                finding = self._finding(doc, region, match)
                if finding is not None:
                    findings.append(finding)
        return findings

    def _finding(self, doc: Document, region: Region, match: Match) -> Finding | None:
        start = region.start + match.offset
        end = min(start + max(match.length, 1), region.end)
        severity = self._severity(match, doc.text[start:end])
        if severity is None:
            return None
        values = {
            "match": doc.text[start:end],
            "message": " ".join(match.message.split()),
            "lt_rule": match.rule_id,
            "category": match.category_id,
            "suggestion": match.replacements[0] if match.replacements else "",
        }
        try:
            message = self.rule.message.format(**values)
        except (KeyError, IndexError, ValueError):
            message = values["message"]
        return Finding.at(
            doc,
            f"{self.rule.id}/{match.rule_id}",
            severity,
            start,
            end,
            message,
            tuple(r for r in match.replacements if r != values["match"]),
            False,
        )

    def _severity(self, match: Match, surface: str) -> Severity | None:
        name = self._rule_severity.get(match.rule_id) or self._severity_map.get(match.issue_type)
        if name != OFF and _hyphen_choice(match, surface):
            name = "suggestion"
        if name is None:
            return self.rule.severity
        if name == OFF:
            return None
        return Severity.parse(name)

    # -- settings ----------------------------------------------------------------

    def _settings(self) -> Any:
        config = self.context.settings.get("config")
        return getattr(config, "grammar", None)

    def _language(self) -> str:
        config = self.context.settings.get("config")
        language = getattr(config, "language", None) or self.context.language
        return LANGUAGES.get(language, language)

    @cached_property
    def _check_options(self) -> CheckOptions:
        from pressqa.languagetool import CheckOptions

        enabled_rules = set(self.option("enabled_rules"))
        disabled_rules = set(self.option("disabled_rules"))
        enabled_categories = set(self.option("enabled_categories"))
        disabled_categories = set(self.option("disabled_categories"))
        settings = self._settings()
        # The press office's config wins over the rule file; a `disable` wins over an `enable`.
        for key, switch_on in (("enable", True), ("disable", False)):
            for entry in getattr(settings, key, ()) or ():
                category, rule_id = _split_category(entry)
                on, off = (enabled_categories, disabled_categories) if category else (enabled_rules, disabled_rules)
                name = category or rule_id
                (on if switch_on else off).add(name)
                (off if switch_on else on).discard(name)
        return CheckOptions(
            enabled_rules=tuple(sorted(enabled_rules)),
            disabled_rules=tuple(sorted(disabled_rules)),
            enabled_categories=tuple(sorted(enabled_categories)),
            disabled_categories=tuple(sorted(disabled_categories)),
            enabled_only=bool(self.option("enabled_only")),
            level=str(self.option("level")),
        )

    # -- the backend -------------------------------------------------------------

    def _backend(self) -> GrammarBackend | None:
        from pressqa.languagetool import GrammarBackend, open_backend

        current = self.context.grammar
        if isinstance(current, GrammarBackend):
            return current
        if isinstance(current, _Unavailable):
            return None
        if current is not None:
            return current  # type: ignore[no-any-return]  # a caller-supplied backend
        settings = self._settings()
        mode = str(getattr(settings, "backend", "auto") or "auto")
        idle_minutes = float(getattr(settings, "idle_timeout", 30) or 30)
        backend, reason = open_backend(
            getattr(settings, "url", None),
            mode,  # type: ignore[arg-type]
            idle_timeout=idle_minutes * 60,
            warm_languages=(self._language(),),
        )
        if backend is None:
            self._give_up(reason)
            return None
        self.context.grammar = backend
        return backend

    def _give_up(self, reason: str | None) -> None:
        """Stop using grammar for this run; say why once, or fail if it is required."""
        self.context.grammar = _Unavailable(reason)
        if reason is None:
            return
        if getattr(self._settings(), "require", False):
            raise GrammarUnavailable(f"{reason} (grammar is required)")
        self.context.notice(f"pressqa: {reason}")


def _paragraph(doc: Document, region: Region) -> Paragraph:
    from pressqa.languagetool import Paragraph

    text = doc.text[region.start : region.end]
    masked = doc.prose[region.start : region.end]
    return Paragraph(text, masked if MASK in masked else None)


def _hyphen_choice(match: Match, surface: str) -> bool:
    """A hyphenated compound that LanguageTool would close up ("inter-state", "sub-standard").

    Both forms are standard British usage, so this is a matter of house style.
    """
    return (
        match.rule_id.startswith("EN_COMPOUNDS")
        and "-" in surface
        and any(r == surface.replace("-", "") for r in match.replacements)
    )


def _split_category(entry: str) -> tuple[str, str]:
    """('STYLE', '') for 'category:STYLE', ('', 'RULE_ID') for a rule id."""
    entry = entry.strip()
    if entry.lower().startswith("category:"):
        return entry.split(":", 1)[1].strip(), ""
    return "", entry

