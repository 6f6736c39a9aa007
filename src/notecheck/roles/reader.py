"""Reading the role of every sentence of the body, once per note.

The cue lists of the lexicon are searched over the body (and the P.S.); every match is given to the
sentence it falls in, and each sentence takes the role of its strongest cue:

1. a point the interview missed (``new_point_patterns``) is a new point;
2. material the interviewer asked for (``requested_patterns``) is logistics, never a new point;
3. other material sent with the note (``material_patterns``: a link, a sample) is a new point, unless
   the sentence refers back to it ("the case study I mentioned": logistics);
4. thanks (unless it runs through more than two topics of the interview);
5. a clause that retells the interview (``interview_patterns``, said rather than referred back to)
   makes the sentence an interview reference, unless another clause carries the writer's evidence;
6. a list item under a line that announces a retelling ("here is a summary of our conversation:")
   retells too;
7. the writer's own evidence (``evidence_patterns``; in a sentence about the writer, no template slot);
   a sentence that opens with a moment of the interview day and tells what happened then
   (``sequence_patterns``) is part of a chronological account unless it places the experience outside
   the interview (``outside_patterns``);
8. a claim (``claim_patterns``) or a template slot (``slot_patterns``);
9. next steps, courtesy, other.
"""

from __future__ import annotations

import bisect
import re

from notecheck.anatomy import Anatomy, Part, Sentence
from notecheck.lexicon import Lexicon, shipped_lexicon
from notecheck.note import Note
from notecheck.roles.clauses import announces, clause_of, clauses, is_back_reference, relative, series
from notecheck.roles.model import Cue, Reading, Role
from notecheck.roles.scan import EAGER, Scanner, scanner

PROSE = ("body", "postscript")
MEMO = "roles"
_SELF = re.compile(r"\b[Ii]\b|\b(?i:my|me|mine)\b")  # "i've" too: hurried notes drop the capital
Found = dict[str, list[re.Match[str]]]
_EAGER = frozenset(EAGER)


def read_roles(note: Note) -> tuple[Reading, ...]:
    """The reading of every sentence of the body and the P.S., in order: computed once per parse and
    lexicon, so every rule (and every view of the note made by ``Note.scoped``) shares it."""
    lexicon = note.lexicon or shipped_lexicon()
    anatomy = note.anatomy
    return anatomy.derived((MEMO, lexicon), lambda: read_anatomy(anatomy, lexicon))


def in_scope(note: Note) -> list[Reading]:
    """The readings of the sentences in the note's scope (a rule reading only the body leaves the P.S. out)."""
    readings = read_roles(note)

    def chosen() -> list[Reading]:
        starts = {s.start for s in note.sentences}
        return [r for r in readings if r.sentence.start in starts]

    return note.anatomy.derived((MEMO, note.lexicon or shipped_lexicon(), note.scope), chosen)


def read_anatomy(anatomy: Anatomy, lexicon: Lexicon) -> tuple[Reading, ...]:
    sentences = anatomy.sentences(PROSE)
    if not sentences:
        return ()
    text, patterns = scanner(lexicon).text(anatomy.masked(PROSE))
    context = _Context(text, patterns, scanner(lexicon), sentences, [w for w, _ in anatomy.words(PROSE)])
    readings: list[Reading] = []
    intro: Reading | None = None  # the line that introduces the list being read ("What I would bring:")
    requested_before = False
    for index, sentence in enumerate(sentences):
        reading = context.read(index, intro if sentence.part is Part.LIST_ITEM else None, requested_before)
        if reading.cue is not None and reading.cue.source == "list-intro" and intro is not None and \
                readings and readings[-1] is intro and intro.points:
            readings[-1] = intro = _with_points(intro, 0)  # the items are the points, not the line above them
        readings.append(reading)
        requested_before = reading.requested is not None
        if sentence.part is not Part.LIST_ITEM:
            intro = reading if sentence.text.rstrip().endswith(":") else None
    return tuple(readings)


