"""Intents read from content words combined by rules (round 3): a noun of what is asked
about with a verb or mark of what is asked, however the sentence runs."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.intents import Intent, intent_of, name_in


@pytest.mark.parametrize(
    "text",
    ["nao dou mais permissao pra vcs tratarem meus dados", "revogação do consentimento, por favor"],
)
def test_a_consent_noun_taken_back_is_a_revocation(text: str) -> None:
    assert intent_of(text) is Intent.REVOKE


def test_a_verb_of_withdrawing_consent_is_a_revocation() -> None:
    assert intent_of("desautorizo vcs a usar qualquer dado meu") is Intent.REVOKE


@pytest.mark.parametrize(
    "text",
    ["apaguem meu cadastro do sistema de vcs", "pra que vcs usam meu cpf?",
     "vcs passam meu numero pra outras empresas?", "me mandem tudo que vcs tem registrado"],
)  # fmt: skip
def test_ones_data_with_a_verb_of_erasing_sending_or_using_is_a_data_right(text: str) -> None:
    assert intent_of(text) is Intent.LGPD


def test_a_bookings_details_are_looked_up_not_a_data_right() -> None:
    assert intent_of("me manda os dados da minha consulta") is Intent.CONSULT


def test_a_booking_pushed_in_time_is_moved() -> None:
    assert intent_of("tem como empurrar minha consulta uns dias pra frente?") is Intent.RESCHEDULE


def test_ones_booking_that_will_not_do_with_another_asked_is_moved() -> None:
    assert intent_of("meu horario nao vai dar, tem outro?") is Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text", ["ficou pra que dia mesmo?", "queria saber se meu agendamento deu certo"]
)
def test_a_mark_of_a_booking_made_is_a_look_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize("text", ["eu vou, pode deixar", "amanha to ai no horario certinho"])
def test_saying_one_will_be_there_with_an_assurance_confirms(text: str) -> None:
    assert intent_of(text) is Intent.CONFIRM


def test_being_passed_to_a_person_asks_for_one() -> None:
    assert intent_of("me passa pra uma pessoa por favor") is Intent.HUMAN


@pytest.mark.parametrize(
    "text", ["onde eu deixo o carro quando for ai?", "bah, onde que fica a clinica de vcs?"]
)
def test_where_the_car_or_the_clinic_goes_is_about_the_clinic(text: str) -> None:
    assert intent_of(text) is Intent.INFO


def test_a_number_to_call_is_about_the_clinic_but_being_called_asks_for_a_person() -> None:
    assert intent_of("me passa um numero fixo pra ligar na clinica") is Intent.INFO
    assert intent_of("pode me ligar? prefiro por telefone") is Intent.HUMAN


def test_asking_to_be_seen_is_a_booking_request() -> None:
    assert intent_of("to com muita dor, tem como me atender logo?") is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text", ["quero marcar exame de sangue", "vcs atendem sabado? se tiver queria sab as 8"]
)
def test_a_wish_to_book_outweighs_a_question_about_the_clinic(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


def test_an_apology_for_the_hour_alone_is_a_greeting() -> None:
    assert intent_of("boa noite, desculpa o horario") is Intent.HELP


@pytest.mark.parametrize(
    ("text", "name"), [("eu sou a Dona Zilda", "Zilda"), ("pode me chamar so de Tati", "Tati")]
)
def test_a_form_of_address_or_only_before_a_name_is_no_part_of_it(text: str, name: str) -> None:
    assert name_in(text) == name


def test_taking_permission_back_with_no_more_is_a_revocation() -> None:
    assert intent_of("nao quero mais dar permissao") is Intent.REVOKE


def test_ones_booking_thrown_forward_is_moved_but_a_later_booking_is_not() -> None:
    assert intent_of("tem como jogar minha consulta pra frente?") is Intent.RESCHEDULE
    assert intent_of("quero marcar uma consulta mais pra frente") is Intent.SCHEDULE


def test_a_day_one_will_miss_with_another_asked_is_a_move() -> None:
    assert intent_of("nao vou poder na quinta, tem outro dia?") is Intent.RESCHEDULE


@pytest.mark.parametrize("text", ["ficou pra quinta ne?", "tenho horario amanha?"])
def test_a_booking_made_asked_by_its_day_is_a_look_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


def test_going_by_car_is_about_the_clinic() -> None:
    assert intent_of("posso ir de carro?") is Intent.INFO


def test_the_patient_giving_their_data_is_no_data_right() -> None:
    assert intent_of("vou passar meu cpf na recepcao") is not Intent.LGPD
