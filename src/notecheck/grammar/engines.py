"""Choosing the grammar engine: ``grammar-engine = "auto" | "languagetool" | "harper"``.

- ``languagetool``: LanguageTool only (a server URL, the shared warm server, or ``--no-daemon``'s private
  one), waiting for it to start if need be.
- ``harper``: Harper in process; no Java, no server.
- ``auto`` (the default): LanguageTool when it is ready (a server URL given is always used); otherwise
  Harper for this run: when Java is missing, with ``--no-daemon`` (a private server takes seconds to
  start), or while the shared server starts, which it then does in the background so the next run gets
  LanguageTool. Without Harper installed, ``auto`` waits for LanguageTool as ``languagetool`` does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from .model import GrammarBackend, GrammarSettings, GrammarUnavailable, ProgressCallback

ENGINES = ("auto", "languagetool", "harper")


@contextmanager
def open_engine(settings: GrammarSettings,
                progress: ProgressCallback | None = None) -> Iterator[tuple[GrammarBackend, tuple[str, ...]]]:
    """A ready engine and the notices to show with its reports; ``GrammarUnavailable`` when none."""
    with ExitStack() as stack:
        backend, notices = _choose(settings, progress, stack)
        yield backend, notices


def stands_in(settings: GrammarSettings, backend: GrammarBackend) -> bool:
    """True when ``auto`` chose Harper although LanguageTool could serve once the shared server is
    ready (a long-lived Checker then moves to it): no server URL, the shared server allowed, Java found."""
    from .backend import resolve_url
    from .harper import HarperBackend
    from .java import java_executable

    return (settings.engine == "auto" and isinstance(backend, HarperBackend) and settings.daemon
            and resolve_url(settings) is None and java_executable() is not None)


def _harper(stack: ExitStack, language: str) -> GrammarBackend:
    from .harper import HarperBackend

    backend = HarperBackend()
    stack.callback(backend.close)
    backend.warm(language)
    return backend


def _languagetool(settings: GrammarSettings, progress: ProgressCallback | None, stack: ExitStack) -> GrammarBackend:
    from . import backend as lt

    return stack.enter_context(lt.open_backend(settings, progress))


def _choose(settings: GrammarSettings, progress: ProgressCallback | None,
            stack: ExitStack) -> tuple[GrammarBackend, tuple[str, ...]]:
    if settings.engine == "harper":
        return _harper(stack, settings.language), ()
    if settings.engine == "languagetool":
        return _languagetool(settings, progress, stack), ()
    from .backend import resolve_idle, resolve_url

    if resolve_url(settings) is not None:
        return _languagetool(settings, progress, stack), ()
    if settings.daemon:
        from .background import ready_server

        if ready_server() is not None:
            return _languagetool(settings, progress, stack), ()
    from .java import java_executable

    start_lt = False
    if java_executable() is None:
        why = "Java was not found, so LanguageTool cannot run"
    elif not settings.daemon:
        why = "a private LanguageTool server (--no-daemon) would take seconds to start"
    else:
        start_lt = True
        why = ("LanguageTool is starting in the background; checks move to it once it is ready" if settings.renew
               else "LanguageTool is starting in the background for the next run")
    try:
        backend = _harper(stack, settings.language)
    except GrammarUnavailable:
        return _languagetool(settings, progress, stack), ()
    if start_lt:  # after Harper's load: the JVM's start does not compete with this run's check
        from .background import start_in_background

        start_in_background(resolve_idle(settings))
    return backend, (f"Proofread by {backend.name}: {why}.",)
