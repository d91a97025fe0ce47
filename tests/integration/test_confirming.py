"""Nothing is booked, moved or cancelled without the patient's explicit yes (principle 11):
dialogues with the offline brain on the embedded calendar (real Redis)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from redis.asyncio import Redis

from events.schema import (
    ActionProposed,
    AppointmentBooked,
    AppointmentCancelled,
    MessageReceived,
)
from services.conductor.deciding import Decider
from services.conductor.offline_brain import OfflineBrain
from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.privacy import PrivacyNotice
from services.conductor.tools import Toolbox
from services.conductor.turn import take_turn
from services.domain.clinic import Clinic
from services.domain.conversation import replay
from services.domain.embedded_calendar import EmbeddedCalendar
from tests.support.dialogue import Dialogue, introduced

SP = ZoneInfo("America/Sao_Paulo")
NOW = datetime(2026, 11, 24, 9, 10, tzinfo=SP)  # Tuesday morning


def conductor_on(redis: Redis, *, max_open: int = 3) -> Decider:
    notice = PrivacyNotice.current("2026-11")
    calendar = EmbeddedCalendar(redis)
    toolbox = Toolbox(calendar, Clinic(), notice, max_open_appointments=max_open)
    return Decider(OfflineBrain(), toolbox, notice)


@pytest.fixture
def conductor(redis: Redis) -> Decider:
    return conductor_on(redis)


async def registered(conductor: Decider, subject: str = "subject-1") -> Dialogue:
    return await introduced(conductor, NOW, subject)


async def book(chat: Dialogue, request: str) -> None:
    """Books as a patient does: the request, then a yes to the time proposed."""
    assert "Posso confirmar" in await chat.say(request)
    assert "marcada" in await chat.say("sim")


async def test_a_request_with_day_and_time_is_proposed_not_booked(conductor: Decider) -> None:
    chat = await registered(conductor)
    reply = await chat.say("quero marcar amanhã às 15h")
    assert reply.startswith("Posso confirmar *quarta, 25/11 às 15:00*?")
    assert chat.of_type(AppointmentBooked) == []
    assert len(chat.of_type(ActionProposed)) == 1


@pytest.mark.parametrize("yes", ["sim, pode confirmar", "pode", "isso", "confirmo", "Sim!"])
async def test_the_patients_yes_books_the_time_proposed(conductor: Decider, yes: str) -> None:
    chat = await registered(conductor)
    await chat.say("quero marcar amanhã às 15h")
    assert "marcada para *quarta, 25/11 às 15:00*" in await chat.say(yes)
    [booked] = chat.of_type(AppointmentBooked)
    assert booked.start == datetime(2026, 11, 25, 15, tzinfo=SP)  # type: ignore[attr-defined]


async def test_a_no_books_nothing_and_a_later_yes_neither(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("quero marcar amanhã às 15h")
    assert "não marquei" in await chat.say("não")
    await chat.say("sim")
    assert chat.of_type(AppointmentBooked) == []


async def test_a_correction_changes_the_proposal_and_its_yes_books_the_new_time(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    await chat.say("quero marcar amanhã às 15h")
    assert "Posso confirmar *quarta, 25/11 às 16:00*?" in await chat.say("não, às 16h")
    assert chat.of_type(AppointmentBooked) == []
    await chat.say("sim")
    [booked] = chat.of_type(AppointmentBooked)
    assert booked.start == datetime(2026, 11, 25, 16, tzinfo=SP)  # type: ignore[attr-defined]


async def test_a_no_naming_another_day_books_nothing_and_reads_that_day(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    await chat.say("quero marcar amanhã às 15h")
    reply = await chat.say("não, errei o dia, é sexta")
    assert "não marquei" not in reply and "27/11" in reply
    assert chat.of_type(AppointmentBooked) == []


async def test_a_no_with_a_bound_offers_times_of_the_day_proposed(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    await chat.say("quero marcar amanhã às 10h")
    reply = await chat.say("10h eu to na lavoura, so depois das 16")
    assert "1) quarta, 25/11 às 16:00" in reply and "24/11" not in reply
    assert chat.of_type(AppointmentBooked) == []


async def test_the_hour_proposed_named_in_a_no_is_not_proposed_again(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    await chat.say("quero marcar amanhã às 10h")
    reply = await chat.say("nao, as 10 eu trabalho")
    assert "Posso confirmar" not in reply and "Tenho estes horários" in reply
    assert chat.of_type(AppointmentBooked) == []


async def test_a_bare_hour_asked_after_the_hour_refused_is_proposed_on_that_day(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    await chat.say("quero marcar amanhã às 10h")
    reply = await chat.say("nao.. 10h eu nao consigo, pode ser 11?")
    assert "Posso confirmar *quarta, 25/11 às 11:00*?" in reply
    assert chat.of_type(AppointmentBooked) == []


async def test_a_bare_weekday_refusing_a_proposal_a_week_away_is_asked(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    assert "01/12 às 10:00" in await chat.say("quero marcar dia 1 às 10h")
    reply = await chat.say("nao, prefiro quarta as 10")
    assert "25/11" in reply and "02/12" in reply and "Posso confirmar" not in reply
    assert chat.of_type(AppointmentBooked) == []


@pytest.mark.parametrize("no", ["tem outro dia?", "esse dia não, tem outro dia?"])
async def test_a_no_asking_for_another_day_is_offered_the_next_days(
    conductor: Decider, no: str
) -> None:
    chat = await registered(conductor)
    await chat.say("quero marcar amanhã às 15h")
    reply = await chat.say(no)
    assert "não marquei" not in reply and "26/11" in reply
    assert chat.of_type(AppointmentBooked) == []


async def test_a_question_about_another_time_is_a_new_proposal_never_a_booking(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    await chat.say("quero marcar amanhã às 15h")
    reply = await chat.say("e depois de amanhã às 10 e meia?")
    assert "Posso confirmar *quinta, 26/11" in reply
    assert chat.of_type(AppointmentBooked) == []


async def test_an_unrelated_message_lets_the_proposal_lapse(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("quero marcar amanhã às 15h")
    await chat.say("qual o endereço?")
    await chat.say("sim")
    assert chat.of_type(AppointmentBooked) == []


async def test_a_redelivered_yes_books_once(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("quero marcar amanhã às 15h")
    before, said = chat.state, len(chat.events)
    await chat.say("sim")
    message = chat.events[said]
    assert isinstance(message, MessageReceived)
    # The same entry taken again from the state before it, as after a crash before the
    # checkpoint (the harness names entry "eN" for message "mN"): one appointment, one id.
    again = await take_turn(
        before, message, subject=chat.subject, inbound_event_id="e" + message.message_id[1:],
        now=NOW, decide=conductor.decide, reminder_offsets=(),
    )  # fmt: skip
    [first] = chat.of_type(AppointmentBooked)
    [second] = [e for e in again.decided if isinstance(e, AppointmentBooked)]
    assert second.appointment_id == first.appointment_id  # type: ignore[attr-defined]
    assert len(await conductor.toolbox.calendar.bookings_of(chat.subject)) == 1


async def test_a_second_yes_after_the_booking_books_nothing_more(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("quero marcar amanhã às 15h")
    await chat.say("sim")
    await chat.say("sim, pode confirmar")
    assert len(chat.of_type(AppointmentBooked)) == 1


async def test_a_proposal_survives_a_restart(redis: Redis) -> None:
    chat = await registered(conductor_on(redis))
    await chat.say("quero marcar amanhã às 15h")
    restarted = Dialogue(conductor_on(redis), NOW, chat.subject)
    restarted.state = replay(chat.events)  # what the conductor rebuilds from the log
    assert "marcada para *quarta, 25/11 às 15:00*" in await restarted.say("sim")


async def test_the_bound_on_open_appointments_is_answered_clearly(redis: Redis) -> None:
    chat = await registered(conductor_on(redis, max_open=2))
    for request in ("marcar amanhã às 15h", "marcar sexta às 10h"):
        await chat.say(request)
        await chat.say("sim")
    reply = await chat.say("marcar sexta às 11h")
    assert "Você já tem 2 consultas marcadas, o máximo por pessoa" in reply
    assert len(chat.of_type(AppointmentBooked)) == 2
    assert len(chat.of_type(ActionProposed)) == 2


async def test_cancelling_names_the_appointment_and_asks_first(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("marcar amanhã às 15h")
    await chat.say("sim")
    reply = await chat.say("cancelar")
    assert "Posso cancelar sua consulta de *quarta, 25/11 às 15:00*?" in reply
    assert chat.of_type(AppointmentCancelled) == []


async def test_a_no_to_cancelling_keeps_the_appointment(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("marcar amanhã às 15h")
    await chat.say("sim")
    await chat.say("cancelar")
    assert "continua marcada" in await chat.say("não")
    assert chat.of_type(AppointmentCancelled) == []
    assert "quarta, 25/11 às 15:00" in await chat.say("minhas consultas")


async def test_rescheduling_proposes_the_new_time_and_a_yes_moves_it(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("marcar amanhã às 15h")
    await chat.say("sim")
    assert "Para quando" in await chat.say("quero remarcar")
    reply = await chat.say("sexta às 10h")
    assert "Posso passar sua consulta de *quarta, 25/11 às 15:00* para *sexta, 27/11" in reply
    assert chat.of_type(AppointmentCancelled) == []
    assert "remarcada para *sexta, 27/11 às 10:00*" in await chat.say("sim")
    assert len(chat.of_type(AppointmentCancelled)) == 1


async def test_a_cancel_request_naming_a_time_while_a_proposal_waits_books_nothing(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    await book(chat, "marcar amanhã às 15h")
    await chat.say("marcar sexta às 10h")
    reply = await chat.say("quero cancelar a de amanhã às 15h")
    assert "Posso cancelar sua consulta de *quarta, 25/11 às 15:00*?" in reply
    assert [p.action for p in chat.of_type(ActionProposed)] == ["book", "book", "cancel"]  # type: ignore[attr-defined]
    assert len(chat.of_type(AppointmentBooked)) == 1


SAID = [
    "quero marcar amanhã às 15h", "sim", "não", "não, às 16h", "2", "quero agendar",
    "e depois de amanhã às 10h?", "cancelar", "pode", "sexta às 9h", "minhas consultas",
    "remarcar", "ok", "qual o endereço?",
]  # fmt: skip


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.lists(st.sampled_from(SAID), max_size=10))
async def test_every_booking_and_cancellation_follows_a_yes_to_its_proposal(
    conductor: Decider, redis: Redis, said: list[str]
) -> None:
    await redis.flushdb()
    chat = await registered(conductor)
    for text in said:
        await chat.say(text)
    pending: ActionProposed | None = None  # asked in the latest reply
    answering: ActionProposed | None = None  # what the message being answered answers
    text = ""
    for event in chat.events:
        match event:
            case MessageReceived():
                text, answering, pending = event.text, pending, None
            case ActionProposed():
                pending = event
            case AppointmentBooked(start=start):
                assert confirmation_answer(text) is True
                assert answering is not None and answering.start == start
                assert answering.action in ("book", "reschedule")
            case AppointmentCancelled(appointment_id=appointment_id):
                assert confirmation_answer(text) is True and answering is not None
                moved_or_cancelled = (answering.appointment_id, answering.action)
                assert moved_or_cancelled in ((appointment_id, "cancel"),
                                              (appointment_id, "reschedule"))  # fmt: skip
