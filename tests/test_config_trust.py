"""Configuration files found upwards are ignored, with a notice, when another local user could have
written them; a grammar server URL from a file is never used silently, and a malformed one is exit 2."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from helpers import FIXTURES
from notecheck import Checker, Config
from notecheck.config import find_config, load_config
from test_cli import run

NOTE = str(FIXTURES / "notes" / "strong-paralegal.txt")


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-user-config"))
    folder = tmp_path / "shared" / "drafts"
    folder.mkdir(parents=True)
    return folder


def test_a_config_file_of_another_user_is_ignored_with_a_notice(project: Path, other_uid: int) -> None:
    planted = project.parent / "notecheck.toml"
    planted.write_text('lt-url = "http://127.0.0.1:9"\ngrammar = true\nignore = ["NC101"]\n')
    os.chown(planted, other_uid, -1)
    notices: list[str] = []
    assert find_config(project, notices=notices) is None
    assert notices == [f"Ignored the config file {planted}: {planted} is owned by another user (uid {other_uid}), "
                       "so another user could have written it."]
    config = load_config(cwd=project)
    assert config.lt_url is None and config.ignore == () and config.path is None
    report = Checker(Config(**{**vars(config), "grammar": False})).check("Dear Ms. Lee,\nThanks.\nBest,\nLena")
    assert report.notices[0].startswith("Ignored the config file")
    done = run(NOTE, "--no-grammar", "-f", "json", cwd=project)
    assert json.loads(done.stdout)["files"][0]["notices"][0].startswith("Ignored the config file")


def test_a_config_file_in_a_directory_others_can_write_is_ignored(project: Path) -> None:
    (project / "notecheck.toml").write_text('lt-url = "http://127.0.0.1:9"\n')
    os.chmod(project, 0o777)
    notices: list[str] = []
    assert find_config(project, notices=notices) is None
    assert "writable by every user" in notices[0]
    os.chmod(project, 0o755)
    assert find_config(project) == project / "notecheck.toml"


def test_lt_url_from_a_config_file_is_never_used_silently(project: Path) -> None:
    (project / "notecheck.toml").write_text('lt-url = "http://127.0.0.1:9"\n')
    config = load_config(cwd=project)
    assert config.lt_url == "http://127.0.0.1:9"
    assert config.notices == (f"Grammar is checked by the LanguageTool server at http://127.0.0.1:9, set in "
                              f"{project / 'notecheck.toml'}.",)
    assert load_config(cwd=project, lt_url="http://127.0.0.1:10").notices == ()


def test_a_malformed_lt_url_is_one_line_exit_2() -> None:
    done = run(NOTE, "--lt-url", "http://[::1")
    assert done.returncode == 2
    assert done.stderr == "notecheck: error: --lt-url: not a LanguageTool server URL: 'http://[::1' (Invalid IPv6 URL)\n"
    assert run(NOTE, "--lt-url", "http://127.0.0.1:99999").returncode == 2
