"""Round 8: what wraps a name said in speech is no part of it."""

import pytest

from services.conductor.portuguese.intents import name_in


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("oi boa tarde, Kauã Ribeiro Mendes", "Kauã Ribeiro Mendes"),
        ("Bom dia. Edson Aurélio Cavalcanti", "Edson Aurélio Cavalcanti"),
        ("olá bom dia! Rita de Cássia Lima", "Rita de Cássia Lima"),
    ],
)
def test_greetings_set_apart_before_a_name_are_dropped(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("então meu nome é Valdirene Aparecida", "Valdirene Aparecida"),
        ("oxe, é Cícera Maria do Nascimento", "Cícera Maria do Nascimento"),
        ("bah, me chamo Tiago Bento", "Tiago Bento"),
    ],
)
def test_a_filler_opening_the_message_is_no_part_of_the_name(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("meu nome é Valdirene dos Santos né com V", "Valdirene dos Santos"),
        ("é Cícera Maria visse", "Cícera Maria"),
        ("eh a yasmin vitória dos reis kkk", "Yasmin Vitória dos Reis"),
        ("sou o Pedro Henrique rsrs", "Pedro Henrique"),
    ],
)
def test_a_tag_or_laughter_closing_the_message_is_no_part_of_the_name(text: str, name: str) -> None:
    assert name_in(text) == name


def test_whom_the_booking_is_for_after_the_name_is_no_second_introduction() -> None:
    text = "o nome é Lucas Gabriel Teixeira, é pro meu filho de 8 anos"
    assert name_in(text) == "Lucas Gabriel Teixeira"


@pytest.mark.parametrize("text", ["oi boa tarde, tudo bem?", "então, kkk", "bom dia. né"])
def test_wrappings_alone_are_no_name(text: str) -> None:
    assert name_in(text) is None


@pytest.mark.parametrize("text", ["então é isso", "é isso", "Oxe", "entao"])
def test_words_of_speech_are_never_a_name(text: str) -> None:
    assert name_in(text) is None


def test_minas_sir_closing_the_message_is_no_part_of_the_name() -> None:
    assert name_in("uai, é o Geraldo Magela sô") == "Geraldo Magela"


def test_whom_a_greeting_is_for_is_dropped_with_it() -> None:
    assert name_in("boa tarde moça, Irene Batista") == "Irene Batista"


def test_a_name_asked_to_be_put_there_keeps_no_there() -> None:
    assert name_in("pode botar aí Sebastião Ferreira") == "Sebastião Ferreira"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("É Josefa Maria, minha filha", "Josefa Maria"),
        ("Bom dia! Meu nome é Fernanda Costa. Obrigada.", "Fernanda Costa"),
        ("Francisco de Assis Pereira, às ordens", "Francisco de Assis Pereira"),
        ("meu nome é José Antônio mas pode me chamar de Zé", "José Antônio"),
    ],
)
def test_thanks_address_or_another_name_after_the_name_are_no_part_of_it(
    text: str, name: str
) -> None:
    assert name_in(text) == name


def test_whose_relative_one_is_is_no_name() -> None:
    assert name_in("boa tarde, sou o filho dela, Carlos") is None
