"""Times as Brazilians write them, in conversation with the offline brain: what cannot be
taken as written is asked about, what can is taken exactly (embedded calendar, real Redis)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from events.schema import SlotsOffered, ToolInvoked
from services.conductor.deciding import Decider
from tests.support.dialogue import Dialogue, introduced, offline_decider

SP = ZoneInfo("America/Sao_Paulo")
NOW = datetime(2026, 11, 24, 9, 10, tzinfo=SP)  # Tuesday morning


@pytest.fixture
def conductor(redis: Redis) -> Decider:
    return offline_decider(redis)


async def registered(conductor: Decider) -> Dialogue:
    return await introduced(conductor, NOW)


def last_offered(chat: Dialogue) -> list[datetime]:
    [last, *_] = reversed(chat.of_type(SlotsOffered))
    return list(last.slots)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("said", "question"),
    [
        ("quero marcar 31/11 às 10h", "novembro não tem dia 31"),
        ("marcar dia 30 de fevereiro", "fevereiro não tem dia 30"),
        ("pode ser amanhã às 3?", "3h da manhã ou da tarde?"),
    ],
)
async def test_a_time_that_cannot_be_taken_as_written_is_asked_about(
    conductor: Decider, said: str, question: str
) -> None:
    chat = await registered(conductor)
    before = len(chat.of_type(ToolInvoked))
    reply = await chat.say(said)
    assert question in reply
    tools = [e.tool for e in chat.of_type(ToolInvoked)[before:]]  # type: ignore[attr-defined]
    assert set(tools) <= {"transfer_to_agent"}  # neither booked nor looked up: asked


async def test_a_half_hour_in_words_is_taken_exactly(conductor: Decider) -> None:
    chat = await registered(conductor)
    reply = await chat.say("quero marcar dia 2 de dezembro às dez e meia")
    assert "02/12 às 10:30" in reply


async def test_next_week_offers_next_weeks_slots(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("tem horário semana que vem?")
    assert last_offered(chat)[0] == datetime(2026, 11, 30, 8, tzinfo=SP)


async def test_a_span_of_hours_offers_only_those_hours(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("tem vaga amanhã entre 14h e 16h?")
    slots = last_offered(chat)
    assert slots[0] == datetime(2026, 11, 25, 14, tzinfo=SP)
    assert all(14 <= slot.hour < 16 and slot.day == 25 for slot in slots)


async def test_an_offered_slot_is_picked_by_its_time(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("tem horário amanhã de manhã?")
    reply = await chat.say("pode ser o das 9h30")
    assert "25/11 às 09:30" in reply


async def test_a_bare_hour_of_today_already_over_is_never_proposed(conductor: Decider) -> None:
    chat = await registered(conductor)
    before = len(chat.of_type(ToolInvoked))
    await chat.say("hj as 8 da pra encaixar?")
    tools = [e.tool for e in chat.of_type(ToolInvoked)[before:]]  # type: ignore[attr-defined]
    assert "propose_appointment" not in tools
    assert all(slot > NOW for slot in last_offered(chat))  # today's free times instead
