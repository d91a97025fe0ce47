"""Round 13: Spanish and Portunhol requests, companies booking occupational exams, media
described in brackets, and what the service does asked of it."""

import pytest

from services.conductor.portuguese.intents import Intent, intent_of
from services.conductor.portuguese.spanish_words import in_portuguese


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ola necesito un turno con el medico", Intent.SCHEDULE),
        ("hola, necesito una cita con el dentista", Intent.SCHEDULE),
        ("queria cambiar el horario de mi cita", Intent.RESCHEDULE),
        ("quisiera cambiar mi cita para otro dia", Intent.RESCHEDULE),
        ("necesito cancelar mi turno", Intent.CANCEL),
        ("hola buenas", Intent.HELP),
        ("buenos dias", Intent.HELP),
    ],
)
def test_spanish_requests_are_read_as_the_portuguese_ones(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    "text",
    [
        "Informamos que a empresa nao autoriza mais o uso dos dados de seus colaboradores.",
        "A empresa deixa de autorizar o tratamento dos dados dos funcionarios",
        "revogamos a autorizacao de uso dos dados",
    ],
)
def test_a_company_no_longer_authorising_the_data_revokes(text: str) -> None:
    assert intent_of(text) is Intent.REVOKE


@pytest.mark.parametrize(
    "text",
    [
        "Prezados, poderiam informar as datas agendadas para os exames dos colaboradores?",
        "Solicitamos informar os horarios marcados dos colaboradores",
        "aff perdi o papel com o horario, qual era mesmo?",
        "que horas era mesmo?",
    ],
)
def test_bookings_made_asked_or_recalled_are_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


def test_booked_dates_named_in_a_move_are_no_look_up() -> None:
    text = "precisamos reagendar o exame do colaborador, ele estara em ferias na data marcada"
    assert intent_of(text) is Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "aff esqueci que tinha prova, desmarca por favor nao quero remarcar agora",
        "cancela por favor, nao vou remarcar por enquanto",
    ],
)
def test_moving_refused_beside_a_cancellation_cancels(text: str) -> None:
    assert intent_of(text) is Intent.CANCEL


@pytest.mark.parametrize(
    "text",
    [
        "menor de idade pode ir sozinho na consulta ou precisa de responsavel?",
        "crianca precisa ir acompanhada de um responsavel?",
        "tem medico que fala espanhol?",
        "a medica atende em libras?",
        "Bom dia. Qual a documentacao necessaria para o colaborador realizar o exame?",
    ],
)
def test_questions_about_the_clinics_rules_and_staff_are_info(text: str) -> None:
    assert intent_of(text) is Intent.INFO


def test_a_responsible_person_wanted_to_talk_to_is_still_a_person() -> None:
    assert intent_of("quero falar com o responsavel") is Intent.HUMAN


def test_wanting_to_be_seen_by_someone_is_a_booking() -> None:
    assert intent_of("vcs atendem hoje? queria passar com alguem") is Intent.SCHEDULE


def test_someone_wanted_to_talk_to_is_still_a_person() -> None:
    assert intent_of("quero falar com alguem") is Intent.HUMAN


@pytest.mark.parametrize("text", ["agendar exame de sangue pfvr 🙏", "marca consulta pfv"])
def test_a_service_after_a_booking_verb_is_booked(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize("text", ["o que esse bot faz?", "o que esse robo faz?"])
def test_what_the_machine_does_asked_is_help(text: str) -> None:
    assert intent_of(text) is Intent.HELP


@pytest.mark.parametrize(
    "text", ["[audio de 0:03 sem fala, so barulho de onibus]", "[figurinha de gato]", "(foto)"]
)
def test_media_described_in_brackets_asks_nothing(text: str) -> None:
    assert intent_of(text) is Intent.UNKNOWN


def test_words_beside_a_media_note_are_read() -> None:
    assert intent_of("[audio] quero cancelar") is Intent.CANCEL


@pytest.mark.parametrize(
    "text", ["a praia ta boa hoje?", "o transito ta ruim agora?", "o mar ta calmo amanha?"]
)
def test_how_something_not_the_clinic_is_asks_no_booking(text: str) -> None:
    assert intent_of(text) is Intent.UNKNOWN


def test_how_the_clinics_agenda_is_on_a_day_stays_a_booking() -> None:
    assert intent_of("a agenda ta cheia amanha?") is Intent.SCHEDULE


def test_something_of_ones_own_home_asked_is_no_question_for_the_clinic() -> None:
    assert intent_of("qual a senha do wifi da minha casa mesmo") is Intent.UNKNOWN


def test_the_clinics_wifi_asked_is_info() -> None:
    assert intent_of("qual a senha do wifi?") is Intent.INFO


@pytest.mark.parametrize(
    "text",
    [
        "amanha de tarde tem? e aceita sulamerica?",
        "sexta de manha tem? aceita unimed?",
        "quanto custa? e amanha tem?",
    ],
)
def test_a_time_asked_free_beside_a_question_about_the_clinic_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


def test_a_question_about_the_clinic_alone_stays_info() -> None:
    assert intent_of("aceita unimed?") is Intent.INFO


@pytest.mark.parametrize(
    "text",
    ["a consulta do meu filho e sexta de manha ou de tarde? esqueci", "a consulta e amanha mesmo?"],
)
def test_when_a_booking_is_asked_as_forgotten_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


def test_a_booking_said_with_a_move_wanted_is_moved() -> None:
    assert intent_of("minha consulta e sexta mesmo, queria remarcar") is Intent.RESCHEDULE


def test_a_work_shift_in_portuguese_is_no_booking() -> None:
    assert in_portuguese("trabalho no turno da noite") == "trabalho no turno da noite"


def test_a_turno_after_a_spanish_word_is_a_booking() -> None:
    assert in_portuguese("necesito un turno") == "preciso un consulta"
