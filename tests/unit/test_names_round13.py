"""Round 13: names after a role or whom it is for and a colon, Spanish introductions,
initials, and replies that give no name."""

import pytest

from services.conductor.portuguese.intents import name_in


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Colaborador: Ricardo Nunes Barbosa", "Ricardo Nunes Barbosa"),
        ("Funcionario: Joao da Silva", "João da Silva"),
        ("Paciente: maria souza", "Maria Souza"),
        ("é pro meu pai: José Wilson Cardoso", "José Wilson Cardoso"),
        ("é pra minha mãe: Rosa Lima", "Rosa Lima"),
    ],
)
def test_a_name_after_a_role_or_whom_it_is_for_and_a_colon(text: str, name: str) -> None:
    assert name_in(text) == name


def test_other_words_before_a_colon_give_no_name() -> None:
    assert name_in("a consulta: amanha") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [("me llamo Martín Sosa", "Martín Sosa"), ("mi nombre es Lucía Fernández", "Lucía Fernández")],
)
def test_a_spanish_introduction(text: str, name: str) -> None:
    assert name_in(text) == name


def test_a_company_letter_names_the_employee() -> None:
    text = "Prezados, o nome completo da funcionaria e Patricia Gomes Teixeira."
    assert name_in(text) == "Patricia Gomes Teixeira"


def test_the_writer_is_the_patient_in_shorthand() -> None:
    assert name_in("sou eu msm, Vitoria Cardoso das Neves") == "Vitoria Cardoso das Neves"


@pytest.mark.parametrize(
    ("text", "name"), [("enzo m. barros", "Enzo M. Barros"), ("Ana B. Costa", "Ana B. Costa")]
)
def test_an_initial_after_the_first_name_is_kept(text: str, name: str) -> None:
    assert name_in(text) == name


def test_an_initial_alone_first_is_no_name() -> None:
    assert name_in("a. costa") is None


@pytest.mark.parametrize(
    "text",
    [
        "ja falei ontem",
        "ja mandei",
        "[figurinha de gato confuso]",
        "(foto)",
        "buenos dias",
        "quiero un turno para el pediatra",
    ],
)
def test_replies_that_give_no_name(text: str) -> None:
    assert name_in(text) is None
