"""Round 6's request rules: a booking described is not looked up, a delay asked is a move,
a verb of changing right before what it changes is a move, a booking made and a change
asked is a move, oneself said to be booked is a look-up, what the clinic offers asked is
about the clinic, a person asked for by speaking with them, an erasure of a datum of
one's own, one's history as one's data, how things are done here is help, and matters of
the world are no request."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.intents import Intent, intent_of


def test_a_booking_described_while_cancelled_is_a_cancellation() -> None:
    text = "queria desmarcar a consulta que ta marcada pra segunda, ele ta doente"
    assert intent_of(text) is Intent.CANCEL


def test_a_delay_of_the_booking_asked_is_a_move() -> None:
    text = "nao vou conseguir chegar no horario, tem como atrasar pra mais tarde?"
    assert intent_of(text) is Intent.RESCHEDULE


@pytest.mark.parametrize("text", ["trocar horario", "queria alterar a data"])
def test_a_verb_of_changing_right_before_what_it_changes_is_a_move(text: str) -> None:
    assert intent_of(text) is Intent.RESCHEDULE


def test_a_booking_made_and_a_change_asked_is_a_move() -> None:
    text = "eu marquei pra quinta mas confundi o dia, da pra mudar?"
    assert intent_of(text) is Intent.RESCHEDULE


@pytest.mark.parametrize("text", ["eu to agendado pra quando?", "estou marcada pra que dia?"])
def test_oneself_said_to_be_booked_is_a_look_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text", ["vcs tem medico pra crianca? meu neto tem 3 anos", "voces fazem exame de vista?"]
)
def test_what_the_clinic_offers_asked_is_about_the_clinic(text: str) -> None:
    assert intent_of(text) is Intent.INFO


def test_what_the_clinic_offers_asked_with_a_time_wanted_books_it() -> None:
    assert intent_of("vcs tem agenda pra exame admissional?") is Intent.SCHEDULE


def test_speaking_with_a_professional_asked_is_a_person() -> None:
    text = "consigo conversar direto com a dra Patricia? e sobre meu exame"
    assert intent_of(text) is Intent.HUMAN


def test_someone_asked_for_to_speak_with_one_is_a_person() -> None:
    text = "cansei de mandar msg pra maquina, tem gente ai pra falar comigo?"
    assert intent_of(text) is Intent.HUMAN


def test_an_erasure_of_a_datum_of_ones_own_is_data_rights() -> None:
    text = "quero que vcs apaguem tudo que tem meu aqui, nome telefone tudo"
    assert intent_of(text) is Intent.LGPD


def test_ones_history_erased_is_data_rights() -> None:
    assert intent_of("apaga meu historico ai pf") is Intent.LGPD


def test_how_things_are_done_here_is_help() -> None:
    assert intent_of("nunca usei isso, explica como eu faco as coisas por aqui?") is Intent.HELP


@pytest.mark.parametrize(
    "text", ["vc viu o jogo ontem?", "quanto ta o dolar hj", "opa foi engano, msg pro meu irmao"]
)
def test_a_matter_of_the_world_asks_nothing_of_the_clinic(text: str) -> None:
    assert intent_of(text) is Intent.UNKNOWN


def test_a_matter_of_the_world_beside_a_booking_keeps_the_booking() -> None:
    assert intent_of("marquei por engano pra sexta, cancela por favor") is Intent.CANCEL


def test_someone_asked_for_as_there_is_a_person() -> None:
    assert intent_of("tem gente ai?") is Intent.HUMAN


def test_a_matter_of_the_world_given_as_a_reason_for_not_coming_keeps_the_request() -> None:
    assert intent_of("com essa chuva nao vou conseguir ir") is Intent.CANCEL


def test_a_professional_asked_for_on_a_day_is_a_booking() -> None:
    assert intent_of("voces tem medico sabado?") is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "tem como ser mais cedo a consulta de amanha?",
        "nao vou chegar a tempo, consigo ir mais tarde?",
    ],
)
def test_a_booking_one_has_wanted_earlier_or_later_is_a_move(text: str) -> None:
    assert intent_of(text) is Intent.RESCHEDULE


def test_an_earlier_time_asked_while_booking_stays_a_booking() -> None:
    assert intent_of("tem horario mais cedo?") is Intent.SCHEDULE


def test_going_on_a_day_instead_of_another_is_a_move() -> None:
    assert intent_of("posso ir na sexta em vez de quinta?") is Intent.RESCHEDULE


def test_a_day_preferred_instead_of_another_is_a_booking() -> None:
    assert intent_of("prefiro quinta em vez de sexta") is Intent.SCHEDULE


def test_what_no_longer_suits_with_another_asked_is_a_move() -> None:
    assert intent_of("aquele horario de quinta nao vai dar mais, me ve outro") is Intent.RESCHEDULE


def test_a_booking_no_longer_needed_is_a_cancellation() -> None:
    assert intent_of("meu filho melhorou, nao precisa mais da consulta") is Intent.CANCEL


def test_something_to_do_no_longer_needed_is_no_cancellation() -> None:
    assert intent_of("nao precisa mais confirmar a consulta?") is not Intent.CANCEL


def test_the_time_of_ones_own_asked_to_be_reminded_is_a_look_up() -> None:
    assert intent_of("a que horas e amanha mesmo?") is Intent.CONSULT
