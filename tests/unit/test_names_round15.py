"""Round 15: names after a paused filler, who the writer is or whose name was asked, a
correction without a comma, and replies that give none."""

import pytest

from services.conductor.portuguese.intents import name_in


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("é... meu nome é tatiane dos reis carvalho", "Tatiane dos Reis Carvalho"),
        ("hmm... Paulo Sergio Reis", "Paulo Sergio Reis"),
        ("e… me chamo Lidia Prado", "Lidia Prado"),
    ],
)
def test_a_filler_with_a_pause_before_the_name_is_dropped(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("sou a avó, Maria Jose Barbosa de Almeida", "Maria José Barbosa de Almeida"),
        ("sou o neto, Pedro Alves Lima", "Pedro Alves Lima"),
        ("sou a mesma que ligou de manhã, Rita Moura", "Rita Moura"),
        ("sou a guria que mandou msg ontem, bruna martins", "Bruna Martins"),
    ],
)
def test_who_the_writer_is_before_the_name_is_dropped(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "aqui quem fala é o neto, mas o nome dele é Manoel Messias Rocha",
        "quem escreve é a filha, mas o nome dela é Manoel Messias Rocha",
    ],
)
def test_the_patients_name_after_the_writers_relation_and_mas(text: str) -> None:
    assert name_in(text) == "Manoel Messias Rocha"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("é a Jaqueline de Paula Rocha, sou vigilante la do shopping", "Jaqueline de Paula Rocha"),
        ("Carla Dias Nunes, sou enfermeira", "Carla Dias Nunes"),
        ("me chamo Lidia Prado, sou professora aposentada", "Lidia Prado"),
    ],
)
def test_the_writers_work_beside_the_name_is_no_part_of_it(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("o nome é do meu filho ou meu? o meu é sandra maria pinto", "Sandra Maria Pinto"),
        ("é o meu ou da minha mãe? o meu é Carla Dias", "Carla Dias"),
        ("qual nome, o meu? meu nome é Ivo Rocha", "Ivo Rocha"),
    ],
)
def test_the_own_name_after_whose_was_asked_back(text: str, name: str) -> None:
    assert name_in(text) == name


def test_an_introduction_said_twice_is_not_taken_for_the_own_name_answered() -> None:
    text = "o meu nome e o meu nome e marinalva marinalva souza dos anjos"
    assert name_in(text) == "Marinalva Souza dos Anjos"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("aline dos santos ribeiro digo aline dos santos rios", "Aline dos Santos Rios"),
        ("ana lima digo ana lima costa", "Ana Lima Costa"),
        ("Rui Prado quer dizer Rui Pardo", "Rui Pardo"),
    ],
)
def test_a_correction_without_a_comma_replaces_the_name(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    "text",
    ["nega", "me chama de Nega", "me chamam de Tiquinho", "me chamam de Pipoca"],
)
def test_an_endearment_or_what_others_call_one_gives_no_name(text: str) -> None:
    assert name_in(text) is None


def test_pode_me_chamar_de_still_gives_the_name() -> None:
    assert name_in("pode me chamar de Bia") == "Bia"


@pytest.mark.parametrize("text", ["é mainha de Davi", "sou painho dele", "é a voinha de Ana"])
def test_the_northeasts_mother_and_father_are_no_name(text: str) -> None:
    assert name_in(text) is None


@pytest.mark.parametrize(
    "text", ["oi, quanto custa o botox?", "qual o horario?", "onde fica a clinica?"]
)
def test_a_question_asked_instead_gives_no_name(text: str) -> None:
    assert name_in(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("maria das gracas nunes", "Maria das Graças Nunes"),
        ("MARIA DAS GRACAS LIMA", "Maria das Graças Lima"),
        ("Gracas Souza", "Graças Souza"),
    ],
)
def test_gracas_is_written_with_its_accents(text: str, name: str) -> None:
    assert name_in(text) == name
