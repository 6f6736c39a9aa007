"""The pre-send gate against the real LanguageTool server: --fix and --diff, Markdown and e-mail
positions, SARIF fixes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXE = shutil.which("notecheck", path=str(Path(sys.executable).parent)) or "notecheck"
DRAFT = ("Dear Ms. Lee,\n\nThank you for meeting me about the the paralegal role. My  three years of e-discovery work at "
         "Brandt LLP would let me help with the Hartwell case from the first week, and I realy enjoyed the tour.\n\n"
         "Best regards,\nLena\n")

pytestmark = pytest.mark.integration


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "NOTECHECK_LT_URL"}
    engine = ("--grammar-engine", "languagetool")  # the real server, not Harper while it starts
    return subprocess.run([EXE, *args, *engine], capture_output=True, text=True, env=env, timeout=300, cwd=cwd)


def test_fix_applies_the_safe_fixes_and_keeps_a_backup(lt_cache: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    shown = run(str(draft), "--diff")
    assert draft.read_text(encoding="utf-8") == DRAFT  # --diff writes nothing
    assert "-Thank you for meeting me about the the paralegal role. My  three" in shown.stdout
    assert "+Thank you for meeting me about the paralegal role. My three" in shown.stdout
    result = run(str(draft), "--fix", "-f", "json")
    fixed = draft.read_text(encoding="utf-8")
    assert fixed == DRAFT.replace("the the", "the").replace("My  three", "My three")
    assert "realy" in fixed  # LanguageTool offers several words: not safe to choose one unseen
    assert (tmp_path / "draft.txt.orig").read_text(encoding="utf-8") == DRAFT
    assert "fixed 2 issues" in result.stderr
    report = json.loads(result.stdout)["files"][0]
    assert {f["excerpt"] for f in report["findings"] if f["code"].startswith("NC5")} == {"realy"}  # re-checked


def test_markdown_and_email_findings_point_into_the_file(lt_cache: Path, tmp_path: Path) -> None:
    fixtures = Path(__file__).resolve().parents[2] / "fixtures" / "formats"
    for name in ("note.md", "note.html", "plain.eml", "quoted-printable.eml"):
        result = run(str(fixtures / name), "-f", "json")
        report = json.loads(result.stdout)["files"][0]
        original = (fixtures / name).read_text(encoding="utf-8")
        lines = original.splitlines()
        typos = [f for f in report["findings"] if f["code"] == "NC502"]
        for typo in typos:
            line = lines[typo["line"] - 1]
            assert line[typo["column"] - 1 : typo["column"] - 1 + typo["length"]] == typo["excerpt"], (name, typo)
        if name != "quoted-printable.eml":
            assert [t["excerpt"] for t in typos] == ["realy"], name


def test_sarif_carries_languagetools_single_replacement_as_a_fix(lt_cache: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    document = json.loads(run("draft.txt", "-f", "sarif", cwd=tmp_path).stdout)
    results = document["runs"][0]["results"]
    repeat = next(r for r in results if r["ruleId"] == "NC501" and r.get("fixes"))
    (change,) = repeat["fixes"][0]["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "draft.txt"
    assert change["replacements"][0]["insertedContent"]["text"] == "the"
    typo = next(r for r in results if r["ruleId"] == "NC502")
    assert "fixes" not in typo
