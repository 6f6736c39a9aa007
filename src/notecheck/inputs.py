"""Reading drafts: bounded reads, decoding, front matter and interview context."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from notecheck.dates import order_problem
from notecheck.errors import InputError
from notecheck.note import Context, Note

MAX_BYTES = 1_000_000
MIN_YEAR, MAX_YEAR = 1900, 2199  # dates outside are typing slips, and date arithmetic near year 1 or 9999 overflows
_FRONT_MATTER_RE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_KEY_RE = re.compile(r"^([A-Za-z_][\w.-]*)\s*:\s*(.*?)\s*$")
_LONE_CR = re.compile(r"\r(?!\n)")
_SURROGATE = re.compile("[\ud800-\udfff]")
# byte-order marks, longest first (the UTF-32 little-endian mark begins with the UTF-16 one)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
CONTEXT_KEYS = {"company", "interviewer", "interviewers", "role", "interview_date", "sent_date"}
OVERRIDE_KEYS = {"ignore", "params"}

__all__ = ["MAX_BYTES", "Draft", "InputError", "decode", "parse_date", "parse_draft", "read_bytes", "read_path",
           "read_stream", "read_stream_bytes"]


@dataclass(frozen=True)
class Draft:
    """A parsed draft: the note, its context from front matter, and its per-draft overrides."""

    note: Note
    overrides: dict[str, Any] = field(default_factory=dict)


def _too_large(name: str, limit: int = MAX_BYTES) -> InputError:
    return InputError(f"{name}: the draft is larger than {limit // 1000} kB; is it really a note?")


def check_encoding(encoding: str) -> str:
    """The codec's canonical name; ``InputError`` for a name Python does not know or a non-text codec."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"--encoding: unknown encoding '{encoding}' (e.g. utf-8, utf-16, cp1252, latin-1)") from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"--encoding: '{encoding}' is not a text encoding")
    return info.name


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Text of a draft: ``encoding`` if given, else UTF-8 (with or without a BOM) or UTF-16/32 with a BOM."""
    if len(data) > MAX_BYTES:
        raise _too_large(name)
    codec = check_encoding(encoding) if encoding else next((c for bom, c in _BOMS if data.startswith(bom)), None)
    if codec is None and b"\x00" in data:
        raise InputError(f"{name}: this is not a text file (it has NUL bytes; for UTF-16 without a byte-order mark "
                         "give --encoding utf-16-le or utf-16-be)")
    try:
        text = data.decode(codec or "utf-8")
    except UnicodeDecodeError as exc:
        shown = codec or "UTF-8"
        hint = "save the draft as UTF-8 or name its encoding with --encoding" if not encoding else "check --encoding"
        raise InputError(f"{name}: not valid {shown} (byte {exc.start}); {hint}") from None
    text = text.removeprefix("\ufeff")  # a BOM kept by an explicit --encoding utf-8 / utf-16-le
    if "\x00" in text:
        raise InputError(f"{name}: this is not a text file (it has NUL characters)")
    return text


def read_stream_bytes(stream: IO[bytes], name: str, limit: int = MAX_BYTES) -> bytes:
    """At most ``limit`` bytes from a file, device, FIFO or standard input; ``InputError`` past it."""
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= limit:  # in pieces: one read of the whole limit would allocate all of it for every file
            chunk = stream.read(min(1 << 16, limit + 1 - size))
            if chunk is None:  # a non-blocking stream with nothing ready
                raise InputError(f"{name}: nothing to read")
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    data = b"".join(chunks)
    if len(data) > limit:
        raise _too_large(name, limit)
    return data


def read_stream(stream: IO[bytes], name: str, encoding: str | None = None) -> str:
    """Read at most the size limit from a file, device, FIFO or standard input, then decode it."""
    return decode(read_stream_bytes(stream, name), name, encoding)


def read_path(path: str, encoding: str | None = None) -> str:
    """Read a draft file; raise InputError with a one-line reason when it cannot be read."""
    return decode(read_bytes(path), path, encoding)


def read_bytes(path: str, limit: int = MAX_BYTES) -> bytes:
    """A draft file's bytes, at most ``limit`` whatever the file is (a device, a FIFO); raise
    InputError with a one-line reason when it cannot be read."""
    target = Path(path)
    try:
        handle = target.open("rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a draft") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with handle:
        return read_stream_bytes(handle, path, limit)


def parse_date(value: str, key: str) -> date:
    """An ISO 8601 date-time, or a bare date (a ``date``: the time of day is not known; see ``notecheck.dates``)."""
    text = value.strip().strip("'\"")
    parsed: date
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            parsed = date.fromisoformat(text)
        else:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"{key}: '{value}' is not an ISO date such as 2026-03-02 or 2026-03-02T14:30") from None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise InputError(f"{key}: '{value}' is out of range (expected a year from {MIN_YEAR} to {MAX_YEAR})")
    return parsed


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
            interview_date=parse_date(fields["interview_date"], "interview_date")
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
    surrogate = _SURROGATE.search(text)
    if surrogate:
        line = text.count("\n", 0, surrogate.start()) + 1
        raise InputError(f"{name}:{line}: not valid Unicode text (a lone surrogate U+{ord(surrogate.group()):04X})")
    if "\r" in text:  # old Mac line ends: read as LF, one character for one, so every offset stays true
        text = _LONE_CR.sub("\n", text)
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
    problem = order_problem(merged.interview_date, merged.sent_date)
    if problem is not None:
        raise InputError(f"{name}: {problem}")
    return Draft(note=Note(source=text, context=merged, start=start, path=path, origin=origin), overrides=overrides)
