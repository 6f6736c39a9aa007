"""The NC5xx rules: LanguageTool matches become findings at the right place in the original file."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import use_engine
from notecheck import Checker, Config, Context, Verdict
from notecheck.grammar import GrammarMatch, GrammarUnavailable
from notecheck.grammar.process import free_port

EXE = shutil.which("notecheck", path=str(Path(sys.executable).parent)) or "notecheck"
NOTE = (
    "---\r\ncompany: Zyntrix\r\ninterviewer: Adaeze Okonkwo\r\n---\r\n"
    "Dear Ms. Okonkwo,\r\n\r\n"
    "Thank you for the tour of Zyntrix \U0001F337 today. I realy enjoyed it.\r\n\r\n"
    "Best regards,\r\nLena Fischer\r\n"
)


class FakeBackend:
    """Canned LanguageTool: flags 'realy' as a typo and every capitalised word as unknown spelling."""

    name = "LanguageTool (canned)"

    def __init__(self, leaves_machine: bool = False, fail: bool = False) -> None:
        self.leaves_machine = leaves_machine
        self.fail = fail
        self.texts: list[str] = []

    def check(self, text: str, *, language: str) -> list[GrammarMatch]:
        self.texts.append(text)
        if self.fail:
            raise GrammarUnavailable("the LanguageTool server stopped answering")
        found = []
        for m in re.finditer(r"\brealy\b|\b[A-Z][a-z]+\b", text):
            found.append(GrammarMatch("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "Possible spelling mistake.",
                                      "Spelling", ("really",) if m.group() == "realy" else (), m.start(),
                                      m.end() - m.start(), "Possible spelling mistake"))
        return found


@pytest.fixture()
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeBackend]:
    backend = FakeBackend()
    use_engine(monkeypatch, backend)
    yield backend


def test_finding_positions_survive_front_matter_crlf_and_emoji(fake: FakeBackend) -> None:
    report = Checker(Config(select=("NC502",))).check(NOTE)
    assert set(fake.texts) == {NOTE[NOTE.index("Dear") :]}  # front matter is not sent
    (finding,) = [f for f in report.findings if f.excerpt == "realy"]
    assert (finding.line, finding.column) == (7, NOTE.splitlines()[6].index("realy") + 1)
    assert NOTE[finding.offset : finding.offset + finding.length] == "realy"
    assert finding.suggestions == ("really",) and finding.source == "MORFOLOGIK_RULE_EN_US"
    assert report.verdict is Verdict.NOT_READY


def test_context_names_word_list_and_signature_are_not_misspellings(fake: FakeBackend) -> None:
    report = Checker(Config(select=("NC502",), words=("Thank",))).check(NOTE)
    flagged = {f.excerpt for f in report.findings}
    # Okonkwo, Zyntrix (context), Thank (word list), Lena and Fischer (signature) are never flagged;
    # the canned engine's capitalised "Dear", "Ms" and "Best" stand in the salutation and closing, where no
    # sentence opens: names to check (NC505), not misspellings
    assert flagged == {"realy"}
    without_context = Checker(Config(select=("NC502", "NC505"))).check(NOTE.split("---\r\n", 2)[2])
    names = {f.excerpt for f in without_context.findings if f.code == "NC505"}
    assert {"Okonkwo", "Zyntrix"} <= names  # unknown names: info, never spelling errors
    assert all(f.severity.value == "info" for f in without_context.findings if f.code == "NC505")


def test_grammar_failure_mid_run_skips_with_reason_and_marks_incomplete(fake: FakeBackend) -> None:
    fake.fail = True
    report = Checker(Config()).check(NOTE)
    grammar_results = [r for r in report.results if r.code.startswith("NC5")]
    assert grammar_results and all(r.status.value == "skipped" for r in grammar_results)
    assert all(r.reason == "the LanguageTool server stopped answering" for r in grammar_results)
    assert report.incomplete and report.verdict is Verdict.INCOMPLETE
    assert report.notices == ("Grammar, spelling, punctuation, style, unrecognised name and spelling variant were "
                              "not checked (NC501\u2013NC506): the LanguageTool server stopped answering",)
    assert any(r.status.value == "passed" for r in report.results if r.code == "NC101")  # the rest still ran


def test_remote_server_is_announced(fake: FakeBackend) -> None:
    fake.leaves_machine = True
    report = Checker(Config(select=("NC501",))).check(NOTE)
    assert any("left this machine" in notice for notice in report.notices)


def test_no_grammar_skips_by_request_without_opening_a_backend(fake: FakeBackend) -> None:
    report = Checker(Config(grammar=False)).check(NOTE)
    assert not fake.texts
    assert {r.reason for r in report.results if r.code.startswith("NC5")} == {"by request"}
    assert not report.incomplete


# --- against the real LanguageTool server -----------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "NOTECHECK_LT_URL"}
    engine = () if "--grammar-engine" in args else ("--grammar-engine", "languagetool")
    return subprocess.run([EXE, *args, *engine], capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.integration
def test_real_server_finds_the_typo_at_line_and_column(lt_cache: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes(NOTE.encode("utf-8"))
    result = run(str(draft), "--format", "json")
    document = json.loads(result.stdout)
    findings = document["files"][0]["findings"]
    (typo,) = [f for f in findings if f["code"] == "NC502"]
    assert typo["excerpt"] == "realy" and "really" in typo["suggestions"]
    assert (typo["line"], typo["column"]) == (7, NOTE.splitlines()[6].index("realy") + 1)
    assert typo["source"].startswith("MORFOLOGIK")
    assert result.returncode == 1  # a spelling error makes the note not ready


@pytest.mark.integration
def test_real_server_accepts_names_from_context(lt_cache: Path) -> None:
    text = NOTE.replace("realy", "really")
    with Checker(Config(select=("NC502", "NC505"), grammar_engine="languagetool")) as checker:
        assert all(r.status.value == "passed" for r in checker.check(text).results)
        bare = checker.check(text.split("---\r\n", 2)[2])
        assert {"Zyntrix"} <= {f.excerpt for f in bare.findings if f.code == "NC505"}  # a name: info only
        assert not [f for f in bare.findings if f.code == "NC502"]


@pytest.mark.integration
def test_unreachable_server_exit_3_and_other_rules_still_run(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(NOTE, encoding="utf-8")
    result = run(str(draft), "--format", "json", "--lt-url", f"http://127.0.0.1:{free_port()}")
    assert result.returncode == 3, result.stderr
    report = json.loads(result.stdout)["files"][0]
    statuses = {r["code"]: r for r in report["rules"]}
    assert statuses["NC502"]["status"] == "skipped" and statuses["NC502"]["reason"]
    assert statuses["NC101"]["status"] == "passed"
    assert report["incomplete"] is True


@pytest.mark.integration
def test_many_files_in_one_call(lt_cache: Path, tmp_path: Path) -> None:
    paths = []
    for index in range(12):
        path = tmp_path / f"draft{index}.txt"
        path.write_text(NOTE.replace("today", f"on day {index}"), encoding="utf-8")
        paths.append(str(path))
    result = run(*paths, "--format", "json")
    files = json.loads(result.stdout)["files"]
    assert [f["path"] for f in files] == paths
    assert all(any(x["code"] == "NC502" and x["excerpt"] == "realy" for x in f["findings"]) for f in files)


def test_library_context_object_reaches_the_grammar_filter(fake: FakeBackend) -> None:
    body = NOTE.split("---\r\n", 2)[2]
    report = Checker(Config(select=("NC502",))).check(body, context=Context(company="Zyntrix",
                                                                          interviewers=("Adaeze Okonkwo",)))
    assert not {"Okonkwo", "Zyntrix"} & {f.excerpt for f in report.findings}
