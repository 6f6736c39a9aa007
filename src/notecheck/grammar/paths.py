"""Where notecheck keeps LanguageTool and the state of its shared server.

Two roots, so that tests (or several users of one machine) can share one
LanguageTool installation while keeping server state apart:

* ``cache_dir()`` - notecheck's cache: the server state file, lock, log,
  config and "last used" stamp live here.
* ``lt_home()`` - where LanguageTool installations live
  (``$NOTECHECK_LT_HOME``, default ``cache_dir()/languagetool``).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from notecheck.cache import CACHE_ENV, cache_dir  # noqa: F401 - CACHE_ENV is part of this module's interface

LT_HOME_ENV = "NOTECHECK_LT_HOME"


def lt_home() -> Path:
    """Directory holding ``LanguageTool-<version>/`` installations (not created)."""
    explicit = os.environ.get(LT_HOME_ENV)
    if explicit:
        return Path(explicit).expanduser()
    return cache_dir() / "languagetool"


def state_file() -> Path:
    """JSON record of the shared server: pid, port, url, version, ..."""
    return cache_dir() / "lt-server.json"


def lock_file() -> Path:
    """flock target that serialises starting and stopping the shared server."""
    return cache_dir() / "lt-server.lock"


def last_used_file() -> Path:
    """Touched on every check; its mtime drives the idle shutdown."""
    return cache_dir() / "lt-last-used"


def server_log() -> Path:
    return cache_dir() / "lt-server.log"


def server_config() -> Path:
    return cache_dir() / "lt-server.cfg"


def install_lock_file() -> Path:
    return lt_home() / "install.lock"


def bundled_pom() -> Path:
    """The Maven pom shipped inside the package (assembles LanguageTool)."""
    ref = resources.files("notecheck.grammar") / "languagetool-pom.xml"
    return Path(str(ref))


def ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Exclusive ``fcntl.flock`` on ``path`` for the duration of the block."""
    ensure_dir(path.parent)
    with open(path, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
