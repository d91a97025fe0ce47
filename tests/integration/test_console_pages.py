"""The console's pages over what the bot recorded: the agenda with names, the handoff
inbox and its reply, the DPO's consent history and access log."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.schema import HandoffEnded, ReplyRequested, StaffActed
from services.console.accountability import recent
from services.console.staff import Role
from tests.support.console import (
    SP,
    add_staff,
    booked,
    browser,
    chat_of,
    csrf_of,
    handed_over,
    log_in,
    registered_patient,
    serving_console,
    submitted,
)
from tests.support.projecting import caught_up, projecting


def today_at(hour: int) -> datetime:
    return datetime.now(SP).replace(hour=hour, minute=0, second=0, microsecond=0)


async def test_the_agenda_shows_a_booked_patients_name(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    await booked(log, chat, today_at(14))
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "julia")
        async with http.get("/agenda") as page:
            text = await page.text()
    assert "Ana Souza" in text
    assert "14:00" in text
    assert "marcada" in text


async def test_showing_names_on_the_agenda_is_recorded_with_the_subjects(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    await booked(log, chat, today_at(14))
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "julia")
        async with http.get("/agenda") as page:
            assert page.status == 200
    viewed = [e.event for e in await recent(log) if e.event.action == "viewed_agenda"]
    assert [v.subjects for v in viewed] == [(chat,)]
    assert all("Ana" not in v.detail for v in viewed)


async def test_the_inbox_lists_a_handed_off_chat_with_its_recent_words(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    at = datetime.now(UTC) - timedelta(minutes=7)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", at)
    await handed_over(log, chat)
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "julia")
        async with http.get("/atendimento") as page:
            listed = await page.text()
        async with http.get(f"/atendimento/{chat}") as page:
            shown = await page.text()
    assert "Ana Souza" in listed and "há 7 min" in listed
    assert "Devolver ao robô" in shown
    assert "720 min" in shown  # the quiet period


async def test_a_staff_reply_is_a_reply_event_recorded_once(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    await handed_over(log, chat)
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "julia")
        async with http.get(f"/atendimento/{chat}") as page:
            form_id = re.search(r'name="form_id" value="([^"]+)"', await page.text())
        csrf = await csrf_of(http, f"/atendimento/{chat}")
        assert form_id is not None
        form = {"csrf": csrf, "form_id": form_id[1], "text": "Olá Ana, aqui é a Júlia."}
        for _ in range(2):  # a double click
            async with http.post(f"/atendimento/{chat}/responder", data=form) as sent:
                assert sent.status == 200
    replies = [r.envelope.event for r in await log.chat_history(chat)
               if isinstance(r.envelope.event, ReplyRequested)]  # fmt: skip
    chat_id, _ = chat_of("5511988887777")
    assert [(r.text, r.chat_id, r.by) for r in replies] == [
        ("Olá Ana, aqui é a Júlia.", chat_id, "julia")
    ]


async def test_a_reply_to_a_chat_not_in_handoff_is_refused_and_nothing_is_sent(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "julia")
        csrf = await csrf_of(http, f"/atendimento/{chat}")
        form = {"csrf": csrf, "form_id": "ab" * 16, "text": "Olá Ana, aqui é a Júlia."}
        async with http.post(f"/atendimento/{chat}/responder", data=form) as sent:
            assert sent.status == 409
            assert "não está com a equipe" in await sent.text()
    assert not [r for r in await log.chat_history(chat)
                if isinstance(r.envelope.event, ReplyRequested)]  # fmt: skip


async def test_giving_a_chat_back_to_the_bot_ends_its_handoff(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    await handed_over(log, chat)
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "julia")
        csrf = await csrf_of(http, f"/atendimento/{chat}")
        async with http.post(f"/atendimento/{chat}/devolver", data={"csrf": csrf}) as done:
            assert done.status == 200
    ended = [r.envelope.event for r in await log.chat_history(chat)
             if isinstance(r.envelope.event, HandoffEnded)]  # fmt: skip
    assert ended == [HandoffEnded(reason="released", by="julia")]


async def test_the_dpo_sees_a_subjects_consent_with_its_evidence(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "carla", Role.DPO)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "carla")
        async with submitted(http, "/dpo/consentimento", {"titular": "+55 11 98888-7777"}) as p:
            text = await p.text()
    assert chat in text
    assert "consentimento dado" in text and "sim, aceito" in text


async def test_the_dpo_sees_who_looked_at_whose_data(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    await add_staff(log, "carla", Role.DPO)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    await handed_over(log, chat)
    async with projecting(redis, keyspace), serving_console(log) as base:
        await caught_up(redis, keyspace)
        async with browser(base) as http:
            await log_in(http, "julia")
            async with http.get(f"/atendimento/{chat}") as page:
                assert page.status == 200
        async with browser(base) as http:
            await log_in(http, "carla")
            async with http.get("/dpo/acessos") as page:
                text = await page.text()
    assert "julia" in text and "viu uma conversa" in text and chat[:9] in text


async def test_a_bad_subject_gets_a_clear_answer(log: EventLog) -> None:
    await add_staff(log, "carla", Role.DPO)
    async with serving_console(log) as base, browser(base) as http:
        await log_in(http, "carla")
        async with submitted(http, "/dpo/consentimento", {"titular": "<script>"}) as page:
            assert page.status == 400
            assert "<script>" not in await page.text()
    assert not [e for e in await recent(log) if isinstance(e.event, StaffActed)
                and e.event.action == "viewed_consent"]  # fmt: skip
