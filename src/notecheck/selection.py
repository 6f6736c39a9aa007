"""Choosing rules by code, code prefix, name or pack: the more specific selector wins, ignore wins ties."""

from __future__ import annotations

from collections.abc import Sequence

from notecheck.packs import Rule
from notecheck.registry import RegistryError


class SelectionError(RegistryError):
    pass


def specificity(selector: str, rule: Rule) -> int | None:
    """How specifically ``selector`` names ``rule`` (higher is more specific), or None if it does not."""
    if selector in ("ALL", "all"):
        return 0
    if selector == rule.code or selector == rule.name:
        return 100
    if selector == rule.pack:
        return 1
    if rule.code.startswith(selector) and selector[:1].isalpha() and selector.isupper():
        return 10 + len(selector)
    return None


def _validate(selectors: Sequence[str], rules: Sequence[Rule]) -> None:
    for selector in selectors:
        if not any(specificity(selector, r) is not None for r in rules):
            raise SelectionError(f"'{selector}' matches no rule code, prefix, name or pack")


def select_rules(rules: Sequence[Rule], select: Sequence[str] = (), extend_select: Sequence[str] = (),
                 ignore: Sequence[str] = ()) -> list[Rule]:
    """Rules enabled by ``select`` (default: all) plus ``extend_select``, minus ``ignore``."""
    _validate([*select, *extend_select, *ignore], rules)
    chosen = []
    for rule in rules:
        enabled = [s for s in (*(select or ("ALL",)), *extend_select) if specificity(s, rule) is not None]
        disabled = [s for s in ignore if specificity(s, rule) is not None]
        best_on = max((specificity(s, rule) or 0 for s in enabled), default=-1)
        best_off = max((specificity(s, rule) or 0 for s in disabled), default=-1)
        if enabled and best_on > best_off:
            chosen.append(rule)
    return chosen
