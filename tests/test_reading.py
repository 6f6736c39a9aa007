"""Reading drafts: bounded reads from any input, encodings, CR-only files, invalid Unicode and dates
out of range all end in one ``InputError`` line (exit 2 from the command line), never a traceback."""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import threading
from pathlib import Path

import pytest

import notecheck
from helpers import FIXTURES
from notecheck import Config, Context, InputError, check, check_file
from notecheck.inputs import MAX_BYTES, decode, parse_draft, read_path, read_stream
from test_cli import EXE, run

NO_GRAMMAR = Config(grammar=False)
NOTE = "Dear Ms. Ortiz,\nThank you for meeting me about the Paralegal role at Halden & Price.\nBest regards,\nLena\n"
FRONT = "---\ncompany: Halden & Price\ninterviewer: Ana Ortiz\ninterview_date: 2026-03-02\nsent_date: 2026-03-03T09:00\n---\n"


def test_dev_zero_stops_at_the_size_limit() -> None:
    with pytest.raises(InputError, match=r"^/dev/zero: the draft is larger than 1000 kB"):
        read_path("/dev/zero")


def test_a_fifo_is_read_up_to_the_limit_and_no_further(tmp_path: Path) -> None:
    fifo = tmp_path / "draft"
    os.mkfifo(fifo)
    written: list[int] = []

    def writer(data: bytes) -> None:
        with fifo.open("wb") as out:
            try:
                for start in range(0, len(data), 65536):
                    out.write(data[start : start + 65536])
                    written.append(start)
            except BrokenPipeError:
                pass  # the reader stopped at the limit, as it should

    thread = threading.Thread(target=writer, args=(b"word " * (MAX_BYTES // 2),), daemon=True)
    thread.start()
    with pytest.raises(InputError, match="larger than"):
        read_path(str(fifo))
    thread.join(10)
    assert len(written) * 65536 < MAX_BYTES * 2.5  # it did not drain the writer
    thread = threading.Thread(target=writer, args=(NOTE.encode(),), daemon=True)
    thread.start()
    assert read_path(str(fifo)) == NOTE
    thread.join(10)


def test_endless_standard_input_is_refused_at_the_limit() -> None:
    """`yes | notecheck -` used to grow without bound; now it stops after 1 MB with one line."""
    yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    try:
        done = subprocess.run([EXE, "-", "--no-grammar"], stdin=yes.stdout, capture_output=True, text=True, timeout=60)
    finally:
        yes.kill()
        yes.wait()
    assert done.returncode == 2
    assert done.stderr == "notecheck: error: <stdin>: the draft is larger than 1000 kB; is it really a note?\n"


def test_dev_zero_on_the_command_line_is_one_line_exit_2() -> None:
    done = run("/dev/zero", "--no-grammar")
    assert done.returncode == 2
    assert done.stderr.startswith("notecheck: error: /dev/zero: the draft is larger") and done.stderr.count("\n") == 1


def test_closed_standard_input_is_one_line() -> None:
    done = subprocess.run(f"{EXE} - --no-grammar <&-", shell=True, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("notecheck: error: <stdin>:")


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_unicode_with_or_without_a_byte_order_mark(codec: str) -> None:
    text = FRONT + NOTE.replace("Lena", "Lena Müller 😀")
    data = text.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):
        data = (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) + data
    assert decode(data, "x") == text


def test_utf16_file_gives_the_same_report_as_utf8(tmp_path: Path) -> None:
    text = (FIXTURES / "notes" / "strong-paralegal.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-16")
    first, second = (check_file(tmp_path / n, config=NO_GRAMMAR).to_dict() for n in ("a.txt", "b.txt"))
    assert {k: v for k, v in first.items() if k != "path"} == {k: v for k, v in second.items() if k != "path"}


def test_utf16_without_a_mark_needs_encoding(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(NOTE.encode("utf-16-le"))
    with pytest.raises(InputError, match="--encoding utf-16-le"):
        read_path(str(path))
    assert read_path(str(path), "utf-16-le") == NOTE
    assert check_file(path, config=Config(grammar=False, encoding="utf-16-le")).score > 0


def test_encoding_option_reads_other_code_pages(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(NOTE.replace("Lena", "Léna").encode("cp1252"))
    refused = run(str(path), "--no-grammar")
    assert refused.returncode == 2 and "not valid UTF-8 (byte" in refused.stderr and "--encoding" in refused.stderr
    done = run(str(path), "--no-grammar", "--encoding", "cp1252", "-f", "json")
    assert done.returncode in (0, 1), done.stderr
    assert json.loads(done.stdout)["files"][0]["path"] == str(path)
    bogus = run(str(path), "--no-grammar", "--encoding", "klingon")
    assert bogus.returncode == 2
    assert bogus.stderr == "notecheck: error: --encoding: unknown encoding 'klingon' (e.g. utf-8, utf-16, cp1252, latin-1)\n"
    assert run(str(path), "--no-grammar", "--encoding", "rot13").returncode == 2  # not a text encoding


def test_cr_only_files_keep_their_front_matter() -> None:
    lf = FRONT + NOTE
    cr = lf.replace("\n", "\r")
    draft = parse_draft(cr, path="cr.txt")
    assert draft.note.context.company == "Halden & Price"
    assert draft.note.context.interviewers == ("Ana Ortiz",)
    assert draft.note.start == parse_draft(lf).note.start
    first, second = check(lf, config=NO_GRAMMAR), check(cr, config=NO_GRAMMAR)
    assert [(f.code, f.offset, f.line, f.column) for f in first.findings] == \
        [(f.code, f.offset, f.line, f.column) for f in second.findings]
    assert {r.code: r.status for r in first.results} == {r.code: r.status for r in second.results}


def test_cr_only_file_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "mac.txt"
    path.write_bytes((FRONT + NOTE).replace("\n", "\r").encode())
    report = check_file(path, config=NO_GRAMMAR)
    reasons = {r.code: r.reason for r in report.results}
    assert "sent" in reasons["NC401"]  # the interview dates were read from the front matter


def test_a_lone_surrogate_is_an_input_error_even_with_grammar_on() -> None:
    config = Config(grammar=True, lt_url="http://127.0.0.1:9")  # nothing listens there
    with pytest.raises(InputError, match=r"^<text>:2: not valid Unicode text \(a lone surrogate U\+D800\)"):
        check("Dear Ms. Ortiz,\nThank you \ud800 for the talk.\nBest,\nLena", config=config)


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31T23:00+05:00", "9999-12-31", "1066-10-14", "2500-01-01T00:00Z"])
def test_dates_out_of_range_are_input_errors(value: str) -> None:
    text = f"---\ninterview_date: {value}\nsent_date: {value}\n---\n{NOTE}"
    with pytest.raises(InputError, match=re.escape(f"front matter interview_date: '{value}' is out of range")):
        check(text, config=NO_GRAMMAR)


def test_dates_at_the_limits_check_fine() -> None:
    for first, last in (("1900-01-01", "1900-01-01T12:00"), ("2199-12-31T23:00+14:00", "2199-12-31T23:59-12:00")):
        report = check(f"---\ninterview_date: {first}\nsent_date: {last}\n---\n{NOTE}", config=NO_GRAMMAR)
        assert not any(r.reason.startswith("failed") for r in report.results)


def test_a_bad_draft_does_not_lose_the_others(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(f"---\ninterview_date: 0001-01-01\n---\n{NOTE}", encoding="utf-8")
    worse = tmp_path / "worse.txt"
    worse.write_text(f"---\nsent_date: 9999-12-31T23:00+05:00\n---\n{NOTE}", encoding="utf-8")
    good = FIXTURES / "notes" / "strong-paralegal.txt"
    done = run(str(bad), str(good), str(worse), "--no-grammar", "-f", "json")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 2 and done.stderr.count("out of range") == 2 and "Traceback" not in done.stderr
    files = json.loads(done.stdout)["files"]
    assert [f["path"] for f in files] == [str(bad), str(good), str(worse)]
    assert "out of range" in files[0]["error"] and files[1]["verdict"] == "Ready to send"


def test_front_matter_errors_are_input_errors() -> None:
    with pytest.raises(InputError, match="front matter params: NC999.max_words: no rule is called 'NC999'"):
        check(f"---\nparams:\n  NC999.max_words: 3\n---\n{NOTE}", config=NO_GRAMMAR)


def test_every_error_class_is_exported_under_one_base() -> None:
    base = notecheck.NotecheckError
    for name in ("InputError", "ConfigError", "PackError", "RegistryError", "SelectionError", "GrammarUnavailable",
                 "UnsafePathError"):
        assert name in notecheck.__all__
        assert issubclass(getattr(notecheck, name), base)


def test_read_stream_reads_what_is_there(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_bytes(b"\xef\xbb\xbf" + NOTE.encode())
    with path.open("rb") as handle:
        assert read_stream(handle, "n.txt") == NOTE
    assert Context() == parse_draft(NOTE).note.context
