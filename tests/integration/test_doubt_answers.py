"""An answer to the clinic's own question about a time is read with the message it asked
about, and a bare yes to two options asks again (offline brain, embedded calendar, real
Redis)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from events.schema import ActionProposed, AppointmentBooked
from services.conductor.deciding import Decider
from services.conductor.offline_brain import OfflineBrain
from services.conductor.privacy import PrivacyNotice
from services.conductor.tools import Toolbox
from services.domain.clinic import Clinic
from services.domain.embedded_calendar import EmbeddedCalendar
from tests.support.dialogue import Dialogue, introduced

SP = ZoneInfo("America/Sao_Paulo")
NOW = datetime(2026, 11, 24, 9, 10, tzinfo=SP)  # Tuesday morning
WHICH_FRIDAY = "Só para eu não errar: sexta, 27/11 ou sexta, 04/12?"


@pytest.fixture
async def chat(redis: Redis) -> Dialogue:
    notice = PrivacyNotice.current("2026-11")
    toolbox = Toolbox(EmbeddedCalendar(redis), Clinic(), notice)
    return await introduced(Decider(OfflineBrain(), toolbox, notice), NOW, "subject-1")


async def test_the_day_answered_keeps_the_hour_asked_about(chat: Dialogue) -> None:
    assert await chat.say("quero marcar sexta que vem às 10") == WHICH_FRIDAY
    assert (await chat.say("dia 4")).startswith("Posso confirmar *sexta, 04/12 às 10:00*?")


async def test_a_bare_yes_to_two_options_asks_again_and_books_nothing(chat: Dialogue) -> None:
    await chat.say("quero marcar sexta que vem às 10")
    assert await chat.say("sim") == f"{WHICH_FRIDAY} Responda com uma das duas opções."
    assert chat.of_type(ActionProposed) == []
    assert (await chat.say("a de 27/11")).startswith("Posso confirmar *sexta, 27/11 às 10:00*?")
    assert chat.of_type(AppointmentBooked) == []


async def test_the_part_of_the_day_answered_settles_the_hour(chat: Dialogue) -> None:
    assert await chat.say("quero marcar amanhã às 3") == (
        "Só para eu não errar: 3h da manhã ou da tarde?"
    )
    assert (await chat.say("da tarde")).startswith("Posso confirmar *quarta, 25/11 às 15:00*?")


async def test_another_request_after_the_question_is_read_on_its_own(chat: Dialogue) -> None:
    await chat.say("quero marcar sexta que vem às 10")
    assert "Você não tem consultas" in await chat.say("quais consultas eu tenho?")
