"""The README's generated tables: the rules (from the registry of shipped rules), the scopes rules read
(from the anatomy's scope vocabulary) and the lexicon's lists (from its field metadata).

    python -m notecheck.docs            print the rule table (Markdown)
    python -m notecheck.docs --write    rewrite every block between the README's markers
    python -m notecheck.docs --check    exit 1 when a block is stale
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


def scope_table() -> str:
    """The scope words a rule's ``scope`` may name, and what each reads."""
    from notecheck.anatomy import SCOPE_HELP

    lines = ["| Scope | Reads |", "|---|---|"]
    lines += [f"| `{name}` | {_cell(text)} |" for name, text in SCOPE_HELP.items()]
    return "\n".join(lines) + "\n"


def lexicon_table() -> str:
    """The shared lexicon's lists: name, what it holds, how many entries notecheck ships."""
    from dataclasses import fields

    from notecheck.lexicon import shipped_lexicon

    lexicon = shipped_lexicon()
    lines = ["| List | Holds | Entries |", "|---|---|---|"]
    for f in fields(lexicon):
        kind = " (regular expressions)" if f.name.endswith("_patterns") else ""
        lines.append(f"| `{f.name}` | {_cell(f.metadata['doc'])}{kind} | {len(getattr(lexicon, f.name))} |")
    return "\n".join(lines) + "\n"


def blocks() -> dict[str, str]:
    return {"rules": rule_table(shipped_rules()), "scopes": scope_table(), "lexicon": lexicon_table()}


def with_table(readme: str, table: str, name: str = "rules") -> str:
    """``readme`` with the block between ``name``'s markers replaced by ``table`` (markers appended if absent)."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    if start not in readme or end not in readme:
        readme = readme.rstrip("\n") + f"\n\n{start}\n{end}\n"
    head, rest = readme.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{table}{end}{tail}"


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
    wanted = current
    for name, block in blocks().items():
        wanted = with_table(wanted, block, name)
    if mode == "--check":
        if wanted != current:
            sys.stderr.write(f"{path}: a generated table is stale; run python -m notecheck.docs --write\n")
            return 1
        return 0
    if wanted != current:
        path.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
