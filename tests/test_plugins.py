"""User packs, the formal house pack, safe regular expressions, and plugins through entry points."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import notecheck.registry
from helpers import FIXTURES, ROOT
from notecheck import Checker, Config
from notecheck.packs import PackError
from notecheck.regex_safety import UnsafePattern, check_pattern
from notecheck.registry import RegistryError, load_registry

FORMAL = FIXTURES / "packs" / "formal"
PLUGIN = FIXTURES / "plugin"
HOSTILE = "Dear Ms. Ortiz,\nThank you. " + "a" * 40 + "!\nBest regards,\nLena"
PACK_HEAD = '[pack]\nname = "house"\n\n[[rule]]\ncode = "HSE101"\nname = "house-rule"\ntip = 2\n'


def house_pack(tmp_path: Path, params: str, kind: str = "phrase", extra: str = "") -> Path:
    folder = tmp_path / "house"
    folder.mkdir(exist_ok=True)
    (folder / "house.toml").write_text(
        PACK_HEAD + f'kind = "{kind}"\nseverity = "warning"\nweight = 5\nmessage = "m"\nwhy = "w"\n{extra}'
        f'[rule.params]\n{params}\n[rule.examples]\ngood = ["a"]\nbad = ["b"]\n', encoding="utf-8")
    return folder


# Regular expressions: refused at load time when they could backtrack exponentially.

@pytest.mark.parametrize("pattern", [
    r"(a+)+$", r"(a*)*b", r"(\w+\s?)+$", r"(x+x+)+y", r"(.*a){12}", r"(a|aa)*c", r"(a|a)*$", r"(?:ab|a|b)*c",
    r"((a|b)+)+", r"(a+)\1", r"(?P<x>a)(?P=x)", r"(?:\d+ ?)+$",
])
def test_catastrophic_patterns_are_refused(pattern: str) -> None:
    with pytest.raises(UnsafePattern):
        check_pattern(pattern)


@pytest.mark.parametrize("pattern", [
    r"!+", r"(?:\w+ ){0,2}degree", r"(?:\w+\s+)+end", r"(?:really |truly )*need", r"(?:a|b)+", r"(?:\s|,)+",
    r"a++", r"(?>a+)+", r"(?:ab)+", r"(?:a|ab)*c", r"thank(?:s|\s+you)\b", r"[\w.]+@[\w.]+",
])
def test_ordinary_patterns_are_accepted(pattern: str) -> None:
    check_pattern(pattern)


_ATOMS = st.sampled_from(["a", "b", "[ab]", r"\w", ".", "a?", "(?:)"])
_QUANTIFIERS = st.sampled_from(["", "*", "+", "?", "{2}", "{0,3}", "{1,}"])


def _nest(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    group = st.lists(inner, min_size=1, max_size=3).map(lambda xs: "(?:" + "".join(xs) + ")")
    alternation = st.lists(inner, min_size=2, max_size=3).map(lambda xs: "(?:" + "|".join(xs) + ")")
    return st.tuples(st.one_of(group, alternation, inner), _QUANTIFIERS).map("".join)


NESTED_PATTERNS = st.recursive(st.tuples(_ATOMS, _QUANTIFIERS).map("".join), _nest, max_leaves=6)


@settings(max_examples=400, deadline=None)
@given(NESTED_PATTERNS)
def test_every_accepted_pattern_is_fast_on_hostile_input(pattern: str) -> None:
    """Nested groups, alternations and quantifiers: what the check accepts never backtracks exponentially."""
    import re

    try:
        check_pattern(pattern)
    except (UnsafePattern, re.error):
        return
    compiled = re.compile(pattern)
    for hostile in ("a" * 24 + "!", "ab" * 12 + "!"):
        started = time.perf_counter()
        compiled.search(hostile)
        assert time.perf_counter() - started < 0.5, (pattern, hostile)


@given(st.text(max_size=30))
def test_the_check_never_crashes_on_arbitrary_text(pattern: str) -> None:
    import re

    try:
        check_pattern(pattern)
    except (UnsafePattern, re.error):
        pass


def test_the_refused_pattern_really_is_catastrophic_and_the_accepted_rewrite_is_fast() -> None:
    """Why refusing matters: Python's re needs exponential time on (a+)+$; the pack check needs none."""
    import re

    started = time.perf_counter()
    assert re.search(r"(a+)+$", "a" * 18 + "!") is None
    slow = time.perf_counter() - started
    started = time.perf_counter()
    assert re.search(r"a+$", "a" * 18 + "!") is None
    assert slow > 20 * (time.perf_counter() - started)


