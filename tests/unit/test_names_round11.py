"""Round 11: titles, asides, stammers, corrections and remarks around a name."""

import pytest

from services.conductor.portuguese.intents import name_in


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sr. Alcides Tonietto", "Alcides Tonietto"),
        ("Sra. Terezinha de Jesus Melo", "Terezinha de Jesus Melo"),
        ("Dona Maria de Lourdes Pinto", "Maria de Lourdes Pinto"),
    ],
)
def test_a_title_before_the_name_is_dropped(text: str, name: str) -> None:
    assert name_in(text) == name


def test_e_before_a_lone_capitalised_name_is_the_verb() -> None:
    assert name_in("e Gilvan") == "Gilvan"


def test_an_aside_in_brackets_is_no_part_of_the_name() -> None:
    assert name_in("Joana Dias (escrevendo pela minha mae)") == "Joana Dias"


def test_an_introduction_said_twice_is_read_once() -> None:
    assert name_in("oi meu nome é meu nome é Lia Reis") == "Lia Reis"


def test_a_first_name_stammered_before_the_full_name_is_read_once() -> None:
    assert name_in("marinalva marinalva souza dos anjos") == "Marinalva Souza dos Anjos"


def test_a_name_of_two_equal_words_is_left_as_written() -> None:
    assert name_in("Maria Maria") == "Maria Maria"


@pytest.mark.parametrize(
    "text",
    ["Pedro Alves. Opa, Pedro Alves Lima", "Pedro Alves. Ops, digo, Pedro Alves Lima"],
)
def test_a_name_corrected_is_the_correction(text: str) -> None:
    assert name_in(text) == "Pedro Alves Lima"


def test_a_correction_of_no_name_reads_no_name() -> None:
    assert name_in("quero marcar. digo, cancelar") is None


@pytest.mark.parametrize(
    "text",
    [
        "Ana Paula Souza. Desculpa a demora, tava no trabalho",
        "ana paula souza, tmj",
        "Ana Paula Souza, esqueci o ultimo",
    ],
)
def test_a_remark_after_the_full_name_is_no_part_of_it(text: str) -> None:
    assert name_in(text) == "Ana Paula Souza"


def test_two_names_are_no_name_and_a_remark() -> None:
    assert name_in("Ana Souza, Carlos Lima") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("o nome do paciente é Caio Prado", "Caio Prado"),
        ("o nome e do meu filho ne? Davi Luz", "Davi Luz"),
    ],
)
def test_a_name_introduced_as_anothers_is_read(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize("text", ["por que precisa disso?", "pra que voce quer saber"])
def test_a_question_back_is_no_name(text: str) -> None:
    assert name_in(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("JOSE CARLOS DOS SANTOS", "José Carlos dos Santos"),
        ("joao pedro lima", "João Pedro Lima"),
        ("Sebastiao Goncalves Araujo", "Sebastião Gonçalves Araújo"),
        ("maria da conceicao simoes", "Maria da Conceição Simões"),
    ],
)
def test_common_names_typed_without_accents_get_them_back(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    "text", ["Antonio Carlos", "Lucia Marcia Cicero", "Xiao Zhao Cao", "Luis Tomas"]
)
def test_names_usual_without_accents_are_left_as_typed(text: str) -> None:
    assert name_in(text) == text


def test_a_name_typed_with_its_own_accents_is_kept() -> None:
    assert name_in("Antônio José") == "Antônio José"


@pytest.mark.parametrize(
    "text",
    [
        "Agora nao, estou no trabalho",
        "Esqueci a senha, me ajuda",
        "Depois eu mando, to na rua",
        "Pode ser, tanto faz",
    ],
)
def test_a_sentence_before_a_remark_is_no_name(text: str) -> None:
    assert name_in(text) is None
