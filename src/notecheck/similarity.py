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
SAMPLE_TRIPLES = 48  # candidates are found through this many of a draft's rarest word triples


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
        """Drafts to someone else that are at least ``threshold`` the same as ``note``, most similar first.

        Candidates come from the note's rarest word triples (a triple most notes share, "thank you
        for", says nothing), so a batch of hundreds stays linear; the same words are the same note."""
        mine_key = _key(note)
        me = self._entries.get(mine_key)
        if me is None or len(me.words) < MIN_WORDS or not me.recipient:
            return []
        mine = set(zip(me.words, me.words[1:], me.words[2:], strict=False))
        sample = sorted(mine, key=lambda t: (len(self._triples[t]), t))[:SAMPLE_TRIPLES]
        shared: Counter[tuple[str | None, int]] = Counter()
        for triple in sample:
            for key in self._triples[triple]:
                if key != mine_key:
                    shared[key] += 1
        peers = []
        for other_key, count in shared.items():
            other = self._entries[other_key]
            if not other.recipient or other.recipient == me.recipient or len(other.words) < MIN_WORDS:
                continue
            if count / len(sample) < CANDIDATE_OVERLAP:
                continue
            if other.words == me.words:
                peers.append(Peer(other.path, 1.0, other.shown))
                continue
            matcher = SequenceMatcher(None, me.words, other.words, autojunk=False)
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            ratio = matcher.ratio()
            if ratio >= threshold:
                peers.append(Peer(other.path, ratio, other.shown))
        return sorted(peers, key=lambda p: (-p.similarity, p.path))
