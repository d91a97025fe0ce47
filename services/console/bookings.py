"""Bookings by hand at the front desk: book, move, cancel, block a slot or a whole day.

Every slot is claimed through the calendar's one booking script, the bot's own, so the
bot and the staff can never hold one slot twice: whoever comes second is told the slot is
taken. Each change is then an event in the patient's conversation (a block's in
``BLOCKS_CHAT``), which the read models and the agenda show; the bot's free slots come
from the calendar, so they leave blocks out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from events import EventLog, new_envelope
from events.schema import AppointmentBooked, AppointmentCancelled
from services.actions.no_show import calendar_record
from services.actions.read_models import ReadModels
from services.console.agenda import BLOCKS_CHAT
from services.domain.calendar import Booking, Calendar, CalendarUnavailable, SlotTaken
from services.domain.clinic_model import LONGEST_BOOKING, ClinicModel

BLOCKS_SESSION = "console"
FALLBACK_SESSION = "default"
TAKEN = "Este horário já está ocupado (talvez pelo robô agora mesmo). Escolha outro."
# How far ahead the front desk books or blocks by hand: farther than the bot (a yearly
# return visit), but bounded, so a mistyped year is caught rather than stored.
STAFF_HORIZON = timedelta(days=2 * 365 + 1)


class BookingRefused(ValueError):
    """A booking by hand that cannot be made, in the front desk's words."""


@dataclass(frozen=True, slots=True)
class Wanted:
    """The time a member of staff asked for, for one professional and service."""

    start: datetime
    end: datetime
    until: datetime
    professional: str
    service: str


def bookable_day(raw: str, today: date) -> date:
    """A day from a form (YYYY-MM-DD) between today and two years ahead."""
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise BookingRefused("Informe o dia.") from None
    last = today + STAFF_HORIZON
    if not today <= day <= last:
        raise BookingRefused(f"Escolha um dia entre hoje e {last:%d/%m/%Y}.")
    return day


def wanted_of(form: dict[str, str], clinic: ClinicModel, zone: ZoneInfo, today: date) -> Wanted:
    """The time a booking form asks for: ``dia`` (YYYY-MM-DD, today to two years ahead),
    ``hora`` (HH:MM), and ``servico``/``profissional`` where the clinic has them."""
    try:
        clock = time.fromisoformat(form.get("hora", ""))
    except ValueError:
        raise BookingRefused("Informe o dia e a hora.") from None
    day = bookable_day(form.get("dia", ""), today)
    service = clinic.services.get(form.get("servico", next(iter(clinic.services))))
    if service is None:
        raise BookingRefused("Escolha um serviço da clínica.")
    givers = service.professionals
    professional = form.get("profissional") or givers[0]
    if professional not in givers:
        raise BookingRefused("Esse profissional não atende esse serviço.")
    start = datetime.combine(day, clock.replace(second=0, microsecond=0), zone)
    return Wanted(start, start + service.duration, start + service.occupies, professional,
                  service.id)  # fmt: skip


def day_halves(day: date, zone: ZoneInfo) -> list[tuple[datetime, datetime]]:
    """A whole day as blocks no longer than the longest booking the calendar looks back
    for (so each is seen by every slot it covers)."""
    start = datetime.combine(day, time(0), zone)
    end = datetime.combine(day + timedelta(days=1), time(0), zone)
    halves, at = [], start
    while at < end:
        halves.append((at, min(at + LONGEST_BOOKING, end)))
        at += LONGEST_BOOKING
    return halves


async def _session_of(models: ReadModels, chat: str) -> str:
    view = await models.session(chat)
    return view.session if view else FALLBACK_SESSION


async def _claim(calendar: Calendar, booking: Booking) -> Booking:
    try:
        return await calendar.book(booking)
    except SlotTaken:
        raise BookingRefused(TAKEN) from None
    except CalendarUnavailable:
        raise BookingRefused("A agenda não respondeu; tente de novo em instantes.") from None


async def _record_booked(log: EventLog, chat: str, session: str, booked: Booking) -> None:
    event = AppointmentBooked(
        appointment_id=booked.appointment_id, calendar_entry_id=booked.calendar_entry_id,
        start=booked.start, end=booked.end, professional=booked.professional,
        service=booked.service,
    )  # fmt: skip
    envelope = new_envelope(event, chat=chat, session=session)
    await log.append(envelope, idempotency_key=f"staff-book:{booked.appointment_id}")


async def _record_cancelled(log: EventLog, chat: str, session: str, held: Booking) -> None:
    event = AppointmentCancelled(
        appointment_id=held.appointment_id, calendar_entry_id=held.calendar_entry_id,
        start=held.start, professional=held.professional, service=held.service,
    )  # fmt: skip
    envelope = new_envelope(event, chat=chat, session=session)
    await log.append(envelope, idempotency_key=f"staff-cancel:{held.appointment_id}")


async def book(
    log: EventLog, models: ReadModels, calendar: Calendar, chat: str, wanted: Wanted,
    appointment_id: str,
) -> Booking:  # fmt: skip
    """Claim ``wanted`` for the patient ``chat`` and record it."""
    until = wanted.until if wanted.until != wanted.end else None
    request = Booking(appointment_id, chat, wanted.start, wanted.end, "", wanted.professional,
                      wanted.service, until)  # fmt: skip
    booked = await _claim(calendar, request)
    await _record_booked(log, chat, await _session_of(models, chat), booked)
    return booked


async def cancel(
    log: EventLog, models: ReadModels, calendar: Calendar, appointment_id: str
) -> Booking:
    """Cancel a live appointment or block and record it."""
    record = await calendar_record(log, appointment_id)
    if record is None or not record.live:
        raise BookingRefused("Esta consulta já não está marcada.")
    held = await calendar.cancel(appointment_id)
    if held is None:
        raise BookingRefused("Esta consulta já não está marcada.")
    chat = record.subject
    session = BLOCKS_SESSION if chat == BLOCKS_CHAT else await _session_of(models, chat)
    await _record_cancelled(log, chat, session, held)
    return held


async def move(
    log: EventLog, models: ReadModels, calendar: Calendar, appointment_id: str,
    wanted: Wanted, new_id: str,
) -> Booking:  # fmt: skip
    """Book the new time, then cancel the old: never left with none."""
    record = await calendar_record(log, appointment_id)
    if record is None or not record.live or record.subject == BLOCKS_CHAT:
        raise BookingRefused("Esta consulta já não está marcada.")
    booked = await book(log, models, calendar, record.subject, wanted, new_id)
    await cancel(log, models, calendar, appointment_id)
    return booked


async def block(
    log: EventLog, calendar: Calendar, spans: list[tuple[datetime, datetime]],
    professional: str, block_id: str,
) -> list[Booking]:  # fmt: skip
    """Block ``spans`` of ``professional``'s time: bookings of no patient. All or none:
    if any part is taken, the parts already claimed are given back."""
    claimed: list[Booking] = []
    for n, (start, end) in enumerate(spans):
        request = Booking(f"{block_id}-{n}", BLOCKS_CHAT, start, end, "", professional)
        try:
            claimed.append(await _claim(calendar, request))
        except BookingRefused:
            for booking in claimed:
                await calendar.cancel(booking.appointment_id)
            raise BookingRefused("Há consultas nesse período; cancele ou remarque-as antes "
                                 "de bloquear.") from None  # fmt: skip
    for booking in claimed:
        await _record_booked(log, BLOCKS_CHAT, BLOCKS_SESSION, booking)
    return claimed
