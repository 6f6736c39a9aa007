"""``notecheck rules`` and ``notecheck explain``: golden output at a fixed width without colour, and the config.

Update the golden files after an intended change with ``NOTECHECK_UPDATE_GOLDEN=1 pytest tests/test_rules_explain.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import FIXTURES, ROOT

EXE = shutil.which("notecheck", path=str(Path(sys.executable).parent)) or "notecheck"
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("NOTECHECK_UPDATE_GOLDEN") == "1"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "XDG_CONFIG_HOME": str(cwd / "xdg")}
    env.pop("FORCE_COLOR", None)
    return subprocess.run([EXE, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with NOTECHECK_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} changed: run with NOTECHECK_UPDATE_GOLDEN=1 if intended"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path


def test_rules_golden(folder: Path) -> None:
    result = run("rules", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert_golden("rules.txt", result.stdout)


def test_explain_golden(folder: Path) -> None:
    result = run("explain", "NC101", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert_golden("explain-NC101.txt", result.stdout)


def test_explain_by_name_or_lower_case_code_is_the_same(folder: Path) -> None:
    by_code = run("explain", "NC101", cwd=folder).stdout
    assert run("explain", "missing-thanks", cwd=folder).stdout == by_code
    assert run("explain", "nc101", cwd=folder).stdout == by_code


def test_explain_prints_message_why_and_examples(folder: Path) -> None:
    out = run("explain", "FML103", "--config", str(FIXTURES / "config" / "full.toml"), cwd=folder).stdout
    assert out.startswith("FML103 no-exclamation  (formal pack, warning, weight 5; tip 2:")
    for part in ("An exclamation mark reads as informal", "Why\n", "A formal letter carries its warmth",
                 "Good\n", "Bad\n", "Thank you for meeting with me on Tuesday!"):
        assert part in out


def test_explain_unknown_rule_is_exit_2(folder: Path) -> None:
    result = run("explain", "NC999", cwd=folder)
    assert result.returncode == 2
    assert result.stderr == "notecheck: error: no rule is called 'NC999' (see notecheck rules)\n"


def rows(text: str) -> dict[str, list[str]]:
    return {line.split()[0]: line.split() for line in text.splitlines()[1:] if line.strip()}


def test_rules_honour_the_discovered_config(folder: Path) -> None:
    (folder / "notecheck.toml").write_text(
        f"ignore = ['NC5', 'cliche']\npacks = ['{FIXTURES / 'packs' / 'formal'}']\n"
        "[rules.NC201]\nseverity = 'error'\nweight = 15\n", encoding="utf-8")
    table = rows(run("rules", cwd=folder).stdout)
    assert table["NC201"][-3:] == ["error", "15", "yes"]
    assert table["NC305"][-1] == "no" and table["NC502"][-1] == "no" and table["NC101"][-1] == "yes"
    assert table["FML102"][1:3] == ["first-name-greeting", "formal"]
    explained = run("explain", "NC201", cwd=folder).stdout
    assert explained.startswith("NC201 note-too-long  (length pack, error, weight 15;")


def test_rules_with_config_option_and_bad_config(folder: Path) -> None:
    table = rows(run("rules", "--config", str(FIXTURES / "config" / "pyproject.toml"), cwd=folder).stdout)
    assert table["NC104"][-1] == "no" and table["NC101"][-1] == "yes"
    (folder / "notecheck.toml").write_text("select = 'NC1'\n", encoding="utf-8")
    for args in (["rules"], ["explain", "NC101"]):
        result = run(*args, cwd=folder)
        assert result.returncode == 2
        assert result.stderr == (f"notecheck: error: {folder / 'notecheck.toml'}: select: expected a list of strings, "
                                 "got 'NC1'\n")


def test_explain_shows_scope_parameters_messages_and_exemptions(folder: Path) -> None:
    """The manual comes from the sources the loader validates: field metadata, the pack, the kind."""
    import dataclasses

    from notecheck.kinds.context import COMPANY_EXEMPTIONS, WrongCompanyParams

    out = run("explain", "NC307", cwd=folder).stdout
    assert "Reads (kind wrong-company" in out and "salutation: the greeting" in out
    for f in dataclasses.fields(WrongCompanyParams):
        assert f"    {f.name}: tuple[str, ...] (regular expressions) = " in out
        assert f.metadata["doc"] in out
    assert "employer: \u201c{name}\u201d is named as the employer, but this note is for {company}." in out
    for exemption in COMPANY_EXEMPTIONS:
        assert f"    {exemption.name}: {exemption.doc[:40]}" in out
    limits = run("explain", "NC201", cwd=folder).stdout
    assert "    max_words: int | None = 250\n        fails above this many words in the rule's scope" in limits
