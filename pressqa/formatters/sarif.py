"""SARIF 2.1.0 for code scanning: rule metadata, one result a finding, columns in Unicode code points."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from pressqa import __version__
from pressqa.finding import Finding, Severity
from pressqa.formatters import InputError
from pressqa.rule import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}


def artifact_uri(path: str) -> str:
    """A file path as a SARIF artifact URI: relative paths stay relative, absolute ones become file: URIs."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix(), safe="/-._~")


def _base_rule(rule_id: str) -> str:
    return rule_id.split("/", 1)[0]


def _rule_descriptor(rule_id: str, rule: Rule | None) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"id": rule_id}
    if rule is None:
        return descriptor
    descriptor["shortDescription"] = {"text": rule.summary or rule.id}
    descriptor["fullDescription"] = {"text": rule.description.strip() or rule.id}
    descriptor["help"] = {"text": rule.description.strip() or rule.id, "markdown": rule.description.strip() or rule.id}
    descriptor["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
    if rule.link:
        descriptor["helpUri"] = rule.link
    descriptor["properties"] = {"kind": rule.kind}
    return descriptor


def _result(finding: Finding, index: int) -> dict[str, Any]:
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(finding.path)}, "region": region}}],
        "partialFingerprints": {
            "pressqa/v1": hashlib.sha256(f"{finding.rule}|{finding.path}|{finding.message}".encode()).hexdigest()[:32]
        },
    }
    if finding.suggestions:
        result["fixes"] = [
            {
                "description": {"text": f"Replace with '{suggestion}'"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": artifact_uri(finding.path)},
                        "replacements": [{"deletedRegion": region, "insertedContent": {"text": suggestion}}],
                    }
                ],
            }
            for suggestion in finding.suggestions[:3]
        ]
    return result


def format_sarif(findings: Sequence[Finding], errors: Sequence[InputError], rules: Mapping[str, Rule]) -> str:
    """A SARIF 2.1.0 log with one run."""
    rule_ids = sorted({f.rule for f in findings} | set(rules))
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "pressqa",
                "version": __version__,
                "informationUri": "https://pypi.org/project/pressqa/",
                "rules": [_rule_descriptor(r, rules.get(r) or rules.get(_base_rule(r))) for r in rule_ids],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.rule]) for f in findings],
    }
    if errors:
        run["invocations"] = [
            {
                "executionSuccessful": False,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "message": {"text": e.message},
                        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(e.path)}}}],
                    }
                    for e in errors
                ],
            }
        ]
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
