"""The versioned JSON document other tools read (schema version 1, documented in README.md)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from pressqa.finding import Finding
from pressqa.formatters import InputError
from pressqa.rule import Rule

SCHEMA_VERSION = 1


def finding_record(finding: Finding) -> dict[str, Any]:
    """One finding in the JSON shape: 1-based lines and columns in code points."""
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "rule": finding.rule,
        "severity": str(finding.severity),
        "message": finding.message,
        "suggestions": list(finding.suggestions),
        "fixable": finding.fixable,
    }


def format_json(findings: Sequence[Finding], errors: Sequence[InputError], rules: Mapping[str, Rule]) -> str:
    """`{"version": 1, "findings": [...], "errors": [...]}` as indented JSON."""
    document = {
        "version": SCHEMA_VERSION,
        "findings": [finding_record(f) for f in findings],
        "errors": [{"path": e.path, "message": e.message} for e in errors],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
