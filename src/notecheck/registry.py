"""Kinds and packs come in through entry points — notecheck's own ones through the same door."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING

from notecheck.errors import RegistryError

if TYPE_CHECKING:
    from notecheck.kinds.base import Kind

KINDS_GROUP = "notecheck.kinds"
PACKS_GROUP = "notecheck.packs"
__all__ = ["KINDS_GROUP", "PACKS_GROUP", "Registry", "RegistryError", "builtin_packs", "load_registry"]


@dataclass
class Registry:
    """Kinds by name and pack sources (TOML files or folders of them). A value, never a global."""

    kinds: dict[str, Kind] = field(default_factory=dict)
    pack_sources: list[tuple[str, Path]] = field(default_factory=list)

    def add_kind(self, kind: Kind) -> None:
        if kind.name in self.kinds:
            raise RegistryError(f"two kinds are named '{kind.name}'")
        self.kinds[kind.name] = kind

    def kind(self, name: str) -> Kind:
        try:
            return self.kinds[name]
        except KeyError:
            known = ", ".join(sorted(self.kinds))
            raise RegistryError(f"unknown kind '{name}' (known kinds: {known})") from None


def builtin_packs() -> Path:
    """The folder of shipped packs: inside the package in a wheel, at the project root in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RegistryError("the shipped rule packs are missing from this installation")


def load_registry() -> Registry:
    """Load every kind and pack registered under notecheck's entry-point groups."""
    from notecheck.kinds.base import Kind

    registry = Registry()
    for ep in sorted(entry_points(group=KINDS_GROUP), key=lambda e: e.name):
        try:
            kind = ep.load()
        except Exception as exc:  # a broken plugin must not take the tool down with a traceback
            raise RegistryError(f"kind plugin '{ep.name}' ({ep.value}) failed to load: {exc}") from None
        if not isinstance(kind, Kind):
            raise RegistryError(f"kind plugin '{ep.name}' ({ep.value}) is not a notecheck Kind")
        registry.add_kind(kind)
    for ep in sorted(entry_points(group=PACKS_GROUP), key=lambda e: (e.name != "notecheck", e.name)):
        try:
            target = ep.load()
            source = Path(target() if callable(target) else target)
        except Exception as exc:
            raise RegistryError(f"pack plugin '{ep.name}' ({ep.value}) failed to load: {exc}") from None
        registry.pack_sources.append((ep.name, source))
    if not registry.kinds:
        raise RegistryError("no rule kinds are registered; is notecheck installed (pip install -e .)?")
    return registry
