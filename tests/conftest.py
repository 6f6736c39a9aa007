from __future__ import annotations

import pytest

from notecheck import Checker, Config


@pytest.fixture(scope="session")
def checker() -> Checker:
    """All rules except grammar (which needs the LanguageTool server: see tests/grammar)."""
    return Checker(Config(grammar=False))
