"""The console in a real browser: Debian's Chromium, headless, driven by Playwright (no
browser is downloaded). The console runs in the test's process against the test's Redis;
answering a handed-off chat goes through the whole stack to the WAHA simulator.

With CONSOLE_SCREENSHOTS=DIR the main pages are saved there as PNG files
(scripts/console-screenshots writes docs/console/)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from playwright.async_api import Browser, expect
from redis.asyncio import Redis

from events import EventLog, Keyspace, new_envelope
from events.schema import MessageReceived
from services.console.staff import Role
from tests.integration.test_handoff import handed_over as handed_over_by_the_bot
from tests.support.chromium import console_page, logged_in
from tests.support.console import (
    PASSWORD,
    SP,
    add_staff,
    booked,
    chat_of,
    handed_over,
    registered_patient,
    staffed_console,
)
from tests.support.projecting import caught_up, projecting
from tests.support.whole_stack import Clock, Stack


async def test_a_member_of_staff_logs_in_and_a_wrong_password_is_refused_then_throttled(
    browser: Browser, log: EventLog, shots: Path
) -> None:
    async with staffed_console(log, "julia", Role.RECEPTIONIST) as base:
        page = await browser.new_page(base_url=base)
        await page.goto("/agenda")  # sent to the login page
        await page.screenshot(path=shots / "login.png")
        for _ in range(3):
            await page.get_by_label("Usuário").fill("julia")
            await page.get_by_label("Senha").fill("not the password")
            await page.get_by_role("button", name="Entrar").click()
            await expect(page.get_by_role("alert")).to_have_text("Nome ou senha incorretos.")
        await page.get_by_label("Senha").fill(PASSWORD)
        await page.get_by_role("button", name="Entrar").click()
        await expect(page.get_by_role("alert")).to_contain_text("Muitas tentativas")
        page = await logged_in(browser, base, "julia")  # a fresh page is refused all the same
        await expect(page.get_by_role("alert")).to_contain_text("Muitas tentativas")


async def test_the_agenda_shows_a_booked_patients_name(
    browser: Browser, log: EventLog, shots: Path
) -> None:
    today = datetime.now(SP).replace(minute=0, second=0, microsecond=0)
    patients = [("5511988887777", "Ana Souza", 9), ("5511977776666", "Bruno Lima", 10),
                ("5511966665555", "Célia Prado", 15)]  # fmt: skip
    for number, name, hour in patients:
        chat = await registered_patient(log, number, name, datetime.now(UTC))
        await booked(log, chat, today.replace(hour=hour))
    async with console_page(browser, log, "julia", Role.RECEPTIONIST, projected=True) as page:
        await expect(page.get_by_role("heading", name="Agenda")).to_be_visible()
        await expect(page.get_by_role("cell", name="Ana Souza")).to_be_visible()
        await page.screenshot(path=shots / "agenda.png", full_page=True)
        await page.set_viewport_size({"width": 390, "height": 844})
        await page.screenshot(path=shots / "agenda-phone.png", full_page=True)


async def test_the_agenda_refreshes_itself_when_the_bot_books(
    browser: Browser, log: EventLog
) -> None:
    today = datetime.now(SP).replace(minute=0, second=0, microsecond=0)
    async with console_page(browser, log, "julia", Role.RECEPTIONIST, projected=True) as page:
        await expect(page.get_by_text("Nenhuma consulta.")).to_be_visible()
        chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
        await booked(log, chat, today.replace(hour=11))
        await expect(page.get_by_role("cell", name="Ana Souza")).to_be_visible(timeout=20_000)


async def test_answering_a_handed_off_chat_reaches_the_patient_through_waha(
    browser: Browser, stack: Stack, log: EventLog, redis: Redis, keyspace: Keyspace,
    clock: Clock, shots: Path,
) -> None:  # fmt: skip
    async with projecting(redis, keyspace):
        person = await handed_over_by_the_bot(stack, log, redis, clock)
        await caught_up(redis, keyspace)
        clock.now += timedelta(minutes=4)
        async with staffed_console(log, "julia", Role.RECEPTIONIST, clock=clock) as base:
            page = await logged_in(browser, base, "julia")
            await page.get_by_role("link", name="Atendimento").click()
            await expect(page.get_by_text("esperando há 4 min")).to_be_visible()
            await page.screenshot(path=shots / "inbox.png", full_page=True)
            await page.get_by_role("link", name="Ana").click()
            await page.get_by_label("Sua resposta").fill("Olá Ana, aqui é a Júlia. Como ajudo?")
            await page.screenshot(path=shots / "conversation.png", full_page=True)
            await page.get_by_role("button", name="Enviar pelo WhatsApp").click()
            await expect(page.get_by_role("status")).to_contain_text("Resposta registrada")
            for _ in range(200):
                if person.replies()[-1] == "Olá Ana, aqui é a Júlia. Como ajudo?":
                    break
                await asyncio.sleep(0.05)
    assert person.replies()[-1] == "Olá Ana, aqui é a Júlia. Como ajudo?"


async def test_a_receptionist_is_refused_the_dpo_pages(browser: Browser, log: EventLog) -> None:
    async with console_page(browser, log, "julia", Role.RECEPTIONIST) as page:
        await expect(page.get_by_role("link", name="Registro de acessos")).to_have_count(0)
        response = await page.goto("/dpo/acessos")
        assert response is not None and response.status == 403
        await expect(page.get_by_role("heading", name="Acesso negado")).to_be_visible()


async def test_the_dpo_sees_the_access_log_and_consent_evidence(
    browser: Browser, log: EventLog, shots: Path
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    today = datetime.now(SP).replace(hour=9, minute=0, second=0, microsecond=0)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    await booked(log, chat, today)
    async with staffed_console(log, "carla", Role.DPO, projected=True) as base:
        await (await logged_in(browser, base, "julia")).close()
        page = await logged_in(browser, base, "carla")
        await expect(page.get_by_role("heading", name="Registro de acessos")).to_be_visible()
        await expect(page.get_by_text("viu a agenda com nomes")).to_be_visible()
        await page.screenshot(path=shots / "access-log.png", full_page=True)
        await page.get_by_role("link", name="Consentimentos").click()
        await page.get_by_label("Titular").fill("+55 11 98888-7777")
        await page.get_by_role("button", name="Consultar").click()
        await expect(page.get_by_text("“sim, aceito”")).to_be_visible()
        await page.screenshot(path=shots / "consent.png", full_page=True)


async def test_a_forged_form_post_without_the_csrf_token_is_refused(
    browser: Browser, log: EventLog, shots: Path
) -> None:
    async with staffed_console(log, "root", Role.ADMIN) as base:
        page = await logged_in(browser, base, "root")
        await page.goto("/equipe")
        await page.screenshot(path=shots / "staff.png", full_page=True)
        # The browser's own cookies go with it; only the form's token is missing.
        forged = await page.request.post(
            f"{base}/equipe/adicionar", form={"name": "mallory", "role": "admin"}
        )
        assert forged.status == 403
        await page.reload()
        await expect(page.get_by_role("cell", name="mallory")).to_have_count(0)


async def test_the_dpo_erases_a_subject_after_confirming(
    browser: Browser, log: EventLog, redis: Redis, keyspace: Keyspace, shots: Path
) -> None:
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    async with console_page(browser, log, "carla", Role.DPO, projected=True) as page:
        await page.goto(f"/dpo/consentimento?titular={chat}")
        await page.get_by_role("link", name="apagar os dados").click()
        await page.get_by_label("Digite APAGAR para confirmar").fill("apagar")
        await page.get_by_role("button", name="Apagar os dados").click()
        await expect(page.get_by_role("alert")).to_contain_text("Digite APAGAR")
        await page.get_by_label("Digite APAGAR para confirmar").fill("APAGAR")
        await page.screenshot(path=shots / "erasure.png", full_page=True)
        await page.get_by_role("button", name="Apagar os dados").click()
        await expect(page.get_by_role("status")).to_have_text("Dados pessoais do titular apagados.")
        await caught_up(redis, keyspace)
        await page.reload()
        await expect(page.get_by_text("“sim, aceito”")).to_have_count(0)


async def test_the_inbox_shows_a_chat_handed_over_while_it_is_open(
    browser: Browser, log: EventLog
) -> None:
    async with console_page(browser, log, "julia", Role.RECEPTIONIST, projected=True) as page:
        await page.goto("/atendimento")
        await expect(page.get_by_text("Nenhuma conversa aguardando a equipe.")).to_be_visible()
        chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
        await handed_over(log, chat)
        await expect(page.get_by_role("link", name="Ana Souza")).to_be_visible(timeout=20_000)


async def test_a_reply_being_written_is_kept_when_the_patient_writes_again(
    browser: Browser, log: EventLog
) -> None:
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    await handed_over(log, chat)
    async with console_page(browser, log, "julia", Role.RECEPTIONIST, projected=True) as page:
        await page.goto(f"/atendimento/{chat}")
        await page.get_by_label("Sua resposta").fill("Olá Ana, já vejo")
        chat_id, _ = chat_of("5511988887777")
        again = MessageReceived(message_id=f"false_{chat_id}_9", chat_id=chat_id,
                                sender=chat_id, text="alô?", sent_at=datetime.now(UTC))  # fmt: skip
        await log.append(new_envelope(again, chat=chat, session="default"))
        await expect(page.get_by_text("Há novidades nesta página")).to_be_visible(timeout=20_000)
        await expect(page.get_by_label("Sua resposta")).to_have_value("Olá Ana, já vejo")
