"""Typer applications behind ``notecheck``: checking drafts, and the rule and server commands."""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from notecheck import exit_codes
from notecheck.api import Checker
from notecheck.batch import ResultCallback, Source
from notecheck.cli.output import OutputFormat, write
from notecheck.collect import expand
from notecheck.config import LANGUAGES, load_config
from notecheck.dates import order_problem
from notecheck.errors import NotecheckError
from notecheck.exit_codes import USAGE as EXIT_USAGE
from notecheck.inputs import InputError, check_encoding, parse_date, read_stream_bytes
from notecheck.model import FileResult, InputFailure, Report, Severity
from notecheck.note import Context
from notecheck.registry import RegistryError
from notecheck.stdout_guard import guarded_stdout

if TYPE_CHECKING:
    from rich.console import Console

EPILOG = exit_codes.SUMMARY + (
    " Other commands: notecheck rules | explain CODE | server status|start|stop | languagetool install."
)


class FailOn(enum.StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


check_app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """One line on standard error; no traceback."""
    sys.stderr.write(f"notecheck: error: {message}\n")
    return typer.Exit(code)


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for value in values or [] for v in value.split(",") if v.strip())


def _context(company: str | None, interviewer: list[str] | None, role: str | None, interviewed: str | None,
             sent: str | None) -> Context:
    try:
        context = Context(
            company=company,
            interviewers=tuple(interviewer or ()),
            role=role,
            interview_date=parse_date(interviewed, "--interviewed") if interviewed else None,
            sent_date=parse_date(sent, "--sent") if sent else None,
        )
    except InputError as exc:
        raise fail(str(exc)) from None
    problem = order_problem(context.interview_date, context.sent_date)
    if problem is not None:
        raise fail(f"--sent and --interviewed: {problem}")
    return context


def _stdin_item(name: str | None) -> Source | InputFailure:
    """Standard input as a draft, read up to the size limit (``yes | notecheck -`` stops there)."""
    shown = name or "<stdin>"
    try:
        if sys.stdin is None:  # started with standard input closed
            raise InputError(f"{shown}: standard input is closed")
        return Source(shown, read_stream_bytes(sys.stdin.buffer, shown))
    except InputError as exc:
        return InputFailure(shown, str(exc))


