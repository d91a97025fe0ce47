"""How well the offline brain's parsers read a labelled corpus of patient messages.

Each labelled message is read by the same functions the offline brain uses (``intent_of``,
``consent_answer``, ``confirmation_answer``, ``name_in``, ``parse_when``) and scored: the
label read or not, the time meant read or not, and — what must never happen — a **wrong
booking**: a message from which the scheduling agent would propose an exact time that is
not the one the patient meant (a time where none was meant, or another one). A message
the parser leaves in doubt is no wrong booking: the brain asks instead of proposing.
Pure: the corpus arrives as bytes, the report is data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Literal

import msgspec

from services.conductor.offline_brain import follows_up
from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer
from services.conductor.portuguese.intents import Intent, intent_of, name_in
from services.conductor.portuguese.when import When, parse_when
from services.conductor.proposal_change import on_proposed_day

# Labels beyond the intents: answers to the consent and confirmation questions, and names.
# An answer that is neither yes nor no ("ok", "sim, se não passarem pra ninguém") must be
# left unread, so that the question is asked again: for consent, the LGPD's strictness.
ANSWER_LABELS = {
    "consent_yes": (consent_answer, True),
    "consent_no": (consent_answer, False),
    "consent_unread": (consent_answer, None),
    "confirm_yes": (confirmation_answer, True),
    "confirm_no": (confirmation_answer, False),
    "confirm_unread": (confirmation_answer, None),
}
CONFIRMATION_LABELS = frozenset({"confirm_yes", "confirm_no", "confirm_unread"})
NAME_LABEL = "name"
# A reply to "what is your full name?" that gives none ("pra que?", "asdfgh"): no name read.
NO_NAME_LABEL = "no_name"
LABELS = frozenset({i.value for i in Intent} | set(ANSWER_LABELS) | {NAME_LABEL, NO_NAME_LABEL})


class CorpusError(ValueError):
    """A corpus file that cannot be read as labelled messages; says where and why."""


class Slot(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """The time a message means, relative to the corpus's reference moment. ``ask``: the
    message is ambiguous, and the only right reading is a question back."""

    day: date | None = None
    at: time | None = None
    period: str | None = None
    between: tuple[time, time] | None = None
    week: date | None = None
    ask: bool = False

    def start(self) -> datetime | None:
        """The exact moment meant, when the message names one without ambiguity."""
        if self.ask or self.day is None or self.at is None:
            return None
        return datetime.combine(self.day, self.at)


class Example(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    text: str
    label: str
    slot: Slot | None = None
    name: str | None = None  # for the "name" label: the name as it should be written
    held_out: bool = False  # never looked at while the grammar is tuned
    # The conversation the message arrives in: "booking", a booking under way (the
    # scheduling agent asked for a day or time), where a bare "amanhã às 15h" answers it.
    context: Literal["booking"] | None = None


class Reference(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """A corpus file's first line: the moment its messages are read at (local time) and,
    optionally, the time proposed by the "Posso confirmar?" its answers reply to."""

    reference: datetime
    proposal: datetime | None = None


@dataclass(frozen=True, slots=True)
class Corpus:
    reference: datetime
    examples: tuple[Example, ...]
    proposal: datetime | None = None


def read_corpus(content: bytes, source: str) -> Corpus:
    """A JSON Lines corpus: a reference line, then one labelled message per line."""
    lines = [(n, line) for n, line in enumerate(content.splitlines(), 1) if line.strip()]
    if not lines:
        raise CorpusError(f"{source}: empty, a reference line is expected first")
    try:
        first = msgspec.json.decode(lines[0][1], type=Reference)
    except msgspec.DecodeError as exc:
        raise CorpusError(f"{source}:{lines[0][0]}: not a reference line ({exc})") from None
    examples: list[Example] = []
    for number, line in lines[1:]:
        try:
            example = msgspec.json.decode(line, type=Example)
        except msgspec.DecodeError as exc:
            raise CorpusError(f"{source}:{number}: {exc}") from None
        if example.label not in LABELS:
            raise CorpusError(f"{source}:{number}: unknown label {example.label!r}")
        if example.label == NAME_LABEL and example.name is None:
            raise CorpusError(f"{source}:{number}: a name example needs the name meant")
        examples.append(example)
    proposal = first.proposal.replace(tzinfo=None) if first.proposal else None
    return Corpus(first.reference.replace(tzinfo=None), tuple(examples), proposal)


@dataclass(frozen=True, slots=True)
class Reading:
    """How one message was read."""

    example: Example
    label_right: bool
    slot_right: bool | None  # None: the message has no time to read
    proposed: datetime | None  # the exact time the scheduling agent would propose
    meant: datetime | None  # the exact time the patient meant, if one

    @property
    def wrong_booking(self) -> bool:
        return self.proposed is not None and self.proposed != self.meant


def label_right(example: Example, today: date, proposal: datetime | None = None) -> bool:
    """Whether the parser meant for the example's label reads it as labelled (an intent
    as the router reads it in the example's context, a confirmation as the brain reads
    it knowing the proposal)."""
    if proposal is not None and example.label in CONFIRMATION_LABELS:
        answer = confirmation_answer(example.text, proposal, today)
        return answer is ANSWER_LABELS[example.label][1]
    if example.label in ANSWER_LABELS:
        read, expected = ANSWER_LABELS[example.label]
        return read(example.text) is expected
    if example.label == NAME_LABEL:
        return name_in(example.text) == example.name
    if example.label == NO_NAME_LABEL:
        return name_in(example.text) is None
    intent = intent_of(example.text)
    # The router hands a time or an option to the agent under way: the booking's.
    booking = example.context == "booking"
    if intent is Intent.UNKNOWN and booking and follows_up(example.text, today):
        intent = Intent.SCHEDULE
    return intent.value == example.label


def slot_right(slot: Slot, when: When | None) -> bool:
    """Whether the parsed time is the one meant (a period only when one is labelled)."""
    if when is None:
        return False
    if slot.ask:
        return when.doubt is not None
    read = (when.day, when.at, when.between, when.week)
    meant = (slot.day, slot.at, slot.between, slot.week)
    period_right = slot.period is None or when.period == slot.period
    return when.doubt is None and read == meant and period_right


def read_example(
    example: Example, today: date, now: datetime | None = None, proposal: datetime | None = None
) -> Reading:
    when = parse_when(example.text, today, now)
    if proposal is not None and example.label in CONFIRMATION_LABELS:
        when = on_proposed_day(when, proposal, example.text)  # as the brain reads a no with a time
    proposed = when.start() if when is not None else None
    right_slot = slot_right(example.slot, when) if example.slot is not None else None
    meant = example.slot.start() if example.slot is not None else None
    if meant is None and example.label == "confirm_yes":
        meant = proposal  # a yes that names the proposal again ("sim, terça às 10") means it
    return Reading(example, label_right(example, today, proposal), right_slot, proposed, meant)


@dataclass(frozen=True, slots=True)
class Share:
    """The figures of one share of the corpus (tuned or held out)."""

    readings: tuple[Reading, ...]
    per_label: dict[str, tuple[int, int]] = field(default_factory=dict)  # right, total

    @property
    def label_accuracy(self) -> tuple[int, int]:
        return sum(r.label_right for r in self.readings), len(self.readings)

    @property
    def slot_accuracy(self) -> tuple[int, int]:
        timed = [r for r in self.readings if r.slot_right is not None]
        return sum(bool(r.slot_right) for r in timed), len(timed)

    @property
    def wrong_bookings(self) -> tuple[Reading, ...]:
        return tuple(r for r in self.readings if r.wrong_booking)


def share_of(readings: Iterable[Reading]) -> Share:
    kept = tuple(readings)
    right: Counter[str] = Counter(r.example.label for r in kept if r.label_right)
    total: Counter[str] = Counter(r.example.label for r in kept)
    return Share(kept, {label: (right[label], total[label]) for label in sorted(total)})


@dataclass(frozen=True, slots=True)
class Evaluation:
    tuned: Share
    held_out: Share

    @property
    def wrong_bookings(self) -> int:
        return len(self.tuned.wrong_bookings) + len(self.held_out.wrong_bookings)


def evaluate(corpora: Sequence[Corpus]) -> Evaluation:
    """Every message of every corpus read, the two shares apart."""
    readings = [
        read_example(e, c.reference.date(), c.reference, c.proposal)
        for c in corpora
        for e in c.examples
    ]
    return Evaluation(
        share_of(r for r in readings if not r.example.held_out),
        share_of(r for r in readings if r.example.held_out),
    )
