"""A model cannot book or cancel what the patient did not confirm: the tools refuse, like
the consent tools, whatever the model calls. Through the real groq SDK against a local
server speaking the chat-completions wire format (tests/support/fake_openai.py)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from redis.asyncio import Redis

from events.schema import AppointmentBooked, AppointmentCancelled
from services.domain.calendar import Booking
from services.domain.embedded_calendar import EmbeddedCalendar
from tests.support.dialogue import Dialogue, model_decider, registered_chat, results_of
from tests.support.fake_openai import FakeOpenAI, completion, tool_call

SP = ZoneInfo("America/Sao_Paulo")
NOW = datetime(2026, 11, 24, 9, 10, tzinfo=SP)
TOMORROW_15H = '{"start": "2026-11-25T15:00"}'


def registered(redis: Redis, base_url: str) -> Dialogue:
    """Maria, registered, talking to a conductor with a model."""
    return registered_chat(model_decider(redis, base_url), NOW)


async def test_a_model_booking_without_a_proposal_is_refused(redis: Redis) -> None:
    fake = FakeOpenAI([
        completion(calls=[tool_call("transfer_to_agent", '{"agent": "scheduling"}', "c1")]),
        completion(calls=[tool_call("book_appointment", TOMORROW_15H, "c2")]),
        completion("Não consegui."),
    ])  # fmt: skip
    async with fake.serving() as url:
        chat = registered(redis, url)
        await chat.say("quero marcar amanhã às 15h")
    [refused] = results_of(chat, "book_appointment")
    assert refused["ok"] is False and "propose_appointment" in str(refused["error"])
    assert chat.of_type(AppointmentBooked) == []


async def test_a_model_booking_on_an_answer_that_is_no_yes_is_refused(redis: Redis) -> None:
    fake = FakeOpenAI([
        completion(calls=[tool_call("transfer_to_agent", '{"agent": "scheduling"}', "c1")]),
        completion(calls=[tool_call("propose_appointment", TOMORROW_15H, "c2")]),
        completion("Posso confirmar quarta, 25/11 às 15:00?"),
        completion(calls=[tool_call("book_appointment", TOMORROW_15H, "c3")]),
        completion("Ok."),
    ])  # fmt: skip
    async with fake.serving() as url:
        chat = registered(redis, url)
        await chat.say("quero marcar amanhã às 15h")
        await chat.say("e às 16h, tem?")
    [refused] = results_of(chat, "book_appointment")
    assert refused["ok"] is False
    assert chat.of_type(AppointmentBooked) == []


async def test_a_model_books_on_the_patients_yes_to_its_proposal(redis: Redis) -> None:
    fake = FakeOpenAI([
        completion(calls=[tool_call("transfer_to_agent", '{"agent": "scheduling"}', "c1")]),
        completion(calls=[tool_call("propose_appointment", TOMORROW_15H, "c2")]),
        completion("Posso confirmar quarta, 25/11 às 15:00?"),
        completion(calls=[tool_call("book_appointment", TOMORROW_15H, "c3")]),
        completion("Marcada!"),
    ])  # fmt: skip
    async with fake.serving() as url:
        chat = registered(redis, url)
        await chat.say("quero marcar amanhã às 15h")
        assert chat.of_type(AppointmentBooked) == []
        assert await chat.say("sim, pode confirmar") == "Marcada!"
    assert len(chat.of_type(AppointmentBooked)) == 1
    # The yes went straight to the agent that asked, which was told what it asked.
    assert (
        "book_appointment com start 2026-11-25T15:00" in fake.requests[3]["messages"][0]["content"]
    )


async def test_a_model_cancelling_without_asking_is_refused(redis: Redis) -> None:
    calendar = EmbeddedCalendar(redis)
    start = datetime(2026, 11, 25, 15, tzinfo=SP)
    await calendar.book(Booking("0a1b2c", "subject-1", start, start.replace(hour=16)))
    fake = FakeOpenAI([
        completion(calls=[tool_call("transfer_to_agent", '{"agent": "appointments"}', "c1")]),
        completion(calls=[tool_call("cancel_appointment", '{"appointment_id": "0a1b2c"}', "c2")]),
        completion("Cancelada."),
    ])  # fmt: skip
    async with fake.serving() as url:
        chat = registered(redis, url)
        await chat.say("cancelar")
    [refused] = results_of(chat, "cancel_appointment")
    assert refused["ok"] is False and "propose_cancellation" in str(refused["error"])
    assert chat.of_type(AppointmentCancelled) == []
    assert len(await calendar.bookings_of("subject-1")) == 1


async def test_a_model_moving_an_appointment_without_asking_is_refused(redis: Redis) -> None:
    calendar = EmbeddedCalendar(redis)
    start = datetime(2026, 11, 25, 15, tzinfo=SP)
    await calendar.book(Booking("0a1b2c", "subject-1", start, start.replace(hour=16)))
    move = '{"appointment_id": "0a1b2c", "start": "2026-11-27T10:00"}'
    fake = FakeOpenAI([
        completion(calls=[tool_call("transfer_to_agent", '{"agent": "scheduling"}', "c1")]),
        completion(calls=[tool_call("reschedule_appointment", move, "c2")]),
        completion("Remarcada."),
    ])  # fmt: skip
    async with fake.serving() as url:
        chat = registered(redis, url)
        await chat.say("remarcar para sexta às 10h")
    [refused] = results_of(chat, "reschedule_appointment")
    assert refused["ok"] is False and "propose_appointment" in str(refused["error"])
    assert chat.of_type(AppointmentBooked) == chat.of_type(AppointmentCancelled) == []
    assert [b.start for b in await calendar.bookings_of("subject-1")] == [start]
