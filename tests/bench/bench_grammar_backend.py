"""Benchmark of notecheck's LanguageTool backend (not a test).

    python tests/bench/bench_grammar_backend.py [--notes 200] [--threads 16]

Uses a throw-away state directory (the LanguageTool installation is shared) and
measures: cold start (server start + warm-up), server RSS, warm latency of one
short note through the backend and through a bare ``requests.post`` to the same
server, and the same for a batch of notes checked concurrently.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import requests

from notecheck.grammar import GrammarSettings, open_backend, server_status, stop_server
from notecheck.grammar.paths import CACHE_ENV, LT_HOME_ENV, lt_home

NOTE = ("Dear Ms. Smith, thank you for taking the time to meet with me on Tuesday. "
        "I enjoyed learning about you're team and the new data platform. Best regards, Alex")


def notes(count: int) -> list[str]:
    return [f"{NOTE} (Note {i}: I has {i % 7} more question.)" for i in range(count)]


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def batch_s(check: Callable[[str], object], texts: list[str], threads: int) -> float:
    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(check, texts))
    return time.perf_counter() - started


def threading_bare(url: str) -> Callable[[str], object]:
    """Bare requests.post with one Session per thread (the fair comparison)."""
    local = threading.local()

    def post(text: str) -> object:
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = requests.Session()
        response = session.post(url, data={"text": text, "language": "en-US"}, timeout=60)
        response.raise_for_status()
        return response.json()

    return post


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=200)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    os.environ[LT_HOME_ENV] = str(lt_home())
    os.environ[CACHE_ENV] = tempfile.mkdtemp(prefix="notecheck-bench-")
    rows: list[tuple[str, str]] = []
    started = time.perf_counter()
    try:
        with open_backend(GrammarSettings(idle_minutes=5)) as backend:
            rows.append(("cold start (server start + warm-up)", f"{time.perf_counter() - started:.2f} s"))
            status = server_status()
            rows.append(("server RSS after warm-up", f"{status['rss_mib']:.0f} MiB"))
            url = str(status["url"]) + "/v2/check"
            session = requests.Session()

            def bare(text: str) -> object:
                response = session.post(url, data={"text": text, "language": "en-US"}, timeout=30)
                response.raise_for_status()
                return response.json()

            def ours(text: str) -> object:
                return backend.check(text, language="en-US")

            ours(NOTE)
            rows.append(("warm check, one note, backend", f"{median_ms(lambda: ours(NOTE), args.repeat):.1f} ms"))
            rows.append(("warm check, one note, bare requests.post",
                         f"{median_ms(lambda: bare(NOTE), args.repeat):.1f} ms"))
            first = notes(args.notes)
            rows.append((f"{args.notes} new notes, {args.threads} threads, backend",
                         f"{batch_s(ours, first, args.threads):.2f} s"))
            second = [text + " Again." for text in first]
            bare_pool = threading_bare(url)
            rows.append((f"{args.notes} new notes, {args.threads} threads, bare requests.post",
                         f"{batch_s(bare_pool, second, args.threads):.2f} s"))
            rows.append((f"{args.notes} cached notes, {args.threads} threads, backend",
                         f"{batch_s(ours, first, args.threads):.2f} s"))
            rows.append(("server RSS after the batches", f"{server_status()['rss_mib']:.0f} MiB"))
    finally:
        stop_server()
    width = max(len(name) for name, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  -------")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
