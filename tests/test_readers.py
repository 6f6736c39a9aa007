"""Markdown, HTML and e-mail drafts: checked as the text a reader sees, reported at positions in the file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import FIXTURES
from notecheck import Checker, Config, Context, InputError
from notecheck.readers import load
from notecheck.readers.html import read_html
from notecheck.readers.markdown import read_markdown

FORMATS = FIXTURES / "formats"


def _checker() -> Checker:
    return Checker(Config(grammar=False))


def _at(original: str, finding) -> str:  # type: ignore[no-untyped-def]
    line = original.splitlines()[finding.line - 1]
    return line[finding.column - 1 : finding.column - 1 + finding.length]


PLACEHOLDER_MD = "Dear **Ms. Lee**,\n\nThank you for the *tour* of [Company] and the [lab](https://x.example/lab)!\n\nBest regards,\nLena\n"
PLACEHOLDER_HTML = ("<html><head><title>[Title]</title></head><body><p>Dear Ms.&nbsp;Lee,</p>\n<p>Thank you for the "
                    "<b>tour</b>\n   of [Company] &amp; the lab.</p><p>Best regards,<br>Lena</p></body></html>\n")


@pytest.mark.parametrize(("name", "text"), [("draft.md", PLACEHOLDER_MD), ("draft.html", PLACEHOLDER_HTML)])
def test_findings_point_at_the_original_file(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = _checker().check_file(path)
    (placeholder,) = [f for f in report.findings if f.code == "NC301"]  # the link and the <title> are not placeholders
    assert placeholder.excerpt == "[Company]" and _at(text, placeholder) == "[Company]"
    assert text[placeholder.offset : placeholder.offset + placeholder.length] == "[Company]"
    assert placeholder.line_text == text.splitlines()[placeholder.line - 1]
    assert {r.code: r.status.value for r in report.results}["NC302"] == "passed"  # the greeting survives the markup


def test_markdown_is_read_as_text_with_lists_and_front_matter() -> None:
    original = (FORMATS / "note.md").read_text(encoding="utf-8")
    loaded = load("note.md", original.encode())
    assert "**" not in loaded.text and "https://" not in loaded.text and "`" not in loaded.text
    assert "Dear Ms. Lee," in loaded.text and "- I trained four new technicians\n- I cut our re-run rate by 20%" in loaded.text
    assert loaded.text.startswith("---\ncompany: Eastgate Labs\n")  # front matter kept for parse_draft
    origin = loaded.origin
    assert origin is not None and len(origin.offsets) == len(loaded.text) + 1
    for word in ("realy", "sequencer", "20%", "Lena", "tour of the lab"):
        index = loaded.text.index(word)
        begin, end = origin.span(index, index + len(word))
        assert original[begin:end] == word
    report = _checker().check_file(FORMATS / "note.md")
    assert report.ready and report.path == str(FORMATS / "note.md")
    assert {r.code: r.status.value for r in report.results}["NC308"] == "passed"  # context from front matter


def test_html_drops_tags_scripts_and_collapses_white_space() -> None:
    original = (FORMATS / "note.html").read_text(encoding="utf-8")
    text, origin = read_html(original)
    assert "<" not in text and "Draft" not in text and "color" not in text
    assert "Seeing the new sequencer run made me keen to join: I have kept a realy busy PCR bench running" in text
    assert text.startswith("Dear Ms. Lee,\n\nThank you") and text.endswith("Best regards,\nLena\n")
    index = text.index("&")
    assert original[origin.to_original(index) : origin.to_original(index) + 5] == "&amp;"
    index = text.index("realy")
    assert original[slice(*origin.span(index, index + 5))] == "realy"
    assert "  " not in text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*"ab *_[]()<>&;#-\n\r`>!p/", "<![", "\r\n", "<br>", "&amp;"]), max_size=60).map("".join))
def test_any_markup_maps_every_character_inside_the_original(text: str) -> None:
    for reader in (read_markdown, read_html):
        out, origin = reader(text)
        assert len(origin.offsets) == len(out) + 1
        assert all(0 <= o <= len(text) for o in origin.offsets)
        for index, char in enumerate(out):
            if char.strip() and char not in "->&<\"'":
                assert text[origin.offsets[index]] == char or not text, (reader, index)


EMAILS = {
    "plain.eml": ("Thank you for the paralegal interview", ("Dana Whitfield",), datetime(2026, 3, 10, 17, 30, tzinfo=UTC)),
    "html-only.eml": ("Thank you - dispatcher interview", ("Chidi Okafor",), None),
    "multipart.eml": ("Thank you for yesterday", ("Priya Raman",), datetime(2026, 3, 12, 8, 15, tzinfo=UTC)),
    "quoted-printable.eml": ("Thank you - site engineer interview", ("Niamh Brennan",), None),
    "encoded-headers.eml": ("Merci \u2013 thank you for the interview", ("Ren\u00e9e Lef\u00e8vre",), None),
}


@pytest.mark.parametrize("name", sorted(EMAILS))
def test_email_headers_give_subject_interviewer_and_sent_date(name: str) -> None:
    subject, interviewers, sent = EMAILS[name]
    loaded = load(name, (FORMATS / name).read_bytes())
    assert loaded.origin is not None and loaded.origin.headers["subject"] == subject
    assert loaded.text.startswith(f"Subject: {subject}\n\n")
    assert loaded.context.interviewers == interviewers
    if sent:
        assert loaded.context.sent_date == sent
    assert "Content-Type" not in loaded.text and "MIME-Version" not in loaded.text and "--XYZ" not in loaded.text


def test_email_bodies_are_decoded_and_the_html_part_is_read_as_html() -> None:
    qp = load("q.eml", (FORMATS / "quoted-printable.eml").read_bytes()).text
    assert "caf\u00e9 on the roof" in qp and "fa\u00e7ade" in qp and "=C3" not in qp and "=\n" not in qp
    html = load("h.eml", (FORMATS / "html-only.eml").read_bytes()).text
    assert "Dear Mr. Okafor," in html and "<p>" not in html and "North Yard depot" in html and "margin" not in html
    multi = load("m.eml", (FORMATS / "multipart.eml").read_bytes()).text
    assert "I ran the bed board" in multi  # the text/plain part, not the shorter HTML one


def test_email_positions_refer_to_the_raw_message() -> None:
    raw = (FORMATS / "plain.eml").read_bytes().decode("utf-8")
    loaded = load("plain.eml", raw.encode())
    assert loaded.origin is not None
    for word in ("realy", "Brandt LLP", "Lena Fischer", "paralegal interview"):
        index = loaded.text.index(word)
        assert raw[slice(*loaded.origin.span(index, index + len(word)))] == word
    qp_raw = (FORMATS / "quoted-printable.eml").read_bytes().decode("ascii")
    qp = load("q.eml", qp_raw.encode())
    assert qp.origin is not None
    index = qp.text.index("Kind regards")
    assert qp_raw[slice(*qp.origin.span(index, index + 12))] == "Kind regards"


def test_headers_are_the_lowest_layer_of_context() -> None:
    checker = _checker()
    data = (FORMATS / "plain.eml").read_bytes()
    from_header = checker.read("plain.eml", data).note.context
    assert from_header.interviewers == ("Dana Whitfield",)
    given = checker.read("plain.eml", data, context=Context(interviewers=("Sam Park",), sent_date=datetime(2026, 3, 11)))
    assert given.note.context.interviewers == ("Sam Park",) and given.note.context.sent_date == datetime(2026, 3, 11)
    report = checker.check_draft(checker.read("plain.eml", data, context=Context(
        interview_date=datetime(2026, 3, 10, 9, 0, tzinfo=UTC))))
    timing = {r.code: r for r in report.results}["NC401"]
    assert timing.status.value == "passed" and "8 hours" in timing.reason  # Date: is the sent date


def test_nc310_subject_line() -> None:
    checker = _checker()
    missing = checker.check_file(FORMATS / "no-subject.eml")
    (finding,) = [f for f in missing.findings if f.code == "NC310"]
    assert finding.message == "The e-mail has no subject line." and finding.severity.value == "warning"
    assert {r.code: r.deduction for r in missing.results}["NC310"] == 5
    vague = b"Subject: Following up\nTo: Dana Lee <d@example.com>\n\nDear Ms. Lee,\nThank you for meeting me.\nBest,\nLena\n"
    report = checker.check_draft(checker.read("v.eml", vague, context=Context(role="Paralegal")))
    (hint,) = [f for f in report.findings if f.code == "NC310"]
    assert hint.severity.value == "info" and "\u201cFollowing up\u201d names neither thanks nor the role" in hint.message
    assert hint.suggestions == ("Thank you \u2013 Paralegal interview",) and hint.excerpt == "Following up"
    assert (hint.line, hint.column) == (1, 10)
    assert {r.code: r.deduction for r in report.results}["NC310"] == 0  # a hint, not a fault
    named = checker.check_draft(checker.read("n.eml", vague.replace(b"Following up", b"Paralegal interview"),
                                             context=Context(role="Paralegal")))
    assert {r.code: r.status.value for r in named.results}["NC310"] == "passed"
    text = checker.check("Dear Ms. Lee,\nThank you.\nBest,\nLena")
    assert {r.code: r.status.value for r in text.results}["NC310"] == "skipped"


@pytest.mark.parametrize(("data", "needle"), [
    (b"just some words, no headers at all\n", "not an e-mail message"),
    (b"Subject: Hi\nContent-Type: image/png\n\n\x89PNG", "no text/plain or text/html part"),
    (b"Subject: Hi\nContent-Type: text/plain\n\n   \n", "empty"),
])
def test_broken_emails_are_one_line_errors(data: bytes, needle: str) -> None:
    with pytest.raises(InputError, match=needle):
        load("bad.eml", data)
