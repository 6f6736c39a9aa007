"""notecheck's cache directory, in a module of its own so that anything may find it cheaply (the
syllable table at every start) without loading the grammar package."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "NOTECHECK_CACHE_DIR"


def cache_dir() -> Path:
    """notecheck's cache directory, absolute (not created, not checked: see ``notecheck.trust``)."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(os.path.abspath(Path(explicit).expanduser()))
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(os.path.abspath(Path(xdg).expanduser())) / "notecheck"
    return Path.home() / ".cache" / "notecheck"
