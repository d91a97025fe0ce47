"""Round 7: names said in other words."""

import pytest

from services.conductor.portuguese.intents import name_in


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("é Beatriz Nogueira", "Beatriz Nogueira"),
        ("é Sérgio Moura", "Sérgio Moura"),
    ],
)
def test_a_name_of_two_words_or_more_after_e_is_read(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize("text", ["é pra mim", "sou eu mesmo", "é isso mesmo"])
def test_whom_for_said_alone_is_no_name(text: str) -> None:
    assert name_in(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("é pro meu filho, Miguel Alves Barbosa", "Miguel Alves Barbosa"),
        ("a consulta é pra minha mãe, Rosa Maria Campos", "Rosa Maria Campos"),
        ("sou eu mesmo, Osvaldo Batista da Cruz", "Osvaldo Batista da Cruz"),
        ("sou eu, a Dona Cida", "Cida"),
    ],
)
def test_whom_the_booking_is_for_then_the_name_reads_the_name(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("boa noite sou Gabriel Sant'Ana Ribeiro", "Gabriel Sant'Ana Ribeiro"),
        ("boa tarde eu sou Thiago D'Ávila", "Thiago D'Ávila"),
    ],
)
def test_a_name_with_an_apostrophe_keeps_all_its_words(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("jessica priscila rodrigues pode anotar", "Jessica Priscila Rodrigues"),
        ("registra como Helena Prado", "Helena Prado"),
        ("pode anotar: Marcos Vinícius Teixeira", "Marcos Vinícius Teixeira"),
        ("Ana Clara Ribeiro, pode anotar", "Ana Clara Ribeiro"),
    ],
)
def test_a_name_asked_to_be_written_down_is_read(text: str, name: str) -> None:
    assert name_in(text) == name


def test_whose_name_it_is_introduces_it() -> None:
    text = "oi tudo bem? o nome dela é Isabela Cristina Duarte, ela tem 6 aninhos"
    assert name_in(text) == "Isabela Cristina Duarte"


def test_who_one_is_to_the_patient_is_no_name() -> None:
    assert name_in("oi, aqui é o pai da Sofia") is None


def test_filho_ending_a_name_is_part_of_it() -> None:
    assert name_in("João Silva Filho") == "João Silva Filho"
