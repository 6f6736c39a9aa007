"""The library entry points: ``check``, ``check_file`` and the reusable ``Checker``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from notecheck.batch import Source
from notecheck.dates import order_problem
from notecheck.engine import run_rules
from notecheck.errors import ConfigError, InputError
from notecheck.grammar_envs import GrammarEnvironments
from notecheck.inputs import Draft, parse_draft, read_bytes
from notecheck.kinds.base import RunEnv
from notecheck.lexicon import LEXICON_FILE, Lexicon, load_lexicon_file, shipped_lexicon
from notecheck.model import FileResult, Report, Severity
from notecheck.note import Context
from notecheck.packs import Rule, load_rules
from notecheck.registry import Registry, builtin_packs, load_registry
from notecheck.selection import Layer, RuleOverride, SelectionError, draft_rules, override_rules, select_layers
from notecheck.services import find_service

if TYPE_CHECKING:
    from notecheck.batch import ResultCallback

GRAMMAR_KIND = "grammar"
ENGINES = ("auto", "languagetool", "harper")


@dataclass(frozen=True)
class Config:
    """How a check runs. CLI options and config files (``notecheck.config``) produce one of these.

    ``select``/``extend_select``/``ignore`` are the last selection layer, after ``layers`` (config files).
    """

    grammar: bool = True
    fail_under: int | None = None
    fail_on: Severity = Severity.ERROR  # the least severe finding that makes a note "not ready"
    language: str | None = None  # None: the locale's English variant (LANG=en_GB.UTF-8 -> en-GB), else en-US
    grammar_engine: str = "auto"  # auto | languagetool | harper
    lt_url: str | None = None
    daemon: bool = True
    idle_minutes: float = 30.0
    encoding: str | None = None  # of draft files and standard input (default: UTF-8, or UTF-16/32 with a BOM)
    front_matter_patterns: bool = False  # may a draft's front matter set pattern parameters?
    grammar_timeout: float | None = None  # seconds of grammar for the whole run; None: 30 plus 1 a note
    words: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    params: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule code/name -> parameter overrides
    packs: tuple[Path, ...] = ()
    overrides: dict[str, RuleOverride] = field(default_factory=dict)  # rule code/name -> severity/weight/params
    layers: tuple[Layer, ...] = ()  # selection from config files, applied before select/extend_select/ignore
    lexicon: dict[str, Any] = field(default_factory=dict)  # lists added to the shared lexicon
    path: Path | None = None  # the config file these settings came from, if any
    notices: tuple[str, ...] = ()  # what the report must say about these settings (e.g. an ignored config file)


def build_lexicon(registry: Registry, config: Config) -> Lexicon:
    """The shipped lexicon, plus the ``lexicon.toml`` of any other pack folder, plus the config's lists."""
    lexicon = shipped_lexicon()
    shipped = builtin_packs()
    for source in [s for _, s in registry.pack_sources] + list(config.packs):
        if source != shipped and (source / LEXICON_FILE).is_file():
            lexicon = load_lexicon_file(source / LEXICON_FILE, lexicon)
    if config.lexicon:
        lexicon = lexicon.extended(config.lexicon, str(config.path or "configuration") + ": lexicon")
    return lexicon


ProgressCallback = Callable[[str, int | None, int | None], None]


