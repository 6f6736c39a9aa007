"""The ``duplicate-note`` kind: notes in one batch to different interviewers that are nearly the same.

Interviewers compare notes. The kind asks the run for its ``batch`` service (``notecheck.similarity``),
which the library offers when it checks several drafts together; alone, a draft passes.
"""

from __future__ import annotations

from dataclasses import dataclass

from notecheck.kinds.base import Hit, Kind, Outcome, RunEnv, Say, param
from notecheck.note import Note


@dataclass(frozen=True)
class DuplicateParams:
    min_similarity: float = param(0.8, "share of the words (in order) two notes have in common to count as one note")

    def __post_init__(self) -> None:
        if not 0 < self.min_similarity <= 1:
            raise ValueError("min_similarity must be above 0 and at most 1")


def check_duplicate(note: Note, params: DuplicateParams, env: RunEnv) -> Outcome:
    batch = env.services.get("batch")
    if batch is None:  # one draft alone: nothing to compare (and nothing more to import)
        return Outcome(reason=Say("alone", {}))
    from notecheck.similarity import Batch

    if not isinstance(batch, Batch) or len(batch) < 2:
        return Outcome(reason=Say("alone", {}))
    peers = batch.similar(note, params.min_similarity)
    if not peers:
        return Outcome(reason=Say("unlike", {"others": len(batch) - 1}))
    first = peers[0]
    also = ", ".join(f"{p.path} ({int(p.similarity * 100)}%)" for p in peers[1:4])
    return Outcome(hits=(Hit(message=Say("similar" if not also else "similar_to_several", {
        "similarity": int(first.similarity * 100), "path": first.path, "recipient": first.recipient or "someone else",
        "also": also})),))


DUPLICATE_NOTE = Kind("duplicate-note", DuplicateParams, check_duplicate, "Nearly the same note to several interviewers.",
                      scope=("body", "postscript"),
                      messages={"similar": ("similarity", "path", "recipient"),
                                "similar_to_several": ("similarity", "path", "recipient", "also")},
                      reasons={"alone": (), "unlike": ("others",)})
