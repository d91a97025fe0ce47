"""Round 10: questions about the clinic told apart by their structure."""

import pytest

from services.conductor.portuguese.intents import Intent, intent_of


@pytest.mark.parametrize(
    "text",
    [
        "e ai, como que funciona pra marcar as coisa por aqui",
        "como funciona o agendamento por aqui?",
        "como funciona pra remarcar?",
    ],
)
def test_how_booking_works_asked_is_help(text: str) -> None:
    assert intent_of(text) is Intent.HELP


def test_how_to_book_asked_as_a_step_stays_a_booking() -> None:
    assert intent_of("como faço pra marcar consulta por aqui?") is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text", ["funciona sabado?", "vcs funcionam domingo?", "a clinica funciona no feriado?"]
)
def test_whether_the_clinic_is_open_on_a_day_is_a_question_about_it(text: str) -> None:
    assert intent_of(text) is Intent.INFO


@pytest.mark.parametrize("text", ["vende seguro de carro?", "vcs vendem remedio?"])
def test_something_sold_asked_is_no_concern_of_the_clinic(text: str) -> None:
    assert intent_of(text) is Intent.UNKNOWN


def test_the_data_sold_asked_stays_a_data_rights_question() -> None:
    assert intent_of("vcs vendem meus dados?") is Intent.LGPD


@pytest.mark.parametrize(
    "text",
    [
        "eu preciso levar meu marido no cardiologista, se tiver sabado de manha seria otimo",
        "preciso ver a dermatologista, se tiver quinta de tarde",
    ],
)
def test_a_need_with_a_day_offered_as_a_condition_books(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


def test_a_need_with_a_day_and_no_booking_stays_a_question_about_the_clinic() -> None:
    assert intent_of("preciso levar algum exame na consulta de amanha?") is Intent.INFO


@pytest.mark.parametrize(
    "text",
    [
        "recebi a mensagem da consulta da minha mae, sim ela vai ta la pode deixar",
        "sim ele vai estar la no horario",
    ],
)
def test_attendance_said_in_a_relative_s_words_confirms(text: str) -> None:
    assert intent_of(text) is Intent.CONFIRM
