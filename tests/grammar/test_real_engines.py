"""The NC5xx rules against the real engines: Harper in process, and the real LanguageTool server."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from notecheck import Checker, Config, Verdict
from notecheck.inputs import parse_draft
from notecheck.packs import load_rules
from notecheck.registry import load_registry

ROOT = Path(__file__).resolve().parents[2]
NOTES = ROOT / "fixtures" / "notes"
BIN = Path(sys.executable).parent
ERRORS = {"NC101", "NC301", "NC307", "NC308", "NC501", "NC502"}  # the error-severity rules of the packs
LABELS = tomllib.loads((ROOT / "fixtures" / "labels.toml").read_text(encoding="utf-8"))["notes"]
READY = sorted(name for name, label in LABELS.items() if not set(label["fails"]) & ERRORS)
ENGINES = [pytest.param("harper", id="harper"),
           pytest.param("languagetool", id="languagetool", marks=pytest.mark.integration)]
ISSUE_NOTE = ("Dear Ms. Okonkwo,\n\nThank you for the tour of Brightwater today. We discussed a ETL pipeline in "
              "Dagster and your work on organoids. I analysed the data and will organise a follow-up.\n\n"
              "Best regards,\nLena Fischer\n")


@pytest.fixture()
def engine_env(request: pytest.FixtureRequest) -> None:
    """LanguageTool needs the real server (a private state directory per test); Harper needs nothing."""
    if request.node.callspec.params.get("engine") == "languagetool":
        request.getfixturevalue("lt_cache")


def findings(report, code: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.excerpt for f in report.findings if f.code == code]


@pytest.mark.parametrize("engine", ENGINES)
def test_names_articles_variants_and_typos(engine: str, engine_env: None) -> None:
    with Checker(Config(select=("NC5",), grammar_engine=engine, language="en-US")) as checker:
        report = checker.check(ISSUE_NOTE)
    assert report.grammar_engine and report.grammar_engine.lower().startswith(engine[:6])
    assert {"Brightwater", "Dagster"} <= set(findings(report, "NC505"))  # names: info
    assert "a" in findings(report, "NC501") and "a" not in findings(report, "NC502")  # "a ETL" is grammar
    assert not {"Brightwater", "Dagster", "ETL", "Okonkwo", "Lena", "Fischer", "analysed", "organise"} & set(
        findings(report, "NC502"))
    (variant,) = [f for f in report.findings if f.code == "NC506"]
    assert variant.message == 'British spellings (analysed, organise) under en-US: set `language = "en-GB"`'
    assert variant.severity.value == "info"
    assert all(f.severity.value == "info" for f in report.findings if f.code == "NC505")


@pytest.mark.parametrize("engine", ENGINES)
def test_mixed_variants_are_one_warning(engine: str, engine_env: None) -> None:
    text = "Dear Sam,\n\nThank you. I analysed the plan and liked the color of the new logo.\n\nBest,\nJo\n"
    with Checker(Config(select=("NC5",), grammar_engine=engine, language="en-US")) as checker:
        report = checker.check(text)
    (variant,) = [f for f in report.findings if f.code == "NC506"]
    assert variant.severity.value == "warning"
    assert variant.message.startswith("British and American spellings mixed (analysed; color")


@pytest.mark.parametrize("engine", ENGINES)
def test_grammar_rules_examples(engine: str, engine_env: None) -> None:
    from helpers_context import context_of

    rules = [r for r in load_rules(load_registry()) if r.kind == "grammar"]
    with Checker(Config(grammar_engine=engine, language="en-US", select=tuple(r.code for r in rules))) as checker:
        for rule in rules:
            for side, examples in (("good", rule.good), ("bad", rule.bad)):
                for example in examples:
                    report = checker.check(example.text, context=context_of(example.context))
                    status = next(r.status.value for r in report.results if r.code == rule.code)
                    assert status == ("failed" if side == "bad" else "passed"), (rule.code, side, example.text)


@pytest.mark.parametrize("engine", ENGINES)
def test_no_ready_fixture_note_is_not_ready_through_a_name_or_a_variant(engine: str, engine_env: None) -> None:
    """Errors left on notes labelled ready are the engine's other findings, never a name or a variant."""
    with Checker(Config(select=("NC5",), grammar_engine=engine, language="en-US")) as checker:
        for name in READY:
            path = NOTES / name
            report = checker.check_draft(parse_draft(path.read_text(encoding="utf-8"), path=name))
            for finding in report.findings:
                if finding.code in ("NC505", "NC506"):
                    assert finding.severity.value != "error", (name, finding)
                if finding.code == "NC502":  # an unknown capitalised word left as an error opens a sentence
                    word = finding.excerpt
                    assert not any(c.isupper() for c in word[1:]), (name, word)
                    assert word[:1].islower() or word in ("Thx", "Btw", "Pls"), (name, word)  # text-speak


def test_without_java_harper_proofreads_and_the_exit_code_says_ready_or_not(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if k not in ("JAVA_HOME", "NOTECHECK_LT_URL", "LC_ALL", "LC_MESSAGES")}
    env.update(PATH=str(BIN), NOTECHECK_CACHE_DIR=str(cache), LANG="C.UTF-8")
    assert shutil.which("java", path=env["PATH"]) is None

    def run(name: str) -> tuple[int, dict]:  # type: ignore[type-arg]
        done = subprocess.run([str(BIN / "notecheck"), str(NOTES / name), "--format", "json"], env=env,
                              capture_output=True, text=True, timeout=120)
        return done.returncode, json.loads(done.stdout)["files"][0]

    code, report = run("spelling-errors.txt")
    assert code == 1 and report["verdict"] == Verdict.NOT_READY.value and not report["incomplete"]
    assert report["grammar_engine"].startswith("Harper")
    assert {"oportunity", "buliding", "recieved", "beleive"} <= {
        f["excerpt"] for f in report["findings"] if f["code"] == "NC502"}
    assert any("Java was not found" in notice for notice in report["notices"])
    code, report = run("strong-paralegal.txt")
    assert code == 0 and report["verdict"] == Verdict.READY.value and report["grammar_engine"].startswith("Harper")
    assert all(r["status"] != "skipped" for r in report["rules"] if r["code"].startswith("NC5"))
    assert not (cache / "lt-server.json").exists()  # nothing was started
