"""grammar-engine = auto | languagetool | harper: which engine a run gets, and grammar as a service."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

import notecheck.grammar.backend as lt_backend
import notecheck.grammar.background as background
import notecheck.grammar.java as java
from notecheck import Checker, Config
from notecheck.config import ConfigError, load_config
from notecheck.grammar import GrammarSettings, GrammarUnavailable, open_engine
from notecheck.grammar.harper import HarperBackend
from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv
from notecheck.note import Note
from notecheck.proofread import GrammarService
from notecheck.registry import load_registry


class FakeLT:
    name = "LanguageTool 6.8 at http://127.0.0.1:1"
    label = "LanguageTool 6.8"
    leaves_machine = False

    def check(self, text: str, *, language: str) -> list:  # type: ignore[type-arg]
        return []


@pytest.fixture()
def world(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """A machine where we decide whether the server is ready and Java exists; records background starts."""
    state: dict[str, object] = {"ready": False, "java": "/usr/bin/java", "started": 0, "lt_opened": 0}

    @contextmanager
    def open_backend(settings: GrammarSettings, progress: object = None) -> Iterator[FakeLT]:
        state["lt_opened"] = int(state["lt_opened"]) + 1  # type: ignore[call-overload]
        yield FakeLT()

    def start(idle: float) -> bool:
        state["started"] = int(state["started"]) + 1  # type: ignore[call-overload]
        return True

    monkeypatch.setattr(lt_backend, "open_backend", open_backend)
    monkeypatch.setattr(background, "ready_server", lambda: {"url": "http://127.0.0.1:1"} if state["ready"] else None)
    monkeypatch.setattr(background, "start_in_background", start)
    monkeypatch.setattr(java, "java_executable", lambda: state["java"])
    monkeypatch.delenv("NOTECHECK_LT_URL", raising=False)
    return state


def engine(settings: GrammarSettings) -> tuple[str, tuple[str, ...]]:
    with open_engine(settings) as (backend, notices):
        return type(backend).__name__, notices


def test_auto_uses_languagetool_when_the_shared_server_is_ready(world: dict[str, object]) -> None:
    world["ready"] = True
    assert engine(GrammarSettings()) == ("FakeLT", ())
    assert world["started"] == 0


def test_auto_uses_harper_while_the_server_starts_in_the_background(world: dict[str, object]) -> None:
    name, notices = engine(GrammarSettings())
    assert name == "HarperBackend" and world["started"] == 1 and world["lt_opened"] == 0
    assert notices == ("Proofread by Harper (harper-py 0.2.0): LanguageTool is starting in the background for "
                       "the next run.",)


def test_auto_under_a_long_lived_checker_says_checks_move_to_languagetool(world: dict[str, object]) -> None:
    name, notices = engine(GrammarSettings(renew=True))
    assert name == "HarperBackend" and world["started"] == 1
    assert notices == ("Proofread by Harper (harper-py 0.2.0): LanguageTool is starting in the background; checks "
                       "move to it once it is ready.",)


def test_harper_stands_in_for_languagetool_only_where_languagetool_could_serve(world: dict[str, object]) -> None:
    from notecheck.grammar import stands_in

    harper = HarperBackend()
    assert stands_in(GrammarSettings(), harper)
    assert not stands_in(GrammarSettings(), FakeLT())  # type: ignore[arg-type]
    assert not stands_in(GrammarSettings(engine="harper"), harper)  # asked for by name
    assert not stands_in(GrammarSettings(daemon=False), harper)  # no shared server to move to
    assert not stands_in(GrammarSettings(lt_url="http://127.0.0.1:1"), harper)
    world["java"] = None
    assert not stands_in(GrammarSettings(), harper)  # LanguageTool cannot run here


def test_auto_uses_harper_without_java_and_starts_nothing(world: dict[str, object]) -> None:
    world["java"] = None
    name, notices = engine(GrammarSettings())
    assert name == "HarperBackend" and world["started"] == 0
    assert "Java was not found" in notices[0]


def test_auto_with_no_daemon_uses_harper(world: dict[str, object]) -> None:
    name, notices = engine(GrammarSettings(daemon=False))
    assert name == "HarperBackend" and "--no-daemon" in notices[0] and world["started"] == 0


def test_auto_always_uses_a_server_url_given(world: dict[str, object]) -> None:
    assert engine(GrammarSettings(lt_url="http://127.0.0.1:1"))[0] == "FakeLT"


def test_explicit_engines(world: dict[str, object]) -> None:
    assert engine(GrammarSettings(engine="languagetool"))[0] == "FakeLT"
    world["ready"] = True
    assert engine(GrammarSettings(engine="harper")) == ("HarperBackend", ())


def test_auto_without_harper_waits_for_languagetool(world: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise GrammarUnavailable("Harper is not installed (pip install harper-py)")

    monkeypatch.setattr(HarperBackend, "__init__", lambda self: broken())
    assert engine(GrammarSettings())[0] == "FakeLT"


def test_a_run_proofread_by_harper_is_complete_and_says_so(world: dict[str, object]) -> None:
    with Checker(Config(select=("NC5",))) as checker:
        report = checker.check("Dear Sam,\nThank you for the tour. I realy enjoyed it.\nBest,\nJo")
    assert not report.incomplete and report.grammar_engine == "Harper (harper-py 0.2.0)"
    assert [f.excerpt for f in report.findings if f.code == "NC502"] == ["realy"]
    assert any("LanguageTool is starting" in n for n in report.notices)


def test_grammar_engine_is_a_config_key_and_an_option(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    path = tmp_path / "project" / "notecheck.toml"
    path.write_text('grammar-engine = "harper"\n', encoding="utf-8")
    assert load_config(path).grammar_engine == "harper"
    assert load_config(path, grammar_engine="languagetool").grammar_engine == "languagetool"
    (tmp_path / "elsewhere").mkdir()
    path.write_text('grammar-engine = "java"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="grammar-engine: expected one of auto, languagetool, harper, got 'java'"):
        load_config(path)
    with pytest.raises(ConfigError, match="^--grammar-engine: expected one of auto, languagetool, harper"):
        load_config(None, cwd=tmp_path / "elsewhere", grammar_engine="lt")


# --- grammar as a service any kind can ask for ---------------------------------------------------


@dataclass(frozen=True)
class ShoutParams:
    pass


def shout(note: Note, params: ShoutParams, env: RunEnv) -> Outcome:
    """A third-party kind: flags every match of the run's grammar engine, whatever it is."""
    service = env.services.get(GrammarService)
    if service is None or service.backend is None:
        return Outcome(skipped="no grammar engine")
    found = service.check(note.text)
    return Outcome(hits=tuple(Hit(note.start + m.offset, note.start + m.offset + m.length) for m in found),
                   checked_by=service.label)


