"""Sentence roles: one role per sentence of the body (list items and the P.S. included), the cue that
decided it, read once per note and shared by the content rules."""

from __future__ import annotations

import json
import time

import pytest

from notecheck import Checker, Config
from notecheck.inputs import parse_draft
from notecheck.lexicon import shipped_lexicon
from notecheck.note import Note
from notecheck.roles import Role, read_roles
from notecheck.roles import reader as role_reader


def roles_of(text: str) -> list[tuple[str, str, str | None]]:
    """(role, sentence, cue) for every sentence of the body."""
    return [(r.role.value, " ".join(r.sentence.text.split()), r.cue.shown() if r.cue else None)
            for r in read_roles(parse_draft(text).note)]


def role_of(sentence: str) -> tuple[str, str | None]:
    (role, _, cue), = roles_of(f"Dear Ms. Lee,\n\n{sentence}\n\nBest regards,\nSam")
    return role, cue


@pytest.mark.parametrize(("sentence", "role", "cue"), [
    ("Thank you for meeting with me on Tuesday.", "thanks", "Thank you"),
    ("I really appreciate your time.", "thanks", "I really appreciate"),
    ("You asked whether I had used Epic, and I said I had only seen a demo.", "interview", "You asked"),
    ("We went over the rota, the pay and the uniform.", "interview", "We went over"),
    ("After lunch you showed me the walk-in freezer.", "interview", "you showed me"),
    ("I enjoyed hearing how your team cut the waiting list.", "interview", "enjoyed hearing"),
    ("In the afternoon I restocked the shelves with Kim.", "interview", "In the afternoon"),
    ("I have run the night desk at a 200-room hotel for three years.", "evidence", "I have run"),
    ("As I mentioned, I hold a forklift licence.", "evidence", "I hold a forklift licence"),
    ("I would be a great fit for the team.", "claim", "a great fit"),
    ("With ___ years of experience, I can help.", "claim", "___"),
    ("I forgot to mention that I speak Polish.", "new-point", "I forgot to mention"),
    ("When you asked about the audit I said two weeks; the actual figure was four days.", "new-point",
     "the actual figure was"),
    ("Since our interview I have passed my CPA exam.", "new-point", "Since our interview"),
    ("Here is a link to my portfolio.", "new-point", "Here is a link"),
    ("As requested, I have attached my references.", "next-steps", "As requested"),
    ("I look forward to hearing from you.", "next-steps", "look forward"),
    ("It was a pleasure to meet the team.", "courtesy", "It was a pleasure"),
    ("The weather was lovely.", "other", None),
])
def test_each_role_and_the_cue_that_decided_it(sentence: str, role: str, cue: str | None) -> None:
    assert role_of(sentence) == (role, cue)


def test_a_back_reference_decides_nothing() -> None:
    assert role_of("I am excited about the role we discussed.")[0] == "other"
    assert role_of("The tour you gave me was the best part of the day.")[0] == "other"
    assert role_of("In the interview I told you about my food truck.")[0] == "interview"


def test_list_items_under_a_summary_line_retell_the_interview() -> None:
    found = roles_of("Hi Jo,\n\nThanks for today. Here is a summary of our conversation:\n\n- the rota\n- the pay\n"
                     "- the uniform\n\nBest,\nSam")
    assert [role for role, _, _ in found] == ["thanks", "interview", "interview", "interview", "interview"]
    items = read_roles(parse_draft("Hi Jo,\n\nHere is a summary of our conversation:\n\n- the rota\n- the pay\n\nSam").note)
    assert items[1].cue is not None and items[1].cue.source == "list-intro"
    assert [r.points for r in items] == [0, 1, 1]  # the items are the points, not the line above them


def test_list_items_under_a_line_about_the_writer_carry_the_writer() -> None:
    readings = read_roles(parse_draft("Hi Jo,\n\nWhat I would bring:\n\n- six years of ward nursing\n\nSam").note)
    assert readings[1].introduced and readings[1].role is Role.EVIDENCE


def test_the_postscript_has_a_role() -> None:
    found = roles_of("Dear Ms. Lee,\n\nThank you for the interview.\n\nBest,\nSam\n\nP.S. I forgot to mention my HGV licence.")
    assert found[-1][0] == "new-point" and found[-1][1].startswith("I forgot")


@pytest.mark.parametrize(("sentence", "points"), [
    ("We covered the rota, the pay, the uniform and the lockers.", 4),
    ("To recap, we talked about (1) the rota, (2) the pay and (3) the uniform.", 3),
    ("What I took away: the rota is fixed; the pay is weekly; and the uniform is free.", 3),
    ("You asked whether I drive, and I said I do.", 1),
])
def test_points_a_retelling_runs_through(sentence: str, points: int) -> None:
    (reading,) = read_roles(parse_draft(f"Dear Ms. Lee,\n\n{sentence}\n\nSam").note)
    assert reading.role is Role.INTERVIEW and reading.points == points


