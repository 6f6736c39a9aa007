"""Near-duplicate drafts within one batch: which notes are nearly the same text.

Each draft's body becomes a list of words; drafts sharing enough word triples are compared word by
word (``difflib``), so a batch of hundreds stays fast. The recipient of a draft (its interviewers,
else the addressee of its salutation) is read in one place, ``recipient``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from notecheck.note import Note

_WORD_RE = re.compile(r"[\w'\u2019]+")
BODY = ("body", "postscript")
MIN_WORDS = 8  # shorter notes are all alike
CANDIDATE_OVERLAP = 0.3  # share of word triples two drafts need before they are compared word by word


def recipient(note: Note) -> str:
    """Who the draft is addressed to, as a comparable key ("" when unknown)."""
    if note.context.interviewers:
        return "; ".join(sorted(" ".join(n.lower().split()) for n in note.context.interviewers))
    return " ".join(note.anatomy.addressee.lower().split())


def display_recipient(note: Note) -> str:
    if note.context.interviewers:
        return ", ".join(note.context.interviewers)
    return note.anatomy.addressee


def _key(note: Note) -> tuple[str | None, int]:
    """The same for a draft and its copy in a worker process."""
    return note.path, hash(note.source)


@dataclass(frozen=True)
class Peer:
    path: str
    similarity: float  # 0..1, the share of words the two drafts have in common, in order
    recipient: str


@dataclass(frozen=True)
class _Entry:
    key: int
    path: str
    words: tuple[str, ...]
    recipient: str
    shown: str


class Batch:
    """The drafts of one run, indexed for near-duplicate look-ups (built once, read by every draft)."""

    def __init__(self, notes: list[Note]) -> None:
        self._entries: dict[tuple[str | None, int], _Entry] = {}
        self._triples: dict[tuple[str, ...], list[tuple[str | None, int]]] = defaultdict(list)
        for number, note in enumerate(notes):
            words = tuple(w.lower() for w in _WORD_RE.findall(note.scoped(BODY).text))
            entry = _Entry(number, note.path or f"<draft {number + 1}>", words, recipient(note), display_recipient(note))
            self._entries[_key(note)] = entry
            for triple in set(zip(words, words[1:], words[2:], strict=False)):
                self._triples[triple].append(_key(note))

    def __len__(self) -> int:
        return len(self._entries)

    def similar(self, note: Note, threshold: float) -> list[Peer]:
        """Drafts to someone else that are at least ``threshold`` the same as ``note``, most similar first."""
        me = self._entries.get(_key(note))
        if me is None or len(me.words) < MIN_WORDS or not me.recipient:
            return []
        mine = set(zip(me.words, me.words[1:], me.words[2:], strict=False))
        shared: Counter[tuple[str | None, int]] = Counter()
        for triple in mine:
            for key in self._triples[triple]:
                if key != _key(note):
                    shared[key] += 1
        peers = []
        for other_key, count in shared.items():
            other = self._entries[other_key]
            if not other.recipient or other.recipient == me.recipient or len(other.words) < MIN_WORDS:
                continue
            theirs = max(1, len(other.words) - 2)
            if count / max(1, min(len(mine), theirs)) < CANDIDATE_OVERLAP:
                continue
            ratio = SequenceMatcher(None, me.words, other.words, autojunk=False).ratio()
            if ratio >= threshold:
                peers.append(Peer(other.path, ratio, other.shown))
        return sorted(peers, key=lambda p: (-p.similarity, p.path))
