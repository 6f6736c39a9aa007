"""Typer applications behind ``notecheck``: checking drafts, and the rule and server commands."""

from __future__ import annotations

import enum
import sys
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, nullcontext
from typing import Annotated

import typer
from rich.console import Console

from notecheck import exit_codes
from notecheck.api import Checker
from notecheck.cli_output import OutputFormat, write
from notecheck.config import LANGUAGES, load_config
from notecheck.exit_codes import USAGE as EXIT_USAGE
from notecheck.inputs import InputError, decode, parse_date, parse_draft, read_path
from notecheck.model import FileResult, InputFailure, Report, Severity
from notecheck.note import Context
from notecheck.registry import RegistryError
from notecheck.selection import SelectionError

EPILOG = exit_codes.SUMMARY + (
    " Other commands: notecheck rules | explain CODE | server status|start|stop | languagetool install."
)


class FailOn(enum.StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


check_app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
tools_app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False,
                        no_args_is_help=True, help="notecheck's rule and server commands.")


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """One line on standard error; no traceback."""
    sys.stderr.write(f"notecheck: error: {message}\n")
    return typer.Exit(code)


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for value in values or [] for v in value.split(",") if v.strip())


def _context(company: str | None, interviewer: list[str] | None, role: str | None, interviewed: str | None,
             sent: str | None) -> Context:
    try:
        return Context(
            company=company,
            interviewers=tuple(interviewer or ()),
            role=role,
            interview_date=parse_date(interviewed, "--interviewed", end_of_day=True) if interviewed else None,
            sent_date=parse_date(sent, "--sent") if sent else None,
        )
    except InputError as exc:
        raise fail(str(exc)) from None


@check_app.command(epilog=EPILOG, help="Check thank-you note drafts and say whether they are ready to send.")
def check_command(
    files: Annotated[list[str] | None, typer.Argument(help="Draft files; - reads standard input.", show_default=False)] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="rich (a report), json, line (path:line:column: CODE name: message), sarif (code scanning) or github (workflow commands).")] = OutputFormat.rich,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="Not ready when a finding is this severe or more: error (default), warning or info.", show_default=False)] = None,
    fail_under: Annotated[int | None, typer.Option(min=0, max=100, help="Not ready when the score is below N.")] = None,
    grammar: Annotated[bool | None, typer.Option("--grammar/--no-grammar", help="Check grammar and spelling with LanguageTool (default: on).", show_default=False)] = None,
    company: Annotated[str | None, typer.Option(help="The company you interviewed with.")] = None,
    interviewer: Annotated[list[str] | None, typer.Option(help="The interviewer's name (repeat for several).")] = None,
    role: Annotated[str | None, typer.Option(help="The role you interviewed for.")] = None,
    interviewed: Annotated[str | None, typer.Option(help="When the interview was (ISO date or date-time).")] = None,
    sent: Annotated[str | None, typer.Option(help="When the note is sent (ISO; default now).")] = None,
    select: Annotated[list[str] | None, typer.Option(help="Only these rules (codes, prefixes, names, packs).")] = None,
    extend_select: Annotated[list[str] | None, typer.Option(help="Enable these rules on top of the selection.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rules (codes, prefixes, names, packs).")] = None,
    language: Annotated[str | None, typer.Option(help="English variant for grammar and spelling: " + ", ".join(LANGUAGES) + " (default en-US).", show_default=False)] = None,
    lt_url: Annotated[str | None, typer.Option("--lt-url", envvar="NOTECHECK_LT_URL", help="Use this LanguageTool server.")] = None,
    daemon: Annotated[bool | None, typer.Option("--daemon/--no-daemon", help="Share a warm LanguageTool server between runs, or start a private one for this run only (default: shared).", show_default=False)] = None,
    config_path: Annotated[str | None, typer.Option("--config", help="Use this config file instead of discovering one.", show_default=False)] = None,
) -> None:
    if not files:
        raise fail("no draft given: name one or more files, or - for standard input")
    context = _context(company, interviewer, role, interviewed, sent)
    try:
        config = load_config(config_path, grammar=grammar, fail_under=fail_under, language=language, lt_url=lt_url,
                             fail_on=Severity(fail_on.value) if fail_on else None,
                             daemon=daemon, select=_split(select) or None, extend_select=_split(extend_select) or None,
                             ignore=_split(ignore) or None)
    except RegistryError as exc:
        raise fail(str(exc)) from None
    err = Console(stderr=True)
    results: list[FileResult | None] = [None] * len(files)
    with ExitStack() as stack:
        progress_cb = None
        if err.is_terminal and config.grammar:  # progress goes to stderr, so JSON on stdout stays clean
            from notecheck.grammar.cli import rich_progress

            progress_cb = stack.enter_context(rich_progress(err))
        try:
            checker = stack.enter_context(Checker(config, progress=progress_cb))
        except RegistryError as exc:
            raise fail(str(exc)) from None
        drafts = []
        for index, name in enumerate(files):
            try:
                text = decode(sys.stdin.buffer.read(), "<stdin>") if name == "-" else read_path(name)
                draft = parse_draft(text, path=name if name != "-" else "<stdin>", context=context)
                checker.rules_for(draft)  # front-matter overrides name real rules and parameters
                drafts.append((index, draft))
            except (InputError, SelectionError) as exc:
                sys.stderr.write(f"notecheck: error: {exc}\n")
                results[index] = InputFailure(name if name != "-" else "<stdin>", str(exc))
        for index, report in _run_all(checker, drafts, err):
            results[index] = report
        rules = checker.rules
    done = [r for r in results if r is not None]
    reports = [r for r in done if isinstance(r, Report)]
    code = exit_codes.for_run(reports, len(done) - len(reports))
    write(output_format, done, code, rules)
    raise typer.Exit(code)


def _run_all(checker: Checker, drafts: list, err: Console):  # type: ignore[no-untyped-def]
    """Check drafts concurrently, with progress on a terminal.

    The grammar server does the heavy work, so every draft's grammar request is queued at once on
    8 connections and the server never waits for Python; the rules run meanwhile on two threads
    (the GIL makes more useless), each draft once its grammar answer is in (the grammar rule then
    reuses it). Without grammar the two threads do everything.
    """
    if len(drafts) <= 1:
        return [(index, checker.check_draft(draft)) for index, draft in drafts]
    env = checker.environment()  # open the grammar backend once, before the threads start
    results = []
    bar = None
    if err.is_terminal:
        from rich.progress import Progress

        bar = Progress(console=err, transient=True)
    with bar if bar else nullcontext(), ThreadPoolExecutor(max_workers=min(8, len(drafts))) as http, \
            ThreadPoolExecutor(max_workers=2) as pool:
        fetches = {index: http.submit(checker.prefetch, draft) for index, draft in drafts} if env.grammar else {}

        def check(index: int, draft):  # type: ignore[no-untyped-def]
            if index in fetches:
                fetches[index].result()
            return checker.check_draft(draft)

        task = bar.add_task("Checking drafts", total=len(drafts)) if bar else None
        futures = [(index, pool.submit(check, index, draft)) for index, draft in drafts]
        for index, future in futures:
            results.append((index, future.result()))
            if bar is not None and task is not None:
                bar.advance(task)
    return results


from notecheck.cli_tools import register_tools  # noqa: E402

register_tools(tools_app)
