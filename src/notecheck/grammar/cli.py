"""``notecheck server status|start|stop`` and ``notecheck languagetool install``.

Mount with ``register(app)`` (or add ``server_app`` / ``languagetool_app``
yourself). Exit codes: 0 ok, 2 usage error, 3 LanguageTool cannot be provided.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskID, TextColumn

from notecheck.errors import UnsafePathError
from notecheck.exit_codes import INCOMPLETE as EXIT_UNAVAILABLE
from notecheck.exit_codes import USAGE as EXIT_USAGE

from .model import GrammarUnavailable, ProgressCallback

server_app = typer.Typer(help="The shared LanguageTool server.", no_args_is_help=True,
                         add_completion=False)
languagetool_app = typer.Typer(help="The LanguageTool installation.", no_args_is_help=True,
                               add_completion=False)


def register(app: typer.Typer) -> None:
    """Add the ``server`` and ``languagetool`` command groups to ``app``."""
    app.add_typer(server_app, name="server")
    app.add_typer(languagetool_app, name="languagetool")


def _console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False)


@contextmanager
def rich_progress(console: Console | None = None) -> Iterator[ProgressCallback]:
    """A ``ProgressCallback`` drawn as one Rich progress line (spinner if total unknown); nothing at all
    when the console is not a terminal."""
    console = console or _console(stderr=True)
    if not console.is_terminal:
        yield lambda description, completed, total: None
        return
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                        TextColumn("{task.completed:.0f}"), transient=True, console=console)
    task: TaskID | None = None

    def update(description: str, completed: int | None, total: int | None) -> None:
        nonlocal task
        if task is None:
            task = progress.add_task(description, total=total)
        progress.update(task, description=description, total=total,
                        completed=completed if completed is not None else 0)

    with progress:
        yield update


def _fail(exc: GrammarUnavailable | UnsafePathError) -> typer.Exit:
    _console(stderr=True).print(f"notecheck: error: {exc}", markup=False, soft_wrap=True)
    return typer.Exit(EXIT_USAGE if isinstance(exc, UnsafePathError) else EXIT_UNAVAILABLE)


@contextmanager
def _refusing_unsafe_paths() -> Iterator[None]:
    try:
        yield
    except UnsafePathError as exc:
        raise _fail(exc) from None


def _print_status(status: dict[str, Any], as_json: bool) -> None:
    console = _console()
    if as_json:
        console.print_json(json.dumps(status))
        return
    if not status["running"]:
        console.print("LanguageTool server: stopped")
        return
    if status["status"] in ("hung", "unrecorded"):
        why = "does not answer" if status["status"] == "hung" else "runs without a state record"
        console.print(f"LanguageTool server: {status['status']} (pid {status['pid']}, {status['url']}) - it {why}; "
                      "`notecheck server stop` ends it", markup=False, soft_wrap=True)
        return
    uptime = status.get("uptime_seconds") or 0.0
    rss = status.get("rss_mib")
    console.print(
        f"LanguageTool {status.get('version') or '?'} server: {status['status']} at "
        f"{status['url']} (pid {status['pid']}, up {uptime / 60:.1f} min, "
        f"idle {status.get('idle_for_minutes') or 0:.1f}/{status['idle_minutes']:g} min, "
        f"RSS {rss if rss is not None else '?'} MiB)", markup=False, soft_wrap=True)


@server_app.command("status")
def status_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show whether the shared LanguageTool server runs, and its figures."""
    from .server import server_status
    with _refusing_unsafe_paths():
        status = server_status()
    _print_status(status, as_json)


@server_app.command("start")
def start_command(
    idle_minutes: Annotated[float | None, typer.Option(
        "--idle-minutes", min=0.01,
        help="Stop after this many idle minutes (default $NOTECHECK_LT_IDLE_MINUTES or 30).",
    )] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Start the shared LanguageTool server (installing LanguageTool if needed)."""
    from .server import start_server
    try:
        with rich_progress() as progress:
            status = start_server(idle=idle_minutes, progress=progress)
    except (GrammarUnavailable, UnsafePathError) as exc:
        raise _fail(exc) from None
    _print_status(status, as_json)


@server_app.command("stop")
def stop_command() -> None:
    """Stop the shared LanguageTool server."""
    from .server import stop_server
    with _refusing_unsafe_paths():
        stopped = stop_server()
    _console().print("LanguageTool server stopped" if stopped else "LanguageTool server: not running")


@languagetool_app.command("install")
def install_command(
    force: Annotated[bool, typer.Option("--force", help="Reinstall even if present.")] = False,
) -> None:
    """Install LanguageTool into notecheck's cache directory."""
    from .provision import install_languagetool, installed_version
    try:
        with rich_progress() as progress:
            folder = install_languagetool(progress, force=force)
    except (GrammarUnavailable, UnsafePathError) as exc:
        raise _fail(exc) from None
    _console().print(f"LanguageTool {installed_version(folder)} installed in {folder}",
                     markup=False, soft_wrap=True)