def test_roles_are_read_once_per_note_and_shared_by_the_content_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    original = role_reader.read_anatomy

    def counted(*args: object) -> object:
        calls.append(args)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(role_reader, "read_anatomy", counted)
    report = Checker(Config(grammar=False)).check("Dear Ms. Lee,\n\nThank you for the interview. I have run payroll for "
                                                  "300 staff for four years.\n\nBest regards,\nSam")
    assert {"NC101", "NC102", "NC103", "NC104", "NC601"} <= {r.code for r in report.results}
    assert len(calls) == 1


def test_the_lexicon_extends_the_cues() -> None:
    text = "Dear Ms. Lee,\n\nWe yarned about the rota.\n\nSam"
    assert roles_of(text)[0][0] == "other"
    checker = Checker(Config(grammar=False, select=("NC103",), lexicon={"interview_patterns": ["we yarned about"]}))
    note = parse_draft(text).note
    checker.check_draft(parse_draft(text))
    note.lexicon = checker.lexicon
    assert read_roles(note)[0].role is Role.INTERVIEW


def test_offsets_stay_true_when_lower_casing_changes_the_length() -> None:
    text = "Dear Ms. \u0130pek,\n\n\u0130stanbul was great. I forgot to mention that I speak Turkish.\n\nSam"
    note: Note = parse_draft(text).note
    reading = read_roles(note)[-1]
    assert reading.role is Role.NEW_POINT and reading.cue is not None
    assert text[reading.cue.start : reading.cue.end] == "I forgot to mention"


def test_notecheck_anatomy_shows_each_sentences_role(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from notecheck.cli.tools import tools_app as app

    draft = tmp_path / "note.txt"
    draft.write_text("Dear Ms. Lee,\n\nThank you for the interview. You asked about nights, and I said I can do "
                     "them.\n\nBest,\nSam\n", encoding="utf-8")
    shown = CliRunner().invoke(app, ["anatomy", str(draft)])
    assert shown.exit_code == 0, shown.output
    assert "interview  You asked about nights, and I said I can do them.  [interview_patterns: You asked]" in shown.output
    document = json.loads(CliRunner().invoke(app, ["anatomy", str(draft), "--format", "json"]).output)
    roles = [(s.get("role"), (s.get("cue") or {}).get("text")) for s in document["sentences"]]
    assert roles == [("thanks", "Thank you"), ("interview", "You asked")]
    assert document["roles"]["new-point"].startswith("something the interview missed")


def test_each_content_decision_names_its_sentence_and_cue_in_the_report_and_the_json() -> None:
    from rich.console import Console

    from notecheck.render import rich_report

    text = ("Dear Ms. Lee,\n\nThank you for the interview. I have run payroll for 300 staff for four years, which "
            "your team needs.\n\nI forgot to mention that I speak Polish.\n\nBest regards,\nSam")
    report = Checker(Config(grammar=False)).check(text)
    reasons = {r["code"]: r["reason"] for r in report.to_dict()["rules"]}
    assert reasons["NC102"] == ("evidence \u201cI have run payroll for 300 staff for four years, which your team need\u2026\u201d "
                                "(cue \u201cI have run\u201d)")
    assert reasons["NC104"] == ("adds a point the interview missed: \u201cI forgot to mention\u2026\u201d in \u201cI forgot "
                                "to mention that I speak Polish.\u201d")
    assert reasons["NC103"] == "no sentence retells the interview"
    console = Console(record=True, width=250, color_system=None)
    rich_report.render(console, report)
    shown = console.export_text()
    assert reasons["NC102"] in shown and reasons["NC104"] in shown


def test_a_users_cue_runs_under_the_pattern_budget() -> None:
    from notecheck.patterns import BudgetedPattern
    from notecheck.roles.scan import scanner

    user = Checker(Config(grammar=False, lexicon={"interview_patterns": ["we (?:yarned|nattered) about"]})).lexicon
    assert isinstance(scanner(user).lower["interview_patterns"], BudgetedPattern)
    assert not isinstance(scanner(shipped_lexicon()).lower["interview_patterns"], BudgetedPattern)
    note = parse_draft("Dear Ms. Lee,\n\nWe nattered about the rota.\n\nSam").note
    note.lexicon = user
    assert read_roles(note)[0].role is Role.INTERVIEW


def test_a_sentence_that_runs_on_for_pages_is_read_in_time_that_grows_with_its_length() -> None:
    """300 KB of "I said " with no full stop: every cue once read its whole clause back to the start, which
    took minutes; the words just before a cue decide, so it is seconds. (A guard against minutes, not a benchmark.)"""
    started = time.monotonic()
    report = Checker(Config(grammar=False)).check("Dear Sam,\n\n" + "I said " * 43_000 + "\n\nBest,\nLena\n")
    assert time.monotonic() - started < 30
    recap = {r.code: r for r in report.results}["NC103"]
    assert recap.status.value == "failed" and recap.reason.startswith("1 of 1 sentences, 100% of the body")
