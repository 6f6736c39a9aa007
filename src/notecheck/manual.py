"""A rule's manual, from the same sources the pack loader validates against: the pack entry, the kind's
parameter fields and their metadata, the scopes and the kind's named exemptions."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from notecheck.anatomy import SCOPE_HELP
from notecheck.kinds.base import Kind
from notecheck.packs import Rule, _describe


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: Any
    value: Any
    doc: str
    regex: bool


def parameters(rule: Rule, kind: Kind) -> list[Parameter]:
    """Every parameter of the rule's kind: its type, the kind's default, this rule's value and meaning."""
    import typing

    hints = typing.get_type_hints(kind.params)
    found = []
    for f in dataclasses.fields(kind.params):
        default = f.default if f.default is not dataclasses.MISSING else (
            f.default_factory() if f.default_factory is not dataclasses.MISSING else None)
        found.append(Parameter(f.name, _describe(hints[f.name]), default, getattr(rule.params, f.name),
                               str(f.metadata.get("doc", "")), bool(f.metadata.get("regex"))))
    return found


def shown(value: Any, limit: int = 96) -> str:
    """A parameter value in one line: lists say how many entries they have and show the first ones."""
    if isinstance(value, (tuple, list)):
        if not value:
            return "[]"
        items = ", ".join(repr(v) for v in value)
        text = f"{len(value)} entries: {items}" if len(value) > 3 else f"[{items}]"
    elif isinstance(value, dict):
        text = f"{len(value)} entries"
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def scope_lines(rule: Rule) -> list[str]:
    return [f"{name}: {SCOPE_HELP[name]}" for name in rule.scope]
