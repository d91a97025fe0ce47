"""Round 5's request and answer rules: a booking cancelled and another made, or one that
must be at another time, is a move; an erasure asked beside a revocation is data rights;
what the assistant can do is help; a price asked after the noun is about the clinic;
regional interjections and kind asking change no answer."""

from __future__ import annotations

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer
from services.conductor.portuguese.intents import Intent, intent_of, name_in


def test_a_booking_cancelled_and_another_made_is_a_move() -> None:
    text = "queria cancelar a consulta de amanha mas marcar outra pra semana que vem"
    assert intent_of(text) is Intent.RESCHEDULE


def test_a_booking_that_must_be_at_another_time_is_a_move() -> None:
    text = "a consulta do meu filho precisa ser em outro horario, ele tem prova"
    assert intent_of(text) is Intent.RESCHEDULE


def test_another_day_offered_as_a_fallback_is_no_move() -> None:
    text = "queria marcar consulta segunda de manha, se nao der pode ser outro dia"
    assert intent_of(text) is Intent.SCHEDULE


def test_an_erasure_asked_beside_a_revocation_is_data_rights() -> None:
    text = "nao quero mais receber mensagem e quero meus dados excluidos"
    assert intent_of(text) is Intent.LGPD


def test_no_more_messages_alone_stays_a_revocation() -> None:
    assert intent_of("nao quero mais receber mensagem") is Intent.REVOKE


def test_what_the_assistant_can_do_is_help() -> None:
    assert intent_of("o que vc consegue fazer?") is Intent.HELP


def test_a_price_asked_after_the_noun_is_about_the_clinic() -> None:
    assert intent_of("a consulta com o cardiologista sai quanto?") is Intent.INFO


def test_a_regional_interjection_before_a_no_keeps_it() -> None:
    assert consent_answer("vixe, nao, obrigada, prefiro nao") is False


def test_kind_asking_after_a_yes_keeps_it() -> None:
    assert confirmation_answer("sim pfvr") is True


def test_a_time_said_to_suit_for_oneself_is_a_booking_request() -> None:
    assert intent_of("dia 8 de dezembro pela manha ta bom pra mim") is Intent.SCHEDULE


def test_a_time_left_to_the_clinic_is_a_booking_request() -> None:
    assert intent_of("amanha de manha ou de tarde, vcs que sabem") is Intent.SCHEDULE


def test_accepted_terms_taken_back_is_a_revocation() -> None:
    text = "eu tinha aceitado os termos mas quero voltar atras nisso"
    assert intent_of(text) is Intent.REVOKE


def test_where_one_is_from_introduces_no_name() -> None:
    assert name_in("meu nome e Severino, sou de Caruaru") == "Severino"


def test_a_name_after_whose_name_the_booking_goes_in_is_read() -> None:
    assert name_in("pode colocar no nome da minha mae, Tereza da Silva") == "Tereza da Silva"


def test_ones_diary_after_a_no_is_its_reason() -> None:
    assert confirmation_answer("ainda nao, preciso ver minha agenda") is False


def test_asking_how_to_use_the_service_with_que_is_help() -> None:
    assert intent_of("como que eu uso esse atendimento?") is Intent.HELP