def test_a_user_pack_with_a_catastrophic_pattern_is_refused_naming_file_rule_and_key(tmp_path: Path) -> None:
    folder = house_pack(tmp_path, "patterns = ['(a+)+$']")
    with pytest.raises(PackError) as info:
        Checker(Config(grammar=False, packs=(folder,)))
    message = str(info.value)
    assert message.startswith(f"{folder / 'house.toml'}: rule HSE101: parameter 'patterns': pattern '(a+)+$' is refused")


def test_a_refused_pattern_never_reaches_a_hostile_note(tmp_path: Path) -> None:
    """End to end: the console script refuses the pack at once (exit 2) instead of hanging on the note."""
    folder = house_pack(tmp_path, "pattern = '(a+)+!'", kind="character-count")
    (tmp_path / "notecheck.toml").write_text(f"packs = ['{folder}']\n", encoding="utf-8")
    note = tmp_path / "hostile.txt"
    note.write_text(HOSTILE.replace("a" * 40, "a" * 5000 + "b"), encoding="utf-8")
    exe = shutil.which("notecheck", path=str(Path(sys.executable).parent)) or "notecheck"
    started = time.perf_counter()
    result = subprocess.run([exe, str(note), "--no-grammar"], capture_output=True, text=True, cwd=tmp_path,
                            env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "xdg")}, timeout=60)
    assert result.returncode == 2
    assert "rule HSE101: parameter 'pattern': pattern '(a+)+!' is refused" in result.stderr
    assert time.perf_counter() - started < 30


def test_invalid_regular_expressions_are_caught_at_load_time(tmp_path: Path) -> None:
    folder = house_pack(tmp_path, "pattern = '(unclosed'", kind="character-count")
    with pytest.raises(PackError, match=r"rule HSE101: parameter 'pattern': invalid regular expression '\(unclosed'"):
        Checker(Config(grammar=False, packs=(folder,)))


def test_config_overrides_are_checked_for_safety_too(tmp_path: Path) -> None:
    from notecheck.selection import RuleOverride, SelectionError

    override = RuleOverride(params={"patterns": ["(a+)+$"]}, origin="notecheck.toml: rules.NC305")
    with pytest.raises(SelectionError, match="^notecheck.toml: rules.NC305: parameter 'patterns': pattern"):
        Checker(Config(grammar=False, overrides={"NC305": override}))


# User packs load like the shipped ones, with the same validation.

@pytest.mark.parametrize(("params", "extra", "message"), [
    ("", "scope = 'body'\n", None),
    ("", "scope = ['body', 'postscript']\n", None),
    ("", "scope = 'everywhere'\n", "rule HSE101: scope must name one or more of: whole, headers"),
    ("", "messages.nope = 'x'\n", "rule HSE101: messages.nope: the phrase kind says no such message"),
    ("colour = 'red'", "", "rule HSE101: unknown parameter 'colour'"),
    ("min_count = 'two'", "", "rule HSE101: parameter 'min_count' must be int, got str"),
    ("", "suggestion = 's'\nlevel = 3\n", "rule HSE101: unknown key 'level'"),
])
def test_user_packs_are_validated_like_shipped_ones(tmp_path: Path, params: str, extra: str,
                                                    message: str | None) -> None:
    folder = house_pack(tmp_path, params, extra=extra)
    if message is None:
        assert any(r.code == "HSE101" for r in Checker(Config(grammar=False, packs=(folder,))).all_rules)
        return
    with pytest.raises(PackError) as info:
        Checker(Config(grammar=False, packs=(folder,)))
    assert str(info.value).startswith(f"{folder / 'house.toml'}: {message}")


