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


def test_the_hook_blocks_a_draft_that_is_not_ready(tmp_path: Path) -> None:
    repo = tmp_path / "drafts"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copy(FIXTURES / "notes" / "strong-paralegal.txt", repo / "ready.txt")
    shutil.copy(FIXTURES / "notes" / "template-leftovers.txt", repo / "leftovers.md")
    shutil.copy(FIXTURES / "formats" / "plain.eml", repo / "to-dana.eml")
    (repo / "README.rst").write_text("not a draft\n", encoding="utf-8")
    (repo / "notecheck.toml").write_text("grammar = false\n", encoding="utf-8")  # no LanguageTool in this test
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1"}
    env.pop("NOTECHECK_LT_URL", None)

    def hook(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([PRE_COMMIT, "try-repo", str(ROOT), "notecheck", "--verbose", "--files", *files],
                              cwd=repo, capture_output=True, text=True, env=env, timeout=900)

    passed = hook("ready.txt", "to-dana.eml", "README.rst")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "notecheck (thank-you note drafts)" in passed.stdout and "Passed" in passed.stdout
    assert "README.rst" not in passed.stdout  # not a draft: the hook's file pattern leaves it out
    blocked = hook("ready.txt", "leftovers.md")
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert "Failed" in blocked.stdout and "NC301 template-placeholder" in blocked.stdout
    assert "2 drafts: 1 ready to send, 1 not ready" in blocked.stdout
