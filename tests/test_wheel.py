"""A built wheel carries the rule packs and registers the built-in kinds and packs."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpers import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True, timeout=300)
    (built,) = out.glob("notecheck-*.whl")
    return built


def test_wheel_contains_rules_and_entry_points(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    packs = {Path(n).name for n in names if n.startswith("notecheck/rules/")}
    assert {"content.toml", "length.toml", "personal.toml", "timing.toml", "tone.toml", "grammar.toml"} <= packs
    assert "notecheck/py.typed" in names
    assert "notecheck/grammar/languagetool-pom.xml" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[notecheck.kinds]" in text and "[notecheck.packs]" in text and "notecheck = notecheck.cli:main" in text


def test_installed_wheel_finds_its_rules(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    script = (
        "import notecheck, notecheck.registry as r;"
        "print(notecheck.__file__); print(r.builtin_packs());"
        "print(len(notecheck.Checker(notecheck.Config(grammar=False)).all_rules))"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    module, packs, count = result.stdout.split()
    assert module.startswith(str(target)) and packs.startswith(str(target))
    assert int(count) >= 20


def test_editable_install_finds_rules_at_the_project_root() -> None:
    from notecheck.registry import builtin_packs

    packs = builtin_packs()
    assert (packs / "content.toml").is_file()
