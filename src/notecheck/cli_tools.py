"""``notecheck rules`` and ``notecheck explain``: the registry, readable."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from notecheck.api import Checker
from notecheck.config import load_config
from notecheck.packs import Rule
from notecheck.registry import RegistryError
from notecheck.selection import find_rule

ConfigOption = Annotated[Optional[str], typer.Option(  # noqa: UP045 - Typer reads the annotation at run time
    "--config", help="Use this config file instead of discovering one.", show_default=False)]


def _checker(config_path: str | None) -> Checker:
    """The rules as the current config file (or ``--config``) shapes them; exit 2 on a bad config."""
    try:
        return Checker(load_config(config_path, grammar=False))
    except RegistryError as exc:
        sys.stderr.write(f"notecheck: error: {exc}\n")
        raise typer.Exit(2) from None


def rules_command(config_path: ConfigOption = None) -> None:
    """List every rule: code, name, pack, severity, weight and whether it is enabled under the config."""
    checker = _checker(config_path)
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


def explain_command(rule: Annotated[str, typer.Argument(help="A rule code (NC101) or name (missing-thanks).")],
                    config_path: ConfigOption = None) -> None:
    """Print a rule's message, why it matters, and good and bad examples."""
    checker = _checker(config_path)
    found = find_rule(checker.all_rules, rule)
    if found is None:
        sys.stderr.write(f"notecheck: error: no rule is called '{rule}' (see notecheck rules)\n")
        raise typer.Exit(2)
    Console(highlight=False).print(explain_text(found), end="")


def register_tools(app: typer.Typer) -> None:
    app.command("rules")(rules_command)
    app.command("explain")(explain_command)
    from notecheck.grammar.cli import register

    register(app)


tools_app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False,
                        no_args_is_help=True, help="notecheck's rule and server commands.")
register_tools(tools_app)
