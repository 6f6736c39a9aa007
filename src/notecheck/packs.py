"""Loading and validating rule packs (TOML) into immutable rules."""

from __future__ import annotations

import dataclasses
import re
import string
import tomllib
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from notecheck.anatomy import validate_scope
from notecheck.kinds.base import Kind, widen_spaces
from notecheck.lexicon import LEXICON_FILE
from notecheck.model import Severity
from notecheck.patterns import vet
from notecheck.regex_safety import UnsafePattern, check_pattern, matches_empty
from notecheck.registry import Registry, RegistryError, builtin_packs

CODE_RE = re.compile(r"^[A-Z]{2,5}\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
RULE_KEYS = {"code", "name", "tip", "kind", "severity", "weight", "message", "why", "suggestion", "params", "examples",
             "scope", "messages"}
REQUIRED_KEYS = ("code", "name", "tip", "kind", "severity", "weight", "message", "why", "examples")
TIPS = {
    1: "Send it within 24 hours",
    2: "Stand out: personal, not a template",
    3: "Mention what you forgot",
    4: "Briefly re-state why you fit",
    5: "Proofread",
    6: "Say thank you",
}


class PackError(RegistryError):
    """A pack that does not validate; the message names the file, the rule and the key."""


@dataclass(frozen=True)
class Example:
    text: str
    context: dict[str, Any]
    format: str = "text"  # how the text is read: text, markdown, html or email
    batch: tuple[Example, ...] = ()  # other drafts checked in the same run (for rules across drafts)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    pack: str
    tip: int
    kind: str
    severity: Severity
    weight: int
    message: str
    why: str
    suggestion: str
    params: Any
    good: tuple[Example, ...]
    bad: tuple[Example, ...]
    origin: str
    scope: tuple[str, ...] = ("whole",)
    messages: dict[str, str] = dataclasses.field(default_factory=dict)  # message key -> wording
    reasons: frozenset[str] = frozenset()  # the keys that word a checklist reason, not a finding

    @property
    def tip_title(self) -> str:
        return TIPS[self.tip]


def _type_ok(value: Any, annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if annotation is Any:
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_type_ok(value, arg) for arg in typing.get_args(annotation))
    if annotation is type(None):
        return value is None
    if origin in (tuple, list):
        args = typing.get_args(annotation)
        inner = args[0] if args else Any
        return isinstance(value, (list, tuple)) and all(_type_ok(v, inner) for v in value)
    if origin is dict:
        key_type, value_type = typing.get_args(annotation) or (Any, Any)
        return isinstance(value, dict) and all(
            _type_ok(k, key_type) and _type_ok(v, value_type) for k, v in value.items())
    if annotation is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, annotation)


def _describe(annotation: Any) -> str:
    if typing.get_origin(annotation) is not None:
        return str(annotation).replace("typing.", "")
    return getattr(annotation, "__name__", None) or str(annotation).replace("typing.", "")


def build_params(params_type: type, values: dict[str, Any], where: str, *, shipped: bool = False) -> Any:
    """Validate ``values`` against a kind's parameter dataclass and build it (lists become tuples).

    ``shipped`` marks notecheck's own packs: their patterns passed the backtracking analysis in the
    test suite (tests/test_examples.py), so it is not repeated at every start.
    """
    hints = typing.get_type_hints(params_type)
    fields = {f.name: f for f in dataclasses.fields(params_type)}
    names = set(fields)
    converted: dict[str, Any] = {}
    for key, value in values.items():
        if key not in names:
            known = ", ".join(sorted(names)) or "none"
            raise PackError(f"{where}: unknown parameter '{key}' (this kind takes: {known})")
        if not _type_ok(value, hints[key]):
            raise PackError(f"{where}: parameter '{key}' must be {_describe(hints[key])}, got {type(value).__name__}")
        if isinstance(value, int) and not isinstance(value, bool) and value < 0:
            raise PackError(f"{where}: parameter '{key}' must not be negative, got {value}")
        converted[key] = tuple(value) if isinstance(value, list) else value
        _refuse_control_characters(key, value, where)
        if shipped:
            if is_pattern_param(params_type, key):
                vet(value if isinstance(value, (list, tuple)) else [value])
        else:
            _check_patterns(key, value, where, regex=is_pattern_param(params_type, key))
    for item in dataclasses.fields(params_type):  # a kind's own defaults are its code's, like the kind itself
        if item.metadata.get("regex") and isinstance(item.default, (str, tuple)):
            vet(item.default if isinstance(item.default, tuple) else [item.default])
    try:
        params = params_type(**converted)
    except (TypeError, ValueError) as exc:
        raise PackError(f"{where}: {exc}") from None
    return params


