"""Bookings by hand at the front desk: book, move, cancel, block a slot or a day, mark a
no-show; the slot is claimed through the bot's own calendar script, so the bot and the
staff never hold one slot twice."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.schema import AppointmentBooked, AppointmentCancelled, AppointmentNoShow
from services.console.staff import Role
from services.domain.calendar import Booking, SlotTaken
from services.domain.clinic import Clinic
from services.domain.embedded_calendar import EmbeddedCalendar
from tests.support.console import (
    SP,
    booked_by_hand,
    booking_form,
    console_as,
    csrf_of,
    events_of,
    fetched,
    hidden_fields,
    next_weekday_at,
    posted,
    registered_patient,
    submitted,
)
from tests.support.projecting import caught_up


async def ana(log: EventLog) -> str:
    """The chat key of the patient every booking here is for."""
    return await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))


async def test_a_booking_by_hand_is_an_appointment_the_agenda_shows(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat, at = await ana(log), next_weekday_at(10)
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        booked = await booked_by_hand(http, log, chat, at)
        await caught_up(redis, keyspace)
        _, agenda = await fetched(http, "/agenda", params={"dia": at.date().isoformat()})
    assert isinstance(booked, AppointmentBooked) and booked.start == at.astimezone(UTC)
    assert "Ana Souza" in agenda and "10:00" in agenda


async def test_a_slot_the_bot_just_took_is_refused_to_the_staff_with_a_message(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat, at = await ana(log), next_weekday_at(11).astimezone(UTC)
    bot = EmbeddedCalendar(redis, keyspace)
    await bot.book(Booking("bot-1", "c" + "0" * 32, at, at + timedelta(minutes=30)))
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        form = await booking_form(http, chat, at.astimezone(SP))
        async with http.post("/agenda/marcar", data=form) as refused:
            status, text = refused.status, await refused.text()
    assert status == 409 and "já está ocupado" in text
    assert await events_of(log, chat, AppointmentBooked) == []


async def test_the_staff_and_the_bot_racing_for_one_slot_get_it_once(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat, at = await ana(log), next_weekday_at(15).astimezone(UTC)
    bot = EmbeddedCalendar(redis, keyspace)
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        form = await booking_form(http, chat, at.astimezone(SP))

        async def staff() -> int:
            async with http.post("/agenda/marcar", data=form, allow_redirects=False) as done:
                return done.status

        async def patient() -> str:
            try:
                await bot.book(Booking("bot-2", "c" + "1" * 32, at, at + timedelta(minutes=30)))
            except SlotTaken:
                return "taken"
            return "booked"

        staff_status, bot_outcome = await asyncio.gather(staff(), patient())
    staff_won = staff_status == 303
    assert staff_won != (bot_outcome == "booked")
    assert staff_status in (303, 409)
    assert len(await events_of(log, chat, AppointmentBooked)) == (1 if staff_won else 0)


async def test_a_blocked_day_leaves_the_bot_only_other_days(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    day = next_weekday_at(8).date()
    async with console_as(log, "julia", Role.RECEPTIONIST) as http:
        form = await hidden_fields(http, "/agenda/bloquear") | {"dia": day.isoformat(), "hora": ""}
        async with http.post("/agenda/bloquear", data=form, allow_redirects=False) as done:
            assert done.status == 303
    now = datetime.now(UTC)
    clinic = Clinic()
    busy = await EmbeddedCalendar(redis, keyspace).busy(now, now + clinic.horizon)
    [first] = clinic.free_slots(now, busy, since=day, limit=1)
    assert clinic.free_slots(now, busy, day=day) == []
    assert first.date() > day


async def test_a_blocked_slot_shows_in_the_agenda_as_a_block(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    at = next_weekday_at(9)
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        form = await hidden_fields(http, "/agenda/bloquear")
        form |= {"dia": at.date().isoformat(), "hora": "09:00"}
        async with http.post("/agenda/bloquear", data=form) as done:
            assert done.status == 200
        await caught_up(redis, keyspace)
        _, agenda = await fetched(http, "/agenda", params={"dia": at.date().isoformat()})
    assert "(horário bloqueado)" in agenda and "09:00" in agenda


async def test_cancelling_by_hand_frees_the_slot_and_records_it(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat, at = await ana(log), next_weekday_at(10)
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        booked = await booked_by_hand(http, log, chat, at)
        path = f"/agenda/consulta/{booked.appointment_id}/cancelar"
        status, _ = await posted(http, path, {}, token_from="/agenda/bloquear")
        assert status == 200
    assert len(await events_of(log, chat, AppointmentCancelled)) == 1
    utc = at.astimezone(UTC)
    assert await EmbeddedCalendar(redis, keyspace).busy(utc, utc + timedelta(minutes=30)) == []


async def test_moving_by_hand_books_the_new_time_and_cancels_the_old(log: EventLog) -> None:
    chat = await ana(log)
    at, later = next_weekday_at(10), next_weekday_at(16)
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        booked = await booked_by_hand(http, log, chat, at)
        path = f"/agenda/consulta/{booked.appointment_id}/remarcar"
        form = await hidden_fields(http, path) | {"dia": later.date().isoformat(), "hora": "16:00"}
        async with http.post(path, data=form) as done:
            assert done.status == 200
    starts = [e.start for e in await events_of(log, chat, AppointmentBooked)]
    assert starts == [at.astimezone(UTC), later.astimezone(UTC)]
    [cancelled] = await events_of(log, chat, AppointmentCancelled)
    assert isinstance(cancelled, AppointmentCancelled)
    assert cancelled.appointment_id == booked.appointment_id


async def test_a_no_show_is_recorded_once_and_counted_in_the_agenda_and_lookup(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat, at = await ana(log), next_weekday_at(10)
    later = at + timedelta(hours=1)  # the console's clock: after the appointment began
    async with console_as(
        log, "julia", Role.RECEPTIONIST, projected=True, clock=lambda: later - timedelta(weeks=1)
    ) as http:
        booked = await booked_by_hand(http, log, chat, at)
    async with console_as(
        log, "julia", Role.RECEPTIONIST, projected=True, clock=lambda: later
    ) as http:
        csrf = await csrf_of(http, "/agenda/bloquear")
        path = f"/agenda/consulta/{booked.appointment_id}/faltou"
        async with http.post(path, data={"csrf": csrf}) as done:
            assert done.status == 200
        async with http.post(path, data={"csrf": csrf}) as again:  # a double click
            assert again.status == 409 and "já foi registrada" in await again.text()
        await caught_up(redis, keyspace)
        _, agenda = await fetched(http, "/agenda", params={"dia": at.date().isoformat()})
        _, found = await posted(http, "/pacientes", {"telefone": "11987654321"})
    assert len(await events_of(log, chat, AppointmentNoShow)) == 1
    assert "não compareceu" in agenda and "(1 falta)" in agenda
    assert "Faltas: 1" in found


async def test_a_no_show_before_the_appointment_begins_is_refused(log: EventLog) -> None:
    chat, at = await ana(log), next_weekday_at(10)
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        booked = await booked_by_hand(http, log, chat, at)
        path = f"/agenda/consulta/{booked.appointment_id}/faltou"
        status, text = await posted(http, path, {}, token_from="/agenda/bloquear")
    assert status == 409 and "ainda não começou" in text
    assert await events_of(log, chat, AppointmentNoShow) == []


async def test_a_booking_for_someone_the_read_models_do_not_hold_is_refused(log: EventLog) -> None:
    stranger = "c" + "2" * 32
    async with console_as(log, "julia", Role.RECEPTIONIST) as http:
        form = await booking_form(http, stranger, next_weekday_at(10))
        async with http.post("/agenda/marcar", data=form) as refused:
            assert refused.status == 400
    assert await events_of(log, stranger, AppointmentBooked) == []


@pytest.mark.parametrize("day", ["9999-12-31", "2100-01-01"])
async def test_a_booking_by_hand_past_two_years_ahead_is_refused_with_a_message(
    log: EventLog, day: str
) -> None:
    chat = await ana(log)
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        form = await booking_form(http, chat, next_weekday_at(10)) | {"dia": day}
        async with http.post("/agenda/marcar", data=form) as refused:
            assert refused.status == 400
            assert "Escolha um dia entre hoje e" in await refused.text()
    assert await events_of(log, chat, AppointmentBooked) == []


async def test_blocking_a_day_past_two_years_ahead_is_refused_with_a_message(
    log: EventLog,
) -> None:
    form = {"form_id": "cd" * 16, "dia": "9999-12-31", "hora": ""}
    async with (
        console_as(log, "julia", Role.RECEPTIONIST) as http,
        submitted(http, "/agenda/bloquear", form) as refused,
    ):
        assert refused.status == 409
        assert "Escolha um dia entre hoje e" in await refused.text()
