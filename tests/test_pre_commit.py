"""notecheck as a pre-commit hook, run by pre-commit itself against a temporary repository of drafts.

``pre-commit try-repo`` clones this project (the working tree as it is), installs it into the hook's
own environment from ``.pre-commit-hooks.yaml`` and runs the hook on the drafts given.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import FIXTURES, ROOT

pytestmark = pytest.mark.slow
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or "pre-commit"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One hook environment for the module's tests (pre-commit installs notecheck into it once)."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "drafts"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copy(FIXTURES / "notes" / "strong-paralegal.txt", repo / "ready.txt")
    shutil.copy(FIXTURES / "notes" / "template-leftovers.txt", repo / "leftovers.md")
    shutil.copy(FIXTURES / "formats" / "plain.eml", repo / "to-dana.eml")
    (repo / "README.rst").write_text("not a draft\n", encoding="utf-8")
    return repo


def _hook(repo: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PRE_COMMIT, "try-repo", str(ROOT), "notecheck", "--verbose", "--files", *files],
                          cwd=repo, capture_output=True, text=True, env=env, timeout=900)


def test_the_hook_blocks_a_draft_that_is_not_ready(tmp_path: Path, pre_commit_home: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "notecheck.toml").write_text("grammar = false\n", encoding="utf-8")  # grammar: the test below
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "NO_COLOR": "1"}
    env.pop("NOTECHECK_LT_URL", None)

    def hook(*files: str) -> subprocess.CompletedProcess[str]:
        return _hook(repo, env, *files)

    passed = hook("ready.txt", "to-dana.eml", "README.rst")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "notecheck (thank-you note drafts)" in passed.stdout and "Passed" in passed.stdout
    assert "README.rst" not in passed.stdout  # not a draft: the hook's file pattern leaves it out
    blocked = hook("ready.txt", "leftovers.md")
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert "Failed" in blocked.stdout and "NC301 template-placeholder" in blocked.stdout
    assert "2 drafts: 1 ready to send, 1 not ready" in blocked.stdout


def test_without_java_the_hook_proofreads_with_harper(tmp_path: Path, pre_commit_home: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "typo.txt").write_text((FIXTURES / "notes" / "spelling-errors.txt").read_text(encoding="utf-8"),
                                   encoding="utf-8")
    _git(repo, "add", ".")
    tools = tmp_path / "bin"  # the system's commands and this environment's Python, but no Java on PATH
    tools.mkdir()
    for folder in (Path("/usr/bin"), Path("/bin")):
        for command in folder.iterdir() if folder.is_dir() else ():
            if not command.name.startswith("java") and not (tools / command.name).exists():
                (tools / command.name).symlink_to(command)
    path = os.pathsep.join([str(Path(sys.executable).parent), str(tools)])
    assert shutil.which("java", path=path) is None
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if k not in ("JAVA_HOME", "NOTECHECK_LT_URL")}
    env.update(PATH=path, PRE_COMMIT_HOME=str(pre_commit_home), NO_COLOR="1", NOTECHECK_CACHE_DIR=str(cache))
    ready = _hook(repo, env, "ready.txt")
    assert ready.returncode == 0, ready.stdout + ready.stderr  # grammar ran (Harper), so not "incomplete" (3)
    assert "Harper" in ready.stdout
    typo = _hook(repo, env, "typo.txt")
    assert typo.returncode == 1 and "NC502" in typo.stdout and "Harper" in typo.stdout
    assert not (cache / "lt-server.json").exists()  # no LanguageTool was started
