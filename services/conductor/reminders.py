"""Reminders: timers as events.

Booking an appointment records a ``reminder.scheduled`` event per configured offset and,
in the same commit, a timer in the partition's sorted set (score: when it is due). A
scheduler in every conductor replica appends ``reminder.due`` for each timer whose time
has come, under the reminder's id as idempotency key, and only then removes the timer: so
replicas racing for one timer, or a replica dying between the two steps, still log it
once. Cancelling removes the timers in the cancellation's commit; and the conductor sends
a reminder only if its appointment still stands at that time and that reminder was not
sent yet, so a late or repeated timer changes nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import cast

import msgspec

from events import EventLog, Keyspace, new_envelope
from events.appending import PendingAppend
from events.checkpoint import Command
from events.redis_client import RedisClient
from events.schema import AppointmentBooked, ReminderDue, ReminderScheduled
from services.domain.conversation import Upcoming
from services.runtime.settings import SettingsError

log = logging.getLogger(__name__)

DEFAULT_OFFSETS = (timedelta(hours=24), timedelta(hours=2))
TICK_S = 1.0
BATCH = 200
REMINDER = (
    "Lembrete: você tem consulta na clínica {when}. Responda *confirmo* para confirmar ou "
    "*preciso cancelar* se não puder vir."
)
_OFFSET = re.compile(r"^(\d{1,5})([mhd])$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


class Timer(msgspec.Struct, frozen=True, kw_only=True):
    """What a scheduler needs to fire a reminder: which chat, and the event to log."""

    chat: str
    session: str
    due: ReminderDue


_timer_decoder = msgspec.msgpack.Decoder(Timer)


def parse_offsets(raw: str) -> tuple[timedelta, ...]:
    """``"24h,2h"`` → (24 h, 2 h): how long before an appointment to remind, in minutes
    ``m``, hours ``h`` or days ``d``; ``off`` for no reminders."""
    if raw.strip().lower() == "off":
        return ()
    offsets = []
    for item in raw.split(","):
        match = _OFFSET.match(item.strip())
        if match is None or int(match[1]) == 0:
            raise SettingsError(
                f"REMINDER_OFFSETS: {item.strip()[:40]!r} is not a duration like 24h, 90m or 2d"
            )
        offsets.append(timedelta(**{_UNITS[match[2]]: int(match[1])}))
    return tuple(sorted(set(offsets), reverse=True))


def timers_key(keyspace: Keyspace, partition: int) -> str:
    """The partition's timers: reminder id → when it is due (ms)."""
    return keyspace.in_partition(partition, "timers")


def timer_payloads_key(keyspace: Keyspace, partition: int) -> str:
    return keyspace.in_partition(partition, "timers", "payload")


def plan(
    booked: AppointmentBooked, offsets: Sequence[timedelta], now: datetime
) -> list[ReminderScheduled]:
    """The reminders of a new appointment: one per offset still in the future."""
    return [
        ReminderScheduled(
            reminder_id=f"{booked.appointment_id}-{int(offset.total_seconds()) // 60}m",
            appointment_id=booked.appointment_id,
            start=booked.start,
            due_at=booked.start - offset,
        )
        for offset in offsets
        if booked.start - offset > now
    ]


def set_timer(
    keyspace: Keyspace, partition: int, chat: str, session: str, reminder: ReminderScheduled
) -> list[Command]:
    """The commands that set a reminder's timer (written with the booking's commit)."""
    due = ReminderDue(
        reminder_id=reminder.reminder_id,
        appointment_id=reminder.appointment_id,
        start=reminder.start,
    )
    payload = msgspec.msgpack.encode(Timer(chat=chat, session=session, due=due))
    at_ms = int(reminder.due_at.timestamp() * 1000)
    return [
        ("ZADD", timers_key(keyspace, partition), at_ms, reminder.reminder_id),
        ("HSET", timer_payloads_key(keyspace, partition), reminder.reminder_id, payload),
    ]


def clear_timers(keyspace: Keyspace, partition: int, upcoming: Upcoming) -> list[Command]:
    """The commands that drop a cancelled appointment's timers."""
    if not upcoming.reminders:
        return []
    return [
        ("ZREM", timers_key(keyspace, partition), *upcoming.reminders),
        ("HDEL", timer_payloads_key(keyspace, partition), *upcoming.reminders),
    ]


class ReminderScheduler:
    """Fires due timers into the log; run one in every replica."""

    def __init__(
        self, log_: EventLog, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self.log = log_
        self.redis: RedisClient = log_.redis
        self.clock = clock

    async def fire_due(self) -> int:
        """Log every timer due by now, each once; how many this call logged."""
        now_ms = int(self.clock().timestamp() * 1000)
        fired = 0
        for partition in self.log.keyspace.all_partitions():
            fired += await self._fire_partition(partition, now_ms)
        return fired

    async def _fire_partition(self, partition: int, now_ms: int) -> int:
        keyspace = self.log.keyspace
        timers, payloads = timers_key(keyspace, partition), timer_payloads_key(keyspace, partition)
        fired = 0
        while True:
            due = cast(
                list[bytes],
                await self.redis.zrange(timers, "-inf", now_ms, byscore=True, offset=0, num=BATCH),
            )
            if not due:
                return fired
            raw = cast(list[bytes | None], await self.redis.hmget(payloads, due))
            pending = [
                PendingAppend(
                    new_envelope(timer.due, chat=timer.chat, session=timer.session),
                    idempotency_key=f"reminder:{timer.due.reminder_id}",
                )
                for timer in (_timer_decoder.decode(item) for item in raw if item is not None)
            ]
            results = await self.log.append_many(pending)
            failed = [r for r in results if isinstance(r, Exception)]
            if failed:
                raise failed[0]  # the timers stay; the next tick tries again
            fired += sum(1 for r in results if not isinstance(r, Exception) and r.created)
            # Logged (now or by another replica before): the timers are done.
            async with self.redis.pipeline(transaction=True) as pipe:
                pipe.zrem(timers, *due)
                pipe.hdel(payloads, *[d.decode() for d in due])
                await pipe.execute()
            if len(due) < BATCH:
                return fired

    async def run(self, stopping: asyncio.Event, tick_s: float = TICK_S) -> None:
        """Fire due timers every ``tick_s`` until ``stopping`` is set."""
        while not stopping.is_set():
            try:
                fired = await self.fire_due()
                if fired:
                    log.info("reminders: %d due", fired)
            except Exception as exc:
                log.warning("reminders: firing failed (%s); trying again", exc)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), tick_s)
