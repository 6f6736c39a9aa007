"""Provisioning order and language-tool-python's download hook (no network, no Maven)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from notecheck.grammar import GrammarUnavailable, install_languagetool, provision
from notecheck.grammar.paths import bundled_pom


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NOTECHECK_LT_HOME", str(tmp_path / "lt"))
    monkeypatch.delenv("NOTECHECK_LT_SOURCE", raising=False)
    monkeypatch.delenv("NOTECHECK_LT_VERSION", raising=False)
    monkeypatch.setattr(provision, "require_java", lambda: "/usr/bin/java")
    return tmp_path / "lt"


def fake_download(self: object) -> None:
    folder = Path(os.environ["LTP_PATH"]) / "LanguageTool-6.8"
    (folder / "libs").mkdir(parents=True)
    (folder / "languagetool-server.jar").write_bytes(b"jar")


def test_language_tool_python_download_lands_in_notecheck_cache(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from language_tool_python.download_lt import ReleaseLocalLanguageTool
    monkeypatch.setattr(ReleaseLocalLanguageTool, "download", fake_download)
    monkeypatch.setenv("LTP_PATH", "/elsewhere")
    folder = install_languagetool()
    assert folder == home / "LanguageTool-6.8"
    assert provision.installed_dir() == folder and provision.installed_version(folder) == "6.8"
    assert os.environ["LTP_PATH"] == "/elsewhere"  # restored


def test_failed_download_falls_back_to_maven_newest_first(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from language_tool_python.download_lt import ReleaseLocalLanguageTool

    def no_network(self: object) -> None:
        raise OSError("unreachable")

    tried: list[str] = []

    def fake_maven(version: str, java: str, progress: object) -> Path:
        tried.append(version)
        if version == "6.8":
            raise GrammarUnavailable("6.8 refused")
        staging = home / "staging"
        (staging / "libs").mkdir(parents=True)
        return provision._finish(staging, version, "maven")

    monkeypatch.setattr(ReleaseLocalLanguageTool, "download", no_network)
    monkeypatch.setattr(provision, "_via_maven", fake_maven)
    seen: list[str] = []
    folder = install_languagetool(lambda d, c, t: seen.append(d))
    assert tried == ["6.8", "6.7"] and folder.name == "LanguageTool-6.7"
    assert seen and seen[0].startswith("Downloading LanguageTool")
    assert install_languagetool() == folder  # already installed: nothing to do


def test_all_sources_failing_is_one_line(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOTECHECK_LT_SOURCE", "maven")
    monkeypatch.setenv("PATH", str(home))  # no mvn
    with pytest.raises(GrammarUnavailable, match="Maven was not found: install Maven"):
        install_languagetool()


def test_pom_excludes_language_all_and_adds_english() -> None:
    pom = bundled_pom().read_text()
    assert "<artifactId>language-all</artifactId>" in pom.split("<exclusions>")[1].split("</exclusions>")[0]
    assert "<artifactId>language-en</artifactId>" in pom
    assert "<lt.version>6.8</lt.version>" in pom