class Checker:
    """Loads the registry and rules once and checks any number of drafts, from any number of threads.

    Use it as a context manager when grammar is on, so the grammar backend is released at the end.
    A check may name its own grammar engine (``grammar_engine="harper"``); each engine asked for is
    opened once. ``renew=True`` is for a Checker that stays open (a local page, an editor): ``auto``
    moves from Harper to LanguageTool once the shared server is ready, and a failed engine is opened
    again (see ``notecheck.grammar_envs``).
    """

    def __init__(self, config: Config | None = None, *, registry: Registry | None = None,
                 progress: ProgressCallback | None = None, renew: bool = False) -> None:
        self.config = config or Config()
        self.registry = registry or load_registry()
        params = {key: RuleOverride(params=values, origin=f"params for {key}") for key, values in self.config.params.items()}
        rules = override_rules(load_rules(self.registry, list(self.config.packs)), params)
        self.all_rules = override_rules(rules, self.config.overrides)
        last = Layer(self.config.select or None, self.config.extend_select, self.config.ignore, origin="--")
        self.rules = select_layers(self.all_rules, [*self.config.layers, last])
        self.lexicon = build_lexicon(self.registry, self.config)
        self._progress = progress
        self._envs = GrammarEnvironments(self._open_environment, renew=renew)

    def __enter__(self) -> Checker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._envs.close()

    @property
    def needs_grammar(self) -> bool:
        return any(r.kind == GRAMMAR_KIND for r in self.rules)

    def environment(self, grammar_engine: str | None = None) -> RunEnv:
        """The run environment for ``grammar_engine`` (default: the configured one), opening the engine on
        first use (once, whatever the thread). Raises ``ConfigError`` for an engine that does not exist."""
        engine = grammar_engine or self.config.grammar_engine
        if engine not in ENGINES:
            raise ConfigError(f"grammar engine: expected one of {', '.join(ENGINES)}, got {engine!r}")
        return self._envs.get(engine)

    @property
    def language(self) -> str:
        """The English variant grammar checks: the configured one, else the locale's, else en-US."""
        from notecheck.config import locale_language

        return self.config.language or locale_language() or "en-US"

    def _open_environment(self, engine: str, stack: ExitStack) -> RunEnv:
        from notecheck.proofread import GrammarService

        language = self.language
        env = RunEnv(language=language, words=frozenset(w.lower() for w in self.config.words), lexicon=self.lexicon,
                     notices=self.config.notices)
        if not self.needs_grammar:
            return env
        if not self.config.grammar:
            env.services[GrammarService] = GrammarService(None, language=language, unavailable="by request")
            return env
        from notecheck import grammar
        from notecheck.grammar import GrammarSettings, GrammarUnavailable

        settings = GrammarSettings(engine=engine, language=language, lt_url=self.config.lt_url,
                                   daemon=self.config.daemon, idle_minutes=self.config.idle_minutes,
                                   deadline_seconds=self.config.grammar_timeout, renew=self._envs.renew)
        try:
            backend, notices = stack.enter_context(grammar.open_engine(settings, self._progress))
        except GrammarUnavailable as exc:
            env.services[GrammarService] = GrammarService(None, language=language, unavailable=str(exc),
                                                          incomplete=True)
            return env
        env.notices = self.config.notices + tuple(notices)
        if backend.leaves_machine:
            env.notices += (f"Grammar was checked by {backend.name}: the note's text left this machine.",)
        env.services[GrammarService] = GrammarService(backend, language=language,
                                                      provisional=grammar.stands_in(settings, backend))
        return env

    def rules_for(self, draft: Draft) -> list[Rule]:
        """The rules for this draft after its front matter; raises ``InputError`` naming the draft and key."""
        if not draft.overrides:
            return self.rules
        try:
            return draft_rules(self.rules, self.all_rules, draft.overrides, draft.note.path or "<text>",
                               allow_patterns=self.config.front_matter_patterns)
        except SelectionError as exc:  # the draft is at fault, not the configuration
            raise InputError(str(exc)) from None

    def prefetch(self, draft: Draft, *, env: RunEnv | None = None) -> None:
        """Send the draft to the grammar engine now (the service keeps the answer), so ``check_draft`` finds
        it waiting: lets a caller keep many requests in flight while the rules run elsewhere."""
        from notecheck.proofread import GrammarService

        env = env or self.environment()
        found = find_service(env.services, GrammarService)
        if found is not None and found.backend is not None and any(
                rule.kind == GRAMMAR_KIND for rule in self.rules_for(draft)):
            from notecheck.kinds.grammar import sorted_matches

            sorted_matches(draft.note, env)

    @property
    def grammar_ready(self) -> bool:
        """True when an engine answers grammar checks in this run."""
        from notecheck.proofread import GrammarService

        found = find_service(self.environment().services, GrammarService)
        return found is not None and found.backend is not None

    def check_draft(self, draft: Draft, *, env: RunEnv | None = None, grammar_engine: str | None = None) -> Report:
        """Check a draft already read; raises ``InputError`` when its send date is before its interview."""
        problem = order_problem(draft.note.context.interview_date, draft.note.context.sent_date)
        if problem is not None:
            raise InputError(f"{draft.note.path or '<text>'}: {problem}")
        if draft.note.lexicon is None:
            draft.note.lexicon = self.lexicon
        return run_rules(draft.note, self.rules_for(draft), self.registry, env or self.environment(grammar_engine),
                         fail_under=self.config.fail_under, fail_on=self.config.fail_on)

    def read(self, name: str, data: bytes | None = None, *, context: Context | None = None,
             format: str | None = None) -> Draft:
        """Read a draft file (or given bytes, such as standard input) in the format its name says:
        ``.md``, ``.html``/``.htm`` and ``.eml`` are read as what a reader sees, anything else as text.
        Raises ``InputError`` (unreadable, not a note) or ``SelectionError`` (bad front-matter rules)."""
        from notecheck.readers import EMAIL_MAX_BYTES, load

        loaded = load(name, read_bytes(name, EMAIL_MAX_BYTES) if data is None else data, format, self.config.encoding)
        draft = parse_draft(loaded.text, path=name, context=context, defaults=loaded.context, origin=loaded.origin)
        self.rules_for(draft)  # front-matter overrides name real rules and parameters
        return draft

    def check(self, text: str, *, context: Context | None = None, path: str | None = None,
              format: str | None = None, grammar_engine: str | None = None) -> Report:
        """Check a draft given as text; ``format`` (markdown, html, email) reads it as that kind of file;
        ``grammar_engine`` (auto, languagetool, harper) overrides the configured engine for this check."""
        if format in (None, "text"):
            draft = parse_draft(text, path=path, context=context)
        else:
            draft = self.read(path or "<text>", text.encode("utf-8"), context=context, format=format)
        return self.check_draft(draft, grammar_engine=grammar_engine)

    def check_file(self, path: str | Path, *, context: Context | None = None) -> Report:
        return self.check_draft(self.read(str(path), context=context))

    def check_many(self, items: Iterable[str | Path | Source], *, context: Context | None = None,
                   jobs: int | None = None, on_result: ResultCallback | None = None) -> list[FileResult]:
        """Check many drafts together, concurrently: a ``Report`` per draft, or an ``InputFailure`` for one
        that could not be read, in the order given. Drafts of one call are compared with each other
        (NC309 duplicate-note). ``jobs`` workers (default 2); ``on_result(index, result)`` as each finishes."""
        from notecheck.batch import check_many

        return check_many(self, items, context=context, jobs=jobs, on_result=on_result)



def check(text: str, *, context: Context | None = None, config: Config | None = None) -> Report:
    """Check one draft given as text. Front matter in ``text`` is honoured; ``context`` wins over it."""
    with Checker(config) as checker:
        return checker.check(text, context=context)


def check_file(path: str | Path, *, context: Context | None = None, config: Config | None = None) -> Report:
    """Check one draft file. Raises ``InputError`` when it cannot be read."""
    with Checker(config) as checker:
        return checker.check_file(path, context=context)
