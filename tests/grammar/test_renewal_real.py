"""A long-lived Checker (a local page, an editor) with the real engines: ``auto`` proofreads with Harper
while the shared LanguageTool server starts in the background, then moves to LanguageTool by itself."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import notecheck.grammar_envs as envs
from notecheck import Checker, Config

NOTE = "Dear Sam,\n\nThank you for the the tour today. I realy enjoyed meeting the team.\n\nBest,\nJo\n"


@pytest.mark.integration
def test_auto_moves_from_harper_to_languagetool_without_a_restart(lt_cache: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(envs, "UPGRADE_SECONDS", 0.5)
    engines = []
    with Checker(Config(select=("NC5",)), renew=True) as checker:
        first = checker.check(NOTE)
        engines.append(first.grammar_engine)
        assert first.grammar_engine and first.grammar_engine.startswith("Harper")
        assert any("checks move to it once it is ready" in notice for notice in first.notices)
        deadline = time.monotonic() + 240
        report = first
        while time.monotonic() < deadline and not (report.grammar_engine or "").startswith("LanguageTool"):
            time.sleep(1)
            report = checker.check(NOTE)
            engines.append(report.grammar_engine)
    assert (report.grammar_engine or "").startswith("LanguageTool"), engines
    assert not report.incomplete
    assert "realy" in [f.excerpt for f in report.findings if f.code == "NC502"]
    assert not any("LanguageTool is starting" in notice for notice in report.notices)
