"""Config files: discovery order, every key, CLI options over files, and every validation error."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import FIXTURES
from notecheck import Checker
from notecheck.config import ConfigError, find_config, load_config, user_config_path
from notecheck.model import Severity
from notecheck.selection import SelectionError

EXE = shutil.which("notecheck", path=str(Path(sys.executable).parent)) or "notecheck"
CONFIGS = FIXTURES / "config"
LONG_NOTE = "Dear Ms. Ortiz,\nThank you for meeting me. " + "I enjoyed our talk about the audit team. " * 40 + "\nBest regards,\nLena"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder with an empty user config folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("NOTECHECK_LT_URL", None)
    return subprocess.run([EXE, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


# Discovery

def test_no_config_anywhere(isolated: Path) -> None:
    assert find_config(isolated) is None
    assert load_config().path is None


def test_notecheck_toml_in_the_current_folder(isolated: Path) -> None:
    found = write(isolated / "notecheck.toml", "fail-under = 70\n")
    assert find_config() == found
    assert load_config().fail_under == 70


def test_found_from_a_subfolder_upwards(isolated: Path) -> None:
    found = write(isolated / "pyproject.toml", "[tool.notecheck]\nfail-under = 60\n")
    deep = isolated / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == found
    assert load_config(cwd=deep).fail_under == 60


def test_pyproject_without_the_table_is_skipped(isolated: Path) -> None:
    found = write(isolated / "notecheck.toml", "fail-under = 50\n")
    write(isolated / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(isolated / "sub") == found


def test_the_nearest_file_wins_and_notecheck_toml_before_pyproject(isolated: Path) -> None:
    write(isolated / "notecheck.toml", "fail-under = 50\n")
    near = write(isolated / "sub" / "notecheck.toml", "fail-under = 40\n")
    write(isolated / "sub" / "pyproject.toml", "[tool.notecheck]\nfail-under = 30\n")
    assert find_config(isolated / "sub") == near


def test_user_config_when_no_project_config(isolated: Path, tmp_path: Path) -> None:
    user = write(tmp_path / "xdg" / "notecheck" / "config.toml", "language = 'en-GB'\n")
    assert user_config_path() == user
    assert find_config(isolated) == user
    assert load_config().language == "en-GB"


def test_user_config_defaults_to_dot_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert user_config_path() == tmp_path / "home" / ".config" / "notecheck" / "config.toml"


def test_project_config_is_used_instead_of_user_config(isolated: Path, tmp_path: Path) -> None:
    write(tmp_path / "xdg" / "notecheck" / "config.toml", "language = 'en-GB'\nfail-under = 99\n")
    write(isolated / "notecheck.toml", "fail-under = 70\n")
    config = load_config()
    assert (config.fail_under, config.language) == (70, None)  # one file, never a merge (None: from the locale)


def test_config_option_overrides_discovery(isolated: Path) -> None:
    write(isolated / "notecheck.toml", "fail-under = 70\n")
    other = write(isolated / "elsewhere" / "strict.toml", "fail-under = 95\n")
    assert load_config(other).fail_under == 95
    assert load_config(CONFIGS / "pyproject.toml").language == "en-GB"


# Keys

def test_every_key_reaches_the_config() -> None:
    config = load_config(CONFIGS / "full.toml")
    assert config.fail_under == 80 and config.grammar is False and config.language == "en-AU"
    assert config.lt_url == "http://localhost:8099" and config.daemon is False and config.idle_minutes == 5
    assert set(config.words) == {"Oakridge", "Halden", "Nguyen", "Forsythe"}  # words + words-file
    assert config.packs == ((CONFIGS / ".." / "packs" / "formal").resolve(),)
    (layer,) = config.layers
    assert (layer.select, layer.extend_select, layer.ignore) == (("NC1", "NC2"), ("formal",), ("NC104",))
    assert config.overrides["NC201"].weight == 15 and config.overrides["NC201"].severity is Severity.ERROR
    assert dict(config.overrides["NC201"].params or {}) == {"max_words": 300}
    assert dict(config.overrides["cliche"].params or {}) == {"min_count": 1}


def test_config_shapes_the_checker() -> None:
    checker = Checker(load_config(CONFIGS / "full.toml"))
    assert {r.code for r in checker.rules} == {r.code for r in checker.all_rules
                                             if r.code[:3] in ("NC1", "NC2") or r.pack == "formal"} - {"NC104"}
    nc201 = next(r for r in checker.all_rules if r.code == "NC201")
    assert (nc201.severity, nc201.weight, nc201.params.max_words) == (Severity.ERROR, 15, 300)
    assert next(r for r in checker.all_rules if r.code == "NC305").params.min_count == 1
    assert checker.environment().language == "en-AU"
    assert {"oakridge", "forsythe"} <= checker.environment().words


def test_per_rule_overrides_change_the_report(isolated: Path) -> None:
    write(isolated / "notecheck.toml", '[rules.note-too-long]\nmax-words = 1000\n[rules.NC202]\nseverity = "info"\n')
    checker = Checker(load_config(grammar=False))  # about the rules, not proofreading: no engine started
    report = checker.check(LONG_NOTE)
    assert next(r for r in report.results if r.code == "NC201").status.value == "passed"  # kebab-case works too
    assert next(r for r in checker.all_rules if r.code == "NC202").severity is Severity.INFO
    plain = Checker(load_config(CONFIGS / "empty.toml", grammar=False)).check(LONG_NOTE)
    assert next(r for r in plain.results if r.code == "NC201").status.value == "failed"


def test_options_win_over_the_file() -> None:
    config = load_config(CONFIGS / "full.toml", fail_under=10, grammar=True, language="en-GB", daemon=True,
                         select=("NC3",))
    assert (config.fail_under, config.grammar, config.language, config.daemon) == (10, True, "en-GB", True)
    assert {r.code[:3] for r in Checker(config).rules} == {"NC3"}  # CLI select starts afresh
    unchanged = load_config(CONFIGS / "full.toml", fail_under=None, language=None)
    assert (unchanged.fail_under, unchanged.language) == (80, "en-AU")


# Validation: one line naming the file, the key and what was expected.

@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour = 1\n", "unknown key 'colour' (expected one of: select, extend-select"),
        ("select = 'NC1'\n", "select: expected a list of strings, got 'NC1'"),
        ("extend-select = [1]\n", "extend-select: expected a list of strings, got a list"),
        ("ignore = true\n", "ignore: expected a list of strings, got true/false"),
        ("fail-under = 101\n", "fail-under: expected a whole number from 0 to 100, got a number"),
        ("fail-under = '80'\n", "fail-under: expected a whole number from 0 to 100, got '80'"),
        ("grammar = 'no'\n", "grammar: expected true or false, got 'no'"),
        ("language = 'en-XX'\n", "language: expected one of en-US, en-GB, en-AU, en-CA, en-NZ, en-ZA, got 'en-XX'"),
        ("lt-url = 8081\n", "lt-url: expected a URL string such as http://localhost:8081, got a number"),
        ("daemon = 1\n", "daemon: expected true or false, got a number"),
        ("idle-minutes = 0\n", "idle-minutes: expected a positive number of minutes, got a number"),
        ("words = 'Oakridge'\n", "words: expected a list of strings, got 'Oakridge'"),
        ("words-file = 'missing.txt'\n", "words-file: cannot read"),
        ("packs = ['no-such-folder']\n", "packs: 'no-such-folder' does not exist (expected a folder of TOML rule packs"),
        ("rules = 3\n", "rules: expected a table of per-rule tables"),
        ("[rules]\nNC201 = 3\n", "rules.NC201: expected a table of severity, weight and rule parameters"),
        ("[rules.NC201]\nseverity = 'fatal'\n", "rules.NC201.severity: expected error, warning or info, got 'fatal'"),
        ("[rules.NC201]\nweight = 500\n", "rules.NC201.weight: expected a whole number from 0 to 100, got a number"),
        ("fail-under = \n", "not valid TOML"),
    ],
)
def test_file_errors_name_the_file_key_and_expectation(isolated: Path, text: str, message: str) -> None:
    path = write(isolated / "notecheck.toml", text)
    with pytest.raises(ConfigError) as info:
        load_config()
    assert str(info.value).startswith(f"{path}: ") and message in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[rules.NC999]\nweight = 3\n", "rules.NC999: no rule is called 'NC999' (expected a rule code or name"),
        ("[rules.NC201]\nmax_wordz = 3\n", "rules.NC201: unknown parameter 'max_wordz' (this kind takes: max_words, min_words)"),
        ("[rules.NC201]\nmax_words = 'many'\n", "rules.NC201: parameter 'max_words' must be int | None, got str"),
        ("select = ['NC9']\n", "select: 'NC9' matches no rule (expected a rule code, code prefix, rule name or pack name)"),
        ("ignore = ['no-such-rule']\n", "ignore: 'no-such-rule' matches no rule"),
    ],
)
def test_rule_errors_name_the_file_and_key(isolated: Path, text: str, message: str) -> None:
    path = write(isolated / "pyproject.toml", "[tool.notecheck]\n" + text.replace("[rules", "[tool.notecheck.rules"))
    with pytest.raises(SelectionError) as info:
        Checker(load_config())
    assert str(info.value) == f"{path}: tool.notecheck.{message}" or str(info.value).startswith(
        f"{path}: tool.notecheck.{message}")


def test_pyproject_keys_are_named_with_their_table(isolated: Path) -> None:
    path = write(isolated / "pyproject.toml", "[tool.notecheck]\nfail-under = 'x'\n")
    with pytest.raises(ConfigError, match=f"^{path}: tool.notecheck.fail-under: expected"):
        load_config()


def test_config_option_errors() -> None:
    with pytest.raises(ConfigError, match="^nope.toml: no such config file"):
        load_config("nope.toml")
    with pytest.raises(ConfigError, match=r"no \[tool.notecheck\] table"):
        load_config(FIXTURES.parent / "pyproject.toml")
    with pytest.raises(ConfigError, match="^--language: expected one of en-US, en-GB, en-AU, en-CA, en-NZ, en-ZA, got 'fr-FR'"):
        load_config(language="fr-FR")


# The command line: exit 2 with one line, no traceback; options win.

def test_cli_bad_config_is_exit_2_with_one_line(isolated: Path) -> None:
    write(isolated / "notecheck.toml", "fail-under = 'high'\n")
    note = write(isolated / "note.txt", LONG_NOTE)
    result = run(str(note), "--no-grammar", cwd=isolated)
    assert result.returncode == 2
    assert result.stderr == (f"notecheck: error: {isolated / 'notecheck.toml'}: fail-under: expected a whole number "
                             "from 0 to 100, got 'high'\n")


def test_cli_unknown_rule_in_config_is_exit_2(isolated: Path) -> None:
    write(isolated / "notecheck.toml", "[rules.NC999]\nweight = 1\n")
    result = run(str(write(isolated / "n.txt", LONG_NOTE)), "--no-grammar", cwd=isolated)
    assert result.returncode == 2 and "rules.NC999: no rule is called 'NC999'" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_cli_language_is_validated(isolated: Path) -> None:
    result = run(str(write(isolated / "n.txt", LONG_NOTE)), "--no-grammar", "--language", "en-XX", cwd=isolated)
    assert result.returncode == 2
    assert result.stderr == "notecheck: error: --language: expected one of en-US, en-GB, en-AU, en-CA, en-NZ, en-ZA, got 'en-XX'\n"


def test_cli_uses_the_discovered_config_and_options_win(isolated: Path) -> None:
    write(isolated / "notecheck.toml", "fail-under = 100\ngrammar = false\nignore = ['NC1']\n")
    note = write(isolated / "n.txt", LONG_NOTE)
    strict = run(str(note), "-f", "json", cwd=isolated)
    assert strict.returncode == 1, strict.stderr  # fail-under 100 from the file; grammar off from the file
    assert '"NC101"' not in strict.stdout and '"NC201"' in strict.stdout
    lenient = run(str(note), "-f", "json", "--fail-under", "0", "--select", "NC101", cwd=isolated)
    assert lenient.returncode == 0, lenient.stderr
    assert '"NC101"' in lenient.stdout and '"NC201"' not in lenient.stdout


def test_cli_config_option(isolated: Path) -> None:
    note = write(isolated / "n.txt", LONG_NOTE)
    result = run(str(note), "-f", "json", "--config", str(CONFIGS / "full.toml"), "--fail-under", "0", cwd=isolated)
    assert result.returncode == 1, result.stderr  # the file makes NC201 (too long) an error
    assert '"FML101"' in result.stdout and '"NC305"' not in result.stdout
    missing = run(str(note), "--config", "missing.toml", cwd=isolated)
    assert missing.returncode == 2 and missing.stderr == "notecheck: error: missing.toml: no such config file (given with --config)\n"


def test_cli_front_matter_error_names_the_draft(isolated: Path) -> None:
    note = write(isolated / "n.txt", "---\nignore: NC999\n---\n" + LONG_NOTE)
    result = run("n.txt", "--no-grammar", cwd=isolated)
    assert result.returncode == 2
    assert result.stderr.startswith("notecheck: error: n.txt: front matter ignore: 'NC999' matches no rule")
    assert note.exists()
