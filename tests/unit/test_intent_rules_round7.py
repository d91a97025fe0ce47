"""Round 7: revocations said as the messages stopped, one's booking checked, matters of
the world."""

import pytest

from services.conductor.portuguese.consent import Revocation, revocation_in
from services.conductor.portuguese.intent import Intent
from services.conductor.portuguese.intents import intent_of


@pytest.mark.parametrize(
    "text",
    [
        "para de me mandar msg",
        "parem de enviar lembrete",
        "quero parar de receber esses lembretes",
        "chega de mensagem por favor",
        "chega dessas notificações",
        "não me mandem mais nada",
        "não quero receber mais lembrete",
        "para com essas mensagens",
        "me tira da lista de mensagens",
    ],
)
def test_the_clinics_messages_asked_to_stop_are_a_revocation_confirmed_first(text: str) -> None:
    assert intent_of(text) is Intent.REVOKE
    assert revocation_in(text) is Revocation.UNCONFIRMED


@pytest.mark.parametrize(
    "text",
    [
        "parei de receber os lembretes",
        "não me mandaram mais nada",
        "a mensagem chegou duas vezes kkk",
        "vcs mandam mensagem demais",
        "para de manha tem vaga?",
        "para de mandar o boleto pro meu marido",
        "me tira da lista de espera",
    ],
)
def test_a_complaint_about_the_messages_is_no_revocation(text: str) -> None:
    assert revocation_in(text) is Revocation.NONE
    assert intent_of(text) is not Intent.REVOKE


@pytest.mark.parametrize(
    "text",
    [
        "conferir meu agendamento",
        "Gostaria de verificar se minha consulta de quinta está confirmada",
        "preciso checar meu horario",
    ],
)
def test_ones_own_booking_asked_to_be_checked_is_a_lookup(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


def test_checking_whether_a_time_is_free_stays_a_booking() -> None:
    assert intent_of("verificar se tem horario amanha") is Intent.SCHEDULE


def test_a_check_beside_a_move_is_the_move() -> None:
    assert intent_of("quero conferir meu horario e remarcar pra sexta") is Intent.RESCHEDULE


@pytest.mark.parametrize("text", ["manda o pix da rifa", "me ajuda na vaquinha"])
def test_a_raffle_or_a_collection_asks_nothing_of_the_clinic(text: str) -> None:
    assert intent_of(text) is Intent.UNKNOWN
