"""Runs last (the file sorts after every other test module): no LanguageTool JVM that the suite started
is still running. The grammar tests stop theirs as they finish; the one shared server of the suite's
own cache directory, which ``grammar-engine = "auto"`` starts in the background for the next run, is
stopped here through ``server stop`` (which finds it recorded or not); any JVM left after that is an
orphan."""

from __future__ import annotations

import time

from helpers import languagetool_jvms


def test_no_jvm_started_by_the_suite_is_left(jvms_before_the_suite: tuple[dict[int, str], tuple[str, ...]]) -> None:
    before, roots = jvms_before_the_suite
    from notecheck.grammar import stop_server

    stop_server()
    deadline = time.monotonic() + 20  # a server told to stop gets its grace period

    def left() -> dict[int, str]:
        return {pid: cache for pid, cache in languagetool_jvms().items()
                if pid not in before and cache.startswith(roots)}

    while left() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not left(), f"LanguageTool JVMs the suite started are still running: {left()}"
