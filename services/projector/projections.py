"""The projections: every event of the log into a read model, each update committed with
that projection's checkpoint, so a crash or a redelivery never applies an event twice or
skips one. Each projection has its own consumer group and version, so one can be rebuilt
while the others, and its own previous version, keep serving.

A projection reads the views it updates through a :class:`ViewStore`: Redis when live,
memory during a rebuild (:mod:`services.projector.rebuild`), which is what lets a rebuild
write in large pipelined batches instead of one round trip per event.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, cast
from zoneinfo import ZoneInfo

import msgspec

from events import Record
from events.checkpoint import Command
from events.schema import (
    AppointmentBooked,
    AppointmentCancelled,
    AppointmentConfirmed,
    AppointmentNoShow,
    ConsentGranted,
    ConsentRefused,
    ConsentRevoked,
    DomainEvent,
    MessageAcknowledged,
    PrivacyNoticeShown,
    ReplySent,
    SessionStatusChanged,
    SubjectErased,
)
from services.projector.session_health import (
    AckWatch,
    SessionStatusView,
    decode_status,
    decode_watch,
    project_acks,
    project_status,
)
from services.projector.sessions_projection import Sessions
from services.projector.store import (
    ReadModelKeys,
    decode_appointment,
    decode_consent,
    encode_consent,
)
from services.projector.view_store import ViewStore
from services.projector.views import (
    AppointmentView,
    anonymised,
    consent_record,
    on_erasure,
    project_appointment,
    without_person,
)


def group_of(name: str, version: int) -> str:
    """The consumer group that keeps version ``version`` of the read model ``name``."""
    return f"projector.{name}.v{version}"


class Projection(Protocol):
    name: str
    keys: ReadModelKeys

    @property
    def types(self) -> frozenset[str] | None:
        """The event types that can change the read model; None for any."""
        ...

    async def __call__(self, record: Record) -> Sequence[Command]:
        """``project`` on the projection's own views."""
        ...

    async def project(self, record: Record, views: ViewStore) -> Sequence[Command]:
        """The commands that apply ``record`` to the read model as ``views`` hold it."""
        ...

    def reads(self, record: Record) -> Sequence[str]:
        """The string keys ``project`` gets for ``record``: read ahead for a run."""
        ...


def _tags(*events: type[DomainEvent]) -> frozenset[str]:
    return frozenset(cast(str, event.__struct_config__.tag) for event in events)


class Consent:
    name = "consent"

    def __init__(self, views: ViewStore, keys: ReadModelKeys) -> None:
        self.views = views
        self.keys = keys

    types = _tags(PrivacyNoticeShown, ConsentGranted, ConsentRefused, ConsentRevoked, SubjectErased)

    async def __call__(self, record: Record) -> Sequence[Command]:
        return await self.project(record, self.views)

    def reads(self, record: Record) -> Sequence[str]:
        return ()

    async def project(self, record: Record, views: ViewStore) -> Sequence[Command]:
        evidence = consent_record(record.envelope, erased=record.erased)
        if evidence is None:
            return ()
        chat, subject_key = record.chat, record.subject_key
        key = self.keys.consent(record.partition, chat)
        if not isinstance(record.envelope.event, SubjectErased):
            return (("RPUSH", key, encode_consent(evidence, chat, subject_key)),)
        # The records were sealed with the key just erased: they read without the person,
        # and are written so, with nothing sealed left in them.
        kept = [
            without_person(decode_consent(raw, chat, None)) for raw in await views.elements(key)
        ]
        encoded = [encode_consent(item, chat, None) for item in [*kept, evidence]]
        return (("DEL", key), ("RPUSH", key, *encoded))


