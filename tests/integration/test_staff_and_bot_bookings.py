"""The bot honours what the front desk did by hand: a slot the staff booked gets the
patient alternatives, and a blocked day is never offered."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from events import EventLog
from services.actions.read_models import ReadModels
from services.conductor.deciding import Decider
from services.console import bookings
from services.console.bookings import Wanted, day_halves
from services.domain.embedded_calendar import EmbeddedCalendar
from tests.support.console import registered_patient
from tests.support.dialogue import Dialogue, introduced, offline_decider

SP = ZoneInfo("America/Sao_Paulo")
NOW = datetime(2026, 11, 24, 9, 10, tzinfo=SP)  # Tuesday morning, as the dialogues'


@pytest.fixture
def conductor(redis: Redis) -> Decider:
    return offline_decider(redis)


async def registered(conductor: Decider) -> Dialogue:
    return await introduced(conductor, NOW)


async def test_a_slot_the_staff_booked_gets_the_patient_alternatives(
    conductor: Decider, log: EventLog, redis: Redis
) -> None:
    patient = await registered_patient(log, "5511987654321", "Ana Souza", NOW)
    at = datetime(2026, 11, 25, 15, tzinfo=SP)
    wanted = Wanted(at, at + timedelta(minutes=30), at + timedelta(minutes=30), "", "")
    calendar = EmbeddedCalendar(redis, log.keyspace)
    await bookings.book(log, ReadModels(redis, log.keyspace), calendar, patient, wanted,
                        "staff-1")  # fmt: skip
    chat = await registered(conductor)
    reply = await chat.say("quero marcar amanhã às 15h")
    assert "não está disponível (horário ocupado)" in reply
    assert "15:00" not in reply.split("\n", 1)[1]


async def test_a_blocked_day_is_never_offered_by_the_bot(
    conductor: Decider, log: EventLog, redis: Redis
) -> None:
    calendar = EmbeddedCalendar(redis, log.keyspace)
    for n, day in enumerate((NOW.date(), NOW.date() + timedelta(days=1))):
        await bookings.block(log, calendar, day_halves(day, SP), "", f"block-{n}")
    chat = await registered(conductor)
    reply = await chat.say("quero agendar uma consulta")
    assert "1) quinta, 26/11" in reply
    assert "24/11" not in reply and "25/11" not in reply
