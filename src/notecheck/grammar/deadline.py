"""One grammar deadline for a whole run, and a total deadline for each request.

``Budget``: a run may wait for grammar ``base`` seconds plus ``per_note`` for every note it sends
(30 s + 1 s a note by default), or a fixed ``total``. Only time with a request in flight counts, so
a long-lived library ``Checker`` that sits idle loses nothing. Once the budget is spent, or once one
request timed out, every later check fails at once with "timed out": a stopped server costs one
timeout, not one per note.

``cut_off(sock_holder, seconds)``: a watchdog that shuts a request's socket down when its total time
is up, so a server that trickles one byte a second cannot hold a read open past the deadline (a read
timeout alone restarts with every byte).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .model import GrammarUnavailable

DEFAULT_BASE = 30.0
DEFAULT_PER_NOTE = 1.0


class Budget:
    """The grammar time one run may spend; thread-safe."""

    def __init__(self, total: float | None = None, *, base: float = DEFAULT_BASE,
                 per_note: float = DEFAULT_PER_NOTE) -> None:
        self.total = total
        self._allowance = total if total is not None else base
        self._per_note = 0.0 if total is not None else per_note
        self._spent = 0.0
        self._busy_since: float | None = None
        self._in_flight = 0
        self._tripped: str | None = None
        self._lock = threading.Lock()

    def _used(self, now: float) -> float:
        return self._spent + (now - self._busy_since if self._busy_since is not None else 0.0)

    def remaining(self) -> float:
        with self._lock:
            return self._allowance - self._used(time.monotonic())

    def admit(self) -> float:
        """Count one note in and return the seconds it may take; ``GrammarUnavailable`` when spent."""
        with self._lock:
            now = time.monotonic()
            if self._tripped is None:
                self._allowance += self._per_note
                left = self._allowance - self._used(now)
                if left <= 0:
                    self._tripped = f"timed out: the grammar deadline of {self._allowance:g}s for this run has passed"
            if self._tripped is not None:
                raise GrammarUnavailable(self._tripped)
            if self._in_flight == 0:
                self._busy_since = now
            self._in_flight += 1
            return left

    def release(self) -> None:
        with self._lock:
            self._in_flight -= 1
            if self._in_flight == 0 and self._busy_since is not None:
                self._spent += time.monotonic() - self._busy_since
                self._busy_since = None

    def trip(self, reason: str) -> None:
        """Fail every later check with ``reason`` (which starts with "timed out")."""
        with self._lock:
            if self._tripped is None:
                self._tripped = reason


class SocketHolder:
    """Where a request's connection leaves its socket for the watchdog (one per request)."""

    def __init__(self) -> None:
        self.sock: socket.socket | None = None
        self.fired = False
        self._lock = threading.Lock()

    def set(self, sock: socket.socket | None) -> None:
        with self._lock:
            self.sock = sock
            if self.fired and sock is not None:
                _shut(sock)

    def fire(self) -> None:
        with self._lock:
            self.fired = True
            if self.sock is not None:
                _shut(self.sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)  # wakes a blocked recv at once; the connection is not reused
    except OSError:
        pass


_current = threading.local()


def current_holder() -> SocketHolder | None:
    """The holder of the request this thread is making, if it has a total deadline."""
    return getattr(_current, "holder", None)


@contextmanager
def cut_off(seconds: float) -> Iterator[SocketHolder]:
    """Shut this thread's request socket down after ``seconds``; ``holder.fired`` says it happened."""
    holder = SocketHolder()
    timer = threading.Timer(max(0.0, seconds), holder.fire)
    timer.daemon = True
    _current.holder = holder
    timer.start()
    try:
        yield holder
    finally:
        timer.cancel()
        _current.holder = None
