"""Value types shared by the grammar backends."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from notecheck.errors import GrammarUnavailable

__all__ = ["GrammarBackend", "GrammarMatch", "GrammarSettings", "GrammarUnavailable", "ProgressCallback", "report"]

ProgressCallback = Callable[[str, int | None, int | None], None]
"""``(description, completed, total)``; ``None`` counts mean "unknown"."""


@dataclass(frozen=True)
class GrammarMatch:
    """One engine finding (LanguageTool or Harper), with offsets into the Python string sent."""

    rule_id: str
    category_id: str
    issue_type: str
    message: str
    short_message: str
    replacements: tuple[str, ...]
    offset: int
    length: int
    rule_description: str
    group: str = ""  # grammar, spelling, punctuation or style (see notecheck.grammar.categories)
    unknown_word: bool = False  # the engine's dictionary does not know the word (a name, a variant, a typo)
    variant: str | None = None  # the English variant this spelling belongs to, when the engine says so


@runtime_checkable
class GrammarBackend(Protocol):
    """Anything that can grammar-check a text; implementations are thread-safe."""

    name: str  # "LanguageTool 6.8 at http://127.0.0.1:8081", "Harper (harper-py 0.2.0)"
    leaves_machine: bool

    def check(self, text: str, *, language: str) -> list[GrammarMatch]: ...


@dataclass(frozen=True)
class GrammarSettings:
    engine: str = "auto"  # auto | languagetool | harper (see notecheck.grammar.engines)
    language: str = "en-US"
    lt_url: str | None = None
    daemon: bool = True
    idle_minutes: float = 30.0
    timeout_seconds: float = 30.0  # one request, in total
    deadline_seconds: float | None = None  # the whole run; None: 30 s plus 1 s for every note sent
    renew: bool = False  # a long-lived Checker: auto moves to LanguageTool by itself once it is ready


def report(progress: ProgressCallback | None, description: str,
           completed: int | None = None, total: int | None = None) -> None:
    """Call ``progress`` if given; a failing callback never breaks a check."""
    if progress is None:
        return
    try:
        progress(description, completed, total)
    except Exception:  # noqa: BLE001 - display problems must not stop the work
        pass
