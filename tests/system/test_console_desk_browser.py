"""The front desk's lookups and bookings by hand in a real browser (Debian's Chromium,
headless, through Playwright, as tests/system/test_console_browser.py): a lookup by phone
and by name, a booking by hand that the bot took first, a day blocked and the bot offering
another, a no-show marked.

With CONSOLE_SCREENSHOTS=DIR the lookup and booking pages are saved there too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from playwright.async_api import Browser, expect
from redis.asyncio import Redis

from events import EventLog, Keyspace, new_envelope
from events.schema import AppointmentBooked, AppointmentNoShow
from services.console.staff import Role
from services.domain.calendar import Booking
from services.domain.embedded_calendar import EmbeddedCalendar
from services.projector.name_index import GROUP as NAMES
from tests.support.chromium import console_page, logged_in
from tests.support.console import (
    SP,
    add_staff,
    next_weekday_at,
    registered_patient,
    staffed_console,
)
from tests.support.dialogue import introduced, offline_decider
from tests.support.projecting import caught_up


async def test_the_front_desk_finds_a_patient_by_phone_and_by_name(
    browser: Browser, log: EventLog, redis: Redis, keyspace: Keyspace, shots: Path
) -> None:
    await registered_patient(log, "5511987654321", "Maria da Conceição Silva", datetime.now(UTC))
    async with console_page(browser, log, "julia", Role.RECEPTIONIST, projected=True) as page:
        await caught_up(redis, keyspace, NAMES)
        await page.get_by_role("link", name="Pacientes").click()
        await page.get_by_label("Telefone com DDD").fill("+55 (11) 98765-4321")
        await page.get_by_role("button", name="Buscar por telefone").click()
        await expect(page.get_by_role("heading", name="Maria da Conceição Silva")).to_be_visible()
        await expect(page.get_by_text("consentimento dado")).to_be_visible()
        await page.screenshot(path=shots / "patient.png", full_page=True)
        await page.get_by_label("Nome").fill("maria conceicao")
        await page.get_by_role("button", name="Buscar por nome").click()
        await expect(page.get_by_role("heading", name="Maria da Conceição Silva")).to_be_visible()


async def test_no_url_the_browser_asks_for_holds_the_phone_number_or_the_name(
    browser: Browser, log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "carla", Role.DPO)
    await registered_patient(log, "5511987654321", "Maria da Conceição Silva", datetime.now(UTC))
    asked: list[str] = []
    async with staffed_console(log, "julia", Role.RECEPTIONIST, projected=True) as base:
        await caught_up(redis, keyspace, NAMES)
        page = await logged_in(browser, base, "julia")
        page.on("request", lambda r: asked.append(r.url))
        await page.get_by_role("link", name="Pacientes").click()
        await page.get_by_label("Telefone com DDD").fill("11 98765-4321")
        await page.get_by_role("button", name="Buscar por telefone").click()
        await expect(page.get_by_role("heading", name="Maria da Conceição Silva")).to_be_visible()
        await page.get_by_label("Nome").fill("maria conceicao")
        await page.get_by_role("button", name="Buscar por nome").click()
        await expect(page.get_by_role("heading", name="Maria da Conceição Silva")).to_be_visible()
        page = await logged_in(browser, base, "carla")
        page.on("request", lambda r: asked.append(r.url))
        await page.get_by_role("link", name="Consentimentos").click()
        await page.get_by_label("Titular").fill("+55 11 98765-4321")
        await page.get_by_role("button", name="Consultar").click()
        await expect(page.get_by_text("“sim, aceito”")).to_be_visible()
    assert any("/dpo/consentimento?titular=c" in url for url in asked)
    assert not [url for url in asked if "98765" in url or "maria" in url.lower()]


async def test_a_booking_by_hand_of_a_slot_the_bot_just_took_says_so_in_the_page(
    browser: Browser, log: EventLog, redis: Redis, keyspace: Keyspace, shots: Path
) -> None:
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    at = next_weekday_at(10)
    async with console_page(browser, log, "julia", Role.RECEPTIONIST, projected=True) as page:
        await page.goto(f"/agenda/marcar?paciente={chat}")
        await page.get_by_label("Dia").fill(at.date().isoformat())
        await page.get_by_label("Hora").fill("10:00")
        await page.screenshot(path=shots / "booking.png", full_page=True)
        # Meanwhile the bot books that slot for someone else, through the same script.
        utc = at.astimezone(UTC)
        await EmbeddedCalendar(redis, keyspace).book(
            Booking("bot-1", "c" + "1" * 32, utc, utc + timedelta(minutes=30)))  # fmt: skip
        await page.get_by_role("button", name="Marcar").click()
        await expect(page.get_by_role("alert")).to_contain_text("já está ocupado")
        await page.get_by_label("Hora").fill("11:00")
        await page.get_by_role("button", name="Marcar").click()
        await expect(page.get_by_role("cell", name="Ana Souza")).to_be_visible(timeout=20_000)


async def test_a_day_blocked_in_the_page_is_not_offered_by_the_bot(
    browser: Browser, log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    # The dialogue's clock: a Tuesday morning; the day blocked is that Wednesday.
    now = next_weekday_at(9) - timedelta(days=1)
    async with console_page(browser, log, "julia", Role.RECEPTIONIST) as page:
        await page.get_by_role("link", name="Bloquear horário ou dia").click()
        await page.get_by_label("Dia").fill((now + timedelta(days=1)).date().isoformat())
        await page.get_by_role("button", name="Bloquear").click()
        await page.wait_for_load_state()
    patient = await introduced(offline_decider(redis), now.replace(hour=17, minute=40))
    reply = await patient.say("quero agendar uma consulta")
    assert "1) quinta" in reply and "quarta" not in reply


async def test_marking_a_no_show_in_the_agenda_records_and_counts_it(
    browser: Browser, log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    start = (datetime.now(UTC) - timedelta(minutes=30)).replace(second=0, microsecond=0)
    booking = Booking("a-1", chat, start, start + timedelta(minutes=30))
    await EmbeddedCalendar(redis, keyspace).book(booking)
    event = AppointmentBooked(appointment_id="a-1", calendar_entry_id="a-1", start=start,
                              end=booking.end)  # fmt: skip
    await log.append(new_envelope(event, chat=chat, session="default"))
    async with console_page(browser, log, "julia", Role.RECEPTIONIST, projected=True) as page:
        await page.goto(f"/agenda?dia={start.astimezone(SP).date().isoformat()}")
        await page.get_by_role("button", name="Faltou").click()
        await expect(page.get_by_text("(1 falta)")).to_be_visible(timeout=20_000)
        await expect(page.get_by_role("cell", name="não compareceu")).to_be_visible()
    marked = [r for r in await log.chat_history(chat)
              if isinstance(r.envelope.event, AppointmentNoShow)]  # fmt: skip
    assert len(marked) == 1
