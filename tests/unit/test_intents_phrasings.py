"""What patients ask for, in the other words, slips and spellings they use."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.intents import Intent, intent_of
from services.conductor.portuguese.phrases import PHRASES


@pytest.mark.parametrize("text", ["Oii", "Bom diaaa ☀️", "olaaa", "boa tardeee", "eae"])
def test_a_greeting_written_long_is_a_greeting(text: str) -> None:
    assert intent_of(text) is Intent.HELP


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("quero marca uma consuta", Intent.SCHEDULE),
        ("agndar consulta", Intent.SCHEDULE),
        ("cancelr consulta", Intent.CANCEL),
        ("rmarcar consulta", Intent.RESCHEDULE),
        ("enderço da clinica", Intent.INFO),
        ("estacionamneto", Intent.INFO),
    ],
)
def test_a_slip_of_the_keyboard_is_read_as_the_word_meant(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


def test_a_short_word_is_no_slip_of_a_longer_one() -> None:
    # "algum" is not "alguém": the message asks for a time, not for a person.
    assert intent_of("tem algum horario livre amanha?") is Intent.SCHEDULE


def test_a_name_is_no_slip_of_a_scheduling_word() -> None:
    assert intent_of("Marcos") is Intent.UNKNOWN


@pytest.mark.parametrize(
    "text",
    ["marca pra mim segunda", "agenda pra mim", "tem como encaixar hj?", "me encaixa amanha"],
)
def test_the_scheduling_verbs_in_their_other_forms_book(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


def test_booking_for_ones_own_consultation_is_a_booking_not_a_look_up() -> None:
    text = "queria agendar pra sexta as 9h pra minha consulta de retorno"
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    ["Amanhã 14h tem? 😊", "pode ser segunda as 10?", "qui 15h tem?", "queria amanha as 9"],
)
def test_a_time_asked_for_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


def test_a_bare_time_asks_for_nothing_named() -> None:
    # In a conversation the booking under way reads it (offline_brain.follows_up).
    assert intent_of("amanha as 15h") is Intent.UNKNOWN


@pytest.mark.parametrize(
    "text",
    [
        "infelizmente nao vou conseguir ir amanha",
        "nao vou mais precisar da consulta pode tirar",
        "nao posso ir mais",
        "desisti da consulta",
    ],
)
def test_cancelling_in_other_words_cancels(text: str) -> None:
    assert intent_of(text) is Intent.CANCEL


@pytest.mark.parametrize(
    "text",
    [
        "preciso passar minha consulta pra outro dia",
        "remarca pra mim pfv",
        "da pra trocar pra outro dia?",
    ],
)
def test_moving_in_other_words_reschedules(text: str) -> None:
    assert intent_of(text) is Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "minha consulta ta confirmada?",
        "eu tenho alguma coisa marcada ai?",
        "oi eu marquei uma consulta semana passada e nao lembro mais o dia",
        "que dia ficou meu agendamento?",
    ],
)
def test_asking_what_is_booked_is_a_look_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


def test_saying_one_will_be_there_confirms_though_it_says_confirmado() -> None:
    assert intent_of("ta confirmado, estarei la") is Intent.CONFIRM


@pytest.mark.parametrize(
    "text", ["tem alguem ai?", "nao quero falar com robo", "quero falar com a secretaria"]
)
def test_asking_for_a_person_in_other_words_hands_over(text: str) -> None:
    assert intent_of(text) is Intent.HUMAN


@pytest.mark.parametrize(
    "text", ["hapvida", "unimed?", "vcs abrem sabado?", "quanto ta a consulta"]
)
def test_an_insurer_named_alone_or_a_price_asked_is_a_question_about_the_clinic(
    text: str,
) -> None:
    assert intent_of(text) is Intent.INFO


def test_asking_what_data_is_held_is_a_data_rights_request() -> None:
    assert intent_of("quero saber quais dados meus vcs tem") is Intent.LGPD


def test_not_wanting_ones_data_used_in_shorthand_is_a_revocation() -> None:
    assert intent_of("nao quero mais que vcs usem meus dados") is Intent.REVOKE


@pytest.mark.parametrize(
    "text",
    [
        "ok",
        "obrigada",
        "valeu",
        "ta",
        "ate amanha",
        "feliz natal",
        "algum dia",
        "Pessoal",
        "esqueci",
    ],
)
def test_an_acknowledgement_asks_for_nothing(text: str) -> None:
    assert intent_of(text) is Intent.UNKNOWN


def test_asking_how_the_service_works_is_asking_for_help() -> None:
    assert intent_of("oi, como funciona o atendimento por aqui?") is Intent.HELP


def test_a_consultation_asked_for_with_a_specialist_is_a_booking() -> None:
    assert intent_of("gostaria de uma consulta com a dermatologista") is Intent.SCHEDULE


def test_asking_the_time_of_ones_consultation_is_a_look_up() -> None:
    assert intent_of("qual o horario da minha consulta?") is Intent.CONSULT


def test_asking_where_the_clinic_is_is_a_question_about_it() -> None:
    assert intent_of("o consultorio fica em que bairro?") is Intent.INFO


def test_cancelling_ones_consent_is_a_revocation_not_a_cancellation() -> None:
    assert intent_of("cancela meu consentimento") is Intent.REVOKE


def test_asking_whether_a_time_works_with_da_is_a_booking() -> None:
    assert intent_of("amanha meio dia da?") is Intent.SCHEDULE


@pytest.mark.parametrize("text", ["pode deixar que eu vou", "sim vou comparecer"])
def test_saying_one_will_come_confirms(text: str) -> None:
    assert intent_of(text) is Intent.CONFIRM


def test_wanting_to_see_a_doctor_is_a_booking_not_a_look_up() -> None:
    assert intent_of("quero me consultar com o dr paulo") is Intent.SCHEDULE


def test_booking_through_an_insurer_is_a_booking() -> None:
    assert intent_of("da pra marcar consulta pelo convenio?") is Intent.SCHEDULE


def test_asking_whether_it_was_booked_is_a_look_up() -> None:
    assert intent_of("queria saber se ficou agendado") is Intent.CONSULT


@pytest.mark.parametrize(
    "text", ["quanto tempo dura a consulta?", "o retorno é cobrado?", "vcs ficam perto do metro?"]
)
def test_questions_of_time_cost_and_place_are_questions_about_the_clinic(text: str) -> None:
    assert intent_of(text) is Intent.INFO


def test_asking_for_whoever_is_in_charge_hands_over() -> None:
    assert intent_of("quero falar com o responsavel") is Intent.HUMAN


def test_asking_how_the_whatsapp_service_works_is_asking_for_help() -> None:
    assert intent_of("ola como funciona esse whatsapp") is Intent.HELP


def test_wanting_to_see_ones_booking_is_a_look_up() -> None:
    assert intent_of("quero ver meu agendamento") is Intent.CONSULT


def test_asking_the_clinics_number_is_a_question_about_it() -> None:
    assert intent_of("qual o numero de vcs?") is Intent.INFO


def test_asking_what_is_kept_about_oneself_is_a_data_rights_request() -> None:
    assert intent_of("quais informações vocês guardam sobre mim?") is Intent.LGPD


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("pode ver se tem horario amanha?", Intent.SCHEDULE),
        ("minha consulta de amanha ta de pe?", Intent.CONSULT),
        ("nao tenho como ir amanha", Intent.CANCEL),
        ("joga pra semana que vem", Intent.RESCHEDULE),
        ("quero falar com a clinica", Intent.HUMAN),
        ("quem e voce?", Intent.HELP),
        ("qual medico atende amanha?", Intent.INFO),
        ("me lembra o horario da consulta", Intent.CONSULT),
        ("me chama alguém da clínica", Intent.HUMAN),
        ("qual o cep?", Intent.INFO),
        ("qual horario ficou?", Intent.CONSULT),
        ("nao conseguirei ir", Intent.CANCEL),
        ("ninguém me responde?", Intent.HUMAN),
        ("qual o horário de vocês?", Intent.INFO),
        ("troca pra sexta pfv", Intent.RESCHEDULE),
        ("retiro minha autorização", Intent.REVOKE),
    ],
)
def test_more_everyday_phrasings_of_each_request(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    "text", ["obrigada pela ajuda", "gostei muito do atendimento", "ok, aguardo retorno"]
)
def test_a_courtesy_naming_a_requests_word_asks_for_nothing(text: str) -> None:
    assert intent_of(text) is Intent.UNKNOWN


def test_asking_how_patients_are_seen_is_a_question_about_the_clinic() -> None:
    assert intent_of("o atendimento e por ordem de chegada?") is Intent.INFO


@pytest.mark.parametrize(
    "text", ["ja marcaram minha consulta?", "desmarquei ontem, foi cancelada mesmo?"]
)
def test_a_verb_in_another_person_or_tense_is_no_slip_of_a_request(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("voce cancelaria pra mim?", Intent.CANCEL),
        ("desmarcaria minha consulta", Intent.CANCEL),
        ("podem reagendar?", Intent.RESCHEDULE),
    ],
)
def test_any_form_of_the_cancelling_and_moving_verbs_asks_what_they_do(
    text: str, intent: Intent
) -> None:
    assert intent_of(text) is intent


def test_asking_when_it_was_moved_to_is_a_look_up() -> None:
    assert intent_of("remarcada pra quando?") is Intent.CONSULT


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("to marcado pra quando?", Intent.CONSULT),
        ("vou faltar na consulta", Intent.CANCEL),
        ("tira meu nome da agenda", Intent.CANCEL),
        ("nao quero mais a consulta", Intent.CANCEL),
        ("nao vai dar pra ir amanha", Intent.CANCEL),
        ("deixa pra outro dia a minha consulta", Intent.RESCHEDULE),
        ("que informações minhas vocês têm?", Intent.LGPD),
        ("bota eu pra quarta 11h", Intent.SCHEDULE),
        ("quando e meu retorno?", Intent.CONSULT),
        ("quero que voces apaguem tudo sobre mim", Intent.LGPD),
    ],
)
def test_still_more_everyday_phrasings_of_each_request(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


def test_someone_asked_for_alone_is_a_person_asked_for() -> None:
    assert intent_of("alguem?") is Intent.HUMAN


def test_someone_a_booking_is_for_is_no_person_asked_for() -> None:
    assert intent_of("quero marcar uma consulta pra alguem da familia") is Intent.SCHEDULE


def test_a_word_without_its_silent_h_is_that_word() -> None:
    assert intent_of("qual o orario de funcionamento?") is Intent.INFO


def test_a_greeting_with_a_time_asked_for_is_a_booking() -> None:
    assert intent_of("boa noite! amanha as 8 tem?") is Intent.SCHEDULE


def test_the_phrases_tried_last_are_greetings() -> None:
    assert PHRASES[-1][0] is Intent.HELP
