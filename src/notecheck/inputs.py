"""Reading drafts: decoding, front matter and interview context."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from notecheck.note import Context, Note

MAX_BYTES = 1_000_000
_FRONT_MATTER_RE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_KEY_RE = re.compile(r"^([A-Za-z_][\w.-]*)\s*:\s*(.*?)\s*$")
CONTEXT_KEYS = {"company", "interviewer", "interviewers", "role", "interview_date", "sent_date"}
OVERRIDE_KEYS = {"ignore", "params"}


class InputError(Exception):
    """A draft or an option that cannot be used; ``str()`` is one line for the user."""


@dataclass(frozen=True)
class Draft:
    """A parsed draft: the note, its context from front matter, and its per-draft overrides."""

    note: Note
    overrides: dict[str, Any] = field(default_factory=dict)


def decode(data: bytes, name: str) -> str:
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: the draft is larger than {MAX_BYTES // 1000} kB; is it really a note?")
    if b"\x00" in data:
        raise InputError(f"{name}: this is not a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-8 (byte {exc.start}); save the draft as UTF-8") from None
    return text


def read_path(path: str) -> str:
    """Read a draft file; raise InputError with a one-line reason when it cannot be read."""
    return decode(read_bytes(path), path)


def read_bytes(path: str) -> bytes:
    """A draft file's bytes; raise InputError with a one-line reason when it cannot be read."""
    target = Path(path)
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a draft") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return data


def parse_date(value: str, key: str, *, end_of_day: bool = False) -> datetime:
    """An ISO 8601 date or date-time. A bare date means its end for the interview (benefit of the doubt)."""
    text = value.strip().strip("'\"")
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            day = date.fromisoformat(text)
            return datetime.combine(day, time(23, 59, 59) if end_of_day else time(0, 0))
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"{key}: '{value}' is not an ISO date such as 2026-03-02 or 2026-03-02T14:30") from None


def _split_list(value: str) -> list[str]:
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1]
    parts = re.split(r"\s*(?:,|;|\band\b|&)\s*", value)
    return [p.strip().strip("'\"") for p in parts if p.strip().strip("'\"")]


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _param_value(value: str) -> Any:
    """A front-matter parameter: a number, true/false, a [list] of strings, or a string."""
    text = value.strip()
    if text.startswith("[") and text.endswith("]"):
        return [p.strip().strip("'\"") for p in text[1:-1].split(",") if p.strip()]
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    for convert in (int, float):
        try:
            return convert(text)
        except ValueError:
            pass
    return _scalar(text)


def parse_front_matter(block: str, name: str) -> tuple[Context, dict[str, Any]]:
    """Parse ``key: value`` lines (a small YAML subset); nested ``params:`` lines are indented."""
    fields: dict[str, Any] = {}
    overrides: dict[str, Any] = {}
    current_nested: dict[str, Any] | None = None
    for number, raw in enumerate(block.splitlines(), start=2):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indented = raw[:1] in (" ", "\t")
        match = _KEY_RE.match(raw.strip())
        if not match:
            raise InputError(f"{name}:{number}: front matter line is not 'key: value': {raw.strip()!r}")
        key, value = match.group(1).lower().replace("-", "_"), match.group(2)
        if indented and current_nested is not None:
            current_nested[match.group(1)] = _param_value(value)
            continue
        current_nested = None
        if key in CONTEXT_KEYS:
            fields[key] = value
        elif key == "ignore":
            overrides["ignore"] = _split_list(value)
        elif key == "params" and not value:
            current_nested = {}
            overrides["params"] = current_nested
        else:
            known = ", ".join(sorted(CONTEXT_KEYS | OVERRIDE_KEYS))
            raise InputError(f"{name}:{number}: unknown front matter key '{match.group(1)}' (expected one of: {known})")
    try:
        context = Context(
            company=_scalar(fields["company"]) if fields.get("company") else None,
            interviewers=tuple(_split_list(fields.get("interviewer") or fields.get("interviewers") or "")),
            role=_scalar(fields["role"]) if fields.get("role") else None,
            interview_date=parse_date(fields["interview_date"], "interview_date", end_of_day=True)
            if fields.get("interview_date")
            else None,
            sent_date=parse_date(fields["sent_date"], "sent_date") if fields.get("sent_date") else None,
        )
    except InputError as exc:
        raise InputError(f"{name}: front matter {exc}") from None
    return context, overrides


def front_matter_end(text: str) -> int:
    """Where the note starts after a front-matter block (0 without one)."""
    match = _FRONT_MATTER_RE.match(text)
    return match.end() if match else 0


def parse_draft(text: str, *, path: str | None = None, context: Context | None = None,
                defaults: Context | None = None, origin: Any = None) -> Draft:
    """Split off front matter; the returned note keeps the original text so positions stay true.

    Context comes from ``context`` (options), else front matter, else ``defaults`` (what the file
    itself says, e.g. an e-mail's headers). ``origin`` maps text read out of Markdown, HTML or
    e-mail back to the file (``notecheck.readers``).
    """
    name = path or "<text>"
    match = _FRONT_MATTER_RE.match(text)
    start = 0
    front = Context()
    overrides: dict[str, Any] = {}
    if match:
        front, overrides = parse_front_matter(match.group(1), name)
        start = match.end()
    elif text.lstrip("\ufeff").startswith("---") and re.match(r"\A\ufeff?---[ \t]*\r?\n", text):
        raise InputError(f"{name}: front matter starts with '---' but has no closing '---' line")
    if not text[start:].strip():
        raise InputError(f"{name}: the draft is empty: there is no note to check")
    merged = front.merged(context) if context else front
    if defaults is not None:
        merged = defaults.merged(merged)
    return Draft(note=Note(source=text, context=merged, start=start, path=path, origin=origin), overrides=overrides)
