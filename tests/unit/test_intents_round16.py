"""Round 16: plain English requests, and questions asked indirectly ("queria saber se")
about one's booking."""

import pytest

from services.conductor.portuguese.english_requests import english_request
from services.conductor.portuguese.intents import Intent, intent_of


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Please stop using my data and stop messaging me", Intent.REVOKE),
        ("I want to withdraw my consent, please", Intent.REVOKE),
        ("I'd like a copy of all personal data you hold about me", Intent.LGPD),
        ("Can you delete my data please?", Intent.LGPD),
        ("Can I speak to a real person?", Intent.HUMAN),
        ("I would like to talk to someone at the front desk", Intent.HUMAN),
        ("I need to reschedule, something came up at work", Intent.RESCHEDULE),
        ("Can I move my appointment to another day?", Intent.RESCHEDULE),
        ("Could you change my booking to next week?", Intent.RESCHEDULE),
        ("I need to cancel my appointment, sorry", Intent.CANCEL),
        ("Confirmed, I'll be there", Intent.CONFIRM),
        ("yes, I will be there", Intent.CONFIRM),
        ("Do I have anything booked? Just checking", Intent.CONSULT),
        ("what time is my appointment tomorrow?", Intent.CONSULT),
        ("Do you accept international insurance? I have Cigna", Intent.INFO),
        ("how much is a consultation with the GP?", Intent.INFO),
        ("Hi, I'd like to book an appointment with a GP please. Eu falo pouco português",
         Intent.SCHEDULE),
        ("Can I schedule a check up? My insurance is Bradesco", Intent.SCHEDULE),
        ("I need to see a doctor, can you book me in?", Intent.SCHEDULE),
        ("is there anything on Friday afternoon?", Intent.SCHEDULE),
    ],
)  # fmt: skip
def test_a_plain_english_request_is_read(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    "text",
    [
        "to com dor de cabeça, me ajuda",
        "pode me ligar? to no trabalho",
        "do jeito que ta nao da, quero cancelar",
        "no dia 3 tem vaga?",
        "a consulta é com o dr. John Smith?",
    ],
)
def test_a_portuguese_message_is_no_english_request(text: str) -> None:
    assert english_request(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "oi, queria saber se minha consulta ta confirmada",
        "oi, queria saber se meu agendamento ta confirmado",
        "gostaria de saber se o meu horario esta confirmado",
    ],
)
def test_whether_a_booking_is_confirmed_asked_indirectly_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT
