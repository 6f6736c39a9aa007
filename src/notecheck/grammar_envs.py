"""The run environments of a ``Checker``, one per grammar engine asked for, opened on first use.

A Checker used for one run keeps the engine it opened first. A long-lived Checker (``renew=True``: a
local page, an editor's language server) renews it while it stays open, so a writer never has to
restart anything:

- ``auto`` proofreads with Harper while the shared LanguageTool server starts, then moves to
  LanguageTool by itself once that server is ready;
- an engine that failed (a request timed out, the shared server stopped after its idle time, the
  engine could not be opened) is opened again, at most every ``RETRY_SECONDS``.

Checks already under way keep the environment they started with; a replaced one is closed only once no
request can still be using it (``RETIRE_SECONDS``, longer than any request's own time limit).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field

from notecheck.kinds.base import RunEnv

UPGRADE_SECONDS = 2.0  # how often a long-lived auto engine on Harper looks for a ready LanguageTool
RETRY_SECONDS = 15.0  # how often a failed engine is opened again
RETIRE_SECONDS = 60.0  # a replaced environment is closed this long after (a request's limit is 30 s)

Opener = Callable[[str, ExitStack], RunEnv]


@dataclass
class _Slot:
    env: RunEnv
    stack: ExitStack
    opened: float
    looked: float  # the last time a renewal was considered


@dataclass
class GrammarEnvironments:
    """``get(engine)`` gives the environment for ``engine`` ("auto", "languagetool" or "harper")."""

    open_env: Opener
    renew: bool = False
    clock: Callable[[], float] = time.monotonic
    _slots: dict[str, _Slot] = field(default_factory=dict)
    _retired: list[tuple[float, ExitStack]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, engine: str) -> RunEnv:
        with self._lock:
            slot = self._slots.get(engine)
            if slot is None:
                slot = self._slots[engine] = self._open(engine)
            elif self.renew and self._due(engine, slot):
                self._retire(slot)
                slot = self._slots[engine] = self._open(engine)
            return slot.env

    def close(self) -> None:
        with self._lock:
            stacks = [slot.stack for slot in self._slots.values()] + [stack for _, stack in self._retired]
            self._slots.clear()
            self._retired.clear()
        for stack in stacks:
            stack.close()

    def _open(self, engine: str) -> _Slot:
        stack = ExitStack()
        try:
            env = self.open_env(engine, stack)
        except BaseException:
            stack.close()
            raise
        now = self.clock()
        return _Slot(env, stack, now, now)

    def _due(self, engine: str, slot: _Slot) -> bool:
        """Should this long-lived slot be opened again now? Cheap unless a look is due."""
        from notecheck.proofread import GrammarService
        from notecheck.services import find_service

        service = find_service(slot.env.services, GrammarService)
        if service is None or (service.backend is None and not service.incomplete):
            return False  # no grammar in this run, by configuration or request: nothing to renew
        now = self.clock()
        failed = service.backend is None or service.failure is not None
        interval = RETRY_SECONDS if failed else UPGRADE_SECONDS
        if now - slot.looked < interval:
            return False
        slot.looked = now
        if failed:
            return True
        return engine == "auto" and service.provisional and _languagetool_ready()

    def _retire(self, slot: _Slot) -> None:
        now = self.clock()
        keep = []
        for retired_at, stack in self._retired:
            if now - retired_at >= RETIRE_SECONDS:
                stack.close()
            else:
                keep.append((retired_at, stack))
        self._retired = keep + [(now, slot.stack)]


def _languagetool_ready() -> bool:
    from notecheck.grammar.background import ready_server

    try:
        return ready_server() is not None
    except Exception:  # noqa: BLE001 - an unreadable state file means "not ready", never a failed check
        return False
