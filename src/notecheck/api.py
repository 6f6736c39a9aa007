"""The library entry points: ``check``, ``check_file`` and the reusable ``Checker``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from threading import Lock
from typing import Any

from notecheck.engine import run_rules
from notecheck.inputs import Draft, parse_draft, read_path
from notecheck.kinds.base import RunEnv
from notecheck.model import Report
from notecheck.note import Context
from notecheck.packs import Rule, build_params, load_rules
from notecheck.registry import Registry, load_registry
from notecheck.selection import select_rules

GRAMMAR_KIND = "grammar"


@dataclass(frozen=True)
class Config:
    """How a check runs. CLI options and (later) config files produce one of these."""

    grammar: bool = True
    fail_under: int | None = None
    language: str = "en-US"
    lt_url: str | None = None
    daemon: bool = True
    idle_minutes: float = 30.0
    words: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    params: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule code/name -> parameter overrides
    packs: tuple[Path, ...] = ()


ProgressCallback = Callable[[str, int | None, int | None], None]


class Checker:
    """Loads the registry and rules once and checks any number of drafts, from any number of threads.

    Use it as a context manager when grammar is on, so the grammar backend is released at the end.
    """

    def __init__(self, config: Config | None = None, *, registry: Registry | None = None,
                 progress: ProgressCallback | None = None) -> None:
        self.config = config or Config()
        self.registry = registry or load_registry()
        self.all_rules = load_rules(self.registry, list(self.config.packs))
        self.rules = select_rules(self.all_rules, self.config.select, self.config.extend_select, self.config.ignore)
        self.rules = [self._with_params(rule, self.config.params) for rule in self.rules]
        self._progress = progress
        self._stack = ExitStack()
        self._lock = Lock()
        self._env: RunEnv | None = None

    def __enter__(self) -> Checker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._stack.close()

    def _with_params(self, rule: Rule, overrides: dict[str, dict[str, Any]]) -> Rule:
        values = overrides.get(rule.code) or overrides.get(rule.name)
        if not values:
            return rule
        merged = {**vars(rule.params), **values}
        return replace(rule, params=build_params(type(rule.params), merged, f"rule {rule.code}"))

    @property
    def needs_grammar(self) -> bool:
        return any(r.kind == GRAMMAR_KIND for r in self.rules)

    def environment(self) -> RunEnv:
        """The run environment, opening the grammar backend on first use (once, whatever the thread)."""
        with self._lock:
            if self._env is None:
                self._env = self._open_environment()
            return self._env

    def _open_environment(self) -> RunEnv:
        env = RunEnv(language=self.config.language, words=frozenset(w.lower() for w in self.config.words))
        if not self.needs_grammar:
            return env
        if not self.config.grammar:
            env.grammar_skip = "by request"
            return env
        try:
            from notecheck.grammar import GrammarSettings, GrammarUnavailable, open_backend
        except ImportError as exc:  # pragma: no cover - a broken installation
            env.grammar_skip, env.grammar_incomplete = f"grammar support is not installed ({exc})", True
            return env
        settings = GrammarSettings(lt_url=self.config.lt_url, daemon=self.config.daemon,
                                   idle_minutes=self.config.idle_minutes)
        try:
            env.grammar = self._stack.enter_context(open_backend(settings, self._progress))
            if env.grammar.leaves_machine:
                env.notices = (f"Grammar was checked by {env.grammar.name}: the note's text left this machine.",)
        except GrammarUnavailable as exc:
            env.grammar_skip, env.grammar_incomplete = str(exc), True
        return env

    def check_draft(self, draft: Draft) -> Report:
        skipped = {}
        rules = self.rules
        ignored = set(draft.overrides.get("ignore", ()))
        if ignored:
            rules = [r for r in rules if r.code not in ignored and r.name not in ignored]
        if draft.overrides.get("params"):
            rules = [self._with_params(r, _front_matter_params(draft.overrides["params"])) for r in rules]
        report = run_rules(draft.note, rules, self.registry, self.environment(), skipped=skipped,
                           fail_under=self.config.fail_under)
        return report

    def check(self, text: str, *, context: Context | None = None, path: str | None = None) -> Report:
        return self.check_draft(parse_draft(text, path=path, context=context))

    def check_file(self, path: str | Path, *, context: Context | None = None) -> Report:
        name = str(path)
        return self.check(read_path(name), context=context, path=name)

    def iter_examples(self) -> Iterator[tuple[Rule, str, Any]]:
        for rule in self.all_rules:
            for side, examples in (("good", rule.good), ("bad", rule.bad)):
                for example in examples:
                    yield rule, side, example


def _front_matter_params(raw: dict[str, str]) -> dict[str, dict[str, Any]]:
    """``params:`` lines in front matter look like ``NC201.max_words: 400``."""
    result: dict[str, dict[str, Any]] = {}
    for key, value in raw.items():
        rule, _, name = key.partition(".")
        result.setdefault(rule, {})[name] = _coerce(value)
    return result


def _coerce(value: str) -> Any:
    for convert in (int, float):
        try:
            return convert(value)
        except ValueError:
            pass
    return value


def check(text: str, *, context: Context | None = None, config: Config | None = None) -> Report:
    """Check one draft given as text. Front matter in ``text`` is honoured; ``context`` wins over it."""
    with Checker(config) as checker:
        return checker.check(text, context=context)


def check_file(path: str | Path, *, context: Context | None = None, config: Config | None = None) -> Report:
    """Check one draft file. Raises ``InputError`` when it cannot be read."""
    with Checker(config) as checker:
        return checker.check_file(path, context=context)
