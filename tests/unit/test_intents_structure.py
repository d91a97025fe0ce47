"""Requests read from the structure of a message: asked or said, a booking one has and
another time wanted, consent taken back in any form of the verb."""

from __future__ import annotations

from services.conductor.portuguese.intents import Intent, intent_of


def test_a_confirmation_said_is_a_patient_confirming() -> None:
    assert intent_of("ta confirmado, obrigada") is Intent.CONFIRM


def test_a_confirmation_asked_looks_the_booking_up() -> None:
    assert intent_of("ta confirmado?") is Intent.CONSULT


def test_confirming_in_a_question_looks_the_booking_up() -> None:
    text = "so confirmando, minha consulta e dia 3 de dezembro as 10h mesmo?"
    assert intent_of(text) is Intent.CONSULT


def test_a_superlative_confirmation_confirms() -> None:
    assert intent_of("confirmadissimo") is Intent.CONFIRM


def test_whether_a_booking_holds_is_a_look_up() -> None:
    assert intent_of("a consulta de segunda ta mantida?") is Intent.CONSULT


def test_whether_one_has_a_booking_is_a_look_up() -> None:
    assert intent_of("oi, tenho algum agendamento com vcs?") is Intent.CONSULT


def test_the_hour_of_ones_own_appointment_is_a_look_up() -> None:
    assert intent_of("a que horas e meu atendimento?") is Intent.CONSULT


def test_a_booking_one_has_and_another_day_wanted_is_a_move() -> None:
    text = "eu tenho uma consulta marcada so que nao vai dar pra ir nesse dia queria ver outro dia"
    assert intent_of(text) is Intent.RESCHEDULE


def test_cancelling_ones_booking_for_another_day_is_a_move() -> None:
    assert intent_of("cancela minha consulta e marca outro dia") is Intent.RESCHEDULE


def test_consent_taken_back_in_any_form_of_the_verb_is_a_revocation() -> None:
    assert intent_of("revoga meu consentimento pfv") is Intent.REVOKE


def test_a_permission_taken_back_is_a_revocation() -> None:
    assert intent_of("tiro minha permissao pro uso dos meus dados") is Intent.REVOKE


def test_an_authorisation_cancelled_is_a_revocation_not_a_cancellation() -> None:
    assert intent_of("cancela minha autorizacao de uso de dados") is Intent.REVOKE


def test_the_hours_the_clinic_opens_asked_are_information() -> None:
    assert intent_of("qual horario vcs atendem?") is Intent.INFO


def test_whether_to_fast_before_is_information() -> None:
    assert intent_of("tem que ficar sem comer antes?") is Intent.INFO


def test_a_person_to_attend_one_is_a_request_for_a_human() -> None:
    assert intent_of("tem alguma pessoa pra me atender?") is Intent.HUMAN


def test_how_to_use_the_number_asks_for_help() -> None:
    assert intent_of("como eu uso esse numero?") is Intent.HELP


def test_ones_own_booking_asked_about_with_no_verb_of_booking_is_a_look_up() -> None:
    assert intent_of("meu horario e que horas mesmo?") is Intent.CONSULT


def test_a_time_asked_for_ones_own_follow_up_is_a_booking_request() -> None:
    assert intent_of("tem horario pra minha consulta de retorno amanha?") is Intent.SCHEDULE
