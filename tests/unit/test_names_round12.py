"""Round 12: names said by carers and relatives, and with an age or a number beside them."""

import pytest

from services.conductor.portuguese.intents import name_in


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Iracema Tavares Guimarães, tenho 72 anos", "Iracema Tavares Guimarães"),
        ("Gilmar Pinheiro Nunes, servidor matrícula 45821", "Gilmar Pinheiro Nunes"),
        ("Marina Alves. 3 filhos", "Marina Alves"),
    ],
)
def test_a_remark_with_a_number_after_the_name_is_no_part_of_it(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("minha vo chama Zulmira Pereira e Silva, eu sou a neta", "Zulmira Pereira e Silva"),
        ("é o Armando Vieira Dias, sou cuidadora dele", "Armando Vieira Dias"),
        ("meu pai se chama Joaquim Batista, sou o filho", "Joaquim Batista"),
        ("Rosa Maria Lima, sou a filha dela", "Rosa Maria Lima"),
    ],
)
def test_the_writers_relation_to_the_patient_is_no_name(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize("text", ["sou cuidadora", "eu sou a neta", "sou o filho dela"])
def test_a_relation_said_alone_gives_no_name(text: str) -> None:
    assert name_in(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("o paciente e meu pai Geraldo Magela Costa", "Geraldo Magela Costa"),
        ("o paciente é minha mãe, Ana Souza", "Ana Souza"),
        ("ela chama Benedita Alves", "Benedita Alves"),
    ],
)
def test_the_patients_relation_said_before_the_name_introduces_it(text: str, name: str) -> None:
    assert name_in(text) == name


def test_whom_the_booking_is_for_said_with_the_booking_named_introduces_no_name() -> None:
    text = "e a marcação e pra minha vizinha, o nome dela e Maria do Socorro Barbosa"
    assert name_in(text) == "Maria do Socorro Barbosa"


def test_a_relatives_title_inside_the_name_is_kept() -> None:
    assert name_in("Sebastiao Rodrigues Neto") == "Sebastião Rodrigues Neto"
