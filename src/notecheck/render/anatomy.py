"""``notecheck anatomy``: the segments and sentences of a draft as the parser saw them."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.text import Text

from notecheck.anatomy import Part
from notecheck.note import Note
from notecheck.roles import ROLE_HELP, Reading, Role, read_roles

SCHEMA_VERSION = 1
PART_STYLE = {
    Part.FRONT_MATTER: "dim", Part.HEADER: "blue", Part.HEADING: "bold blue", Part.SENDER: "magenta",
    Part.DATE: "magenta", Part.RECIPIENT: "magenta", Part.SALUTATION: "bold green", Part.PARAGRAPH: "default",
    Part.LIST_ITEM: "default", Part.POSTSCRIPT: "cyan", Part.CLOSING: "bold green", Part.SIGNATURE: "green",
    Part.FOOTER: "dim", Part.QUOTED: "dim italic",
}
ROLE_STYLE = {
    Role.THANKS: "green", Role.INTERVIEW: "yellow", Role.EVIDENCE: "bold cyan", Role.CLAIM: "magenta",
    Role.NEW_POINT: "bold green", Role.NEXT_STEPS: "blue", Role.COURTESY: "default", Role.OTHER: "dim",
}


def _where(note: Note, start: int, end: int) -> dict[str, int]:
    """Where a span of the text read lies in the file as written (a Markdown, HTML or e-mail draft maps)."""
    if note.origin is not None:
        start, end = note.origin.span(start, end)
        first, last = note.origin.position(start), note.origin.position(max(start, end - 1))
    else:
        first, last = note.position(start), note.position(max(start, end - 1))
    return {"start": start, "end": end, "line": first.line, "column": first.column,
            "end_line": last.line, "end_column": last.column + 1}


def as_document(note: Note) -> dict[str, Any]:
    anatomy = note.anatomy
    segments = []
    for segment in anatomy.segments:
        segments.append({
            "part": segment.part.value, **_where(note, segment.start, segment.end),
            "text": note.source[segment.start : segment.end],
            "fields": [{"name": name, **_where(note, span.start, span.end), "text": span.text(note.source)}
                       for name, span in segment.fields],
        })
    roles = {r.sentence.start: r for r in read_roles(note)}
    sentences = []
    for sentence in anatomy.sentence_list:
        reading = roles.get(sentence.start)
        entry: dict[str, Any] = {"part": sentence.part.value, **_where(note, sentence.start, sentence.end),
                                 "text": " ".join(sentence.text.split())}
        if reading is not None:
            entry.update(reading.to_dict())
        sentences.append(entry)
    return {"schema_version": SCHEMA_VERSION, "path": note.path, "format": note.origin.format if note.origin else "text",
            "segments": segments, "sentences": sentences,
            "roles": {role.value: help for role, help in ROLE_HELP.items()}}


def render_json(note: Note) -> str:
    return json.dumps(as_document(note), indent=2, ensure_ascii=False)


def render(console: Console, note: Note) -> None:
    """The segments (where, part, text and named fields), then the sentences the rules read: one line
    each, coloured by part on a terminal, plain when piped."""
    console.print(Text(note.path or "<stdin>", style="bold"))
    if note.origin is not None:
        console.print(Text(f"read as {note.origin.format}: the text below is what its reader sees", style="dim"))
    rows: list[tuple[str, Part, Text]] = []
    for segment in note.anatomy.segments:
        where = _where(note, segment.start, segment.end)
        span = f"{where['line']}:{where['column']}"
        if where["end_line"] != where["line"]:
            span += f"-{where['end_line']}"
        text = Text(_shown(note.source[segment.start : segment.end]), style=PART_STYLE[segment.part])
        for name, field in segment.fields:
            if name not in ("content", "marker"):
                text.append(f"  [{name}: {_shown(field.text(note.source))}]", style="dim")
        rows.append((span, segment.part, text))
    _lines(console, rows)
    console.print(Text(f"\nSentences ({len(note.anatomy.sentence_list)}) and their roles", style="bold"))
    roles = {r.sentence.start: r for r in read_roles(note)}
    width = max((len(r.role.value) for r in roles.values()), default=0)
    rows = []
    for sentence in note.anatomy.sentence_list:
        reading = roles.get(sentence.start)
        text = Text()
        if reading is not None:
            text.append(f"{reading.role.value:<{width}}  ", style=ROLE_STYLE[reading.role])
        text.append(" ".join(sentence.text.split()))
        if reading is not None and reading.cue is not None:
            text.append(f"  [{_cue_label(reading)}]", style="dim")
        where = _where(note, sentence.start, sentence.end)
        rows.append((f"{where['line']}:{where['column']}", sentence.part, text))
    _lines(console, rows)


def _cue_label(reading: Reading) -> str:
    """The cue that decided the role, and the lexicon list it comes from."""
    assert reading.cue is not None
    cue = reading.cue
    if cue.source == "list-intro":
        return f"under: {_shown(cue.text)[:60]}"
    label = f"{cue.source}: {cue.shown()}"
    if reading.role is Role.INTERVIEW and reading.points > 1:
        label += f"; {reading.points} points"
    return label


def _lines(console: Console, rows: list[tuple[str, Part, Text]]) -> None:
    width = max((len(where) for where, _, _ in rows), default=0)
    part_width = max((len(part.value) for _, part, _ in rows), default=0)
    for where, part, text in rows:
        line = Text(f"{where:<{width}}  ")
        line.append(f"{part.value:<{part_width}}  ", style=PART_STYLE[part])
        line.append_text(text)
        console.print(line, soft_wrap=True)  # whole lines, also when piped (the terminal wraps them)


def _shown(text: str) -> str:
    return " \u21b5 ".join(line.strip() for line in text.splitlines() if line.strip())
