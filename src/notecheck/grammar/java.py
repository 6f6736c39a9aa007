"""Finding a Java runtime new enough for LanguageTool (17+)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from .model import GrammarUnavailable

MIN_JAVA = 17
JAVA_HINT = ("install a Java 17+ runtime (e.g. `apt-get install openjdk-17-jre-headless`) "
             "or pass --lt-url to use a running LanguageTool server")

def java_executable() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


def parse_java_major(version_output: str) -> int | None:
    found = re.search(r'version "(\d+)(?:\.(\d+))?', version_output)
    if not found:
        found = re.search(r"^(?:openjdk|java) (\d+)(?:\.(\d+))?", version_output, re.M)
    if not found:
        return None
    major = int(found.group(1))
    if major == 1 and found.group(2):
        return int(found.group(2))
    return major


@lru_cache(maxsize=4)
def java_major(java: str) -> int | None:
    try:
        done = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return parse_java_major(done.stderr + done.stdout)


def require_java() -> str:
    """Path of a Java >= 17, or GrammarUnavailable saying what to install."""
    java = java_executable()
    if java is None:
        raise GrammarUnavailable(f"Java was not found: {JAVA_HINT}")
    major = java_major(java)
    if major is None:
        raise GrammarUnavailable(f"{java} does not run: {JAVA_HINT}")
    if major < MIN_JAVA:
        raise GrammarUnavailable(f"Java {major} is too old for LanguageTool: {JAVA_HINT}")
    return java
