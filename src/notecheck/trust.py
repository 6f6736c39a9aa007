"""Trusting files and directories on a machine shared with other users.

A path is trusted when no other local user can change what it holds: the path and every directory
above it belong to the current user or to root, and none is writable by others (or by a group with
other members). A directory with the sticky bit, such as ``/tmp``, may sit above a trusted path:
there nobody can rename or remove an entry they do not own. A symbolic link on the way counts as
its owner's.

Private files (server state, lock, log) are opened with ``O_NOFOLLOW``: a symbolic link planted in
their place is refused, never followed. They are created ``0600``.
"""

from __future__ import annotations

import os
import stat
from functools import lru_cache
from pathlib import Path

from notecheck.errors import UnsafePathError

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
WRITABLE = stat.S_IWGRP | stat.S_IWOTH


@lru_cache(maxsize=8)
def _private_group(gid: int, uid: int) -> bool:
    """True when group ``gid`` can only hold the user ``uid`` (a user-private group)."""
    try:
        import grp
        import pwd

        user = pwd.getpwuid(uid)
        group = grp.getgrgid(gid)
    except (ImportError, KeyError):
        return False
    if set(group.gr_mem) - {user.pw_name}:
        return False
    return all(entry.pw_uid == uid for entry in pwd.getpwall() if entry.pw_gid == gid)


def _owner(st: os.stat_result, uid: int) -> str | None:
    if st.st_uid in (uid, 0):
        return None
    return f"owned by another user (uid {st.st_uid})"


def _writable(st: os.stat_result, uid: int) -> str | None:
    if st.st_mode & stat.S_IWOTH:
        return "writable by every user"
    if st.st_mode & stat.S_IWGRP and not _private_group(st.st_gid, uid):
        return f"writable by group {st.st_gid}"
    return None


def untrusted_reason(path: Path, *, own: bool = False) -> str | None:
    """Why another local user could change ``path`` or what it holds; ``None`` when nobody can.

    ``own`` requires ``path`` itself to belong to the current user (root's is not enough).
    """
    uid = os.geteuid()
    target = Path(os.path.abspath(path))
    for item in (target, *target.parents):  # the links on the way, as written
        try:
            st = os.lstat(item)
        except OSError:
            continue
        if stat.S_ISLNK(st.st_mode) and (reason := _owner(st, uid)):
            return f"{item} is a link {reason}"
    real = Path(os.path.realpath(target))
    for index, item in enumerate((real, *real.parents)):
        try:
            st = os.stat(item)
        except FileNotFoundError:
            continue
        except OSError as exc:
            return f"{item} cannot be examined ({exc.strerror})"
        if index == 0 and own and st.st_uid != uid:
            return f"{item} is owned by another user (uid {st.st_uid})"
        owner = _owner(st, uid)
        if owner:
            return f"{item} is {owner}"
        writable = _writable(st, uid)
        sticky = index > 0 and stat.S_ISDIR(st.st_mode) and bool(st.st_mode & stat.S_ISVTX)
        if writable and not sticky:  # in a sticky directory others cannot replace what is not theirs
            return f"{item} is {writable}"
    return None


def secure_directory(path: Path, what: str, *, own: bool = False) -> Path:
    """``path`` as an absolute directory, created ``0700`` when missing; ``UnsafePathError`` when another
    user could write to it or to a directory above it."""
    target = Path(os.path.abspath(path))
    missing = []
    for item in (target, *target.parents):
        if item.exists():
            break
        missing.append(item)
    for item in reversed(missing):
        try:
            os.mkdir(item, 0o700)
        except FileExistsError:
            continue
        except OSError as exc:
            raise UnsafePathError(f"{what} {target} cannot be created ({exc.strerror})") from None
        os.chmod(item, 0o700)  # whatever the umask
    if not target.is_dir():
        raise UnsafePathError(f"{what} {target} is not a directory")
    reason = untrusted_reason(target, own=own)
    if reason:
        raise UnsafePathError(f"{what} {target} is not safe: {reason}; other users could take over notecheck's "
                              f"grammar server through it (make it yours with mode 700, or set another NOTECHECK_CACHE_DIR)")
    return target


def open_private(path: Path, flags: int) -> int:
    """A descriptor of a private file: never through a symbolic link, created ``0600``, and refused
    (``OSError``) when it is not a regular file of the current user that only they may write."""
    fd = os.open(path, flags | _NOFOLLOW | _CLOEXEC, 0o600)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_uid != os.geteuid() or st.st_mode & WRITABLE:
            raise PermissionError(f"{path} is not a private file of this user")
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_private_bytes(path: Path, limit: int = 1 << 20) -> bytes | None:
    """A private file's bytes (at most ``limit``), or ``None`` when it is missing, larger or not private."""
    try:
        fd = open_private(path, os.O_RDONLY)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    return None if len(data) > limit else data


def read_private(path: Path, limit: int = 1 << 20) -> str | None:
    """The text of a private file (at most ``limit`` bytes), or ``None`` when it is missing or not private."""
    data = read_private_bytes(path, limit)
    return None if data is None else data.decode("utf-8", errors="replace")


def write_private(path: Path, text: str | bytes) -> None:
    """Replace ``path`` atomically with ``text`` in a new ``0600`` file (a link at ``path`` is replaced,
    not followed)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def touch_private(path: Path) -> None:
    """Create ``path`` (``0600``) or bump its modification time, never through a link."""
    fd = open_private(path, os.O_WRONLY | os.O_CREAT)
    try:
        os.utime(fd)
    finally:
        os.close(fd)
