"""Round 8: requests said in other words."""

import pytest

from services.conductor.portuguese.intent import Intent
from services.conductor.portuguese.intents import intent_of


@pytest.mark.parametrize(
    "text",
    [
        "oxe, a consulta do meu menino é quando?",
        "vcs podem me dizer quando é o retorno do meu pai?",
        "o exame da minha mãe vai ser quando?",
        "vê pra mim que horas é a consulta da minha mãe",
    ],
)
def test_when_a_familys_booking_is_asked_is_a_look_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


def test_when_asked_with_a_booking_verb_stays_a_booking() -> None:
    assert intent_of("quero marcar a consulta da minha mae, quando tem?") is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    ["ve pra mim se ta tudo certo com meu agendamento", "olha se está tudo ok com minha consulta"],
)
def test_seeing_whether_ones_booking_is_all_right_is_a_look_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


def test_seeing_whether_a_time_is_free_stays_a_booking() -> None:
    assert intent_of("ve se tem horario amanha") is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "bah, tô precisando pra amanhã lá pelas 4 da tarde",
        "vou querer quinta às sete da noite",
        "preciso de um retorno com dr bruno sabado 9h",
        "bah, se tiver hoje de tarde eu vou, tô de folga",
        "consigo alguma coisa na semana que vem com o cardiologista?",
        "oi, vou querer marcar o exame de sangue",
        "sábado pela manhã se possível",
    ],
)
def test_a_need_or_a_condition_said_with_a_time_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


def test_a_service_brought_forward_is_a_move() -> None:
    assert intent_of("bah, tem como adiantar pra hoje à tarde o eletro?") is Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text",
    ["sai dessa lista pfv, nao quero lembrete", "não quero mais mensagem", "quero sair da lista"],
)
def test_messages_refused_outright_are_a_revocation(text: str) -> None:
    assert intent_of(text) is Intent.REVOKE


@pytest.mark.parametrize(
    "text", ["quero sair da lista de espera", "pode sim, so nao quero receber propaganda"]
)
def test_leaving_the_waiting_list_or_refusing_advertising_is_no_revocation(text: str) -> None:
    assert intent_of(text) is not Intent.REVOKE


def test_a_relative_said_to_be_coming_is_a_confirmation() -> None:
    assert intent_of("minha mae vai sim na consulta, eu levo ela") is Intent.CONFIRM


def test_how_to_use_asked_beside_whether_it_is_a_machine_is_help() -> None:
    assert intent_of("oxe, isso aqui é robo? como que usa?") is Intent.HELP


@pytest.mark.parametrize("text", ["isso e robo?", "vc é robô? como faço pra falar com alguém"])
def test_a_machine_asked_about_alone_or_with_a_person_wanted_stays_a_person(text: str) -> None:
    assert intent_of(text) is Intent.HUMAN


def test_a_strike_is_a_matter_of_the_world() -> None:
    assert intent_of("sabe se vai ter greve de onibus?") is Intent.UNKNOWN


@pytest.mark.parametrize("text", ["tem fisioterapeuta ai?", "tem neurologista?"])
def test_a_specialist_named_alone_asks_whether_the_clinic_has_one(text: str) -> None:
    assert intent_of(text) is Intent.INFO


def test_a_cancellation_asked_in_the_passive_is_a_cancellation() -> None:
    assert intent_of("a consulta de amanhã pode ser cancelada") is Intent.CANCEL


@pytest.mark.parametrize("text", ["não sei mexer nisso não", "nao sei usar isso"])
def test_not_knowing_how_to_use_it_is_help(text: str) -> None:
    assert intent_of(text) is Intent.HELP


def test_not_knowing_how_something_of_the_clinic_works_stays_a_question_about_it() -> None:
    assert intent_of("nao sei como funciona o estacionamento") is Intent.INFO
