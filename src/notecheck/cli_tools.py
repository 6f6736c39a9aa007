"""``notecheck rules`` and ``notecheck explain``: the registry, readable."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from notecheck.api import Checker, Config
from notecheck.packs import Rule
from notecheck.registry import RegistryError


def _checker() -> Checker:
    try:
        return Checker(Config(grammar=False))
    except RegistryError as exc:
        sys.stderr.write(f"notecheck: error: {exc}\n")
        raise typer.Exit(2) from None


def rules_command() -> None:
    """List every rule: code, name, pack, severity, weight and whether it is enabled."""
    checker = _checker()
    enabled = {r.code for r in checker.rules}
    table = Table(box=None, pad_edge=False)
    for column in ("code", "name", "pack", "tip", "severity", "weight", "enabled"):
        table.add_column(column, no_wrap=True)
    for rule in checker.all_rules:
        table.add_row(rule.code, rule.name, rule.pack, str(rule.tip), rule.severity.value, str(rule.weight),
                      "yes" if rule.code in enabled else "no")
    Console(highlight=False).print(table)


def explain_text(rule: Rule) -> Text:
    text = Text()
    text.append(f"{rule.code} {rule.name}", style="bold")
    text.append(f"  ({rule.pack} pack, {rule.severity.value}, weight {rule.weight}; tip {rule.tip}: {rule.tip_title})\n\n")
    text.append(rule.message.replace("{match}", "\u2026") + "\n\n")
    text.append("Why\n", style="bold")
    text.append(rule.why + "\n")
    if rule.suggestion:
        text.append("\nInstead\n", style="bold")
        text.append(rule.suggestion + "\n")
    for title, examples in (("Good", rule.good), ("Bad", rule.bad)):
        text.append(f"\n{title}\n", style="bold")
        for example in examples:
            for line in example.text.splitlines():
                text.append(f"    {line}\n")
            if example.context:
                text.append(f"    (context: {example.context})\n", style="dim")
            text.append("\n")
    return text


def explain_command(rule: Annotated[str, typer.Argument(help="A rule code (NC101) or name (missing-thanks).")]) -> None:
    """Print a rule's message, why it matters, and good and bad examples."""
    checker = _checker()
    found = [r for r in checker.all_rules if rule in (r.code, r.name) or rule.upper() == r.code]
    if not found:
        sys.stderr.write(f"notecheck: error: no rule is called '{rule}' (see notecheck rules)\n")
        raise typer.Exit(2)
    Console(highlight=False).print(explain_text(found[0]), end="")


def register_tools(app: typer.Typer) -> None:
    app.command("rules")(rules_command)
    app.command("explain")(explain_command)
    from notecheck.grammar.cli import register

    register(app)