@pytest.mark.parametrize(("messages", "error"), [
    ("messages.found = 'found {phrase}'\n", None),
    ("messages.found = 'found {count}'\n", "messages.found uses {count}, which the required-phrase kind does not give"),
    ("messages.found = 'found {phrase'\n", "messages.found: "),
])
def test_pack_wording_uses_only_the_arguments_a_kind_gives(tmp_path: Path, messages: str, error: str | None) -> None:
    folder = house_pack(tmp_path, "patterns = ['thanks']", kind="required-phrase", extra=messages)
    if error is None:
        report = Checker(Config(grammar=False, packs=(folder,), select=("HSE101",))).check("Hi Sam,\nthanks for the chat today.\nJo")
        assert report.results[0].reason == "found thanks"
        return
    with pytest.raises(PackError, match=re.escape(error)):
        Checker(Config(grammar=False, packs=(folder,)))


def test_a_user_pack_cannot_reuse_a_shipped_code(tmp_path: Path) -> None:
    folder = house_pack(tmp_path, "min_count = 1")
    path = folder / "house.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("HSE101", "NC101"), encoding="utf-8")
    with pytest.raises(PackError, match="rule NC101 reuses 'NC101'"):
        Checker(Config(grammar=False, packs=(folder,)))


# The formal house pack.

FORMAL_CHECKER = Checker(Config(grammar=False, packs=(FORMAL,), select=("formal",)))
FORMAL_RULES = [r for r in FORMAL_CHECKER.all_rules if r.pack == "formal"]
FORMAL_EXAMPLES = [
    pytest.param(rule.code, side, example.text, id=f"{rule.code}-{side}-{index}")
    for rule in FORMAL_RULES
    for side, examples in (("good", rule.good), ("bad", rule.bad))
    for index, example in enumerate(examples)
]


def test_formal_pack_has_its_rules() -> None:
    assert {(r.code, r.name) for r in FORMAL_RULES} == {
        ("FML101", "no-contractions"), ("FML102", "first-name-greeting"), ("FML103", "no-exclamation"),
        ("FML104", "casual-greeting")}
    assert all(r.message and r.why and r.good and r.bad for r in FORMAL_RULES)


@pytest.mark.parametrize(("code", "side", "text"), FORMAL_EXAMPLES)
def test_formal_examples_fire_exactly_their_rule(code: str, side: str, text: str) -> None:
    failed = {r.code for r in FORMAL_CHECKER.check(text).results if r.status.value == "failed"}
    assert failed == ({code} if side == "bad" else set())


def test_formal_first_name_greeting_can_be_turned_off_per_draft() -> None:
    note = "Dear Anna,\nThank you for meeting with me on Tuesday.\nSincerely,\nLena Park"
    assert "FML102" in {f.code for f in FORMAL_CHECKER.check(note).findings}
    allowed = FORMAL_CHECKER.check("---\nignore: first-name-greeting\n---\n" + note)
    assert "FML102" not in {f.code for f in allowed.findings}


# Plugins: kinds and packs through the notecheck.kinds / notecheck.packs entry points.

def with_plugin(monkeypatch: pytest.MonkeyPatch, *extra: EntryPoint) -> None:
    monkeypatch.syspath_prepend(str(PLUGIN / "src"))
    real = notecheck.registry.entry_points

    def entry_points(*, group: str):  # type: ignore[no-untyped-def]
        return [*real(group=group), *(ep for ep in extra if ep.group == group)]

    monkeypatch.setattr(notecheck.registry, "entry_points", entry_points)


KIND_EP = EntryPoint("repeated-word", "notecheck_example_plugin:REPEATED_WORD", "notecheck.kinds")
PACK_EP = EntryPoint("example-plugin", "notecheck_example_plugin:pack_folder", "notecheck.packs")


