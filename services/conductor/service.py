"""The conductor and the outbox as log consumers.

The conductor handles each inbound message of a chat in order: it loads the
conversation (a snapshot, or a replay of the chat's events), decides the turn, and returns
the decision events and the new snapshot as effects, committed with its checkpoint and
the XACK in one step. The outbox delivers each ReplyRequested to WAHA and records the
outcome the same way.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import cast

import msgspec
from opentelemetry import trace
from opentelemetry.trace import SpanKind
from redis.asyncio import Redis

from events import EventLog, Keyspace, Record, new_envelope
from events.checkpoint import Checkpoints, Command, append_command
from events.metrics import trace_exemplar
from events.schema import (
    AppointmentBooked,
    AppointmentCancelled,
    DomainEvent,
    HandoffEnded,
    MessageReceived,
    NameCorrected,
    ReminderDue,
    ReminderScheduled,
    ReplyFailed,
    ReplyRequested,
    ReplySent,
    SubjectErased,
    type_of_class,
)
from services.conductor import reminders
from services.conductor.metrics import ConductorMetrics
from services.conductor.portuguese.speech import spoken
from services.conductor.reminders import DEFAULT_OFFSETS
from services.conductor.tools import Turn
from services.conductor.turn import Conductor
from services.domain.conversation import (
    Conversation,
    Stage,
    evolve,
    in_handoff,
    reminder_due,
)
from services.runtime.tracing import current_traceparent
from services.waha.client import WahaClient, WahaError

log = logging.getLogger(__name__)
tracer = trace.get_tracer(__name__)

_snapshot_decoder = msgspec.msgpack.Decoder(Conversation)


def snapshot_key(keyspace: Keyspace, partition: int, chat: str) -> str:
    return keyspace.in_partition(partition, "conversation", chat)


def _effects(keyspace: Keyspace, record: Record, events: Sequence[DomainEvent]) -> list[Command]:
    envelope = record.envelope
    return [
        append_command(
            keyspace,
            new_envelope(
                event,
                chat=envelope.chat,
                session=envelope.session,
                causation=envelope,
                # The decision's own span, so what follows hangs under it in the trace.
                traceparent=current_traceparent() or envelope.traceparent,
            ),
            record.subject_key,
        )
        for event in events
    ]


class ConversationHandler:
    TYPES = tuple(
        type_of_class(kind)
        for kind in (MessageReceived, NameCorrected, HandoffEnded, ReminderDue, SubjectErased)
    )

    def __init__(
        self,
        redis: Redis,
        log: EventLog,
        conductor: Conductor,
        *,
        group: str = "conductor",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        reminder_offsets: Sequence[timedelta] = DEFAULT_OFFSETS,
    ) -> None:
        self.redis = redis
        self.log = log
        self.conductor = conductor
        self.checkpoints = Checkpoints(redis, log.keyspace, group)
        self.clock = clock
        self.reminder_offsets = reminder_offsets

    async def __call__(self, record: Record) -> Sequence[Command]:
        message = record.envelope.event
        key = snapshot_key(self.log.keyspace, record.partition, record.chat)
        if isinstance(message, SubjectErased):
            return [("DEL", key)]  # the next message starts a new conversation
        if isinstance(message, ReminderDue):
            return await self._remind(key, record, message)
        if isinstance(message, NameCorrected | HandoffEnded) and not record.erased:
            corrected = evolve(await self._load(key, record), message)
            return [("SET", key, msgspec.msgpack.encode(corrected))]
        # An erased message is one the person asked to forget: there is nothing to answer.
        if not isinstance(message, MessageReceived) or message.is_group or record.erased:
            return ()
        before, now = await self._load(key, record), self.clock()
        if in_handoff(before, now):
            # A person is answering: the message is on record, the bot stays silent.
            return [("SET", key, msgspec.msgpack.encode(evolve(before, message)))]
        # A handoff past its quiet period ends with the first message after it.
        ended = [HandoffEnded(reason="quiet_period")] if before.handoff_until else []
        state = evolve(before, message)
        turn = Turn(record.chat, record.envelope.event_id, message, state, now)
        decided = [*ended, *await self.conductor.decide(turn)]
        decided = self._with_reminders(decided, turn.now)
        timers: list[Command] = []
        for event in decided:
            timers += self._timers(record, state, event)
            state = evolve(state, event)
        snapshot = ("SET", key, msgspec.msgpack.encode(state))
        return [*_effects(self.log.keyspace, record, decided), *timers, snapshot]

    def _with_reminders(self, decided: list[DomainEvent], now: datetime) -> list[DomainEvent]:
        """The decisions, each booking followed by its reminders."""
        planned: list[DomainEvent] = []
        for event in decided:
            planned.append(event)
            if isinstance(event, AppointmentBooked):
                planned += reminders.plan(event, self.reminder_offsets, now)
        return planned

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

    async def _remind(self, key: str, record: Record, due: ReminderDue) -> Sequence[Command]:
        """A due reminder: sent if its appointment still stands and it was not sent yet."""
        state = await self._load(key, record)
        upcoming = reminder_due(state, due)
        state = evolve(state, due)
        decided: list[DomainEvent] = []
        # The timer's entry holds nothing personal; the reminder does, sealed with the key.
        keys = await self.log.subject_keys.for_reading(record.partition, [record.chat])
        record = dataclasses.replace(record, subject_key=keys.get(record.chat))
        if upcoming is not None and state.stage is Stage.REGISTERED and record.subject_key:
            start = self.conductor.toolbox.clinic.local(upcoming.start)
            reply = ReplyRequested(
                reply_id=f"{record.envelope.event_id}-reply",
                chat_id=state.chat_id,
                text=reminders.REMINDER.format(when=spoken(start)),
            )
            decided.append(reply)
            state = evolve(state, reply)
        snapshot = ("SET", key, msgspec.msgpack.encode(state))
        return [*_effects(self.log.keyspace, record, decided), snapshot]

    async def _load(self, key: str, record: Record) -> Conversation:
        raw = await self.redis.get(key)
        if raw is not None:
            return _snapshot_decoder.decode(cast(bytes, raw))
        if await self.checkpoints.position(record.partition, record.chat) is None:
            return Conversation()  # a new chat: nothing to replay
        # The snapshot was dropped: the log is the truth.
        state = Conversation()
        for earlier in await self.log.chat_history(record.chat):
            if earlier.entry_id == record.entry_id:
                break
            state = evolve(state, earlier.envelope.event)
        return state


class Outbox:
    """Delivers replies once each: the outcome is committed with the outbox's checkpoint.

    If the process dies after WAHA took a message and before the outcome is committed, the
    entry comes back marked as a redelivery, and the outbox first asks WAHA whether the
    chat already has a message quoting the one the reply answers. Only a reply quoting
    nothing, or one WAHA cannot tell about, can still be sent twice.
    """

    TYPES = (type_of_class(ReplyRequested),)

    def __init__(
        self, keyspace: Keyspace, waha: WahaClient, metrics: ConductorMetrics | None = None
    ) -> None:
        self.keyspace = keyspace
        self.waha = waha
        self.metrics = metrics

    async def __call__(self, record: Record) -> Sequence[Command]:
        reply = record.envelope.event
        if not isinstance(reply, ReplyRequested) or record.erased:
            return ()  # an erased reply's recipient is no longer known, by their wish
        session = record.envelope.session
        if record.redelivered and (earlier := await self._already_sent(session, reply)):
            return _effects(self.keyspace, record, [earlier])
        # Read receipt and "typing…" go out alongside the reply: they never delay it.
        activity = asyncio.create_task(self.waha.show_activity(session, reply.chat_id))
        outcome: DomainEvent
        started = time.perf_counter()
        try:
            with tracer.start_as_current_span(
                "POST /api/sendText", kind=SpanKind.CLIENT,
                attributes={"http.request.method": "POST", "url.path": "/api/sendText"},
            ):  # fmt: skip
                sent = await self.waha.send_text(
                    session, reply.chat_id, reply.text, reply.in_reply_to
                )
            outcome = ReplySent(
                reply_id=reply.reply_id, chat_id=reply.chat_id, waha_message_id=sent
            )
            if self.metrics:
                elapsed = time.perf_counter() - started
                self.metrics.waha_send_seconds.observe(elapsed, trace_exemplar())
        except WahaError as exc:
            log.warning("reply %s not delivered: %s", reply.reply_id, exc)
            if self.metrics:
                self.metrics.waha_send_errors.inc()
            outcome = ReplyFailed(
                reply_id=reply.reply_id,
                chat_id=reply.chat_id,
                error=str(exc)[:500],
                attempts=self.waha.attempts,
            )
        finally:
            await activity
        return _effects(self.keyspace, record, [outcome])

    async def _already_sent(self, session: str, reply: ReplyRequested) -> ReplySent | None:
        """The reply's outcome if WAHA already took it: the previous attempt sent it and
        died before recording so. When WAHA cannot tell, it is sent again — a reply shown
        twice is better than one never shown."""
        if reply.in_reply_to is None:
            return None
        try:
            found = await self.waha.sent_reply(session, reply.chat_id, reply.in_reply_to)
        except WahaError as exc:
            log.warning("reply %s: cannot tell whether WAHA took it (%s)", reply.reply_id, exc)
            return None
        if found is None:
            return None
        log.info("reply %s was already taken by WAHA; not sent again", reply.reply_id)
        return ReplySent(
            reply_id=reply.reply_id, chat_id=reply.chat_id, waha_message_id=found.waha_message_id
        )
