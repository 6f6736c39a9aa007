"""The README's rule table, generated from the registry of shipped rules.

    python -m notecheck.docs            print the table (Markdown)
    python -m notecheck.docs --write    rewrite the block between the README's rules markers
    python -m notecheck.docs --check    exit 1 when the README's table is stale
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from notecheck.packs import Rule, load_rules
from notecheck.registry import Registry, load_registry

START, END = "<!-- rules:start -->", "<!-- rules:end -->"
README = Path(__file__).resolve().parents[2] / "README.md"
BUILTIN_PACKS = "notecheck"  # the entry-point name of the shipped packs


def shipped_rules(registry: Registry | None = None) -> list[Rule]:
    """The rules notecheck ships (plugins and user packs left out), sorted by code."""
    registry = registry or load_registry()
    own = Registry(kinds=registry.kinds, pack_sources=[s for s in registry.pack_sources if s[0] == BUILTIN_PACKS])
    return load_rules(own)


def _cell(text: str) -> str:
    return " ".join(text.replace("{match}", "\u2026").replace("|", "\\|").split())


def rule_table(rules: Sequence[Rule]) -> str:
    """A Markdown table: code, name, pack, severity, weight and what the rule reports."""
    lines = ["| Code | Name | Pack | Severity | Weight | Reports |", "|---|---|---|---|---|---|"]
    for rule in rules:
        lines.append(f"| {rule.code} | `{rule.name}` | {rule.pack} | {rule.severity.value} | {rule.weight} "
                     f"| {_cell(rule.message)} |")
    return "\n".join(lines) + "\n"


def with_table(readme: str, table: str) -> str:
    """``readme`` with the block between the markers replaced by ``table`` (markers appended if absent)."""
    if START not in readme or END not in readme:
        readme = readme.rstrip("\n") + f"\n\n{START}\n{END}\n"
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{table}{END}{tail}"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    table = rule_table(shipped_rules())
    if not args:
        sys.stdout.write(table)
        return 0
    mode, *rest = args
    path = Path(rest[0]) if rest else README
    if mode not in ("--write", "--check") or len(rest) > 1:
        sys.stderr.write("usage: python -m notecheck.docs [--write | --check] [README.md]\n")
        return 2
    current = path.read_text(encoding="utf-8")
    wanted = with_table(current, table)
    if mode == "--check":
        if wanted != current:
            sys.stderr.write(f"{path}: the rule table is stale; run python -m notecheck.docs --write\n")
            return 1
        return 0
    if wanted != current:
        path.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
