from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from helpers import languagetool_jvms
from notecheck import Checker, Config

SUITE_CACHE = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    """The suite keeps its notecheck state in a directory of its own (the LanguageTool installation is
    shared), so no test touches the developer's shared server and everything it starts can be found."""
    import tempfile

    from notecheck.grammar.paths import lt_home

    os.environ.setdefault("NOTECHECK_LT_HOME", str(lt_home()))
    config.stash[SUITE_CACHE] = tempfile.mkdtemp(prefix="notecheck-suite-")
    os.environ["NOTECHECK_CACHE_DIR"] = config.stash[SUITE_CACHE]


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(SUITE_CACHE, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def checker() -> Checker:
    """All rules except grammar (which needs the LanguageTool server: see tests/grammar)."""
    return Checker(Config(grammar=False))


@pytest.fixture(scope="session")
def other_uid() -> Iterator[int]:
    """The uid of a second local user, created for the session (``useradd``) and removed after it.

    Where users cannot be created, a uid no account uses stands in: the files a test gives it
    (``chown``, which root may do) are then another user's all the same.
    """
    name = f"nctest{os.getpid() % 100000}"
    created = False
    if os.geteuid() == 0 and shutil.which("useradd"):
        created = subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
                                 capture_output=True).returncode == 0
    if created:
        import pwd

        yield pwd.getpwnam(name).pw_uid
        subprocess.run(["userdel", name], capture_output=True)
        return
    if os.geteuid() != 0:
        pytest.skip("files of another user need root (chown) or a second account")
    yield 54321


@pytest.fixture(scope="session", autouse=True)
def jvms_before_the_suite(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[int, str], tuple[str, ...]]:
    """The JVMs that ran before the suite, and where the suite's own would live (its temporary
    directories and the cache directory it was started with)."""
    from notecheck.cache import cache_dir

    home = os.path.expanduser("~/.cache/notecheck")  # where a test that lost its own cache would start one
    roots = (str(tmp_path_factory.getbasetemp()), str(cache_dir()), home)
    return languagetool_jvms(), roots
