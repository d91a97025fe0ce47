"""The conductor as a log consumer: a thin handler around ``take_turn``.

It handles each inbound message of a chat in order: it loads the conversation (a
snapshot, or a replay of the chat's events), takes the turn, and returns the decision
events, their timers and the new snapshot as effects, committed with its checkpoint and
the XACK in one step. Corrections, handoff releases, erasures and due reminders change
the conversation the same way. Messages of a chat written within ``burst_window`` of each
other are answered once, by the last of them (``burst``).

A snapshot is stored sealed with the chat's subject key (``events.sealed_state``): once
the key is erased it reads as the conversation with nobody in it.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Sequence, Set
from datetime import UTC, datetime, timedelta
from typing import cast

from events import EventLog, Record
from events.checkpoint import Checkpoints, Command
from events.codec import is_redelivery
from events.log import decode_entries
from events.redis_client import RedisClient
from events.schema import (
    ActionProposed,
    AppointmentBooked,
    AppointmentCancelled,
    AppointmentNoShow,
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
from events.waitlist_schema import WaitlistOffered
from services.conductor import burst, erasure, no_shows, reminders, staff_changes, waitlist
from services.conductor.deciding import Decider
from services.conductor.erasure import ErasedBookings
from services.conductor.look_ahead import LookAhead
from services.conductor.portuguese.speech import spoken
from services.conductor.recording import decision_effects
from services.conductor.reminders import DEFAULT_OFFSETS
from services.conductor.stored import Stored, StoredReads, burst_key, snapshot_key
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
_KEPT_IN_STATE = (NameCorrected, HandoffEnded, AppointmentNoShow)

# How many entries of the partition after a message are looked through for the chat's
# next one: a burst's follower comes within seconds, and others' entries between are few.
_LOOK_AHEAD = 200


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
            SubjectErased, AppointmentNoShow, WaitlistOffered, AppointmentBooked,
            AppointmentCancelled,
        )
    )  # fmt: skip

    def __init__(
        self,
        redis: RedisClient,
        log: EventLog,
        decider: Decider,
        *,
        group: str = "conductor",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        reminder_offsets: Sequence[timedelta] = DEFAULT_OFFSETS,
        erased_bookings: ErasedBookings = ErasedBookings.CANCEL,
        burst_window: timedelta = timedelta(0),  # the service reads BURST_WINDOW_SECONDS
        offer_for: timedelta = waitlist.DEFAULT_OFFER_FOR,  # WAITLIST_OFFER_MINUTES
    ) -> None:
        self.redis = redis
        self.log = log
        self.decider = decider
        self.checkpoints = Checkpoints(redis, log.keyspace, group)
        self._look_ahead = LookAhead(redis, log.keyspace)
        self._stored = StoredReads(redis, log.keyspace, group)
        self.clock = clock
        self.reminder_offsets = reminder_offsets
        self.erased_bookings = erased_bookings
        self.burst_window = burst_window
        self.offer_for = offer_for

    def partition_released(self, partition: int) -> None:  # events.consumer.KeepsPartitions
        self._look_ahead.forget(partition)  # no longer ours: its page would only go stale

    async def __call__(self, record: Record) -> Sequence[Command]:
        message = record.envelope.event
        key = snapshot_key(self.log.keyspace, record.partition, record.chat)
        if isinstance(message, SubjectErased):
            return await self._erase(key, record)
        if isinstance(message, ReminderDue):
            return await self._remind(key, record, message)
        if isinstance(message, WaitlistOffered):
            return await self._offered(key, record, message)
        if isinstance(message, _KEPT_IN_STATE) and not record.erased:
            before = await self._load(key, record)
            corrected = evolve(before, message)
            snapshot = ("SET", key, stored_snapshot(corrected, record.chat, record.subject_key))
            return [*self._timers(record, before, message), snapshot]  # a no-show: off the list
        # An erased message is one the person asked to forget: there is nothing to answer.
        if record.erased:
            return ()
        if (change := staff_changes.made_by_staff(record)) is not None:
            return await self._staff_changed(key, record, change)
        if isinstance(message, MessageEdited):
            before = await self._load(key, record)
            taken_as = edit_as_message(before, message)
            if taken_as is None:
                return ()  # on record in the log, and nothing more
            return await self._answer(key, record, before, taken_as,
                                      noting_the_edit(self.decider.decide))  # fmt: skip
        if not isinstance(message, MessageReceived) or message.is_group:
            return ()
        if await self._folded_into_next(record, message):
            # Exactly-once and order hold because the deferral is itself a commit: it
            # notes where the burst starts, checkpoints this entry and acknowledges it in
            # one step, so a redelivery finds it applied and changes nothing. The decision
            # reads only the log after this entry, which only grows: an attempt that
            # crashed before committing may decide again, never against a commit. The
            # follower, later in the same lane, is then bound to take the turn.
            first = ("SET", burst_key(self.log.keyspace, record.partition, record.chat))
            return [(*first, record.entry_id, "NX")]
        stored = await self._stored.of(record)
        pending = await self._burst_before(record, stored.burst_first)
        burst_so_far = pending or []
        # Were the snapshot lost, the replay leaves the burst's messages out: they are in
        # the turn, as they are when the snapshot is there.
        before = await self._load(key, record, {e for e, _ in burst_so_far}, stored)
        messages = [m for _, m in burst_so_far]
        messages.append(message)
        # Before consent the consent step answers in code: it reads one answer, and
        # consent's evidence is one exact message (burst.before_consent).
        taken_as = burst.joined(messages) if before.consented else burst.before_consent(messages)
        answered = await self._answer(key, record, before, taken_as, self.decider.decide)
        done = ("DEL", burst_key(self.log.keyspace, record.partition, record.chat))
        # Cleared whenever it is found, even with nothing left of it (all erased), so that
        # the next burst starts where it does.
        return [*answered, done] if pending is not None else answered

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
        await self._pass_on(record, taken.decided)
        return [
            *decision_effects(self.log.keyspace, record, taken.decided),
            *timers,
            snapshot,
        ]

    async def _folded_into_next(self, record: Record, message: MessageReceived) -> bool:
        """Whether the chat's next message, already in the log, continues a burst with
        this one (see ``burst.defers_to``)."""
        if self.burst_window <= timedelta(0) or not burst.can_fold(message):
            return False
        follower = await self._next_message(record)
        if follower is None:
            # The person may still be typing: wait for the window to pass (bounded by
            # the window itself, whatever the phone's clock says), then look again. Only
            # this chat's lane waits; a redelivered old message does not wait at all.
            # Real time, not ``clock``: the wait is for a person typing now.
            left = burst.left_to_wait(message, self.burst_window, datetime.now(UTC))
            if left > 0:
                await asyncio.sleep(left)
                follower = await self._next_message(record)
        return follower is not None and burst.defers_to(message, follower, self.burst_window)

    async def _next_message(self, record: Record) -> MessageReceived | None:
        """The chat's next message after this entry, if the log holds one yet."""
        following = await self._look_ahead.of_chat(record, _LOOK_AHEAD)
        keys = {record.chat: record.subject_key} if record.subject_key else {}
        for later in decode_entries(record.partition, following, keys):
            event = later.envelope.event
            if isinstance(event, MessageReceived):
                return None if later.erased else event
        return None

    async def _burst_before(
        self, record: Record, first: bytes | None
    ) -> list[tuple[str, MessageReceived]] | None:
        """The messages of the chat deferred to this one (the first noted at ``first``),
        in order, with their entries; None when none was deferred."""
        if first is None:
            return None
        start = first.decode()
        earlier = await self._of_chat(record, start, "(" + record.entry_id, None)
        return [
            (r.entry_id, r.envelope.event)
            for r in earlier
            if isinstance(r.envelope.event, MessageReceived) and not r.erased
        ]

    async def _of_chat(
        self, record: Record, start: str, end: str, count: int | None
    ) -> list[Record]:
        """The chat's entries in the partition stream between ``start`` and ``end``."""
        stream = self.log.keyspace.stream(record.partition)
        entries = await self.redis.xrange(stream, start, end, count)
        wanted = record.chat.encode()
        mine = [
            (eid, fields)
            for eid, fields in cast(list[tuple[bytes, dict[bytes, bytes]]], entries)
            if fields.get(b"chat") == wanted and not is_redelivery(fields)
        ]
        keys = {record.chat: record.subject_key} if record.subject_key else {}
        return decode_entries(record.partition, mine, keys)

    def _timers(self, record: Record, state: Conversation, event: DomainEvent) -> list[Command]:
        """The timer changes ``event`` makes, written with it."""
        keyspace, partition = self.log.keyspace, record.partition
        session = record.envelope.session
        joined_ms = int(record.entry_id.split("-", 1)[0])  # the stream id's time: the log's order
        listed = waitlist.index_commands(keyspace, partition, record.chat, session, state, event,
                                         joined_ms)  # fmt: skip
        if isinstance(event, ReminderScheduled):
            return [*listed, *reminders.set_timer(keyspace, partition, record.chat, session, event)]
        if listed:
            return listed
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
        burst_pending = ("DEL", burst_key(keyspace, partition, record.chat))
        return [
            *decision_effects(keyspace, record, cancelled),
            *timers,
            *waitlist.leave_commands(keyspace, partition, record.chat),
            ("DEL", key),
            burst_pending,
        ]

    async def _remind(self, key: str, record: Record, due: ReminderDue) -> Sequence[Command]:
        """A due reminder: sent if its appointment still stands and it was not sent yet."""
        # The timer's entry holds nothing personal; the snapshot and the reminder do,
        # sealed with the key.
        keys = await self.log.subject_keys.for_reading(record.partition, [record.chat])
        record = dataclasses.replace(record, subject_key=keys.get(record.chat))
        state = await self._load(key, record)
        upcoming = reminder_due(state, due)
        releasing = no_shows.to_release(state, due) if no_shows.is_release(due) else None
        state = evolve(state, due)
        decided: list[DomainEvent] = []
        answerable = state.stage is Stage.REGISTERED and record.subject_key
        if waitlist.is_lapse(due):
            offer, decided = state.offer, waitlist.lapse_decisions(state, due)
            if offer is not None and decided:
                await self._pass_on(record, [waitlist.freed_by(offer)], offer.offered)
        elif no_shows.is_release(due):
            if releasing is not None and answerable:
                when = spoken(self.decider.toolbox.clinic.local(releasing.start))
                decided = await no_shows.release(
                    self.decider.toolbox.calendar, releasing, when=when,
                    reply_id=f"{record.envelope.event_id}-reply", chat_id=state.chat_id,
                )  # fmt: skip
                await self._pass_on(record, decided)
        elif upcoming is not None and answerable:
            start = self.decider.toolbox.clinic.local(upcoming.start)
            reply = ReplyRequested(
                reply_id=f"{record.envelope.event_id}-reply",
                chat_id=state.chat_id,
                text=reminders.REMINDER.format(when=spoken(start)),
            )
            decided.append(reply)
        return self._recorded(key, record, state, decided)

    def _recorded(
        self, key: str, record: Record, state: Conversation, decided: Sequence[DomainEvent]
    ) -> list[Command]:
        """The commands that record ``decided`` (taken in ``state``): the events, their
        timers and index changes, the new snapshot."""
        timers: list[Command] = []
        for event in decided:
            timers += self._timers(record, state, event)
            state = evolve(state, event)
        snapshot = ("SET", key, stored_snapshot(state, record.chat, record.subject_key))
        return [*decision_effects(self.log.keyspace, record, decided), *timers, snapshot]

    async def _staff_changed(
        self, key: str, record: Record, change: staff_changes.Change
    ) -> list[Command]:
        """A booking or cancellation by hand: its reminders set or cleared, the waiting
        list left, the freed time offered to the next patient (staff_changes)."""
        state = await self._load(key, record)
        if not staff_changes.to_take_in(state, change):
            return []
        timers = self._timers(record, state, change)
        state = evolve(state, change)
        await self._pass_on(record, [change])
        planned = staff_changes.reminders_of(state, change, self.reminder_offsets, self.clock())
        return [*timers, *self._recorded(key, record, state, planned)]

    async def _offered(self, key: str, record: Record, offer: WaitlistOffered) -> list[Command]:
        """A freed time offered to this patient: proposed, or passed on to the next."""
        keys = await self.log.subject_keys.for_reading(record.partition, [record.chat])
        record = dataclasses.replace(record, subject_key=keys.get(record.chat))
        state = await self._load(key, record)
        if record.subject_key is None:
            state = Conversation()  # erased: of no use to anyone here
        state = evolve(state, offer)
        local, waiting = self.decider.toolbox.clinic.local, state.waiting
        model = self.decider.toolbox.model
        who = model.professionals.get(offer.professional) if model else None
        texts = {
            "before": spoken(local(waiting.before)) if waiting else "",
            "when": spoken(local(offer.start)), "until": spoken(local(offer.expires_at)),
            "who": f" com {who.name}" if who else "",
        }  # fmt: skip
        reply_id = f"{record.envelope.event_id}-reply"
        decided = waitlist.offer_decisions(state, offer, reply_id, texts, self.clock())
        if not any(isinstance(e, ActionProposed) for e in decided):
            await self._pass_on(record, [waitlist.freed_by(offer)], offer.offered)
        return self._recorded(key, record, state, decided)

    async def _pass_on(
        self, record: Record, decided: Sequence[DomainEvent], passed: Sequence[str] = ()
    ) -> None:
        """Offers each time ``decided`` frees to the next patient waiting for it (exactly
        once per step: the append is idempotent), before this record's commit."""
        for event in decided:
            if isinstance(event, AppointmentCancelled):
                await waitlist.offer_next(self.log, event, (*passed, record.chat),
                                          self.clock(), self.offer_for)  # fmt: skip

    async def _load(
        self, key: str, record: Record, leaving_out: Set[str] = frozenset(),
        stored: Stored | None = None,
    ) -> Conversation:  # fmt: skip
        stored = stored or await self._stored.of(record)
        if stored.snapshot is not None:
            return read_snapshot(stored.snapshot, record.chat, record.subject_key)
        if not stored.seen:
            return Conversation()  # a new chat: nothing to replay
        # The snapshot was dropped: the log is the truth.
        state = Conversation()
        for earlier in await self.log.chat_history(record.chat):
            if earlier.entry_id == record.entry_id:
                break
            if earlier.entry_id not in leaving_out:
                state = evolve(state, earlier.envelope.event)
        return state
