"""Grammar backends over LanguageTool's HTTP API, and ``open_backend``."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields, replace

from .categories import lt_group, lt_unknown_word, lt_variant
from .client import LanguageToolClient, is_public_api, leaves_machine
from .deadline import Budget
from .model import GrammarMatch, GrammarSettings, GrammarUnavailable, ProgressCallback

URL_ENV = "NOTECHECK_LT_URL"
TOUCH_INTERVAL = 1.0  # seconds between "last used" stamps


class LanguageToolBackend:
    """A LanguageTool HTTP server as a ``GrammarBackend``; thread-safe."""

    def __init__(self, url: str, *, timeout: float = 30.0, version: str | None = None,
                 on_check: Callable[[], None] | None = None, budget: Budget | None = None) -> None:
        self._client = LanguageToolClient(url, timeout=timeout, budget=budget)
        self.url = self._client.base_url
        self.version = version
        self.leaves_machine = leaves_machine(self.url)
        label = f"LanguageTool {version}" if version else "LanguageTool"
        public = " (public API)" if is_public_api(self.url) else ""
        self.name = f"{label} at {self.url}{public}"
        self.label = label
        self._on_check = on_check
        self._touched = 0.0
        self._touch_lock = threading.Lock()

    def check(self, text: str, *, language: str) -> list[GrammarMatch]:
        self._mark_used()
        try:
            found = self._client.check(text, language=language)
        finally:
            self._mark_used()
        return [classify(match) for match in found]

    def _mark_used(self) -> None:
        if self._on_check is None:
            return
        now = time.monotonic()
        with self._touch_lock:
            if now - self._touched < TOUCH_INTERVAL:
                return
            self._touched = now
        self._on_check()

    def close(self) -> None:
        self._client.close()


def classify(match: GrammarMatch) -> GrammarMatch:
    """A LanguageTool match with notecheck's group, and whether it is an unknown word of some variant."""
    unknown = lt_unknown_word(match.rule_id)
    return replace(match, group=lt_group(match.rule_id, match.category_id, match.issue_type), unknown_word=unknown,
                   variant=lt_variant(match.message) if unknown else None)


def resolve_url(settings: GrammarSettings) -> str | None:
    """Explicit ``lt_url``, else ``$NOTECHECK_LT_URL``, else None (local server)."""
    url = settings.lt_url or os.environ.get(URL_ENV, "").strip()
    return url or None


def resolve_idle(settings: GrammarSettings) -> float:
    """A non-default ``idle_minutes`` wins; otherwise the env var, else 30."""
    from .server import idle_minutes
    default = next(f.default for f in fields(GrammarSettings) if f.name == "idle_minutes")
    return idle_minutes(None if settings.idle_minutes == default else settings.idle_minutes)


@contextmanager
def open_backend(settings: GrammarSettings,
                 progress: ProgressCallback | None = None) -> Iterator[LanguageToolBackend]:
    """A ready backend: remote URL, the shared warm server, or a private one.

    Raises ``GrammarUnavailable`` (one-line reason) when none can be had.
    """
    url = resolve_url(settings)
    budget = Budget(settings.deadline_seconds)  # one grammar deadline for everything this backend checks
    if url is not None:
        backend = LanguageToolBackend(url, timeout=settings.timeout_seconds, budget=budget)
    elif settings.daemon:
        from .server import ensure_server, touch_last_used
        try:
            state = ensure_server(idle=resolve_idle(settings), progress=progress)
        except OSError as exc:
            raise GrammarUnavailable(f"LanguageTool server could not start: {exc}") from None
        backend = LanguageToolBackend(str(state["url"]), timeout=settings.timeout_seconds, budget=budget,
                                      version=state.get("version"), on_check=touch_last_used)
    else:
        yield from _private(settings, progress, budget)
        return
    try:
        yield backend
    finally:
        backend.close()


def _private(settings: GrammarSettings, progress: ProgressCallback | None,
             budget: Budget) -> Iterator[LanguageToolBackend]:
    from .oneshot import private_server
    try:
        with private_server(progress=progress) as (url, version):
            backend = LanguageToolBackend(url, timeout=settings.timeout_seconds, version=version, budget=budget)
            try:
                yield backend
            finally:
                backend.close()
    except OSError as exc:
        raise GrammarUnavailable(f"LanguageTool server could not start: {exc}") from None
