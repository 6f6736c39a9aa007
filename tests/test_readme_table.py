"""The README's rule table is generated from the registry; this fails when it is stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import ROOT
from notecheck.docs import END, START, main, rule_table, shipped_rules, with_table

README = ROOT / "README.md"


def test_readme_rule_table_is_current() -> None:
    text = README.read_text(encoding="utf-8")
    assert START in text and END in text
    block = text.split(START, 1)[1].split(END, 1)[0]
    assert block == "\n" + rule_table(shipped_rules()), "README rule table is stale: run python -m notecheck.docs --write"


def test_table_lists_every_shipped_rule_once() -> None:
    rules = shipped_rules()
    table = rule_table(rules)
    assert len(table.splitlines()) == len(rules) + 2
    for rule in rules:
        assert f"| {rule.code} | `{rule.name}` | {rule.pack} | {rule.severity.value} | {rule.weight} |" in table
    assert "{match}" not in table


def test_with_table_replaces_only_the_block() -> None:
    readme = f"# Title\n\nbefore\n{START}\nold table\n{END}\nafter\n"
    assert with_table(readme, "| new |\n") == f"# Title\n\nbefore\n{START}\n| new |\n{END}\nafter\n"
    assert with_table(with_table(readme, "| new |\n"), "| new |\n") == with_table(readme, "| new |\n")


def test_with_table_adds_markers_when_absent() -> None:
    assert with_table("# Title\n", "| t |\n") == f"# Title\n\n{START}\n| t |\n{END}\n"


def test_check_and_write(tmp_path: Path) -> None:
    stale = tmp_path / "README.md"
    stale.write_text(f"# x\n{START}\n| old |\n{END}\n", encoding="utf-8")
    assert main(["--check", str(stale)]) == 1
    assert main(["--write", str(stale)]) == 0
    assert main(["--check", str(stale)]) == 0
    assert rule_table(shipped_rules()) in stale.read_text(encoding="utf-8")
    assert main(["--bogus"]) == 2


def test_module_runs_and_prints_the_table() -> None:
    result = subprocess.run([sys.executable, "-m", "notecheck.docs"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout == rule_table(shipped_rules())
