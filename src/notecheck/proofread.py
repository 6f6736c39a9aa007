"""``GrammarService``: a grammar engine as a service any kind can ask for (``RunEnv.services``).

Kept outside ``notecheck.grammar`` so that a run without grammar never imports the engines.

Answers are kept per (text, language), so the four NC5xx rules, a prefetch on another thread and a
third-party kind all share one request per note; a caller asking while another thread's request is
under way waits for that answer instead of sending its own.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from concurrent.futures import Future
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from notecheck.grammar.model import GrammarBackend, GrammarMatch

MAX_ANSWERS = 512


class GrammarService:
    """Proofreading for a run. ``unavailable`` says why there is no engine (then ``check`` raises)."""

    def __init__(self, backend: GrammarBackend | None, *, language: str = "en-US", unavailable: str | None = None,
                 incomplete: bool = False, provisional: bool = False) -> None:
        self.backend = backend
        self.language = language
        self.unavailable = None if backend is not None else (unavailable or "no grammar engine")
        self.incomplete = incomplete and backend is None  # should have run, could not (exit code 3)
        self.provisional = provisional  # standing in while the engine asked for starts (auto: Harper for now)
        self.failure: str | None = None  # why the engine last failed a check (a timeout, a stopped server)
        self.label = (getattr(backend, "label", None) or backend.name.split(" at ")[0]) if backend else None
        self._answers: OrderedDict[tuple[str, str], Future[list[GrammarMatch]]] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, text: str, *, language: str | None = None) -> list[GrammarMatch]:
        """The engine's matches for ``text``; raises ``GrammarUnavailable`` with a one-line reason."""
        if self.backend is None:
            from notecheck.grammar.model import GrammarUnavailable

            raise GrammarUnavailable(self.unavailable or "no grammar engine")
        key = (text, language or self.language)
        with self._lock:
            future = self._answers.get(key)
            owner = future is None
            if future is None:
                future = self._answers[key] = Future()
                while len(self._answers) > MAX_ANSWERS:
                    self._answers.popitem(last=False)
        if owner:
            try:
                future.set_result(self.backend.check(text, language=key[1]))
            except BaseException as exc:  # noqa: BLE001 - handed to every waiter, then raised here too
                from notecheck.grammar.model import GrammarUnavailable

                if isinstance(exc, GrammarUnavailable):
                    self.failure = str(exc)
                future.set_exception(exc)
        return future.result()
