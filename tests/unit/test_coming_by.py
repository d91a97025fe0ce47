"""Coming by the clinic to fetch or leave something is a question about the clinic, no
booking moved."""

import pytest

from services.conductor.portuguese.intent import Intent
from services.conductor.portuguese.intents import intent_of


@pytest.mark.parametrize(
    "text",
    [
        "vou passar para pegar o resultado amanhã",
        "posso passar ai pra pegar o exame?",
        "passo la hoje pra deixar a guia",
        "posso dar uma passada ai pra buscar a receita?",
    ],
)
def test_coming_by_to_fetch_or_leave_something_asks_about_the_clinic(text: str) -> None:
    assert intent_of(text) is Intent.INFO


def test_a_booking_passed_to_another_day_is_still_moved() -> None:
    assert intent_of("passa minha consulta pra amanha que eu vou pegar o resultado") is (
        Intent.RESCHEDULE
    )
