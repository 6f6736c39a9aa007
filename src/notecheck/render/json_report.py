"""The machine-readable report: one JSON document for all files (``schema_version`` 1)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from notecheck.model import Report

SCHEMA_VERSION = 1


def as_document(reports: Sequence[Report], *, exit_code: int | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "files": [r.to_dict() for r in reports]}
    if exit_code is not None:
        document["exit_code"] = exit_code
    return document


def render(reports: Sequence[Report], *, exit_code: int | None = None) -> str:
    return json.dumps(as_document(reports, exit_code=exit_code), indent=2, ensure_ascii=False)
