"""Configuration files: ``[tool.notecheck]`` in pyproject.toml or a ``notecheck.toml`` → ``Config``.

Discovery: ``--config PATH`` if given; otherwise the first ``notecheck.toml`` or ``pyproject.toml``
with a ``[tool.notecheck]`` table from the current directory upwards; otherwise the user's
``$XDG_CONFIG_HOME/notecheck/config.toml`` (``~/.config/notecheck/config.toml``). One file is used,
never a merge of several. Command-line options win over the file. Paths in a file (``packs``,
``words-file``) are relative to that file.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from notecheck.api import ENGINES, Config
from notecheck.errors import ConfigError
from notecheck.model import Severity
from notecheck.selection import Layer, RuleOverride
from notecheck.trust import untrusted_reason

LANGUAGES = ("en-US", "en-GB", "en-AU", "en-CA", "en-NZ", "en-ZA")
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # the order POSIX gives them for messages
_LOCALE_REGIONS = {"US": "en-US", "GB": "en-GB", "UK": "en-GB", "IE": "en-GB", "IN": "en-GB", "AU": "en-AU",
                   "CA": "en-CA", "NZ": "en-NZ", "ZA": "en-ZA"}
PROJECT_FILES = ("notecheck.toml", "pyproject.toml")
SECTION = ("tool", "notecheck")

_STRINGS = "a list of strings"
# key in the file -> (Config field, what is expected)
KEYS: dict[str, tuple[str, str]] = {
    "select": ("select", _STRINGS),
    "extend-select": ("extend_select", _STRINGS),
    "ignore": ("ignore", _STRINGS),
    "fail-under": ("fail_under", "a whole number from 0 to 100"),
    "fail-on": ("fail_on", "error, warning or info"),
    "grammar": ("grammar", "true or false"),
    "language": ("language", "one of " + ", ".join(LANGUAGES)),
    "grammar-engine": ("grammar_engine", "one of auto, languagetool, harper"),
    "lt-url": ("lt_url", "a URL string such as http://localhost:8081"),
    "daemon": ("daemon", "true or false"),
    "front-matter-patterns": ("front_matter_patterns", "true or false"),
    "idle-minutes": ("idle_minutes", "a positive number of minutes"),
    "encoding": ("encoding", "a text encoding such as cp1252 (default: UTF-8, or UTF-16 with a byte-order mark)"),
    "grammar-timeout": ("grammar_timeout", "a positive number of seconds for all grammar checks of a run"),
    "words": ("words", _STRINGS),
    "words-file": ("words", "a path to a file of words, one a line"),
    "packs": ("packs", "a list of folders (or files) of TOML rule packs"),
    "rules": ("overrides", "a table of per-rule tables, e.g. [rules.NC201]"),
    "lexicon": ("lexicon", "a table of lexicon lists to add to, e.g. valedictions = [\"Much love\"]"),
}
RULE_KEYS = {"severity": "error, warning or info", "weight": "a whole number from 0 to 100"}


def locale_language(env: Mapping[str, str] | None = None) -> str | None:
    """The English variant the environment's locale names (``LANG=en_GB.UTF-8`` -> en-GB), else None.

    The first of LC_ALL, LC_MESSAGES and LANG that is set decides; a non-English locale names none.
    """
    env = os.environ if env is None else env
    value = next((env[name] for name in LOCALE_VARIABLES if env.get(name)), "")
    code = value.split(".")[0].split("@")[0].replace("-", "_")
    language, _, region = code.partition("_")
    if language.lower() != "en":
        return None
    return _LOCALE_REGIONS.get(region.upper(), "en-US" if not region else None)


def check_engine(value: str, where: str) -> str:
    if value not in ENGINES:
        raise ConfigError(f"{where}: expected one of {', '.join(ENGINES)}, got '{value}'")
    return value


def check_language(value: str, where: str) -> str:
    if value not in LANGUAGES:
        raise ConfigError(f"{where}: expected one of {', '.join(LANGUAGES)}, got '{value}'")
    return value


def user_config_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    base = Path(env["XDG_CONFIG_HOME"]) if env.get("XDG_CONFIG_HOME") else Path.home() / ".config"
    return base / "notecheck" / "config.toml"


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file ({exc.strerror})") from None


def _has_section(path: Path) -> bool:
    """Whether a pyproject.toml has a [tool.notecheck] table (a broken one counts if it mentions it)."""
    try:
        data = _read_toml(path)
    except ConfigError:
        if "tool.notecheck" in path.read_text(encoding="utf-8", errors="replace"):
            raise
        return False
    return isinstance(data.get("tool"), dict) and "notecheck" in data["tool"]


def find_config(start: Path | None = None, env: Mapping[str, str] | None = None,
                notices: list[str] | None = None) -> Path | None:
    """The config file that applies in ``start`` (default: the current directory), or None.

    A file that another local user could have written (theirs, or in a directory others can write to)
    is skipped, and ``notices`` gets one line saying so: it may not steer notecheck or redirect a note.
    """
    here = (start or Path.cwd()).resolve()
    user = user_config_path(env)
    candidates = [directory / name for directory in (here, *here.parents) for name in PROJECT_FILES]
    for candidate in [*candidates, user]:
        if not candidate.is_file():
            continue
        reason = untrusted_reason(candidate)
        if reason:
            if notices is not None:
                notices.append(f"Ignored the config file {candidate}: {reason}, so another user could have "
                               "written it.")
            continue
        if candidate == user or candidate.name != "pyproject.toml" or _has_section(candidate):
            return candidate
    return None


def _table(path: Path) -> tuple[dict[str, Any], str]:
    """The settings table of a config file and the prefix its keys have in messages."""
    data = _read_toml(path)
    if path.name != "pyproject.toml":
        return data, ""
    tool = data.get("tool", {})
    section = tool.get("notecheck") if isinstance(tool, dict) else None
    if section is None:
        raise ConfigError(f"{path}: no [tool.notecheck] table in this pyproject.toml")
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: tool.notecheck: expected a table")
    return section, "tool.notecheck."


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _valid(key: str, value: Any) -> bool:
    if key in ("select", "extend-select", "ignore", "words", "packs"):
        return _strings(value)
    if key in ("grammar", "daemon", "front-matter-patterns"):
        return isinstance(value, bool)
    if key == "fail-under":
        return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100
    if key in ("idle-minutes", "grammar-timeout"):
        return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0
    if key == "language":
        return value in LANGUAGES
    if key == "grammar-engine":
        return value in ENGINES
    if key == "encoding":
        from notecheck.inputs import InputError, check_encoding

        try:
            return isinstance(value, str) and bool(check_encoding(value))
        except InputError:
            return False
    if key == "fail-on":
        return value in [s.value for s in Severity]
    if key in ("rules", "lexicon"):
        return isinstance(value, dict)
    return isinstance(value, str) and bool(value.strip())  # lt-url, words-file


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    names = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _rule_override(path: Path, key: str, table: Any) -> RuleOverride:
    where = f"{path}: {key}"
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table of severity, weight and rule parameters")
    severity = table.get("severity")
    if severity is not None and severity not in [s.value for s in Severity]:
        raise ConfigError(f"{where}.severity: expected {RULE_KEYS['severity']}, got {_shown(severity)}")
    weight = table.get("weight")
    if weight is not None and (not isinstance(weight, int) or isinstance(weight, bool) or not 0 <= weight <= 100):
        raise ConfigError(f"{where}.weight: expected {RULE_KEYS['weight']}, got {_shown(weight)}")
    params = {name.replace("-", "_"): value for name, value in table.items() if name not in RULE_KEYS}
    return RuleOverride(severity=Severity(severity) if severity else None, weight=weight, params=params or None,
                        origin=where)


def _read_words(path: Path, value: str, key: str) -> tuple[str, ...]:
    target = path.parent / value
    try:
        lines = target.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not UTF-8 text"
        raise ConfigError(f"{path}: {key}: cannot read '{target}' ({reason}); expected a file of words, one a line") from None
    return tuple(w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#"))


def read_config_file(path: Path) -> dict[str, Any]:
    """Validated settings of one file, as ``Config`` field values (selection as ``layers``)."""
    table, prefix = _table(path)
    values: dict[str, Any] = {}
    for key, value in table.items():
        full = prefix + key
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown key '{full}' (expected one of: {', '.join(KEYS)})")
        if not _valid(key, value):
            raise ConfigError(f"{path}: {full}: expected {KEYS[key][1]}, got {_shown(value)}")
        if key == "rules":
            values["overrides"] = {name: _rule_override(path, f"{full}.{name}", t) for name, t in value.items()}
        elif key == "lexicon":
            from notecheck.lexicon import shipped_lexicon

            shipped_lexicon().extended(value, f"{path}: {full}")  # refuses unknown lists and bad entries
            values["lexicon"] = value
        elif key == "packs":
            values["packs"] = tuple(_pack_path(path, full, p) for p in value)
        elif key == "words-file":
            values["words"] = values.get("words", ()) + _read_words(path, value, full)
        elif key == "words":
            values["words"] = tuple(value) + values.get("words", ())
        elif key == "fail-on":
            values["fail_on"] = Severity(value)
        elif key not in ("select", "extend-select", "ignore"):
            values[KEYS[key][0]] = value
    if any(k in table for k in ("select", "extend-select", "ignore")):
        values["layers"] = (Layer(
            tuple(table["select"]) if "select" in table else None, tuple(table.get("extend-select", ())),
            tuple(table.get("ignore", ())), origin=f"{path}: {prefix}",
        ),)
    return values


def _pack_path(path: Path, key: str, value: str) -> Path:
    target = (path.parent / value).resolve()
    if not target.exists():
        raise ConfigError(f"{path}: {key}: '{value}' does not exist (expected a folder of TOML rule packs, "
                          "relative to this file)")
    return target


def _check_url(url: str | None, where: str) -> None:
    if not url:
        return
    from notecheck.grammar.client import normalize_url
    from notecheck.grammar.model import GrammarUnavailable

    try:
        normalize_url(url)
    except GrammarUnavailable as exc:
        raise ConfigError(f"{where}: {exc}") from None


def load_config(path: str | Path | None = None, *, cwd: Path | None = None, env: Mapping[str, str] | None = None,
                **options: Any) -> Config:
    """The ``Config`` for a run: the given or discovered file, then ``options`` (None means not given).

    ``options`` are ``Config`` field names; ``select``, ``extend_select`` and ``ignore`` form the last
    selection layer, after the file's.
    """
    known = {f.name for f in fields(Config)}
    unknown = set(options) - known
    if unknown:
        raise TypeError(f"unknown Config fields: {', '.join(sorted(unknown))}")
    notices: list[str] = []
    chosen = Path(path) if path is not None else find_config(cwd, env, notices)
    if path is not None and not Path(path).is_file():
        raise ConfigError(f"{path}: no such config file (given with --config)")
    values = read_config_file(chosen) if chosen else {}
    if chosen is not None:
        values["path"] = chosen
    _check_url(options.get("lt_url") or values.get("lt_url"), "--lt-url" if options.get("lt_url") else f"{chosen}: lt-url")
    if values.get("lt_url") and options.get("lt_url") is None:  # never sent elsewhere without a word
        notices.append(f"Grammar is checked by the LanguageTool server at {values['lt_url']}, set in {chosen}.")
    values["notices"] = tuple(notices)
    if options.get("language") is not None:
        check_language(options["language"], "--language")
    if options.get("grammar_engine") is not None:
        check_engine(options["grammar_engine"], "--grammar-engine")
    values.update({k: tuple(v) if isinstance(v, list) else v for k, v in options.items() if v is not None})
    return replace(Config(), **values)