@check_app.command(epilog=EPILOG, help="Check thank-you note drafts and say whether they are ready to send.")
def check_command(
    files: Annotated[list[str] | None, typer.Argument(help="Drafts: files (.txt, .md, .html, .eml), directories (searched recursively), quoted globs such as 'notes/**/*.md', or - for standard input.", show_default=False)] = None,
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
    language: Annotated[str | None, typer.Option(help="English variant for grammar and spelling: " + ", ".join(LANGUAGES) + " (default: the locale's, else en-US).", show_default=False)] = None,
    grammar_engine: Annotated[str | None, typer.Option("--grammar-engine", help="auto (LanguageTool when ready, else Harper), languagetool or harper (default auto).", show_default=False)] = None,
    lt_url: Annotated[str | None, typer.Option("--lt-url", envvar="NOTECHECK_LT_URL", help="Use this LanguageTool server.")] = None,
    daemon: Annotated[bool | None, typer.Option("--daemon/--no-daemon", help="Share a warm LanguageTool server between runs, or start a private one for this run only (default: shared).", show_default=False)] = None,
    grammar_timeout: Annotated[float | None, typer.Option("--grammar-timeout", min=0.1, help="Seconds all grammar checks of this run may take; the notes left then are 'skipped: timed out' (default: 30 plus 1 per note).", show_default=False)] = None,
    config_path: Annotated[str | None, typer.Option("--config", help="Use this config file instead of discovering one.", show_default=False)] = None,
    stdin_filename: Annotated[str | None, typer.Option("--stdin-filename", help="The name of the draft read from - (its extension picks the format: .md, .html, .eml).", show_default=False)] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Check this many drafts at once (default 2).", show_default=False)] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="With several drafts, show every report, not only those not ready.")] = False,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes (single-replacement spelling and grammar corrections, doubled spaces and words) to the files, keeping a .orig backup.")] = False,
    show_diff: Annotated[bool, typer.Option("--diff", help="Show the safe fixes as a unified diff; write nothing.")] = False,
    encoding: Annotated[str | None, typer.Option(help="Encoding of the drafts (default: UTF-8, or UTF-16 with a byte-order mark).", show_default=False)] = None,
) -> None:
    if not files:
        raise fail("no draft given: name one or more files or directories, or - for standard input")
    if fix and show_diff:
        raise fail("--fix writes the fixes and --diff only shows them: choose one")
    if stdin_filename is not None and "-" not in files:
        raise fail("--stdin-filename names the draft read from standard input: give - as a draft too")
    context = _context(company, interviewer, role, interviewed, sent)
    try:
        encoding = check_encoding(encoding) if encoding else None
    except InputError as exc:
        raise fail(str(exc)) from None
    try:
        config = load_config(config_path, grammar=grammar, fail_under=fail_under, language=language, lt_url=lt_url,
                             grammar_engine=grammar_engine,
                             fail_on=Severity(fail_on.value) if fail_on else None,
                             daemon=daemon, grammar_timeout=grammar_timeout, select=_split(select) or None,
                             extend_select=_split(extend_select) or None, ignore=_split(ignore) or None,
                             encoding=encoding)
    except RegistryError as exc:
        raise fail(str(exc)) from None
    items = expand(files)
    err = _terminal()
    with ExitStack() as stack:
        progress_cb = None
        if err is not None and config.grammar:  # progress goes to stderr, so JSON on stdout stays clean
            from notecheck.grammar.cli import rich_progress

            progress_cb = stack.enter_context(rich_progress(err))
        try:
            checker = stack.enter_context(Checker(config, progress=progress_cb))
        except RegistryError as exc:
            raise fail(str(exc)) from None
        inputs: list[str | Source | InputFailure] = [_stdin_item(stdin_filename) if i == "-" else i for i in items]
        sources: list[str | Source] = [i for i in inputs if isinstance(i, (str, Source))]
        stdin = next((index for index, i in enumerate(sources) if isinstance(i, Source)), None)
        if fix or show_diff:
            from notecheck.cli.fix import fix_all, with_bytes

            sources = with_bytes(sources)
        if sources:
            try:  # an unsafe cache directory is refused before any draft is sent anywhere
                checker.environment()
            except NotecheckError as exc:
                raise fail(str(exc)) from None
        with batch_progress(err, len(sources)) as on_result:
            checked = checker.check_many(sources, context=context, jobs=jobs, on_result=on_result)
        if fix or show_diff:
            checked = fix_all(checker, sources, checked, show_diff=show_diff, context=context, jobs=jobs, stdin=stdin)
        done = iter(checked)
        results: list[FileResult] = [i if isinstance(i, InputFailure) else next(done) for i in inputs]
        rules = checker.rules
    for failure in results:
        if isinstance(failure, InputFailure):
            sys.stderr.write(f"notecheck: error: {failure.error}\n")
    reports = [r for r in results if isinstance(r, Report)]
    code = exit_codes.for_run(reports, len(results) - len(reports))
    if not show_diff:  # --diff prints the diff alone
        with guarded_stdout(code):
            write(output_format, results, code, rules, verbose=verbose)
    raise typer.Exit(code)


def _terminal() -> Console | None:
    """A console on standard error when it is a terminal (progress goes there); Rich is not even
    imported otherwise, so a hook writing ``--format line`` to a pipe starts faster."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console

    console = Console(stderr=True)
    return console if console.is_terminal else None


@contextmanager
def batch_progress(err: Console | None, total: int) -> Iterator[ResultCallback | None]:
    """A progress bar on standard error while many drafts are checked, on a terminal only."""
    if total < 2 or err is None:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("Checking drafts"), BarColumn(), MofNCompleteColumn(), console=err, transient=True) as bar:
        task = bar.add_task("check", total=total)
        yield lambda index, result: bar.advance(task)

