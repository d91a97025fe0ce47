"""The clinic's services and professionals as patients name them, from the example
clinic file's names and ids: accents, typos and "whoever is free"."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.services import anyone_in, professional_in, service_in
from tests.support.clinic import example_clinic

CLINIC = example_clinic()


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("quero um retorno", "retorno"),
        ("Primeira Consulta", "primeira-consulta"),
        ("eletrocardiogrma", "exame"),
        ("um exame", "exame"),
        ("consulta de nutriçao", "nutricao"),
    ],
)
def test_a_service_is_recognised_by_its_name_or_id_despite_accents_and_typos(
    text: str, service: str
) -> None:
    assert service_in(text, CLINIC) == service


@pytest.mark.parametrize("text", ["quero marcar uma consulta", "o primeiro horário", "oi"])
def test_words_every_service_shares_or_none_has_name_no_service(text: str) -> None:
    assert service_in(text, CLINIC) is None


@pytest.mark.parametrize(
    ("text", "professional"),
    [
        ("com a dra ana", "ana"),
        ("a nutricionista", "carla"),
        ("cardiologsta", "bruno"),
        ("Dr. Bruno Tavares", "bruno"),
    ],
)
def test_a_professional_is_recognised_by_name_or_speciality(text: str, professional: str) -> None:
    assert professional_in(text, CLINIC) == professional


def test_a_short_name_is_never_taken_from_a_longer_word() -> None:
    assert professional_in("semana que vem", CLINIC) is None


@pytest.mark.parametrize("text", ["quem estiver livre", "tanto faz", "Qualquer um"])
def test_leaving_the_professional_to_the_clinic_is_recognised(text: str) -> None:
    assert anyone_in(text)
