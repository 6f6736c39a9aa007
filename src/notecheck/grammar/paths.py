"""Where notecheck keeps LanguageTool and the state of its shared server.

Two roots, so that tests (or several users of one machine) can share one
LanguageTool installation while keeping server state apart:

* ``cache_dir()`` - notecheck's cache: the server state file, lock, log,
  config and "last used" stamp live here.
* ``lt_home()`` - where LanguageTool installations live
  (``$NOTECHECK_LT_HOME``, default ``cache_dir()/languagetool``).

Both are trusted only when no other local user can write to them (``notecheck.trust``):
``state_dir()`` and ``install_home()`` create them ``0700`` when missing and raise
``UnsafePathError`` otherwise. Files in them are opened without following links.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from notecheck import trust
from notecheck.cache import CACHE_ENV, cache_dir  # noqa: F401 - CACHE_ENV is part of this module's interface

LT_HOME_ENV = "NOTECHECK_LT_HOME"


def lt_home() -> Path:
    """Directory holding ``LanguageTool-<version>/`` installations (not created, not checked)."""
    explicit = os.environ.get(LT_HOME_ENV)
    if explicit:
        return Path(os.path.abspath(Path(explicit).expanduser()))
    return cache_dir() / "languagetool"


def state_dir() -> Path:
    """``cache_dir()``, created ``0700``; ``UnsafePathError`` unless it is the user's own and no other
    user can write to it or above it."""
    return trust.secure_directory(cache_dir(), "notecheck's cache directory", own=True)


def install_home() -> Path:
    """``lt_home()``, created ``0700``; ``UnsafePathError`` when another user could change the jars."""
    return trust.secure_directory(lt_home(), "the LanguageTool directory")


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


def check_installation(folder: Path) -> None:
    """``UnsafePathError`` when another user could change the jars the JVM will load from ``folder``."""
    libs = folder / "libs"
    reason = trust.untrusted_reason(libs)
    for jar in sorted(libs.glob("*.jar")) if reason is None else ():
        reason = trust.untrusted_reason(jar)
        if reason:
            break
    if reason:
        raise trust.UnsafePathError(f"the LanguageTool installation {folder} is not safe to run: {reason}")


def install_lock_file() -> Path:
    return lt_home() / "install.lock"


def bundled_pom() -> Path:
    """The Maven pom shipped inside the package (assembles LanguageTool)."""
    ref = resources.files("notecheck.grammar") / "languagetool-pom.xml"
    return Path(str(ref))


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Exclusive ``fcntl.flock`` on ``path`` (a private file in a checked directory) for the block."""
    trust.secure_directory(path.parent, "the lock's directory", own=path.parent == cache_dir())
    _drop_link(path)
    fd = trust.open_private(path, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def open_log(path: Path, *, append: bool = False) -> int:
    """A private log file's descriptor for a child's output (never through a link)."""
    _drop_link(path)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
    return trust.open_private(path, flags)


def _drop_link(path: Path) -> None:
    """A symbolic link where a private file belongs is removed, never followed."""
    if path.is_symlink():
        path.unlink()
