"""Checking many drafts in one run: reading them, the batch service, and the concurrency.

With grammar on, the server does the heavy work: every draft's request is queued at once on up to 8
connections and the rules run meanwhile on ``jobs`` threads, each draft once its answer is in.
Without grammar the rules are Python and hold the interpreter, so ``jobs`` > 1 forks that many
worker processes (where the platform can fork) that share the loaded rules.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from notecheck.inputs import Draft, InputError
from notecheck.kinds.base import RunEnv
from notecheck.model import FileResult, InputFailure, Report
from notecheck.note import Context
from notecheck.selection import SelectionError

if TYPE_CHECKING:
    from concurrent.futures import Future

    from notecheck.api import Checker

ResultCallback = Callable[[int, FileResult], None]  # (index of the input, its result), as each one finishes
DUPLICATE_KIND = "duplicate-note"


@dataclass(frozen=True)
class Source:
    """One draft to check: a file name, and its bytes when they do not come from that file (stdin)."""

    name: str
    data: bytes | None = None
    context: Context | None = None  # per draft; wins over the batch's context


def _read(checker: Checker, item: str | Path | Source, context: Context | None) -> Draft | InputFailure:
    source = item if isinstance(item, Source) else Source(str(item))
    own = source.context.merged(context) if (source.context and context) else (source.context or context)
    try:
        return checker.read(source.name, source.data, context=own)
    except (InputError, SelectionError) as exc:
        return InputFailure(source.name, str(exc))


def _batch_env(checker: Checker, drafts: list[Draft]) -> RunEnv:
    env = checker.environment()
    if len(drafts) < 2 or not any(r.kind == DUPLICATE_KIND for r in checker.rules):
        return env
    from notecheck.similarity import Batch

    return dataclasses.replace(env, services={**env.services, "batch": Batch([d.note for d in drafts])})


_WORKER: tuple[Checker, RunEnv] | None = None  # what a forked worker inherited


def _check_in_worker(draft: Draft) -> Report:
    assert _WORKER is not None
    checker, env = _WORKER
    return checker.check_draft(draft, env=env)


def check_many(checker: Checker, items: Iterable[str | Path | Source], *, context: Context | None = None,
               jobs: int | None = None, on_result: ResultCallback | None = None) -> list[FileResult]:
    """Every draft's report (or why it could not be checked), in the order given."""
    global _WORKER
    inputs = list(items)
    results: list[FileResult | None] = [None] * len(inputs)
    drafts: list[tuple[int, Draft]] = []
    for index, item in enumerate(inputs):
        read = _read(checker, item, context)
        if isinstance(read, InputFailure):
            results[index] = read
            if on_result:
                on_result(index, read)
        else:
            drafts.append((index, read))
    env = _batch_env(checker, [d for _, d in drafts])
    workers = max(1, jobs if jobs is not None else min(2, os.cpu_count() or 1))

    def done(index: int, report: Report) -> None:
        results[index] = report
        if on_result:
            on_result(index, report)

    if len(drafts) <= 1 or (not checker.grammar_ready and (workers == 1 or len(drafts) < 4 * workers)):
        for index, draft in drafts:
            done(index, checker.check_draft(draft, env=env))
    elif not checker.grammar_ready and workers > 1 and _can_fork():
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        _WORKER = (checker, env)
        try:
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                chunk = max(1, min(32, len(drafts) // (workers * 4)))
                for (index, _), report in zip(drafts, pool.map(_check_in_worker, [d for _, d in drafts],
                                                                chunksize=chunk), strict=True):
                    done(index, report)
        finally:
            _WORKER = None
    else:
        _threads(checker, drafts, env, workers, done)
    return [r for r in results if r is not None]


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _threads(checker: Checker, drafts: Sequence[tuple[int, Draft]], env: RunEnv, workers: int,
             done: Callable[[int, Report], None]) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(8, len(drafts))) as http, ThreadPoolExecutor(max_workers=workers) as pool:
        fetches = {index: http.submit(checker.prefetch, draft) for index, draft in drafts} if checker.grammar_ready else {}

        def check(index: int, draft: Draft) -> Report:
            if index in fetches:
                fetches[index].result()
            return checker.check_draft(draft, env=env)

        futures: list[tuple[int, Future[Report]]] = [(index, pool.submit(check, index, draft)) for index, draft in drafts]
        for index, future in futures:
            done(index, future.result())
