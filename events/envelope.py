"""The envelope: what the log knows about every event besides its payload."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import msgspec

from events.schema import DomainEvent, UnknownEvent


class Envelope(msgspec.Struct, frozen=True, kw_only=True):
    """An event with its identity, time, conversation and lineage."""

    event_id: str
    chat: str
    session: str
    occurred_at: datetime
    recorded_at: datetime
    correlation_id: str
    causation_id: str | None = None
    traceparent: str | None = None
    event: DomainEvent | UnknownEvent


def new_event_id() -> str:
    """128 random bits, hex.

    Ids need to be unique, not unpredictable, so the process's PRNG (seeded from the OS,
    and reseeded in forked children) serves without a system call per event.
    """
    return f"{random.getrandbits(128):032x}"


def new_envelope(
    event: DomainEvent,
    *,
    chat: str,
    session: str,
    occurred_at: datetime | None = None,
    causation: Envelope | None = None,
    traceparent: str | None = None,
) -> Envelope:
    """Wrap an event; a caused event inherits the correlation id of its cause."""
    now = datetime.now(UTC)
    event_id = new_event_id()
    return Envelope(
        event_id=event_id,
        chat=chat,
        session=session,
        occurred_at=occurred_at or now,
        recorded_at=now,
        correlation_id=causation.correlation_id if causation else event_id,
        causation_id=causation.event_id if causation else None,
        traceparent=traceparent,
        event=event,
    )