class Appointments:
    name = "appointments"

    def __init__(self, views: ViewStore, keys: ReadModelKeys, zone: ZoneInfo) -> None:
        self.views = views
        self.keys = keys
        self.zone = zone

    types = _tags(
        AppointmentBooked, AppointmentCancelled, AppointmentConfirmed, AppointmentNoShow,
        SubjectErased,
    )  # fmt: skip

    async def __call__(self, record: Record) -> Sequence[Command]:
        return await self.project(record, self.views)

    def reads(self, record: Record) -> Sequence[str]:
        event = record.envelope.event
        appointment = AppointmentBooked | AppointmentCancelled | AppointmentConfirmed
        if not isinstance(event, appointment | AppointmentNoShow):
            return ()
        return (self.keys.appointment(record.partition, event.appointment_id),)

    async def project(self, record: Record, views: ViewStore) -> Sequence[Command]:
        event = record.envelope.event
        if isinstance(event, SubjectErased):
            return await self._erase(record, views)
        appointment = AppointmentBooked | AppointmentCancelled | AppointmentConfirmed
        if not isinstance(event, appointment | AppointmentNoShow):
            return ()
        partition = record.partition
        key = self.keys.appointment(partition, event.appointment_id)
        raw = await views.get(key)
        current = decode_appointment(raw) if raw is not None else None
        view = project_appointment(current, record.envelope)
        if view is None:
            return ()
        start = int(view.start.timestamp())
        day = view.start.astimezone(self.zone).date()
        commands: list[Command] = [
            ("SET", key, msgspec.msgpack.encode(view)),
            ("ZADD", self.keys.day(partition, day), start, view.appointment_id),
        ]
        if not (isinstance(event, AppointmentCancelled) and on_erasure(event)):
            # The erased subject's index is gone: their chat key must not lead back to it.
            index = self.keys.appointments_of(partition, record.chat)
            commands.append(("ZADD", index, start, view.appointment_id))
        return commands

    async def _erase(self, record: Record, views: ViewStore) -> Sequence[Command]:
        """The subject's appointments stay in the day's schedule, without the subject."""
        partition = record.partition
        index = self.keys.appointments_of(partition, record.chat)
        commands: list[Command] = [("DEL", index)]
        for member in await views.members(index):
            key = self.keys.appointment(partition, member.decode())
            raw = await views.get(key)
            if raw is not None:
                view: AppointmentView = anonymised(decode_appointment(raw))
                commands.append(("SET", key, msgspec.msgpack.encode(view)))
        return commands


class SessionHealth:
    """Each WAHA session's status over time, and its replies WhatsApp has not
    acknowledged (``services.projector.session_health``)."""

    name = "health"

    def __init__(self, views: ViewStore, keys: ReadModelKeys) -> None:
        self.views = views
        self.keys = keys

    types = _tags(SessionStatusChanged, ReplySent, MessageAcknowledged, SubjectErased)

    async def __call__(self, record: Record) -> Sequence[Command]:
        return await self.project(record, self.views)

    def reads(self, record: Record) -> Sequence[str]:
        event, partition, session = record.envelope.event, record.partition, record.envelope.session
        if isinstance(event, SessionStatusChanged):
            return (self.keys.session_status(partition, session),)
        if isinstance(event, ReplySent | MessageAcknowledged | SubjectErased):
            return (self.keys.ack_watch(partition, session, record.chat),)
        return ()

    async def project(self, record: Record, views: ViewStore) -> Sequence[Command]:
        envelope, partition, session = record.envelope, record.partition, record.envelope.session
        event = envelope.event
        view: SessionStatusView | AckWatch | None
        if isinstance(event, SessionStatusChanged):
            key, member = self.keys.session_status(partition, session), session
            raw = await views.get(key)
            before = None if raw is None else decode_status(raw)
            view = project_status(before, envelope)
            changed = view != before
        elif isinstance(event, ReplySent | MessageAcknowledged | SubjectErased):
            # Per chat: the chat's lane is the only writer, so no update is lost.
            key, member = (
                self.keys.ack_watch(partition, session, record.chat),
                f"{record.chat}:{session}",
            )
            raw = await views.get(key)
            watch = None if raw is None else decode_watch(raw)
            view = project_acks(watch, envelope)
            changed = view != watch
        else:
            return ()
        if view is None or not changed:
            return ()
        # The index lists names alone (a constant score): how it was reached, live or by a
        # replay of an erased log, leaves no trace in it.
        index = self.keys.health_index(partition)
        if isinstance(view, AckWatch) and not (view.unacknowledged or view.acknowledged_early):
            # Nothing awaited: the chat's watch goes, so the model holds only what is open.
            return (("DEL", key), ("ZREM", index, member))
        return (("SET", key, msgspec.msgpack.encode(view)), ("ZADD", index, 0, member))


# The read models, each with what builds its projection: dispatch by table, so a read
# model named in PROJECTIONS cannot lack one.
_BUILDERS: dict[str, Callable[[ViewStore, ReadModelKeys, ZoneInfo], Projection]] = {
    "sessions": lambda views, keys, zone: Sessions(views, keys),
    "consent": lambda views, keys, zone: Consent(views, keys),
    "appointments": Appointments,
    "health": lambda views, keys, zone: SessionHealth(views, keys),
}
PROJECTIONS = tuple(_BUILDERS)


def projection(name: str, views: ViewStore, keys: ReadModelKeys, zone: ZoneInfo) -> Projection:
    """The projection that keeps the read model ``name`` (one of ``PROJECTIONS``)."""
    try:
        build = _BUILDERS[name]
    except KeyError:
        raise ValueError(f"no projection named {name!r}") from None
    return build(views, keys, zone)
