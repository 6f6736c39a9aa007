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
from notecheck.kinds.base import Kind
from notecheck.packs import Rule
from notecheck.registry import RegistryError
from notecheck.selection import find_rule
from notecheck.stdout_guard import guarded_stdout

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
    with guarded_stdout(0):
        Console(highlight=False).print(table)


def explain_text(rule: Rule, kind: Kind) -> Text:
    """The rule's manual: message, why, what it reads, its parameters, messages and exemptions, examples."""
    from notecheck.manual import parameters, scope_lines, shown

    text = Text()
    text.append(f"{rule.code} {rule.name}", style="bold")
    text.append(f"  ({rule.pack} pack, {rule.severity.value}, weight {rule.weight}; tip {rule.tip}: {rule.tip_title})\n\n")
    text.append(rule.message.replace("{match}", "\u2026") + "\n\n")
    text.append("Why\n", style="bold")
    text.append(rule.why + "\n")
    if rule.suggestion:
        text.append("\nInstead\n", style="bold")
        text.append(rule.suggestion + "\n")
    text.append(f"\nReads (kind {kind.name}: {kind.description})\n", style="bold")
    for line in scope_lines(rule):
        text.append(f"    {line}\n")
    params = parameters(rule, kind)
    if params:
        text.append("\nParameters\n", style="bold")
        for p in params:
            changed = "" if p.value == p.default or p.default in ((), [], {}, None) else f" (default {shown(p.default)})"
            text.append(f"    {p.name}", style="bold")
            text.append(f": {p.type}{' (regular expressions)' if p.regex else ''} = {shown(p.value)}{changed}\n")
            if p.doc:
                text.append(f"        {p.doc}\n")
    if rule.messages:
        text.append("\nMessages\n", style="bold")
        for key, wording in rule.messages.items():
            text.append(f"    {key}: {wording}\n")
    if kind.exemptions:
        text.append("\nNot counted\n", style="bold")
        for exemption in kind.exemptions:
            text.append(f"    {exemption.name}", style="bold")
            text.append(f": {exemption.doc}\n")
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
    with guarded_stdout(0):
        Console(highlight=False).print(explain_text(found, checker.registry.kind(found.kind)), end="")


def anatomy_command(
    draft: Annotated[str, typer.Argument(help="A draft file, or - for standard input.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="rich (a table) or json.")] = "rich",
    interviewer: Annotated[Optional[list[str]], typer.Option(help="The interviewer's name (repeat for several).")] = None,  # noqa: UP045
) -> None:
    """Show the parts of a letter as notecheck reads them: headers, salutation, body, P.S., closing, signature.

    A Markdown, HTML or e-mail draft is read as a check reads it (what its reader sees), with positions
    in the file as written."""
    from notecheck.api import Checker, Config
    from notecheck.inputs import InputError, read_stream
    from notecheck.note import Context
    from notecheck.selection import SelectionError

    if output_format not in ("rich", "json"):
        sys.stderr.write(f"notecheck: error: --format must be rich or json, not '{output_format}'\n")
        raise typer.Exit(2)
    try:
        if draft == "-" and sys.stdin is None:
            raise InputError("<stdin>: standard input is closed")
        data = read_stream(sys.stdin.buffer, "<stdin>").encode("utf-8") if draft == "-" else None
        parsed = Checker(Config(grammar=False)).read(
            "<stdin>" if draft == "-" else draft, data, context=Context(interviewers=tuple(interviewer or ())))
    except (InputError, SelectionError) as exc:
        sys.stderr.write(f"notecheck: error: {exc}\n")
        raise typer.Exit(2) from None
    from notecheck.render import anatomy as view

    with guarded_stdout(0):
        if output_format == "json":
            sys.stdout.write(view.render_json(parsed.note) + "\n")
        else:
            view.render(Console(highlight=False), parsed.note)


def register_tools(app: typer.Typer) -> None:
    app.command("rules")(rules_command)
    app.command("explain")(explain_command)
    app.command("anatomy")(anatomy_command)
    from notecheck.grammar.cli import register

    register(app)


tools_app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False,
                        no_args_is_help=True, help="notecheck's rule and server commands.")
register_tools(tools_app)
