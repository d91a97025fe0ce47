"""The DPO carries out a data subject's requests in the console, each behind a
confirmation: access (the export), correction, erasure."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.schema import NameCorrected, SubjectErased
from services.console.accountability import recent
from services.console.staff import Role
from tests.support.console import (
    add_staff,
    browser,
    csrf_of,
    log_in,
    registered_patient,
    serving_console,
)
from tests.support.projecting import caught_up, projecting


async def kinds(log: EventLog, chat: str, kind: type) -> list[object]:
    return [r.envelope.event for r in await log.chat_history(chat)
            if isinstance(r.envelope.event, kind)]  # fmt: skip


async def test_the_dpo_downloads_everything_held_about_a_subject(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "carla", Role.DPO)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "carla")
        csrf = await csrf_of(http, f"/dpo/titular/{chat}/exportar")
        async with http.post(f"/dpo/titular/{chat}/exportar", data={"csrf": csrf}) as done:
            assert "attachment" in done.headers["Content-Disposition"]
            document = await done.json()
    assert document["subject"] == chat
    assert document["session"]["conversation"]["name"] == "Ana Souza"
    latest, *_ = await recent(log)
    assert latest.event.action == "exported_subject"


async def test_the_dpo_corrects_a_subjects_name(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "carla", Role.DPO)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "carla")
        csrf = await csrf_of(http, f"/dpo/titular/{chat}/corrigir")
        form = {"csrf": csrf, "name": "Ana Souza Lima"}
        async with http.post(f"/dpo/titular/{chat}/corrigir", data=form) as done:
            assert "Nome corrigido" in await done.text()
    assert await kinds(log, chat, NameCorrected) == [
        NameCorrected(name="Ana Souza Lima", requested_by="carla")
    ]


async def test_a_name_that_cannot_be_one_is_refused_and_nothing_is_recorded(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "carla", Role.DPO)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "carla")
        csrf = await csrf_of(http, f"/dpo/titular/{chat}/corrigir")
        form = {"csrf": csrf, "name": "<b>Ana</b>"}
        async with http.post(f"/dpo/titular/{chat}/corrigir", data=form) as done:
            assert done.status == 400
    assert await kinds(log, chat, NameCorrected) == []


async def test_an_erasure_needs_its_confirmation_word(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "carla", Role.DPO)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    async with projecting(redis, keyspace), serving_console(log) as base, browser(base) as http:
        await caught_up(redis, keyspace)
        await log_in(http, "carla")
        page = f"/dpo/titular/{chat}/apagar"
        csrf = await csrf_of(http, page)
        async with http.post(page, data={"csrf": csrf, "confirmacao": "sim"}) as refused:
            assert refused.status == 400
        assert await kinds(log, chat, SubjectErased) == []
        async with http.post(page, data={"csrf": csrf, "confirmacao": "APAGAR"}) as done:
            assert "Dados pessoais do titular apagados" in await done.text()
    [erased] = await kinds(log, chat, SubjectErased)
    assert isinstance(erased, SubjectErased) and erased.requested_by == "carla"


async def test_a_receptionist_cannot_carry_out_a_subjects_request(log: EventLog) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", datetime.now(UTC))
    async with serving_console(log) as base, browser(base) as http:
        await log_in(http, "julia")
        csrf = await csrf_of(http, "/agenda")
        form = {"csrf": csrf, "confirmacao": "APAGAR"}
        async with http.post(f"/dpo/titular/{chat}/apagar", data=form) as refused:
            assert refused.status == 403
    assert await kinds(log, chat, SubjectErased) == []


async def test_an_unknown_request_is_not_found(log: EventLog) -> None:
    await add_staff(log, "carla", Role.DPO)
    async with serving_console(log) as base, browser(base) as http:
        await log_in(http, "carla")
        async with http.get(f"/dpo/titular/c{'0' * 32}/vender") as page:
            assert page.status == 404
            assert re.search(r"não encontrada", await page.text())
