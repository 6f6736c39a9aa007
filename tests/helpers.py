"""Shared test helpers: building contexts from TOML tables and running single rules."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from notecheck.inputs import parse_date, parse_draft
from notecheck.note import Context

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
FIXED_NOW = datetime.fromisoformat("2026-11-20T12:00:00+00:00")  # "now" for fixture notes, so reports do not age


def context_from(table: dict[str, Any] | None) -> Context | None:
    if not table:
        return None
    interviewers = table.get("interviewer") or table.get("interviewers") or ()
    if isinstance(interviewers, str):
        interviewers = [interviewers]
    return Context(
        company=table.get("company"),
        interviewers=tuple(interviewers),
        role=table.get("role"),
        interview_date=parse_date(str(table["interview_date"]), "interview_date")
        if table.get("interview_date") else None,
        sent_date=parse_date(str(table["sent_date"]), "sent_date") if table.get("sent_date") else None,
    )


def languagetool_jvms() -> dict[int, str]:
    """Live LanguageTool JVMs of notecheck on this machine: pid -> the cache directory they belong to."""
    import psutil

    from notecheck.grammar.process import CACHE_MARKER, SERVER_CLASS

    found = {}
    for proc in psutil.process_iter(["cmdline", "status"]):
        cmdline = proc.info["cmdline"] or []
        if proc.info["status"] != psutil.STATUS_ZOMBIE and SERVER_CLASS in cmdline:
            marker = next((a for a in cmdline if a.startswith(CACHE_MARKER)), CACHE_MARKER)
            found[proc.pid] = marker[len(CACHE_MARKER):]
    return found


def use_engine(monkeypatch: pytest.MonkeyPatch, engine: object) -> None:
    """Every Checker in the test opens ``engine`` (canned answers) as its grammar engine."""
    import notecheck.grammar as grammar

    @contextmanager
    def open_engine(settings: object, progress: object = None) -> Iterator[tuple[object, tuple[str, ...]]]:
        yield engine, ()

    monkeypatch.setattr(grammar, "open_engine", open_engine)


def check_fixture(checker: Any, path: Path) -> Any:
    """The report on a fixture note (named by its path in the project), sent "now" = ``FIXED_NOW`` unless
    its front matter says when."""
    draft = parse_draft(path.read_bytes().decode("utf-8"), path=str(path.relative_to(ROOT)))
    if draft.note.context.sent_date is None:
        draft.note.context = dataclasses.replace(draft.note.context, sent_date=FIXED_NOW)
    return checker.check_draft(draft)
