"""No dead ends: a day or a time that cannot be booked gets the reason and the nearest
alternatives (offline brain, embedded calendar, real Redis)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from events.schema import AppointmentBooked, SlotsOffered
from services.conductor.deciding import Decider
from tests.support.dialogue import Dialogue, introduced, offline_decider

SP = ZoneInfo("America/Sao_Paulo")
NOW = datetime(2026, 11, 24, 9, 10, tzinfo=SP)  # Tuesday morning


@pytest.fixture
def conductor(redis: Redis) -> Decider:
    return offline_decider(redis)


async def registered(conductor: Decider, now: datetime = NOW) -> Dialogue:
    return await introduced(conductor, now)


def offered(chat: Dialogue) -> list[datetime]:
    [last, *_] = reversed(chat.of_type(SlotsOffered))
    return list(last.slots)  # type: ignore[attr-defined]


async def test_a_closed_day_asked_for_gets_the_reason_and_the_next_open_days(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    reply = await chat.say("tem horário no domingo?")
    assert "a clínica não abre aos domingos" in reply
    assert "1) segunda, 30/11 às 08:00" in reply
    assert "terça, 01/12 às 08:00" in reply  # more than one day to choose from


async def test_a_time_on_a_closed_day_gets_the_reason_and_alternatives(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    reply = await chat.say("marcar sábado às 10h")
    assert "a clínica não abre aos sábados" in reply
    assert "1) segunda, 30/11 às 08:00" in reply
    assert chat.of_type(AppointmentBooked) == []


async def test_a_time_after_closing_on_a_day_already_over_offers_the_next_day(
    conductor: Decider,
) -> None:
    chat = await registered(conductor, datetime(2026, 11, 24, 18, 30, tzinfo=SP))
    reply = await chat.say("quero marcar hoje às 23h")
    assert "atendemos das 8h às 18h" in reply
    assert "1) quarta, 25/11 às 08:00" in reply


async def test_a_time_in_the_past_is_said_to_be_over_and_the_soonest_are_offered(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    reply = await chat.say("quero marcar ontem às 10h")
    # "Ontem" asked for is never proposed (no exact time is read): the day is over.
    assert "esse dia já passou" in reply
    assert "1) terça, 24/11 às 09:30" in reply
    assert chat.of_type(AppointmentBooked) == []


async def test_a_day_past_the_booking_horizon_offers_the_soonest(conductor: Decider) -> None:
    chat = await registered(conductor)
    reply = await chat.say("tem horário daqui a 8 semanas?")
    assert "a agenda está aberta só para os próximos 30 dias" in reply
    assert "1) terça, 24/11 às 09:30" in reply


async def test_a_closed_afternoon_offers_the_same_hours_on_the_next_days(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    reply = await chat.say("sábado à tarde tem vaga?")
    assert "a clínica não abre aos sábados" in reply
    assert "1) segunda, 30/11 às 12:00" in reply
    assert all(slot.hour >= 12 for slot in offered(chat))


async def test_an_offered_alternative_is_picked_by_its_number(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("tem horário no domingo?")
    assert "30/11 às 08:30" in await chat.say("2")


async def test_an_hour_already_over_today_is_said_to_be_over(conductor: Decider) -> None:
    chat = await registered(conductor)
    reply = await chat.say("pode ser hoje às 8h?")
    assert "esse horário já passou" in reply
    assert "1) terça, 24/11 às 09:30" in reply
    assert chat.of_type(AppointmentBooked) == []


async def test_an_hour_before_opening_is_named_as_out_of_hours(conductor: Decider) -> None:
    chat = await registered(conductor)
    reply = await chat.say("quero marcar amanhã às 7h")
    assert "atendemos das 8h às 18h" in reply
    assert "1) quarta, 25/11 às 08:00" in reply
