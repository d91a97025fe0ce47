"""Taking a turn: a message in, the events that answer it and the conversation after them.

Pure but for the decision itself, which is passed in (``Decider.decide`` in the service,
the same in the dialogue tests): a chat handed to a person is not answered, a handoff
past its quiet period ends, each booking is followed by its reminders.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import msgspec

from events.schema import (
    AppointmentBooked,
    DomainEvent,
    HandoffEnded,
    MessageReceived,
    ReplyRequested,
)
from services.conductor import reminders, waitlist
from services.domain.conversation import Conversation, evolve, in_handoff


@dataclass(frozen=True, slots=True)
class Turn:
    """What deciding knows of the message being answered."""

    subject: str
    inbound_event_id: str
    message: MessageReceived
    state: Conversation
    now: datetime


Decide = Callable[[Turn], Awaitable[list[DomainEvent]]]


@dataclass(frozen=True, slots=True)
class TurnTaken:
    """The events a turn decided, each with the conversation it found, and the
    conversation after them all."""

    steps: tuple[tuple[Conversation, DomainEvent], ...]
    state: Conversation

    @property
    def decided(self) -> list[DomainEvent]:
        return [event for _, event in self.steps]


async def take_turn(
    before: Conversation,
    message: MessageReceived,
    *,
    subject: str,
    inbound_event_id: str,
    now: datetime,
    decide: Decide,
    reminder_offsets: Sequence[timedelta],
) -> TurnTaken:
    """Answer ``message`` in the conversation ``before``, as of ``now``."""
    if in_handoff(before, now):
        # A person is answering: the message is on record, the bot stays silent.
        return TurnTaken((), evolve(before, message))
    # A handoff past its quiet period ends with the first message after it.
    ended: list[DomainEvent] = [HandoffEnded(reason="quiet_period")] if before.handoff_until else []
    state = evolve(before, message)
    decided = [*ended, *await decide(Turn(subject, inbound_event_id, message, state, now))]
    steps: list[tuple[Conversation, DomainEvent]] = []
    for event in with_reminders(waitlist.accepted(state, decided), reminder_offsets, now):
        steps.append((state, event))
        state = evolve(state, event)
    return TurnTaken(tuple(steps), state)


EDIT_SEEN = "(Vi que você editou sua mensagem: respondo à versão nova.)"


def noting_the_edit(decide: Decide) -> Decide:
    """``decide`` for a message that is an edit taken as the message: its first reply
    opens with a note that the edit was seen, so the person knows which version counts.

    Its replies quote nothing: the answer to the first version already quotes the edited
    message, and the outbox, finding that one in the chat, would take a redelivered new
    answer for sent."""

    async def decide_noting(turn: Turn) -> list[DomainEvent]:
        decided, noted = await decide(turn), False
        for n, event in enumerate(decided):
            if isinstance(event, ReplyRequested):
                text = event.text if noted else f"{EDIT_SEEN}\n\n{event.text}"
                decided[n] = msgspec.structs.replace(event, text=text, in_reply_to=None)
                noted = True
        return decided

    return decide_noting


def with_reminders(
    decided: Sequence[DomainEvent], offsets: Sequence[timedelta], now: datetime
) -> list[DomainEvent]:
    """The decisions, each booking followed by its reminders."""
    planned: list[DomainEvent] = []
    for event in decided:
        planned.append(event)
        if isinstance(event, AppointmentBooked):
            planned += reminders.plan(event, offsets, now)
    return planned
