"""A check names its own grammar engine, and a long-lived Checker renews its engine by itself.

Canned engines only (the real switch from Harper to LanguageTool: tests/grammar/test_renewal_real.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

import notecheck.grammar as grammar
import notecheck.grammar_envs as envs
from notecheck import Checker, Config
from notecheck.errors import ConfigError
from notecheck.grammar import GrammarSettings, GrammarUnavailable

NOTE = "Dear Sam,\nThank you for the tour. I realy enjoyed it.\nBest,\nJo"


class Engine:
    """A canned engine: finds nothing, or raises what it is told to."""

    leaves_machine = False

    def __init__(self, name: str) -> None:
        self.name = self.label = name
        self.raises: str | None = None
        self.closed = False

    def check(self, text: str, *, language: str) -> list:  # type: ignore[type-arg]
        if self.raises:
            raise GrammarUnavailable(self.raises)
        return []


@pytest.fixture()
def world(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """``open_engine`` gives a new canned engine per open: LanguageTool when asked for or when "ready",
    else a Harper that stands in for it under auto. Records every engine opened."""
    state: dict[str, object] = {"ready": False, "opened": [], "fail_next": None}

    @contextmanager
    def open_engine(settings: GrammarSettings, progress: object = None) -> Iterator[tuple[Engine, tuple[str, ...]]]:
        lt = settings.engine == "languagetool" or (settings.engine == "auto" and state["ready"])
        engine = Engine("LanguageTool 6.8" if lt else "Harper")
        engine.raises = state["fail_next"]  # type: ignore[assignment]
        state["fail_next"] = None
        state["opened"].append((settings.engine, engine))  # type: ignore[attr-defined]
        try:
            yield engine, ()
        finally:
            engine.closed = True

    monkeypatch.setattr(grammar, "open_engine", open_engine)
    monkeypatch.setattr(grammar, "stands_in", lambda settings, backend: settings.engine == "auto"
                        and backend.name == "Harper")
    monkeypatch.setattr(envs, "_languagetool_ready", lambda: bool(state["ready"]))
    monkeypatch.setattr(envs, "UPGRADE_SECONDS", 0.0)
    monkeypatch.setattr(envs, "RETRY_SECONDS", 0.0)
    return state


def opened(world: dict[str, object]) -> list[tuple[str, str]]:
    return [(engine, backend.name) for engine, backend in world["opened"]]  # type: ignore[attr-defined]


def test_a_check_may_name_its_engine_and_each_engine_opens_once(world: dict[str, object]) -> None:
    with Checker(Config(select=("NC5",), grammar_engine="languagetool")) as checker:
        assert checker.check(NOTE).grammar_engine == "LanguageTool 6.8"
        assert checker.check(NOTE, grammar_engine="harper").grammar_engine == "Harper"
        assert checker.check(NOTE, grammar_engine="harper").grammar_engine == "Harper"
        assert checker.check(NOTE, format="markdown", grammar_engine="harper").grammar_engine == "Harper"
        assert checker.check(NOTE).grammar_engine == "LanguageTool 6.8"
    assert opened(world) == [("languagetool", "LanguageTool 6.8"), ("harper", "Harper")]
    assert all(backend.closed for _, backend in world["opened"])  # type: ignore[attr-defined]


def test_an_engine_that_does_not_exist_is_a_config_error(world: dict[str, object]) -> None:
    with Checker(Config(select=("NC5",))) as checker, pytest.raises(ConfigError, match="got 'java'"):
        checker.check(NOTE, grammar_engine="java")


def test_a_checker_for_one_run_keeps_the_engine_it_opened(world: dict[str, object]) -> None:
    with Checker(Config(select=("NC5",))) as checker:
        assert checker.check(NOTE).grammar_engine == "Harper"
        world["ready"] = True
        assert checker.check(NOTE).grammar_engine == "Harper"  # a batch is proofread by one engine
    assert opened(world) == [("auto", "Harper")]


def test_a_long_lived_checker_moves_from_harper_to_languagetool_once_it_is_ready(world: dict[str, object]) -> None:
    with Checker(Config(select=("NC5",)), renew=True) as checker:
        assert checker.check(NOTE).grammar_engine == "Harper"
        assert checker.check(NOTE).grammar_engine == "Harper"  # not ready yet: Harper stays
        world["ready"] = True
        assert checker.check(NOTE).grammar_engine == "LanguageTool 6.8"
        assert checker.check(NOTE).grammar_engine == "LanguageTool 6.8"
        harper = world["opened"][0][1]  # type: ignore[index]
        assert not harper.closed  # a check that started on it may still be running
    assert opened(world) == [("auto", "Harper"), ("auto", "LanguageTool 6.8")]
    assert harper.closed


def test_a_long_lived_checker_opens_a_failed_engine_again(world: dict[str, object]) -> None:
    world["fail_next"] = "timed out: the grammar deadline of 31s for this run has passed"
    with Checker(Config(select=("NC5",), grammar_engine="languagetool"), renew=True) as checker:
        first = checker.check(NOTE)
        assert first.incomplete and first.grammar_engine is None
        second = checker.check(NOTE)
        assert not second.incomplete and second.grammar_engine == "LanguageTool 6.8"
    assert opened(world) == [("languagetool", "LanguageTool 6.8"), ("languagetool", "LanguageTool 6.8")]


def test_a_failed_engine_is_tried_again_no_more_often_than_the_retry_interval(
        world: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(envs, "RETRY_SECONDS", 3600.0)
    world["fail_next"] = "timed out: a request took longer than 30s"
    with Checker(Config(select=("NC5",), grammar_engine="languagetool"), renew=True) as checker:
        assert checker.check(NOTE).incomplete
        assert checker.check(NOTE).incomplete  # the same failed engine: no storm of reopenings
    assert len(opened(world)) == 1


def test_a_long_lived_checker_without_grammar_opens_nothing(world: dict[str, object]) -> None:
    with Checker(Config(select=("NC5",), grammar=False), renew=True) as checker:
        for _ in range(3):
            report = checker.check(NOTE)
            assert not report.incomplete and all(r.status.value == "skipped" for r in report.results)
    assert opened(world) == []
