"""Grammar and spelling through LanguageTool or Harper.

``open_engine(GrammarSettings(...))`` yields a thread-safe ``GrammarBackend`` chosen by
``GrammarSettings.engine`` (see ``engines``); ``open_backend`` is LanguageTool's: an explicit server
URL, the shared warm local server (installed and started on first use, stopped after an idle period)
or a private one-shot server.
Importing this package is cheap: Java, HTTP and language-tool-python are only
touched when a backend is opened.

Environment: ``NOTECHECK_CACHE_DIR`` (state, default ``$XDG_CACHE_HOME/notecheck``
or ``~/.cache/notecheck``), ``NOTECHECK_LT_HOME`` (installations, default
``<cache>/languagetool``), ``NOTECHECK_LT_URL`` (use that server),
``NOTECHECK_LT_IDLE_MINUTES`` (30), ``NOTECHECK_LT_START_TIMEOUT`` (180 s),
``NOTECHECK_LT_HEAP`` (768m), ``NOTECHECK_LT_SOURCE`` (auto | download | maven),
``NOTECHECK_LT_VERSION`` (pin one release instead of 6.8 then 6.7).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .backend import LanguageToolBackend, open_backend
from .engines import ENGINES, open_engine, stands_in
from .model import (
    GrammarBackend,
    GrammarMatch,
    GrammarSettings,
    GrammarUnavailable,
    ProgressCallback,
)
from .paths import cache_dir


def install_languagetool(progress: ProgressCallback | None = None, *,
                         force: bool = False) -> Path:
    """Install LanguageTool into notecheck's cache (no-op when present)."""
    from .provision import install_languagetool as install
    return install(progress, force=force)


def server_status() -> dict[str, Any]:
    """running, pid, port, url, version, uptime_seconds, idle_minutes, rss_mib, ..."""
    from .server import server_status as status
    return status()


def start_server(*, idle_minutes: float | None = None,
                 progress: ProgressCallback | None = None) -> dict[str, Any]:
    """Start (or reuse) the shared server; returns its status."""
    from .server import start_server as start
    return start(idle=idle_minutes, progress=progress)


def stop_server() -> bool:
    """Stop the shared server; True when one was running."""
    from .server import stop_server as stop
    return stop()


__all__ = [
    "ENGINES",
    "GrammarBackend",
    "GrammarMatch",
    "GrammarSettings",
    "GrammarUnavailable",
    "LanguageToolBackend",
    "ProgressCallback",
    "cache_dir",
    "install_languagetool",
    "open_backend",
    "open_engine",
    "server_status",
    "start_server",
    "stands_in",
    "stop_server",
]
