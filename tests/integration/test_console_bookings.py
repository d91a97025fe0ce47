"""Bookings by hand at the front desk: book, move, cancel, block a slot or a day, mark a
no-show; the slot is claimed through the bot's own calendar script, so the bot and the
staff never hold one slot twice."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta

import aiohttp
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
    add_staff,
    browser,
    csrf_of,
    log_in,
    registered_patient,
    serving_console,
    submitted,
)
from tests.support.projecting import caught_up, projecting


def next_weekday_at(hour: int, weeks: int = 1) -> datetime:
    """A Wednesday ``weeks`` from now, at ``hour`` in the clinic's time zone."""
    day = datetime.now(SP).date() + timedelta(weeks=weeks)
    day += timedelta(days=(2 - day.weekday()) % 7)
    return datetime(day.year, day.month, day.day, hour, tzinfo=SP)


async def booking_form(http: aiohttp.ClientSession, chat: str, at: datetime) -> dict[str, str]:
    async with http.get("/agenda/marcar", params={"paciente": chat}) as page:
        text = await page.text()
    found = {m[1]: m[2] for m in re.finditer(r'name="(csrf|form_id)" value="([^"]+)"', text)}
    return found | {"paciente": chat, "dia": at.date().isoformat(), "hora": f"{at:%H:%M}"}


async def events_of(log: EventLog, chat: str, kind: type) -> list[object]:
    return [r.envelope.event for r in await log.chat_history(chat)
            if isinstance(r.envelope.event, kind)]  # fmt: skip


