"""Building a Context from an example's TOML table (tests/grammar is not on the top-level helpers' path)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from notecheck.note import Context

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers import context_from  # noqa: E402


def context_of(table: dict[str, Any] | None) -> Context | None:
    return context_from(table)
