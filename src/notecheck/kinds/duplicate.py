"""The ``duplicate-note`` kind: notes in one batch to different interviewers that are nearly the same.

Interviewers compare notes. The kind asks the run for its ``batch`` service (``notecheck.similarity``),
which the library offers when it checks several drafts together; alone, a draft passes.
"""

from __future__ import annotations

from dataclasses import dataclass

from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv
from notecheck.note import Note


@dataclass(frozen=True)
class DuplicateParams:
    min_similarity: float = 0.8  # share of the words (in order) two notes have in common to count as one note
    message: str = "This note is {similarity}% the same as {path} (to {recipient}): each interviewer should get their own."

    def __post_init__(self) -> None:
        if not 0 < self.min_similarity <= 1:
            raise ValueError("min_similarity must be above 0 and at most 1")


def check_duplicate(note: Note, params: DuplicateParams, env: RunEnv) -> Outcome:
    from notecheck.similarity import Batch

    batch = env.services.get("batch")
    if not isinstance(batch, Batch) or len(batch) < 2:
        return Outcome(reason="no other drafts in this run")
    peers = batch.similar(note, params.min_similarity)
    if not peers:
        return Outcome(reason=f"unlike the other {len(batch) - 1} drafts")
    first = peers[0]
    message = (params.message.replace("{similarity}", str(int(first.similarity * 100)))
               .replace("{path}", first.path).replace("{recipient}", first.recipient or "someone else"))
    if len(peers) > 1:
        message += f" Also like: {', '.join(f'{p.path} ({int(p.similarity * 100)}%)' for p in peers[1:4])}."
    return Outcome(hits=(Hit(message=message),))


DUPLICATE_NOTE = Kind("duplicate-note", DuplicateParams, check_duplicate, "Nearly the same note to several interviewers.")
