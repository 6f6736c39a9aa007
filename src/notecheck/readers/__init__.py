"""Readers for drafts that are not plain text: Markdown, HTML and e-mail.

Each hands notecheck the text a reader of the draft sees, an ``Origin`` mapping every character back
to the original file (so findings point at the file as written), and any context the file itself
gives (an e-mail's ``To:`` and ``Date:``). The format comes from the file name's extension.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from notecheck.inputs import MAX_BYTES, InputError, decode, front_matter_end
from notecheck.note import Context
from notecheck.readers.sourcemap import Origin

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
           ".htm": "html", ".eml": "email"}
EMAIL_MAX_BYTES = 10 * MAX_BYTES  # an e-mail may carry an attachment beside its short text


@dataclass(frozen=True)
class Loaded:
    text: str
    origin: Origin | None = None  # None: the text is the file as written
    context: Context = field(default_factory=Context)  # from the file itself; front matter and options win


def format_of(name: str) -> str:
    """The draft format its name says (``text`` for anything unknown, standard input included)."""
    return FORMATS.get(PurePath(name).suffix.lower(), "text")


def load(name: str, data: bytes, kind: str | None = None, encoding: str | None = None) -> Loaded:
    """Turn a draft file's bytes into the text to check; raises ``InputError`` with a one-line reason.

    ``kind`` (text, markdown, html, email) overrides what the name's extension says; ``encoding`` names
    the codec of a text, Markdown or HTML file (an e-mail declares its own).
    """
    kind = kind or format_of(name)
    if kind not in ("text", "markdown", "html", "email"):
        raise InputError(f"{name}: unknown draft format '{kind}' (expected text, markdown, html or email)")
    if kind == "email":
        if len(data) > EMAIL_MAX_BYTES:
            raise InputError(f"{name}: the e-mail is larger than {EMAIL_MAX_BYTES // 1_000_000} MB; is it really a note?")
        from notecheck.readers.email import read_email

        text, origin, context = read_email(data, name)
        return Loaded(text, origin, context)
    text = decode(data, name, encoding)
    if kind == "text":
        return Loaded(text)
    start = front_matter_end(text)
    if kind == "markdown":
        from notecheck.readers.markdown import read_markdown

        text_, origin = read_markdown(text, start)
    else:
        from notecheck.readers.html import read_html

        text_, origin = read_html(text, start)
    if not text_[start:].strip():
        raise InputError(f"{name}: the draft is empty: there is no note to check")
    return Loaded(text_, origin)