async def test_a_booking_by_hand_is_an_appointment_the_agenda_shows(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    at = next_weekday_at(10)
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await log_in(http, "julia")
        async with http.post("/agenda/marcar", data=await booking_form(http, chat, at)) as done:
            assert done.status == 200
        await caught_up(redis, keyspace)
        async with http.get("/agenda", params={"dia": at.date().isoformat()}) as page:
            agenda = await page.text()
    [booked] = await events_of(log, chat, AppointmentBooked)
    assert isinstance(booked, AppointmentBooked) and booked.start == at.astimezone(UTC)
    assert "Ana Souza" in agenda and "10:00" in agenda


async def test_a_slot_the_bot_just_took_is_refused_to_the_staff_with_a_message(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    at = next_weekday_at(11).astimezone(UTC)
    bot = EmbeddedCalendar(redis, keyspace)
    await bot.book(Booking("bot-1", "c" + "0" * 32, at, at + timedelta(minutes=30)))
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "julia")
        form = await booking_form(http, chat, at.astimezone(SP))
        async with http.post("/agenda/marcar", data=form) as refused:
            status, text = refused.status, await refused.text()
    assert status == 409 and "já está ocupado" in text
    assert await events_of(log, chat, AppointmentBooked) == []


async def test_the_staff_and_the_bot_racing_for_one_slot_get_it_once(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    at = next_weekday_at(15).astimezone(UTC)
    bot = EmbeddedCalendar(redis, keyspace)
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "julia")
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
    await add_staff(log, "julia", Role.RECEPTIONIST)
    day = next_weekday_at(8).date()
    async with serving_console(log) as base, browser(base) as http:
        await log_in(http, "julia")
        csrf = await csrf_of(http, "/agenda/bloquear")
        async with http.get("/agenda/bloquear") as page:
            form_id = re.search(r'name="form_id" value="([^"]+)"', await page.text())
        assert form_id is not None
        form = {"csrf": csrf, "form_id": form_id[1], "dia": day.isoformat(), "hora": ""}
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
    await add_staff(log, "julia", Role.RECEPTIONIST)
    at = next_weekday_at(9)
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await log_in(http, "julia")
        async with http.get("/agenda/bloquear") as page:
            text = await page.text()
        ids = {m[1]: m[2] for m in re.finditer(r'name="(csrf|form_id)" value="([^"]+)"', text)}
        form = ids | {"dia": at.date().isoformat(), "hora": "09:00"}
        async with http.post("/agenda/bloquear", data=form) as done:
            assert done.status == 200
        await caught_up(redis, keyspace)
        async with http.get("/agenda", params={"dia": at.date().isoformat()}) as page:
            agenda = await page.text()
    assert "(horário bloqueado)" in agenda and "09:00" in agenda


async def test_cancelling_by_hand_frees_the_slot_and_records_it(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    at = next_weekday_at(10)
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "julia")
        async with http.post("/agenda/marcar", data=await booking_form(http, chat, at)) as done:
            assert done.status == 200
        [booked] = await events_of(log, chat, AppointmentBooked)
        assert isinstance(booked, AppointmentBooked)
        csrf = await csrf_of(http, "/agenda/bloquear")
        path = f"/agenda/consulta/{booked.appointment_id}/cancelar"
        async with http.post(path, data={"csrf": csrf}) as done:
            assert done.status == 200
    assert len(await events_of(log, chat, AppointmentCancelled)) == 1
    utc = at.astimezone(UTC)
    assert await EmbeddedCalendar(redis, keyspace).busy(utc, utc + timedelta(minutes=30)) == []


async def test_moving_by_hand_books_the_new_time_and_cancels_the_old(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    at, later = next_weekday_at(10), next_weekday_at(16)
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "julia")
        async with http.post("/agenda/marcar", data=await booking_form(http, chat, at)) as done:
            assert done.status == 200
        [booked] = await events_of(log, chat, AppointmentBooked)
        assert isinstance(booked, AppointmentBooked)
        path = f"/agenda/consulta/{booked.appointment_id}/remarcar"
        async with http.get(path) as page:
            text = await page.text()
        form = {m[1]: m[2] for m in re.finditer(r'name="(csrf|form_id)" value="([^"]+)"', text)}
        form |= {"dia": later.date().isoformat(), "hora": "16:00"}
        async with http.post(path, data=form) as done:
            assert done.status == 200
    starts = [e.start for e in await events_of(log, chat, AppointmentBooked)]  # type: ignore[attr-defined]
    assert starts == [at.astimezone(UTC), later.astimezone(UTC)]
    [cancelled] = await events_of(log, chat, AppointmentCancelled)
    assert isinstance(cancelled, AppointmentCancelled)
    assert cancelled.appointment_id == booked.appointment_id


async def test_a_no_show_is_recorded_once_and_counted_in_the_agenda_and_lookup(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    at = next_weekday_at(10)
    later = at + timedelta(hours=1)  # the console's clock: after the appointment began
    async with (
        projecting(redis, keyspace),
        serving_console(log, clock=lambda: later - timedelta(weeks=1)) as booking,
        browser(booking) as http,
    ):
        await caught_up(redis, keyspace)
        await log_in(http, "julia")
        async with http.post("/agenda/marcar", data=await booking_form(http, chat, at)) as done:
            assert done.status == 200
    [booked] = await events_of(log, chat, AppointmentBooked)
    assert isinstance(booked, AppointmentBooked)
    async with (
        projecting(redis, keyspace),
        serving_console(log, clock=lambda: later) as base,
        browser(base) as http,
    ):
        await log_in(http, "julia")
        csrf = await csrf_of(http, "/agenda/bloquear")
        path = f"/agenda/consulta/{booked.appointment_id}/faltou"
        async with http.post(path, data={"csrf": csrf}) as done:
            assert done.status == 200
        async with http.post(path, data={"csrf": csrf}) as again:  # a double click
            assert again.status == 409 and "já foi registrada" in await again.text()
        await caught_up(redis, keyspace)
        async with http.get("/agenda", params={"dia": at.date().isoformat()}) as page:
            agenda = await page.text()
        async with submitted(http, "/pacientes", {"telefone": "11987654321"}) as page:
            found = await page.text()
    assert len(await events_of(log, chat, AppointmentNoShow)) == 1
    assert "não compareceu" in agenda and "(1 falta)" in agenda
    assert "Faltas: 1" in found


async def test_a_no_show_before_the_appointment_begins_is_refused(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    at = next_weekday_at(10)
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "julia")
        async with http.post("/agenda/marcar", data=await booking_form(http, chat, at)) as done:
            assert done.status == 200
        [booked] = await events_of(log, chat, AppointmentBooked)
        assert isinstance(booked, AppointmentBooked)
        csrf = await csrf_of(http, "/agenda/bloquear")
        path = f"/agenda/consulta/{booked.appointment_id}/faltou"
        async with http.post(path, data={"csrf": csrf}) as refused:
            status, text = refused.status, await refused.text()
    assert status == 409 and "ainda não começou" in text
    assert await events_of(log, chat, AppointmentNoShow) == []


async def test_a_booking_for_someone_the_read_models_do_not_hold_is_refused(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    stranger = "c" + "2" * 32
    async with serving_console(log) as base, browser(base) as http:
        await log_in(http, "julia")
        form = await booking_form(http, stranger, next_weekday_at(10))
        async with http.post("/agenda/marcar", data=form) as refused:
            assert refused.status == 400
    assert await events_of(log, stranger, AppointmentBooked) == []


@pytest.mark.parametrize("day", ["9999-12-31", "2100-01-01"])
async def test_a_booking_by_hand_past_two_years_ahead_is_refused_with_a_message(
    log: EventLog, redis: Redis, keyspace: Keyspace, day: str
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "julia")
        form = await booking_form(http, chat, next_weekday_at(10)) | {"dia": day}
        async with http.post("/agenda/marcar", data=form) as refused:
            assert refused.status == 400
            assert "Escolha um dia entre hoje e" in await refused.text()
    assert await events_of(log, chat, AppointmentBooked) == []


async def test_blocking_a_day_past_two_years_ahead_is_refused_with_a_message(
    log: EventLog,
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    async with serving_console(log) as base, browser(base) as http:
        await log_in(http, "julia")
        csrf = await csrf_of(http, "/agenda/bloquear")
        form = {"csrf": csrf, "form_id": "cd" * 16, "dia": "9999-12-31", "hora": ""}
        async with http.post("/agenda/bloquear", data=form) as refused:
            assert refused.status == 409
            assert "Escolha um dia entre hoje e" in await refused.text()