def is_pattern_param(params_type: type, key: str) -> bool:
    """Whether a kind's parameter holds regular expressions."""
    found = {f.name: f for f in dataclasses.fields(params_type)}.get(key)
    return bool(found is not None and found.metadata.get("regex"))


def _refuse_control_characters(key: str, value: Any, where: str) -> None:
    """A backspace in a pattern is almost always "\\b" written in a double-quoted TOML string."""
    for item in value if isinstance(value, (list, tuple)) else [value]:
        if isinstance(item, str) and any(char in item for char in "\b\f\v\x00"):
            raise PackError(f"{where}: parameter '{key}': {item!r} contains a control character; in a double-quoted "
                            "TOML string write \\\\b for a word boundary, or use 'single quotes'")


def _check_patterns(key: str, value: Any, where: str, *, regex: bool) -> None:
    """Regular expressions must compile and must not backtrack exponentially (see ``regex_safety``)."""
    for pattern in value if isinstance(value, (list, tuple)) else [value]:
        if not isinstance(pattern, str):
            continue
        try:
            check_pattern(widen_spaces(pattern), re.IGNORECASE)
            empty = matches_empty(widen_spaces(pattern), re.IGNORECASE)
        except UnsafePattern as exc:
            raise PackError(f"{where}: parameter '{key}': pattern {pattern!r} is refused: {exc}") from None
        except re.error as exc:
            if regex:
                raise PackError(f"{where}: parameter '{key}': invalid regular expression {pattern!r}: {exc}") from None
            continue
        if empty and regex:
            raise PackError(f"{where}: parameter '{key}': pattern {pattern!r} can match empty text, which would "
                            "report empty findings; make at least one character required")


EXAMPLE_KEYS = {"text", "context", "format", "batch"}


def _example(item: dict[str, Any], where: str, side: str) -> Example:
    unknown = set(item) - EXAMPLE_KEYS
    if unknown:
        raise PackError(f"{where}: examples.{side}: unknown key '{sorted(unknown)[0]}' (expected: {', '.join(sorted(EXAMPLE_KEYS))})")
    batch = item.get("batch", [])
    if not isinstance(batch, list) or not all(isinstance(b, dict) and isinstance(b.get("text"), str) for b in batch):
        raise PackError(f"{where}: examples.{side}: 'batch' is a list of tables with 'text'")
    return Example(item["text"], dict(item.get("context", {})), str(item.get("format", "text")),
                   tuple(_example(b, where, side) for b in batch))


def _examples(raw: Any, where: str) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    if not isinstance(raw, dict) or set(raw) - {"good", "bad"}:
        raise PackError(f"{where}: 'examples' must be a table with 'good' and 'bad' lists")
    result = []
    for side in ("good", "bad"):
        items = raw.get(side)
        if not isinstance(items, list) or not items:
            raise PackError(f"{where}: examples.{side} must be a non-empty list")
        converted = []
        for item in items:
            if isinstance(item, str):
                converted.append(Example(item, {}))
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                converted.append(_example(item, where, side))
            else:
                raise PackError(f"{where}: each of examples.{side} is a string or a table with 'text'")
        result.append(tuple(converted))
    return result[0], result[1]


def rule_from_table(table: dict[str, Any], pack: str, origin: str, registry: Registry, *, shipped: bool = False) -> Rule:
    where = f"{origin}: rule {table.get('code') or table.get('name') or '?'}"
    unknown = set(table) - RULE_KEYS
    if unknown:
        raise PackError(f"{where}: unknown key '{sorted(unknown)[0]}' (rule keys: {', '.join(sorted(RULE_KEYS))})")
    for key in REQUIRED_KEYS:
        if key not in table:
            raise PackError(f"{where}: missing key '{key}'")
    for key in ("code", "name", "kind", "message", "why", "severity"):
        if not isinstance(table[key], str) or not table[key].strip():
            raise PackError(f"{where}: '{key}' must be a non-empty string")
    if not CODE_RE.match(table["code"]):
        raise PackError(f"{where}: code '{table['code']}' must be letters and three digits, e.g. NC101")
    if not NAME_RE.match(table["name"]):
        raise PackError(f"{where}: name '{table['name']}' must be kebab-case, e.g. missing-thanks")
    if table["tip"] not in TIPS or isinstance(table["tip"], bool):
        raise PackError(f"{where}: 'tip' must be a number from 1 to 6")
    try:
        severity = Severity(table["severity"])
    except ValueError:
        raise PackError(f"{where}: severity '{table['severity']}' must be error, warning or info") from None
    weight = table["weight"]
    if not isinstance(weight, int) or isinstance(weight, bool) or not 0 <= weight <= 100:
        raise PackError(f"{where}: 'weight' must be a whole number from 0 to 100")
    try:
        kind = registry.kind(table["kind"])
    except RegistryError as exc:
        raise PackError(f"{where}: {exc}") from None
    raw_params = table.get("params", {})
    if not isinstance(raw_params, dict):
        raise PackError(f"{where}: 'params' must be a table")
    params = build_params(kind.params, raw_params, where, shipped=shipped)
    good, bad = _examples(table["examples"], where)
    scope = _scope(table.get("scope", list(kind.scope)), where)
    messages = _messages(table.get("messages", {}), kind, table["message"], where)
    return Rule(
        code=table["code"], name=table["name"], pack=pack, tip=table["tip"], kind=kind.name, severity=severity,
        weight=weight, message=table["message"].strip(), why=" ".join(table["why"].split()),
        suggestion=str(table.get("suggestion", "")).strip(), params=params, good=good, bad=bad, origin=origin,
        scope=scope, messages=messages, reasons=frozenset(kind.reasons),
    )


