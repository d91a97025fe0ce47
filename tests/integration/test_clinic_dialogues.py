"""Booking in the example clinic (ops/clinic/clinic.toml: three professionals, four
services): the offline brain asks for the service and the professional, proposes slots of
the service's length and names both; the cut-off holds. Real Redis, embedded calendar."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from events.schema import ActionProposed, AppointmentBooked, AppointmentCancelled
from services.conductor.deciding import Decider
from tests.support.clinic import clinic_decider
from tests.support.dialogue import Dialogue, introduced

SP = ZoneInfo("America/Sao_Paulo")
NOW = datetime(2026, 12, 7, 9, 10, tzinfo=SP)  # a Monday morning


@pytest.fixture
def conductor(redis: Redis) -> Decider:
    return clinic_decider(redis)


async def registered(conductor: Decider) -> Dialogue:
    return await introduced(conductor, NOW)


def booked(chat: Dialogue) -> AppointmentBooked:
    [made] = chat.of_type(AppointmentBooked)
    assert isinstance(made, AppointmentBooked)
    return made


async def test_a_first_visit_with_the_professional_named_is_proposed_naming_both(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    asked = await chat.say("quero marcar uma primeira consulta com a dra ana na quinta às 14h")
    assert asked.startswith(
        "Posso confirmar *primeira consulta* com *Dra. Ana Ribeiro (clínica geral)* para "
        "*quinta, 10/12 às 14:00*?"
    )
    assert "(primeira consulta, com Dra. Ana" in await chat.say("sim")
    made = booked(chat)
    assert (made.professional, made.service) == ("ana", "primeira-consulta")
    assert made.end - made.start == timedelta(minutes=60)


async def test_a_return_is_asked_for_service_then_professional_and_whoever_is_free_books(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    assert (await chat.say("quero marcar uma consulta")).startswith("Qual atendimento")
    with_whom = await chat.say("retorno")
    assert with_whom.startswith("Com quem você prefere retorno?")
    assert "Quem estiver livre" in with_whom
    offered = await chat.say("quem estiver livre")
    assert "1) segunda, 07/12 às 09:15 com Dra. Ana Ribeiro" in offered
    assert "*retorno* com *Dra. Ana Ribeiro" in await chat.say("1")
    await chat.say("sim")
    made = booked(chat)
    assert (made.professional, made.service) == ("ana", "retorno")
    assert made.end - made.start == timedelta(minutes=20)


async def test_an_exam_only_one_professional_gives_is_proposed_with_him(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    asked = await chat.say("quero fazer um eletrocardiogrma amanhã às 14h")
    assert "*eletrocardiograma* com *Dr. Bruno Tavares" in asked
    await chat.say("sim")
    made = booked(chat)
    assert (made.professional, made.service) == ("bruno", "exame")
    assert made.end - made.start == timedelta(minutes=30)


async def test_naming_the_nutritionist_offers_her_service_by_numbered_slots(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    offered = await chat.say("quero marcar com a nutricionista")
    assert "com Carla Menezes (nutricionista)" in offered
    assert "*consulta de nutrição* com *Carla Menezes" in await chat.say("2")
    await chat.say("sim")
    made = booked(chat)
    assert (made.professional, made.service) == ("carla", "nutricao")
    assert made.end - made.start == timedelta(minutes=45)


async def test_the_professional_is_picked_by_number_from_the_list(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("quero marcar um retorno")
    offered = await chat.say("2")
    assert "com Dr. Bruno Tavares" in offered and "Dra. Ana" not in offered


async def test_a_time_the_professional_does_not_work_is_refused_with_the_reason(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    reply = await chat.say("quero um retorno com o dr bruno amanhã às 9h")
    assert "Dr. Bruno Tavares (cardiologista) não atende nesse horário" in reply
    assert chat.of_type(ActionProposed) == []


async def test_a_return_keeps_its_buffer_free_before_the_next_slot(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("quero um retorno com a dra ana hoje às 10h")
    await chat.say("sim")
    second = await registered_as(conductor, "subject-2")
    slots = await second.say("quero um retorno com a dra ana hoje às 10h")
    # 10:00 + 20 min + 5 min of buffer: 10:15 overlaps, 10:30 is the next start free.
    assert "10:15" not in slots and "10:30" in slots


async def registered_as(conductor: Decider, subject: str) -> Dialogue:
    return await introduced(conductor, NOW, subject, "João Souza")


async def test_cancelling_within_the_cut_off_is_refused_with_the_reason(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    await chat.say("quero um retorno com a dra ana hoje às 10h")
    await chat.say("sim")
    reply = await chat.say("quero cancelar minha consulta")
    assert "só é possível cancelar ou remarcar até 2 horas antes" in reply
    assert chat.of_type(AppointmentCancelled) == []


async def test_cancelling_before_the_cut_off_asks_and_cancels(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("quero um retorno com a dra ana amanhã às 10h")
    await chat.say("sim")
    assert "Posso cancelar" in await chat.say("quero cancelar minha consulta")
    await chat.say("sim")
    assert len(chat.of_type(AppointmentCancelled)) == 1


async def test_a_move_keeps_the_service_and_the_professional(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("quero um retorno com o dr bruno amanhã às 14h")
    await chat.say("sim")
    await chat.say("quero remarcar")
    assert "para *quinta, 10/12 às 15:00*" in await chat.say("quinta às 15h")
    assert "foi remarcada" in await chat.say("sim")
    moved = chat.of_type(AppointmentBooked)[-1]
    assert (moved.professional, moved.service) == ("bruno", "retorno")  # type: ignore[attr-defined]


async def test_moving_within_the_cut_off_is_refused_with_the_reason(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("quero um retorno com a dra ana hoje às 10h")
    await chat.say("sim")
    await chat.say("quero remarcar")
    reply = await chat.say("amanhã às 10h")
    assert "só é possível cancelar ou remarcar até 2 horas antes" in reply
    assert chat.of_type(ActionProposed)[-1].action == "book"  # type: ignore[attr-defined]


async def test_a_yes_naming_another_professional_books_nothing_and_proposes_with_them(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    await chat.say("quero um retorno com a dra ana quinta às 15h")
    asked = await chat.say("sim, pode confirmar com o dr bruno")
    assert chat.of_type(AppointmentBooked) == []
    assert "*retorno* com *Dr. Bruno Tavares" in asked and "quinta, 10/12 às 15:00" in asked
    await chat.say("sim")
    assert booked(chat).professional == "bruno"


async def test_a_yes_naming_the_professional_proposed_books(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("quero um retorno com a dra ana quinta às 15h")
    await chat.say("sim, com a dra ana mesmo")
    assert booked(chat).professional == "ana"


async def test_a_yes_to_a_move_naming_another_professional_says_the_move_keeps_its_own(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    await chat.say("quero um retorno com o dr bruno amanhã às 14h")
    await chat.say("sim")
    await chat.say("quero remarcar")
    await chat.say("quinta às 15h")
    reply = await chat.say("sim, pode confirmar com a dra ana")
    assert reply.startswith("Na remarcação a consulta continua com *Dr. Bruno Tavares")
    assert "para *quinta, 10/12 às 15:00*" in reply
    assert len(chat.of_type(AppointmentBooked)) == 1
    assert "foi remarcada" in await chat.say("sim")
