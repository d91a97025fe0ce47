"""Marking a no-show: the patient did not come to an appointment. One event in the
patient's conversation (``appointment.no_show``), recorded once however often it is
marked; the appointments read model shows it and counts it per patient. The console, the
command line and the admin API all mark through here."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import cast

from events import EventLog, new_envelope
from events.schema import AppointmentNoShow
from services.actions.read_models import ReadModels
from services.domain.calendar_records import CalendarKeys, CalendarRecord, record_of
from services.projector.store import ReadModelKeys, current_version, decode_appointment

_CHAT_KEY = re.compile(r"c[0-9a-f]{32}")
_APPOINTMENT_ID = re.compile(r"[\w.:-]{1,128}")
FALLBACK_SESSION = "default"
MARKED = "no_show"  # the calendar record's field: the entry that recorded the no-show


class NoShowRefused(ValueError):
    """An appointment that cannot be marked: unknown, not started yet, cancelled, a block,
    or of an erased patient."""


async def calendar_record(log: EventLog, appointment_id: str) -> CalendarRecord | None:
    """The calendar's record of an appointment (live or cancelled); None if unknown."""
    if not _APPOINTMENT_ID.fullmatch(appointment_id):
        return None
    key = CalendarKeys(log.keyspace).appointment(appointment_id)
    fields = cast(dict[bytes, bytes], await log.redis.hgetall(key))
    return record_of(appointment_id, fields)


async def mark_no_show(
    log: EventLog, models: ReadModels, appointment_id: str, by: str, now: datetime
) -> str:
    """Record that the patient of ``appointment_id`` did not come; the entry id."""
    record = await calendar_record(log, appointment_id)
    if record is None:
        raise NoShowRefused("não há consulta com esse identificador")
    if not record.live:
        raise NoShowRefused("a consulta foi cancelada")
    if not _CHAT_KEY.fullmatch(record.subject):
        raise NoShowRefused("não é a consulta de um paciente (um bloqueio, ou dados apagados)")
    if record.start > now:
        raise NoShowRefused("a consulta ainda não começou")
    key = CalendarKeys(log.keyspace).appointment(appointment_id)
    # The mark is kept on the calendar's record, so a second one is refused however long
    # after the first (the append's idempotency is for a window only). Set after the
    # append: a mark whose append failed can be made again.
    if await log.redis.hexists(key, MARKED):
        raise NoShowRefused("a falta nessa consulta já foi registrada")
    view = await models.session(record.subject)
    envelope = new_envelope(
        AppointmentNoShow(appointment_id=appointment_id, start=record.start, by=by),
        chat=record.subject,
        session=view.session if view else FALLBACK_SESSION,
    )
    result = await log.append(envelope, idempotency_key=f"no-show:{appointment_id}")
    await log.redis.hset(key, MARKED, result.entry_id)
    return result.entry_id


async def no_shows_of(models: ReadModels, chats: Iterable[str]) -> dict[str, int]:
    """How many appointments of each of ``chats`` were marked no-shows, from the
    appointments read model, in two pipelined round trips whatever their number."""
    ordered = sorted(set(chats))
    if not ordered:
        return {}
    version = await current_version(models.redis, models.keyspace, "appointments")
    keys, partition_of = ReadModelKeys(models.keyspace, version), models.keyspace.partition_of
    async with models.redis.pipeline(transaction=False) as pipe:
        for chat in ordered:
            pipe.zrange(keys.appointments_of(partition_of(chat), chat), 0, -1)
        held = cast(list[list[bytes]], await pipe.execute())
    async with models.redis.pipeline(transaction=False) as pipe:
        for chat, ids in zip(ordered, held, strict=True):
            for appointment_id in ids:
                pipe.get(keys.appointment(partition_of(chat), appointment_id.decode()))
        raw = cast(list[bytes | None], await pipe.execute())
    counts, views = dict.fromkeys(ordered, 0), iter(raw)
    for chat, ids in zip(ordered, held, strict=True):
        for _ in ids:
            stored = next(views)
            if stored is not None and decode_appointment(stored).status == "no_show":
                counts[chat] += 1
    return counts
