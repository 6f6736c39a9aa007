"""Harper, the Rust grammar checker, in process (the ``harper-py`` binding): grammar with no Java.

A ``Linter`` takes about 0.6 s to build (it loads Harper's dictionary) and then checks a note in a few
milliseconds; one is built per English dialect on first use and shared by every thread (a ``Linter``
refuses calls from two threads at once, so each has a lock). Harper's lint kinds map onto notecheck's
groups in ``categories.HARPER_KINDS``.

Variants: Harper flags "analysed" under American English like any unknown word; the grammar kind
asks again under the other variant (any engine) to tell another variant's spelling from a typo.
"""

from __future__ import annotations

import threading
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from .categories import harper_group
from .model import GrammarMatch, GrammarUnavailable

if TYPE_CHECKING:
    from harper import Linter

DIALECTS = {"en-US": "AMERICAN", "en-GB": "BRITISH", "en-AU": "AUSTRALIAN", "en-CA": "CANADIAN",
            "en-NZ": "BRITISH", "en-ZA": "BRITISH"}
MAX_SUGGESTIONS = 5


def harper_version() -> str | None:
    try:
        return version("harper-py")
    except PackageNotFoundError:
        return None


class HarperBackend:
    """Harper as a ``GrammarBackend``: in process, nothing leaves the machine; thread-safe."""

    leaves_machine = False

    def __init__(self) -> None:
        found = harper_version()
        if found is None:
            raise GrammarUnavailable("Harper is not installed (pip install harper-py)")
        try:
            import harper  # noqa: F401  (fails here, not in the middle of a check)
        except ImportError as exc:
            raise GrammarUnavailable(f"Harper cannot be loaded: {exc}") from None
        self.label = f"Harper (harper-py {found})"
        self.name = self.label
        self._linters: dict[str, tuple[Linter, threading.Lock]] = {}
        self._build_lock = threading.Lock()

    def warm(self, language: str = "en-US") -> None:
        """Build the linter for ``language`` now (the slow part), e.g. while something else starts."""
        self._linter(language)

    def _linter(self, language: str) -> tuple[Linter, threading.Lock]:
        dialect = DIALECTS.get(language, "AMERICAN")
        with self._build_lock:
            if dialect not in self._linters:
                from harper import Dialect, Linter
                self._linters[dialect] = (Linter(getattr(Dialect, dialect)), threading.Lock())
            return self._linters[dialect]

    def _lint(self, text: str, language: str) -> list[tuple[str, Any]]:
        """``(rule name, lint)`` pairs, in text order."""
        linter, lock = self._linter(language)
        with lock:
            by_rule = linter.organized_lints(text, language="plaintext")
        found = [(rule, lint) for rule, lints in by_rule.items() for lint in lints]
        return sorted(found, key=lambda pair: (pair[1].span.start, pair[1].span.end))

    def check(self, text: str, *, language: str) -> list[GrammarMatch]:
        try:
            lints = self._lint(text, language)
        except (RuntimeError, ValueError) as exc:  # a binding failure: grammar could not run
            raise GrammarUnavailable(f"Harper failed: {exc}") from None
        return [self._match(rule, lint) for rule, lint in lints]

    @staticmethod
    def _match(rule: str, lint: Any) -> GrammarMatch:
        start, end = lint.span.start, lint.span.end
        spelling = lint.lint_kind == "Spelling"
        return GrammarMatch(
            rule_id=f"Harper.{rule}", category_id=lint.lint_kind,
            issue_type="misspelling" if spelling else lint.lint_kind.lower(), message=lint.message,
            short_message="", replacements=tuple(_replacement(lint, s) for s in lint.suggestions[:MAX_SUGGESTIONS]),
            offset=start, length=end - start, rule_description="", group=harper_group(lint.lint_kind, rule),
            unknown_word=spelling,
        )

    def close(self) -> None:
        self._linters.clear()


def _replacement(lint: Any, suggestion: Any) -> str:
    """Text that replaces the whole flagged span (Harper also has "remove" and "insert after")."""
    kind = int(suggestion.kind)
    if kind == 1:  # REMOVE
        return ""
    if kind == 2:  # INSERT_AFTER
        return str(lint.problem_text) + str(suggestion.replacement_text)
    return str(suggestion.replacement_text)
