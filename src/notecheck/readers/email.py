"""E-mail drafts (``.eml``): RFC 5322 / MIME read by the standard library's parser (``policy.default``).

The note is the text/plain part, else the HTML part (read as HTML). Headers are decoded (RFC 2047
encoded words included); ``To:`` names the interviewers and ``Date:`` the sent date when the context
does not say. The subject is checked as a ``Subject:`` line above the body, as in a pasted e-mail.
"""

from __future__ import annotations

from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser

from notecheck.inputs import InputError
from notecheck.note import Context
from notecheck.readers.sourcemap import Origin, align

HEADERS = ("subject", "to", "cc", "from", "date")


def _names(message: EmailMessage) -> tuple[str, ...]:
    header = message.get("to")
    addresses: tuple[Address, ...] = getattr(header, "addresses", ()) if header is not None else ()
    return tuple(a.display_name.strip() for a in addresses if a.display_name and a.display_name.strip())


def _date(message: EmailMessage) -> datetime | None:
    header = message.get("date")
    value = getattr(header, "datetime", None) if header is not None else None
    return value if isinstance(value, datetime) else None


def _header_offset(original: str, name: str) -> int:
    at = original.lower().find(f"\n{name}:")
    if original.lower().startswith(f"{name}:"):
        return 0
    return at + 1 if at >= 0 else 0


def read_email(data: bytes, name: str) -> tuple[str, Origin, Context]:
    """The text to check, the way back to the raw message, and the context its headers give."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except Exception as exc:  # the parser is lenient; anything it raises is a broken file  # noqa: BLE001
        raise InputError(f"{name}: not an e-mail message ({exc})") from None
    assert isinstance(message, EmailMessage)
    if not message.keys() or message.defects and not message.get_payload():
        raise InputError(f"{name}: not an e-mail message (no headers); save it as .txt to check it as text")
    original = data.decode("utf-8", "replace")
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise InputError(f"{name}: the e-mail has no text/plain or text/html part to check")
    try:
        content = part.get_content()
    except (LookupError, UnicodeError) as exc:
        raise InputError(f"{name}: cannot decode the e-mail's text ({exc})") from None
    if not isinstance(content, str):
        raise InputError(f"{name}: the e-mail's text part is not text")
    body_at = original.find("\n\n") + 2 if "\n\n" in original else original.find("\r\n\r\n") + 4
    if part.get_content_type() == "text/html":
        from notecheck.readers.html import read_html

        text, inner = read_html(content)
        where = align(content, original, max(0, body_at))
        body_offsets = [where[i] if i < len(where) else max(0, body_at) for i in inner.offsets[:-1]]
    else:
        text = content
        body_offsets = align(content, original, max(0, body_at))
    headers = {key: str(message.get(key, "")).strip() for key in HEADERS if message.get(key) is not None}
    subject = " ".join(headers.get("subject", "").split())
    prefix, prefix_offsets = "", []
    if subject:
        at = _header_offset(original, "subject")
        line = f"Subject: {subject}\n\n"
        found = original.find(subject, at)
        prefix = line
        prefix_offsets = [at] * 9 + (list(range(found, found + len(subject))) if found >= 0 else [at] * len(subject))
        prefix_offsets += [at] * 2
    body = text.lstrip("\n")
    skipped = len(text) - len(body)
    offsets = (*prefix_offsets, *body_offsets[skipped:len(text)], len(original))
    if not body.strip():
        raise InputError(f"{name}: the e-mail's text is empty: there is no note to check")
    context = Context(interviewers=_names(message), sent_date=_date(message))
    return prefix + body, Origin("email", original, offsets, headers), context
