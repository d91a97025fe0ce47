"""Another day or time asked for while the bot offers times: more times, never a move."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from services.conductor.deciding import Decider
from services.conductor.offline_brain import WHICH_TO_MOVE
from tests.support.dialogue import introduced, offline_decider

SP = ZoneInfo("America/Sao_Paulo")
NOW = datetime(2026, 11, 24, 9, 10, tzinfo=SP)  # Tuesday morning


@pytest.fixture
def conductor(redis: Redis) -> Decider:
    return offline_decider(redis)


@pytest.mark.parametrize("asked", ["teria outro dia?", "pode ser outro dia?"])
async def test_another_day_while_times_are_offered_offers_the_next_days(
    conductor: Decider, asked: str
) -> None:
    chat = await introduced(conductor, NOW)
    assert "1) quarta, 25/11 às 08:00" in await chat.say("quero marcar consulta amanha")
    reply = await chat.say(asked)
    assert "1) quinta, 26/11 às 08:00" in reply and WHICH_TO_MOVE not in reply


async def test_another_time_while_times_are_offered_offers_later_ones_that_day(
    conductor: Decider,
) -> None:
    chat = await introduced(conductor, NOW)
    assert "5) quarta, 25/11 às 10:00" in await chat.say("quero marcar consulta amanha")
    assert "1) quarta, 25/11 às 10:30" in await chat.say("queria outro horario")


async def test_another_day_instead_of_the_time_proposed_offers_the_next_days(
    conductor: Decider,
) -> None:
    chat = await introduced(conductor, NOW)
    assert "Posso confirmar *quarta, 25/11 às 15:00*" in await chat.say("marcar amanha as 15h")
    assert "1) quinta, 26/11 às 08:00" in await chat.say("tem outro dia?")


async def test_another_day_with_nothing_offered_still_asks_which_booking_to_move(
    conductor: Decider,
) -> None:
    chat = await introduced(conductor, NOW)
    assert await chat.say("queria outro dia pra minha consulta") == WHICH_TO_MOVE
