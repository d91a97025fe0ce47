"""The conductor as a log consumer: a thin handler around ``take_turn``.

It handles each inbound message of a chat in order: it loads the conversation (a
snapshot, or a replay of the chat's events), takes the turn, and returns the decision
events, their timers and the new snapshot as effects, committed with its checkpoint and
the XACK in one step. Corrections, handoff releases, erasures and due reminders change
the conversation the same way.

A snapshot is stored sealed with the chat's subject key (``events.sealed_state``): once
the key is erased it reads as the conversation with nobody in it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import cast

from redis.asyncio import Redis

from events import EventLog, Keyspace, Record
from events.checkpoint import Checkpoints, Command
from events.schema import (
    AppointmentCancelled,
    DomainEvent,
    HandoffEnded,
    MessageEdited,
    MessageReceived,
    NameCorrected,
    ReminderDue,
    ReminderScheduled,
    ReplyRequested,
    SubjectErased,
    type_of_class,
)
from events.sealed_state import SealedCodec
from services.conductor import erasure, reminders
from services.conductor.deciding import Decider
from services.conductor.erasure import ErasedBookings
from services.conductor.portuguese.speech import spoken
from services.conductor.recording import decision_effects
from services.conductor.reminders import DEFAULT_OFFSETS
from services.conductor.turn import Decide, noting_the_edit, take_turn
from services.domain.conversation import (
    Conversation,
    Stage,
    edit_as_message,
    evolve,
    neutral,
    reminder_due,
)

_snapshots = SealedCodec(Conversation, neutral)


def snapshot_key(keyspace: Keyspace, partition: int, chat: str) -> str:
    return keyspace.in_partition(partition, "conversation", chat)


def _snapshot_place(chat: str) -> bytes:
    return f"conversation/{chat}".encode()


def stored_snapshot(state: Conversation, chat: str, subject_key: bytes | None) -> bytes:
    """A conversation as its snapshot holds it, the person sealed with ``subject_key``."""
    return _snapshots.encode(state, subject_key, _snapshot_place(chat))


def read_snapshot(raw: bytes, chat: str, subject_key: bytes | None) -> Conversation:
    """A snapshot: whole if ``subject_key`` opens it, else with nobody in it."""
    return _snapshots.decode(raw, subject_key, _snapshot_place(chat))


class ConversationHandler:
    TYPES = tuple(
        type_of_class(kind)
        for kind in (
            MessageReceived, MessageEdited, NameCorrected, HandoffEnded, ReminderDue,
            SubjectErased,
        )
    )  # fmt: skip

    def __init__(
        self,
        redis: Redis,
        log: EventLog,
        decider: Decider,
        *,
        group: str = "conductor",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        reminder_offsets: Sequence[timedelta] = DEFAULT_OFFSETS,
        erased_bookings: ErasedBookings = ErasedBookings.CANCEL,
    ) -> None:
        self.redis = redis
        self.log = log
        self.decider = decider
        self.checkpoints = Checkpoints(redis, log.keyspace, group)
        self.clock = clock
        self.reminder_offsets = reminder_offsets
        self.erased_bookings = erased_bookings

    async def __call__(self, record: Record) -> Sequence[Command]:
        message = record.envelope.event
        key = snapshot_key(self.log.keyspace, record.partition, record.chat)
        if isinstance(message, SubjectErased):
            return await self._erase(key, record)
        if isinstance(message, ReminderDue):
            return await self._remind(key, record, message)
        if isinstance(message, NameCorrected | HandoffEnded) and not record.erased:
            corrected = evolve(await self._load(key, record), message)
            return [("SET", key, stored_snapshot(corrected, record.chat, record.subject_key))]
        # An erased message is one the person asked to forget: there is nothing to answer.
        if record.erased:
            return ()
        if isinstance(message, MessageEdited):
            before = await self._load(key, record)
            taken_as = edit_as_message(before, message)
            if taken_as is None:
                return ()  # on record in the log, and nothing more
            return await self._answer(key, record, before, taken_as,
                                      noting_the_edit(self.decider.decide))  # fmt: skip
        if not isinstance(message, MessageReceived) or message.is_group:
            return ()
        before = await self._load(key, record)
        return await self._answer(key, record, before, message, self.decider.decide)

    async def _answer(
        self, key: str, record: Record, before: Conversation, message: MessageReceived,
        decide: Decide,
    ) -> Sequence[Command]:  # fmt: skip
        """The turn that answers ``message``, with its timers and the new snapshot."""
        taken = await take_turn(
            before, message,
            subject=record.chat, inbound_event_id=record.envelope.event_id, now=self.clock(),
            decide=decide, reminder_offsets=self.reminder_offsets,
        )  # fmt: skip
        timers = [cmd for state, event in taken.steps for cmd in self._timers(record, state, event)]
        snapshot = ("SET", key, stored_snapshot(taken.state, record.chat, record.subject_key))
        return [
            *decision_effects(self.log.keyspace, record, taken.decided),
            *timers,
            snapshot,
        ]

    def _timers(self, record: Record, state: Conversation, event: DomainEvent) -> list[Command]:
        """The timer changes ``event`` makes, written with it."""
        keyspace, partition = self.log.keyspace, record.partition
        if isinstance(event, ReminderScheduled):
            session = record.envelope.session
            return reminders.set_timer(keyspace, partition, record.chat, session, event)
        if isinstance(event, AppointmentCancelled):
            return [
                command
                for upcoming in state.upcoming
                if upcoming.appointment_id == event.appointment_id
                for command in reminders.clear_timers(keyspace, partition, upcoming)
            ]
        return []

    async def _erase(self, key: str, record: Record) -> Sequence[Command]:
        """The person is forgotten: the calendar lets them go, their reminders' timers go,
        and the next message starts a new conversation."""
        upcoming = (await self._load(key, record)).upcoming
        cancelled = await erasure.let_go(
            self.decider.toolbox.calendar, record.chat, upcoming, self.clock(),
            self.erased_bookings,
        )  # fmt: skip
        keyspace, partition = self.log.keyspace, record.partition
        timers = [cmd for u in upcoming for cmd in reminders.clear_timers(keyspace, partition, u)]
        return [*decision_effects(keyspace, record, cancelled), *timers, ("DEL", key)]

    async def _remind(self, key: str, record: Record, due: ReminderDue) -> Sequence[Command]:
        """A due reminder: sent if its appointment still stands and it was not sent yet."""
        # The timer's entry holds nothing personal; the snapshot and the reminder do,
        # sealed with the key.
        keys = await self.log.subject_keys.for_reading(record.partition, [record.chat])
        record = dataclasses.replace(record, subject_key=keys.get(record.chat))
        state = await self._load(key, record)
        upcoming = reminder_due(state, due)
        state = evolve(state, due)
        decided: list[DomainEvent] = []
        if upcoming is not None and state.stage is Stage.REGISTERED and record.subject_key:
            start = self.decider.toolbox.clinic.local(upcoming.start)
            reply = ReplyRequested(
                reply_id=f"{record.envelope.event_id}-reply",
                chat_id=state.chat_id,
                text=reminders.REMINDER.format(when=spoken(start)),
            )
            decided.append(reply)
            state = evolve(state, reply)
        snapshot = ("SET", key, stored_snapshot(state, record.chat, record.subject_key))
        return [*decision_effects(self.log.keyspace, record, decided), snapshot]

    async def _load(self, key: str, record: Record) -> Conversation:
        raw = await self.redis.get(key)
        if raw is not None:
            return read_snapshot(cast(bytes, raw), record.chat, record.subject_key)
        if await self.checkpoints.position(record.partition, record.chat) is None:
            return Conversation()  # a new chat: nothing to replay
        # The snapshot was dropped: the log is the truth.
        state = Conversation()
        for earlier in await self.log.chat_history(record.chat):
            if earlier.entry_id == record.entry_id:
                break
            state = evolve(state, earlier.envelope.event)
        return state
