"""The ``subject-line`` kind: an e-mailed note needs a subject that says what it is.

The subject is read in one place (``email_subject``): from the e-mail's own header when the draft is
an ``.eml`` file, placed in the text through the letter's anatomy. Drafts that are not e-mails skip
the rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, Say, compile_terms, param
from notecheck.model import Severity
from notecheck.note import Note

_ROLE_FILLER = {"senior", "junior", "lead", "staff", "head", "chief", "assistant", "associate", "intern", "the", "and",
                "of", "for", "with"}


@dataclass(frozen=True)
class SubjectParams:
    thanks: tuple[str, ...] = param(("thank(?:s|ing|ful)?", "appreciat\\w*", "grateful", "gratitude", "ty"),
                                    "words that say the e-mail thanks the reader", regex=True)


def email_subject(note: Note) -> tuple[bool, str, tuple[int, int] | None]:
    """(is this an e-mail, its subject, the subject's span in ``note.source`` if it is in the text)."""
    origin = note.origin
    if origin is None or origin.format != "email":
        return False, "", None
    subject = " ".join(origin.headers.get("subject", "").split())
    span = note.anatomy.subject if subject else None
    return True, subject, (span.start, span.end) if span else None


def _names_role(subject: str, role: str | None) -> bool:
    if not role:
        return False
    words = [w for w in re.findall(r"[\w'\u2019-]+", role.lower()) if len(w) >= 3 and w not in _ROLE_FILLER]
    lowered = subject.lower()
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", lowered) for w in words)


def suggested_subject(note: Note) -> str:
    role = note.context.role
    return f"Thank you \u2013 {role} interview" if role else "Thank you for the interview"


def check_subject(note: Note, params: SubjectParams, env: RunEnv) -> Outcome:
    is_email, subject, span = email_subject(note)
    if not is_email:
        return Outcome(skipped="not an e-mail")
    if not subject:
        return Outcome(hits=(Hit(advice=f"Add a subject such as \u201c{suggested_subject(note)}\u201d."),))
    if compile_terms(params.thanks).search(subject) or _names_role(subject, note.context.role):
        return Outcome(reason=Say("found", {"subject": subject}))
    start, end = span if span else (None, None)
    return Outcome(hits=(Hit(start, end, Say("vague", {"subject": subject}), (suggested_subject(note),),
                             severity=Severity.INFO),))


SUBJECT_LINE = Kind("subject-line", SubjectParams, check_subject, "An e-mail's subject line.", scope=("subject",),
                    messages={"vague": ("subject",)}, reasons={"found": ("subject",)})
