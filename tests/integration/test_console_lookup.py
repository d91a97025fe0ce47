"""The front desk finds a patient by phone number (and by name): the chat key derives
from the number, the patient's appointments, consent state and recent words are shown,
and each view is recorded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import aiohttp
from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.schema import StaffActed
from services.actions.erasure import ErasureReason, erase_subject
from services.actions.read_models import ReadModels
from services.console.accountability import recent
from services.console.staff import Role
from services.projector.name_index import GROUP as NAMES
from tests.support.console import (
    SP,
    add_staff,
    booked,
    browser,
    console_as,
    log_in,
    posted,
    registered_patient,
    serving_console,
    submitted,
)
from tests.support.projecting import caught_up, projecting


def tomorrow_at(hour: int) -> datetime:
    day = datetime.now(SP) + timedelta(days=1)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


async def test_a_phone_number_written_as_people_write_it_finds_the_patient(log: EventLog) -> None:
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    await booked(log, chat, tomorrow_at(10))
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        _, text = await posted(http, "/pacientes", {"telefone": "+55 (11) 98765-4321"})
    assert "Ana Souza" in text
    assert "consentimento dado" in text
    assert tomorrow_at(10).strftime("%d/%m/%Y 10:00") in text


async def test_a_number_without_the_ninth_digit_in_whatsapp_is_found_with_it(log: EventLog) -> None:
    await registered_patient(log, "551187654321", "Bruno Lima", datetime.now(UTC))
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        _, text = await posted(http, "/pacientes", {"telefone": "11987654321"})
    assert "Bruno Lima" in text


async def test_a_lookup_by_phone_is_recorded_with_the_patient_found(log: EventLog) -> None:
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        status, _ = await posted(http, "/pacientes", {"telefone": "11 98765-4321"})
        assert status == 200
    viewed = [e.event for e in await recent(log) if e.event.action == "viewed_patient"]
    assert [v.subjects for v in viewed] == [(chat,)]
    assert all("98765" not in v.detail for v in viewed)


async def test_a_number_nobody_wrote_from_finds_no_one_and_records_no_view(log: EventLog) -> None:
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        _, text = await posted(http, "/pacientes", {"telefone": "(21) 99999-0000"})
    assert "Nenhum paciente encontrado" in text
    assert not [e for e in await recent(log) if e.event.action == "viewed_patient"]


async def test_a_malformed_phone_number_is_refused_with_a_clear_message(log: EventLog) -> None:
    async with console_as(log, "julia", Role.RECEPTIONIST) as http:
        status, text = await posted(http, "/pacientes", {"telefone": "98765"})
    assert status == 400
    assert "informe o telefone com DDD" in text


async def test_the_dpo_is_refused_the_front_desks_lookup(log: EventLog) -> None:
    async with console_as(log, "dora", Role.DPO) as http:
        status, _ = await posted(http, "/pacientes", {"telefone": "11987654321"})
        assert status == 403


async def test_a_name_typed_without_particles_finds_the_patient(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat = await registered_patient(log, "5511987654321", "Maria da Silva", datetime.now(UTC))
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        await caught_up(redis, keyspace, NAMES)
        _, text = await posted(http, "/pacientes", {"nome": "maria silva"})
    assert "Maria da Silva" in text
    viewed = [e.event for e in await recent(log) if e.event.action == "viewed_patient"]
    assert [(v.subjects, v.detail) for v in viewed] == [((chat,), "por nome")]


async def test_an_erased_patients_name_is_not_found(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat = await registered_patient(log, "5511987654321", "Maria da Silva", datetime.now(UTC))
    async with console_as(log, "julia", Role.RECEPTIONIST, projected=True) as http:
        await caught_up(redis, keyspace, NAMES)
        await erase_subject(log, ReadModels(redis, keyspace), chat,
                            ErasureReason.SUBJECT_REQUEST, "dora")  # fmt: skip
        await caught_up(redis, keyspace, NAMES)
        _, text = await posted(http, "/pacientes", {"nome": "maria silva"})
    assert "Nenhum paciente encontrado" in text


async def test_a_name_of_particles_alone_is_refused_with_a_clear_message(log: EventLog) -> None:
    async with console_as(log, "julia", Role.RECEPTIONIST) as http:
        status, text = await posted(http, "/pacientes", {"nome": "da dos"})
    assert status == 400
    assert "informe ao menos uma palavra do nome" in text


async def test_no_url_of_a_search_holds_the_phone_number_or_the_name(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    await add_staff(log, "carla", Role.DPO)
    await registered_patient(log, "5511987654321", "Maria Silva", datetime.now(UTC))
    asked: list[str] = []

    async def on_request(_: object, __: object, params: aiohttp.TraceRequestStartParams) -> None:
        asked.append(str(params.url))

    tracing = aiohttp.TraceConfig()
    tracing.on_request_start.append(on_request)
    async with projecting(redis, keyspace), serving_console(log) as base:
        await caught_up(redis, keyspace)
        async with browser(base, tracing) as http:
            await log_in(http, "julia")
            async with submitted(http, "/pacientes", {"telefone": "11987654321"}) as page:
                assert "Maria Silva" in await page.text()
            async with submitted(http, "/pacientes", {"nome": "maria silva"}) as page:
                assert "Maria Silva" in await page.text()
        async with browser(base, tracing) as http:
            await log_in(http, "carla")
            async with submitted(http, "/dpo/consentimento", {"titular": "5511987654321"}) as page:
                assert "consentimento dado" in await page.text()
    assert len(asked) >= 8
    assert not [url for url in asked if "987654321" in url or "maria" in url.lower()]


async def test_a_phone_number_in_the_consent_pages_url_is_refused(log: EventLog) -> None:
    await registered_patient(log, "5511987654321", "Maria Silva", datetime.now(UTC))
    async with (
        console_as(log, "carla", Role.DPO) as http,
        http.get("/dpo/consentimento", params={"titular": "5511987654321"}) as page,
    ):
        assert page.status == 400
    assert not [e for e in await recent(log) if isinstance(e.event, StaffActed)
                and e.event.action == "viewed_consent"]  # fmt: skip