def template_fields(template: str) -> set[str]:
    """The argument names a message template uses (raises ValueError on unbalanced braces)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def _scope(raw: Any, where: str) -> tuple[str, ...]:
    names = (raw,) if isinstance(raw, str) else tuple(raw) if isinstance(raw, list) else None
    if names is None or not all(isinstance(n, str) for n in names):
        raise PackError(f"{where}: 'scope' must be a scope name or a list of them")
    try:
        validate_scope(names)
    except ValueError as exc:
        raise PackError(f"{where}: {exc}") from None
    return tuple(dict.fromkeys(names))


def _messages(raw: Any, kind: Kind, message: str, where: str) -> dict[str, str]:
    """``[rule.messages]``: wording for the keys the kind says, using only the arguments it gives."""
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise PackError(f"{where}: 'messages' must be a table of strings")
    declared = {**kind.messages, **kind.reasons}
    checks: list[tuple[str, str, tuple[str, ...]]] = [("message", message, ("match",))]
    for key, text in raw.items():
        if key not in declared:
            known = ", ".join(sorted(declared)) or "none"
            raise PackError(f"{where}: messages.{key}: the {kind.name} kind says no such message (it says: {known})")
        checks.append((f"messages.{key}", text, (*declared[key], "match")))
    for label, text, allowed in checks:
        try:
            used = template_fields(text)
        except ValueError as exc:
            raise PackError(f"{where}: {label}: {exc} (write {{{{ and }}}} for literal braces)") from None
        unknown = sorted(used - set(allowed))
        if unknown:
            raise PackError(f"{where}: {label} uses {{{unknown[0]}}}, which the {kind.name} kind does not give "
                            f"(it gives: {', '.join(allowed)})")
    return {key: " ".join(text.split()) for key, text in raw.items()}


def load_pack_file(path: Path, registry: Registry, *, shipped: bool = False) -> list[Rule]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise PackError(f"{path}: cannot read ({exc.strerror})") from None
    unknown = set(data) - {"pack", "rule"}
    if unknown:
        raise PackError(f"{path}: unknown top-level key '{sorted(unknown)[0]}' (expected [pack] and [[rule]])")
    pack = data.get("pack", {})
    name = pack.get("name") if isinstance(pack, dict) else None
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise PackError(f"{path}: [pack] needs a kebab-case 'name'")
    tables = data.get("rule", [])
    if not isinstance(tables, list) or not tables:
        raise PackError(f"{path}: a pack needs at least one [[rule]]")
    return [rule_from_table(t, name, str(path), registry, shipped=shipped) for t in tables]


def load_rules(registry: Registry, extra: list[Path] | None = None) -> list[Rule]:
    """Every rule from the registered pack sources (and ``extra`` ones), sorted by code; no duplicates."""
    files: list[tuple[Path, bool]] = []
    shipped_dir = builtin_packs()
    for source in [s for _, s in registry.pack_sources] + list(extra or []):
        shipped = source == shipped_dir
        if source.is_dir():
            files.extend((path, shipped) for path in sorted(source.glob("*.toml")) if path.name != LEXICON_FILE)
        elif source.is_file():
            files.append((source, False))
        else:
            raise PackError(f"{source}: rule pack not found")
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    for path, shipped in files:
        for rule in load_pack_file(path, registry, shipped=shipped):
            for key in (rule.code, rule.name):
                if key in seen:
                    raise PackError(f"{rule.origin}: rule {rule.code} reuses '{key}', already taken by {seen[key].origin}")
                seen[key] = rule
            rules.append(rule)
    return sorted(rules, key=lambda r: r.code)
