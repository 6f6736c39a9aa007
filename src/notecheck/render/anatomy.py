"""``notecheck anatomy``: the segments and sentences of a draft as the parser saw them."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.text import Text

from notecheck.anatomy import Part
from notecheck.note import Note

SCHEMA_VERSION = 1
PART_STYLE = {
    Part.FRONT_MATTER: "dim", Part.HEADER: "blue", Part.HEADING: "bold blue", Part.SENDER: "magenta",
    Part.DATE: "magenta", Part.RECIPIENT: "magenta", Part.SALUTATION: "bold green", Part.PARAGRAPH: "default",
    Part.LIST_ITEM: "default", Part.POSTSCRIPT: "cyan", Part.CLOSING: "bold green", Part.SIGNATURE: "green",
    Part.FOOTER: "dim", Part.QUOTED: "dim italic",
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
    sentences = [{"part": s.part.value, **_where(note, s.start, s.end), "text": " ".join(s.text.split())}
                 for s in anatomy.sentence_list]
    return {"schema_version": SCHEMA_VERSION, "path": note.path, "format": note.origin.format if note.origin else "text",
            "segments": segments, "sentences": sentences}


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
    console.print(Text(f"\nSentences ({len(note.anatomy.sentence_list)})", style="bold"))
    _lines(console, [(f"{_where(note, s.start, s.end)['line']}:{_where(note, s.start, s.end)['column']}", s.part,
                      Text(" ".join(s.text.split()))) for s in note.anatomy.sentence_list])


def _lines(console: Console, rows: list[tuple[str, Part, Text]]) -> None:
    width = max((len(where) for where, _, _ in rows), default=0)
    part_width = max((len(part.value) for _, part, _ in rows), default=0)
    for where, part, text in rows:
        line = Text(f"{where:<{width}}  ")
        line.append(f"{part.value:<{part_width}}  ", style=PART_STYLE[part])
        line.append_text(text)
        console.print(line, overflow="fold", crop=False, soft_wrap=True)


def _shown(text: str) -> str:
    return " \u21b5 ".join(line.strip() for line in text.splitlines() if line.strip())