def test_a_third_party_kind_uses_the_grammar_service_and_shares_its_answer(
        world: dict[str, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = HarperBackend.check

    def counted(self: HarperBackend, text: str, *, language: str) -> list:  # type: ignore[type-arg]
        calls.append(language)
        return real(self, text, language=language)

    monkeypatch.setattr(HarperBackend, "check", counted)
    registry = load_registry()
    registry.kinds["shout"] = Kind("shout", ShoutParams, shout)
    pack = tmp_path / "shout.toml"
    pack.write_text('[pack]\nname = "shout"\n\n[[rule]]\ncode = "XX101"\nname = "shout"\nkind = "shout"\ntip = 5\n'
                    'severity = "warning"\nweight = 1\nmessage = "Engine match."\nwhy = "Test."\n'
                    '[rule.examples]\ngood = ["Fine."]\nbad = ["I realy am."]\n', encoding="utf-8")
    with Checker(Config(packs=(pack,), select=("NC502", "XX101"), grammar_engine="harper"),
                 registry=registry) as checker:
        report = checker.check("Dear Sam,\nThank you for the tour. I realy enjoyed it.\nBest,\nJo")
    assert "realy" in [f.excerpt for f in report.findings if f.code == "XX101"]
    assert [f.excerpt for f in report.findings if f.code == "NC502"] == ["realy"]
    assert sorted(calls) == ["en-GB", "en-US"]  # one request a variant, shared by both rules ("realy": is it
    # British?)