class _Context:
    """One note's body searched once; ``read`` takes one sentence."""

    def __init__(self, text: str, patterns: dict[str, re.Pattern[str]], scan: Scanner, sentences: list[Sentence],
                 word_starts: list[int]) -> None:
        self.text, self.patterns, self.scan, self.sentences, self.words = text, patterns, scan, sentences, word_starts
        starts = [s.start for s in sentences]
        self.found: list[Found] = [{} for _ in sentences]
        low, high, last = sentences[0].start, sentences[-1].end, len(sentences) - 1
        for name in EAGER:
            index = 0
            for match in patterns[name].finditer(text, low, high):
                start = match.start()
                while index < last and starts[index + 1] <= start:  # matches come in order: walk the sentences
                    index += 1
                if match.end() <= sentences[index].end:
                    self.found[index].setdefault(name, []).append(match)

    def first(self, index: int, name: str) -> re.Match[str] | None:
        if name in _EAGER:
            matches = self.found[index].get(name)
            return matches[0] if matches else None
        sentence = self.sentences[index]
        return self.patterns[name].search(self.text, sentence.start, sentence.end)

    def cue(self, index: int, name: str, match: re.Match[str] | None) -> Cue | None:
        """A match as a cue, with the words as written (the search may run on a lower-cased copy)."""
        if match is None:
            return None
        sentence = self.sentences[index]
        return Cue(name, match.start(), match.end(), sentence.text[match.start() - sentence.start : match.end() - sentence.start])

    def read(self, index: int, intro: Reading | None, requested_before: bool) -> Reading:
        sentence, found = self.sentences[index], self.found[index]
        text, base = sentence.text, sentence.start
        words = bisect.bisect_left(self.words, sentence.end) - bisect.bisect_left(self.words, sentence.start)
        told: list[re.Match[str]] = []
        referred = False  # a cue that only refers back ("the case study I mentioned")
        spans: list[tuple[int, int]] = []
        retelling: set[int] = set()
        interview = found.get("interview_patterns", ())
        if interview:
            spans = clauses(text)
            for match in interview:
                if is_back_reference(text, spans, match.start() - base, text[match.start() - base : match.end() - base]):
                    referred = True
                else:
                    told.append(match)
            retelling = self._retelling(index, spans, {clause_of(spans, m.start() - base) for m in told})
        evidence = retold = None
        matches = found.get("evidence_patterns", ())
        idiom = self.first(index, "idiom_patterns") if matches else None
        for match in matches:
            if idiom is not None and match.start() < idiom.end() and idiom.start() < match.end():
                continue
            if retelling and clause_of(spans, match.start() - base) in retelling:
                retold = retold or match
            elif evidence is None:
                evidence = match
        if idiom is not None and (evidence is not None or retold is not None):
            idiom = None  # an idiom beside real evidence spares nothing
        slot = self.first(index, "slot_patterns") if evidence is not None or retold is not None else None
        requested = self.first(index, "requested_patterns")
        introduced = intro is not None and intro.role is not Role.INTERVIEW and intro.about_writer
        # whether the sentence speaks of the writer matters for evidence and for the line above a list
        about = (evidence is not None or text.endswith(":")) and bool(_SELF.search(text))
        usable = evidence is not None and slot is None and (about or introduced)
        role, cue, points = self._role(index, told, spans, evidence if usable else None, referred, intro, requested,
                                       requested_before)
        if role is Role.CLAIM and slot is None and cue is not None and cue.source == "slot_patterns":
            slot = self.first(index, "slot_patterns")
        claim = cue if role is Role.CLAIM and cue is not None and cue.source == "claim_patterns" else None
        return Reading(sentence, role, cue, words, points, claim=claim, evidence=self.cue(index, "evidence_patterns", evidence),
                       retold=self.cue(index, "evidence_patterns", retold),
                       slot=self.cue(index, "slot_patterns", slot), idiom=self.cue(index, "idiom_patterns", idiom),
                       requested=self.cue(index, "requested_patterns", requested),
                       thanks=self.cue(index, "thanks_patterns", self.first(index, "thanks_patterns")),
                       about_writer=about, introduced=introduced)

    def _role(self, index: int, told: list[re.Match[str]], spans: list[tuple[int, int]], usable: re.Match[str] | None,
              referred: bool, intro: Reading | None, requested: re.Match[str] | None,
              requested_before: bool) -> tuple[Role, Cue | None, int]:
        sentence = self.sentences[index]
        new = self.first(index, "new_point_patterns")
        if new is not None:
            return Role.NEW_POINT, self.cue(index, "new_point_patterns", new), 0
        if requested is not None:
            return Role.NEXT_STEPS, self.cue(index, "requested_patterns", requested), 0
        material = self.first(index, "material_patterns")
        if material is not None and not requested_before:
            return (Role.NEXT_STEPS if referred else Role.NEW_POINT), self.cue(index, "material_patterns", material), 0
        thanks = self.first(index, "thanks_patterns")
        points = max(_told_points(told), series(sentence.text, spans)) if told else 0
        if thanks is not None and points <= 2:  # "Thank you for the interview, where we talked about A, B, C ..." retells
            return Role.THANKS, self.cue(index, "thanks_patterns", thanks), 0
        if told and usable is None:
            return Role.INTERVIEW, self.cue(index, "interview_patterns", told[0]), points
        if intro is not None and intro.role is Role.INTERVIEW:
            line = intro.sentence
            return Role.INTERVIEW, Cue("list-intro", line.start, line.end, line.text), 1
        anchor = self._anchor(sentence)
        if usable is not None:
            if anchor is None or self.first(index, "outside_patterns") is not None:
                return Role.EVIDENCE, self.cue(index, "evidence_patterns", usable), 0
            return Role.INTERVIEW, anchor, 1
        if anchor is not None:
            return Role.INTERVIEW, anchor, 1
        for name, role in (("slot_patterns", Role.CLAIM), ("claim_patterns", Role.CLAIM),
                           ("next_step_patterns", Role.NEXT_STEPS), ("courtesy_patterns", Role.COURTESY)):
            match = self.first(index, name)
            if match is not None:
                return role, self.cue(index, name, match), 0
        return Role.OTHER, None, 0

    def _retelling(self, index: int, spans: list[tuple[int, int]], told: set[int]) -> set[int]:
        """The clauses that retell: those with a cue, and relative clauses hanging on them ("..., where I
        sketched ...") unless they place what they say outside the interview ("..., where I ran it for two years")."""
        if not told:
            return told
        sentence = self.sentences[index]
        result = set(told)
        for number in range(1, len(spans)):
            start, end = spans[number]
            if number - 1 not in result:
                continue
            if announces(sentence.text, spans, number - 1):  # "the points we talked about: (1) ...; (2) ..."
                result.update(range(number, len(spans)))
                break
            if relative(sentence.text, spans[number]) and \
                    self.patterns["outside_patterns"].search(self.text, sentence.start + start, sentence.start + end) is None:
                result.add(number)
        return result

    def _anchor(self, sentence: Sentence) -> Cue | None:
        """A moment of the interview day opening a sentence that tells what happened then ("After lunch we ...")."""
        found = self.patterns["sequence_patterns"].match(self.text, sentence.start, sentence.end)
        if found is None or not self.scan.past.search(sentence.text, found.end() - sentence.start):
            return None
        return Cue("sequence_patterns", found.start(), found.end(), sentence.text[: found.end() - sentence.start])


