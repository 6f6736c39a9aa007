"""Choosing and adjusting rules.

Selection works like ruff's: a selector is ``ALL``, a pack name (``tone``), a code prefix (``NC3``), a
rule code (``NC305``) or a rule name (``cliche``). Within one layer of settings the more specific
selector wins and ``ignore`` wins ties; layers apply in order (user or project config file, then the
command line), and a layer that gives ``select`` starts afresh from it.

Per-rule overrides (severity, weight, parameters) come from a config file's ``[rules.CODE]`` tables
or a draft's front matter; they are checked against the rules and kinds they name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from notecheck.model import Severity
from notecheck.packs import PackError, Rule, build_params, is_pattern_param
from notecheck.registry import RegistryError

ALL = ("ALL", "all")
PACK, PREFIX, EXACT = 1, 10, 100


class SelectionError(RegistryError):
    """A selector or override that names no rule; ``str()`` is one line naming where it came from."""


@dataclass(frozen=True)
class Layer:
    """One source's selection. ``select=None`` keeps what earlier layers chose."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    origin: str = "--"  # prefixes the key in error messages: "--" gives "--select", "notecheck.toml: " "select"


def specificity(selector: str, rule: Rule) -> int | None:
    """How specifically ``selector`` names ``rule`` (higher is more specific), or None if it does not."""
    if selector in ALL:
        return 0
    if selector == rule.code or selector == rule.name:
        return EXACT
    if selector == rule.pack:
        return PACK
    if selector[:1].isalpha() and selector.isupper() and rule.code.startswith(selector):
        return PREFIX + len(selector)
    return None


def _check_selectors(selectors: Sequence[str], rules: Sequence[Rule], where: str) -> None:
    for selector in selectors:
        if not any(specificity(selector, r) is not None for r in rules):
            raise SelectionError(
                f"{where}: '{selector}' matches no rule (expected a rule code, code prefix, rule name or pack name)"
            )


def _best(selectors: Sequence[str], rule: Rule) -> int | None:
    found = [s for s in (specificity(x, rule) for x in selectors) if s is not None]
    return max(found) if found else None


def apply_layer(rules: Sequence[Rule], enabled: set[str], layer: Layer) -> set[str]:
    """The codes enabled after ``layer``, starting from ``enabled``."""
    result = set()
    for rule in rules:
        on = _best([*(layer.select or ()), *layer.extend_select], rule)
        off = _best(layer.ignore, rule)
        if on is None and off is None:
            keep = layer.select is None and rule.code in enabled
        else:
            keep = off is None or (on is not None and on > off)
        if keep:
            result.add(rule.code)
    return result


def select_layers(rules: Sequence[Rule], layers: Sequence[Layer]) -> list[Rule]:
    """Rules enabled after every layer; every rule is enabled before the first."""
    enabled = {r.code for r in rules}
    for layer in layers:
        for key, values in (("select", layer.select or ()), ("extend-select", layer.extend_select),
                            ("ignore", layer.ignore)):
            _check_selectors(values, rules, f"{layer.origin}{key}")
        enabled = apply_layer(rules, enabled, layer)
    return [r for r in rules if r.code in enabled]


def select_rules(rules: Sequence[Rule], select: Sequence[str] = (), extend_select: Sequence[str] = (),
                 ignore: Sequence[str] = ()) -> list[Rule]:
    """Rules enabled by ``select`` (default: all) plus ``extend_select``, minus ``ignore``."""
    return select_layers(rules, [Layer(tuple(select) or None, tuple(extend_select), tuple(ignore))])


def find_rule(rules: Sequence[Rule], key: str) -> Rule | None:
    """The rule with this code (any case) or name."""
    for rule in rules:
        if key in (rule.code, rule.name) or key.upper() == rule.code:
            return rule
    return None


@dataclass(frozen=True)
class RuleOverride:
    """What a config file or draft changes about one rule."""

    severity: Severity | None = None
    weight: int | None = None
    params: Mapping[str, Any] | None = None
    origin: str = "options"  # e.g. "notecheck.toml: rules.NC201"


def override_rules(rules: Sequence[Rule], overrides: Mapping[str, RuleOverride]) -> list[Rule]:
    """``rules`` with ``overrides`` (keyed by rule code or name) applied; an unknown rule is an error."""
    by_code: dict[str, list[RuleOverride]] = {}
    for key, override in overrides.items():
        rule = find_rule(rules, key)
        if rule is None:
            raise SelectionError(f"{override.origin}: no rule is called '{key}' (expected a rule code or name; "
                                 "see notecheck rules)")
        by_code.setdefault(rule.code, []).append(override)
    result = []
    for rule in rules:
        for override in by_code.get(rule.code, ()):
            rule = _override(rule, override)
        result.append(rule)
    return result


def _override(rule: Rule, override: RuleOverride) -> Rule:
    changes: dict[str, Any] = {}
    if override.severity is not None:
        changes["severity"] = override.severity
    if override.weight is not None:
        changes["weight"] = override.weight
    if override.params:
        merged = {**vars(rule.params), **override.params}
        try:
            changes["params"] = build_params(type(rule.params), merged, override.origin)
        except PackError as exc:
            raise SelectionError(str(exc)) from None
    return replace(rule, **changes) if changes else rule


def draft_rules(rules: Sequence[Rule], all_rules: Sequence[Rule], overrides: Mapping[str, Any],
                name: str, *, allow_patterns: bool = False) -> list[Rule]:
    """The rules for one draft after its front matter's ``ignore`` and ``params`` (validated against every rule).

    Pattern parameters may come from front matter only when ``allow_patterns`` (a draft is not trusted
    like the configuration: it could make a rule blind or slow).
    """
    ignored = tuple(overrides.get("ignore", ()))
    _check_selectors(ignored, all_rules, f"{name}: front matter ignore")
    chosen = [r for r in rules if _best(ignored, r) is None]
    values: dict[str, dict[str, Any]] = {}
    for key, value in (overrides.get("params") or {}).items():
        code, dot, param = key.partition(".")
        where = f"{name}: front matter params: {key}"
        if not dot or not param:
            raise SelectionError(f"{where}: expected RULE.parameter, e.g. NC201.max_words: 400")
        rule = find_rule(all_rules, code)
        if rule is None:
            raise SelectionError(f"{where}: no rule is called '{code}' (expected a rule code or name)")
        if not allow_patterns and is_pattern_param(type(rule.params), param):
            raise SelectionError(f"{where}: front matter may not set patterns; allow it with "
                                 "front-matter-patterns = true in the config file")
        _override(rule, RuleOverride(params={param: value}, origin=where))  # validate even if not selected
        values.setdefault(rule.code, {})[param] = value
    return override_rules(chosen, {
        code: RuleOverride(params=v, origin=f"{name}: front matter params")
        for code, v in values.items() if any(r.code == code for r in chosen)
    })
