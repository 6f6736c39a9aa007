"""Findings keep replacement texts (``suggestions``) apart from prose (``advice``), in JSON and on screen."""

from __future__ import annotations

import io
import json
import re

import pytest
from rich.console import Console

from helpers import use_engine
from notecheck import Checker, Config
from notecheck.grammar import GrammarMatch, GrammarUnavailable
from notecheck.render.json_report import render as render_json
from notecheck.render.rich_report import render as render_rich

LONG = ("Dear Ms. Ortiz,\nThank you for meeting with me. " + " ".join(["and then we talked"] * 12)
        + " about the plan.\nBest regards,\nLena")
PLACEHOLDER = "Dear [Name],\nThank you for meeting with me on Tuesday about the role.\nBest regards,\nLena"


def _rich(report) -> str:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    render_rich(Console(file=out, width=100, color_system=None), report)
    return out.getvalue()


def test_prose_is_advice_and_never_a_suggestion() -> None:
    report = Checker(Config(grammar=False, select=("NC203",))).check(LONG)
    (finding,) = report.findings
    assert finding.suggestions == ()
    assert finding.advice == "Split the sentence in two."
    data = json.loads(render_json([report]))["files"][0]["findings"][0]
    assert data["suggestions"] == [] and data["advice"] == "Split the sentence in two."


def test_replacements_are_suggestions_and_shown_as_replacements() -> None:
    report = Checker(Config(grammar=False, select=("NC301",)), ).check(
        PLACEHOLDER, context=None)
    (finding,) = report.findings
    assert finding.suggestions == () and finding.advice  # no name known: nothing to replace it with
    from notecheck import Context
    named = Checker(Config(grammar=False, select=("NC301",))).check(
        PLACEHOLDER, context=Context(interviewers=("Ana Ortiz",)))
    (finding,) = named.findings
    assert finding.suggestions == ("Ana Ortiz",)
    text = _rich(named)
    assert "\u2192 replace with \u201cAna Ortiz\u201d" in text
    assert "hint: Replace the placeholder" in text
    assert "\u2192 Replace the placeholder" not in text  # prose is never shown as a replacement


class Failing:
    name = "LanguageTool (canned)"
    leaves_machine = False

    def check(self, text: str, *, language: str) -> list[GrammarMatch]:
        raise GrammarUnavailable("Java was not found: install a Java 17+ runtime")


@pytest.fixture()
def failing(monkeypatch: pytest.MonkeyPatch) -> None:
    use_engine(monkeypatch, Failing())


def test_header_is_honest_when_grammar_did_not_run(failing: None) -> None:
    report = Checker(Config()).check("Dear Ms. Ortiz,\nThank you for meeting with me yesterday about the "
                                     "assistant role.\nBest regards,\nLena")
    assert report.incomplete and report.grammar_engine is None
    header = _rich(report).split("\n1.")[0]
    assert not re.search(r"\b\d+/100  ", header)  # never a bare score
    assert f"{report.score}/100 without NC501\u2013NC506" in " ".join(header.split())
    assert "Grammar, spelling, punctuation, style, unrecognised name and spelling variant were not checked" in \
        " ".join(header.split())
    assert "Java was not found" in " ".join(header.split())
