"""Round 4's request rules: a service wanted books it, a date changed moves, who sees one
or when to be there is a look-up, staff asked for is a person, one's record put right is
data rights, a name introduced mid-sentence is read."""

from __future__ import annotations

from services.conductor.portuguese.intents import Intent, intent_of, name_in


def test_a_clinic_service_wanted_is_a_booking_request() -> None:
    assert intent_of("quero fazer um ultrassom, tem vaga?") is Intent.SCHEDULE


def test_a_clinic_service_with_its_price_asked_is_no_booking_request() -> None:
    assert intent_of("quero saber quanto custa o exame de sangue") is not Intent.SCHEDULE


def test_a_service_booking_cancelled_is_a_cancellation() -> None:
    assert intent_of("quero cancelar minha consulta de cardiologia") is Intent.CANCEL


def test_changing_a_bookings_date_is_a_move() -> None:
    assert intent_of("mudar data da consulta") is Intent.RESCHEDULE


def test_who_will_see_one_is_a_look_up() -> None:
    assert intent_of("qual medico vai me atender?") is Intent.CONSULT


def test_when_one_must_be_there_is_a_look_up() -> None:
    assert intent_of("que horas eu tenho que estar ai?") is Intent.CONSULT


def test_asking_to_speak_with_staff_is_a_person() -> None:
    assert intent_of("posso falar com a enfermeira?") is Intent.HUMAN


def test_ones_record_put_right_is_data_rights() -> None:
    assert intent_of("meu endereco ta errado no cadastro, quero corrigir") is Intent.LGPD


def test_a_bookings_time_wrong_is_not_data_rights() -> None:
    assert intent_of("o horario da minha consulta ta errado") is not Intent.LGPD


def test_a_name_introduced_before_a_request_is_read() -> None:
    assert name_in("me chamo camila e queria marcar pra mim") == "Camila"


def test_a_name_after_two_greetings_is_read() -> None:
    assert name_in("oi boa tarde meu nome e cleide") == "Cleide"


def test_ones_booking_passed_to_a_day_is_a_move() -> None:
    assert intent_of("da pra passar meu horario de amanha pra segunda?") is Intent.RESCHEDULE


def test_a_service_with_what_to_bring_asked_is_about_the_clinic() -> None:
    assert intent_of("preciso levar o pedido do exame?") is not Intent.SCHEDULE


def test_a_datum_of_ones_own_changed_is_data_rights() -> None:
    assert intent_of("preciso mudar meu endereco") is Intent.LGPD


def test_a_mind_changed_about_consent_is_a_revocation() -> None:
    assert intent_of("mudei de ideia sobre o consentimento, cancela ele") is Intent.REVOKE


def test_a_booking_cancelled_with_thanks_for_consent_is_no_revocation() -> None:
    assert intent_of("cancela minha consulta e obrigado pela autorizacao") is Intent.CANCEL