def cue_in(note: Note, reading: Reading, name: str) -> Cue | None:
    """The first match of one of the lexicon's role lists in one sentence (``claim_patterns``, say), for a
    rule that needs a cue the sentence's role did not call for."""
    return cue_between(note, name, reading.sentence.start, reading.sentence.end)


def cue_between(note: Note, name: str, start: int, end: int) -> Cue | None:
    """The first match of one of the lexicon's role lists in ``note.source[start:end]`` (markup blanked)."""
    clean = note.anatomy.clean
    text, patterns = scanner(note.lexicon or shipped_lexicon()).text(clean[start:end])
    found = patterns[name].search(text)
    if found is None:
        return None
    return Cue(name, start + found.start(), start + found.end(), clean[start + found.start() : start + found.end()])


_ASKED = re.compile(r"(?:you|who|she|he|they) (?:\w+ )?(?:asked|wanted to know)", re.IGNORECASE)


def _told_points(told: list[re.Match[str]]) -> int:
    """Each question or topic is a point; the writer's answer right after a question ("You asked ..., and I
    said ...") is not another, but "I told you about A, I explained B" are two."""
    points = 0
    for index, match in enumerate(told):
        answer = match.group().lower().startswith("i ") and index > 0 and _ASKED.match(told[index - 1].group())
        points += not answer
    return points


def _with_points(reading: Reading, points: int) -> Reading:
    return reading._replace(points=points)
