"""The day, hour, place or doctor of a booking one holds, checked, is a look-up."""

import pytest

from services.conductor.portuguese.intent import Intent
from services.conductor.portuguese.intents import intent_of


@pytest.mark.parametrize(
    "text",
    [
        "a consulta de mainha é dia 3 ou dia 4?",
        "meu botox é amanha de manha ou a tarde? esqueci",
        "a sessão de quinta à noite é com a Dra Paula ou com o Dr Rafael?",
        "a consulta do dia 2/12 é online ou presencial?",
    ],
)
def test_which_of_two_a_held_booking_is_asked_is_a_look_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text", ["a vacina dele é dia 3 mesmo?", "minha sessao de terça dia 1 é as 10 msm?"]
)
def test_a_held_booking_checked_as_one_thinks_it_is_a_look_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text", ["tenho peeling marcado semana que vem?", "tem alguma vacina agendada pra hoje?"]
)
def test_whether_one_has_a_booking_is_a_look_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


def test_what_a_held_session_needs_is_a_look_up() -> None:
    assert intent_of("qual o link da sessao de hoje as 19h?") is Intent.CONSULT


def test_a_question_about_how_the_clinic_sees_patients_stays_a_question() -> None:
    assert intent_of("a consulta é online ou presencial?") is Intent.INFO


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("minha consulta é amanha ou sexta? quero remarcar pra segunda", Intent.RESCHEDULE),
        ("tenho consulta marcada amanha e nao vou poder ir", Intent.CANCEL),
    ],
)
def test_a_move_or_not_going_said_beside_it_is_left_to_the_other_rules(
    text: str, intent: Intent
) -> None:
    assert intent_of(text) is intent