def test_plugin_kind_and_pack_load_through_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    with_plugin(monkeypatch, KIND_EP, PACK_EP)
    registry = load_registry()
    assert "repeated-word" in registry.kinds and "phrase" in registry.kinds  # built-ins by the same door
    assert [name for name, _ in registry.pack_sources] == ["notecheck", "example-plugin"]
    checker = Checker(Config(grammar=False, select=("NCX901",)), registry=registry)
    report = checker.check("Dear Ms. Ortiz,\nThank you for the the interview.\nBest regards,\nLena")
    assert [(f.code, f.excerpt) for f in report.findings] == [("NCX901", "the the")]


def test_a_plugin_pack_without_its_kind_names_the_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    with_plugin(monkeypatch, PACK_EP)
    with pytest.raises(PackError, match="rule NCX901: unknown kind 'repeated-word'"):
        Checker(Config(grammar=False))


@pytest.mark.parametrize(("entry_point", "message"), [
    (EntryPoint("broken", "notecheck_no_such_module:KIND", "notecheck.kinds"),
     r"^kind plugin 'broken' \(notecheck_no_such_module:KIND\) failed to load: No module named"),
    (EntryPoint("not-a-kind", "notecheck_example_plugin:pack_folder", "notecheck.kinds"),
     r"^kind plugin 'not-a-kind' \(notecheck_example_plugin:pack_folder\) is not a notecheck Kind$"),
    (EntryPoint("broken-pack", "notecheck_example_plugin:no_such_folder", "notecheck.packs"),
     r"^pack plugin 'broken-pack' \(notecheck_example_plugin:no_such_folder\) failed to load"),
])
def test_a_broken_plugin_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch, entry_point: EntryPoint,
                                                     message: str) -> None:
    with_plugin(monkeypatch, entry_point)
    with pytest.raises(RegistryError, match=message):
        load_registry()


@pytest.mark.slow
def test_installed_plugin_distribution_runs_its_rule(tmp_path: Path) -> None:
    """pip-install notecheck and the example plugin into a fresh venv; that venv's notecheck runs NCX901."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # Reuse this environment's dependencies (typer, rich, hatchling...) instead of downloading them.
    Path(site, "reuse-dev-environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    plugin = shutil.copytree(PLUGIN, tmp_path / "plugin", ignore=shutil.ignore_patterns("build", "*.egg-info"))
    # Build with this environment's hatchling when it has one; otherwise pip fetches it as usual.
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-build-isolation"]
    for source in (ROOT, plugin):
        subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", *isolation, str(source)],
                       check=True, timeout=600, cwd=tmp_path)
    draft = tmp_path / "draft.txt"
    draft.write_text("Dear Ms. Ortiz,\nThank you for the the interview.\nBest regards,\nLena\n", encoding="utf-8")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    env.pop("NOTECHECK_LT_URL", None)
    result = subprocess.run([venv / "bin" / "notecheck", str(draft), "--no-grammar", "--format", "json"],
                            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [(f["code"], f["excerpt"]) for f in findings if f["code"] == "NCX901"] == [("NCX901", "the the")]
    listed = subprocess.run([venv / "bin" / "notecheck", "rules"], capture_output=True, text=True, cwd=tmp_path,
                            env={**env, "COLUMNS": "120"}, timeout=120)
    assert "NCX901" in listed.stdout and "example-plugin" in listed.stdout


def test_every_parameter_documents_itself() -> None:
    """``explain`` and the loader read parameter metadata: each field says what it means and, if it holds
    text, whether it is a regular expression (which the loader compiles and checks for backtracking)."""
    import dataclasses

    for kind in load_registry().kinds.values():
        for f in dataclasses.fields(kind.params):
            assert f.metadata.get("doc"), f"{kind.name}.{f.name} has no doc"
            if "str" in str(f.type):
                assert "regex" in f.metadata, f"{kind.name}.{f.name} does not say whether it is a pattern"
