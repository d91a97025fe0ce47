"""Round 16: a name with a job or a title beside it, asked kindly or said to be oneself,
after fillers or an interjection, said again in full; a nickname alone is no name."""

import pytest

from services.conductor.portuguese.intents import Intent, intent_of, name_in


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Thiago Henrique Martins, servidor do TJGO", "Thiago Henrique Martins"),
        ("Gabriel Pires Moura, estudante", "Gabriel Pires Moura"),
        ("Rosana Lima Prado, professora da rede estadual", "Rosana Lima Prado"),
    ],
)
def test_a_job_after_the_name_is_dropped(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pr. Valdivino Gomes Teixeira", "Valdivino Gomes Teixeira"),
        ("Pastora Eliane Rocha Dias", "Eliane Rocha Dias"),
        ("Prof. Carlos Alberto Nunes", "Carlos Alberto Nunes"),
        ("Professora Helena Dias", "Helena Dias"),
    ],
)
def test_a_title_before_the_name_is_dropped(text: str, name: str) -> None:
    assert name_in(text) == name


def test_pra_without_its_full_stop_is_no_title() -> None:
    assert name_in("pra Maria Souza") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("raimunda nonata de jesus pfv", "Raimunda Nonata de Jesus"),
        ("Luciana Prates Viana, por favor", "Luciana Prates Viana"),
        ("é a tereza cristina dos anjos, sou eu msm", "Tereza Cristina dos Anjos"),
        ("Emily Carter, I'm the patient", "Emily Carter"),
        ("Mark Johnson, it's me", "Mark Johnson"),
    ],
)
def test_a_kind_ask_or_saying_it_is_oneself_after_the_name_is_dropped(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("é... então... meu nome é jose raimundo da silva", "José Raimundo da Silva"),
        ("hum... é... Carla Dias Moreira", "Carla Dias Moreira"),
        ("macho é damião ferreira do nascimento", "Damião Ferreira do Nascimento"),
        ("vixe, é Cícera Alves Bezerra", "Cícera Alves Bezerra"),
        ("e o nome dele é joao vitor dos reis, ele que vai fazer o exame",
         "João Vitor dos Reis"),
        ("e o meu nome é Paula Freitas Lima", "Paula Freitas Lima"),
    ],
)  # fmt: skip
def test_fillers_and_interjections_before_the_name_are_dropped(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("é o joao pedro ele tem 7 anos, joao pedro sales teixeira", "João Pedro Sales Teixeira"),
        ("é a ana, a menina tem 5 aninhos. Ana Beatriz Lopes Moura", "Ana Beatriz Lopes Moura"),
        ("é o pedrinho, Pedro Henrique Alves", "Pedro Henrique Alves"),
    ],
)
def test_a_name_said_again_in_full_after_a_remark_is_the_name(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    "text",
    ["Dona Cida", "é o zé da farmacia kkk", "Seu Tonho", "a Cida do posto", "Seu Chico"],
)
def test_a_nickname_tied_to_a_place_or_a_title_is_no_name(text: str) -> None:
    assert name_in(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Carlos", "Carlos"),
        ("sou eu, a Dona Cida", "Cida"),
        ("pode me chamar de Bia", "Bia"),
        ("eu sou o seu Ze", "Ze"),
        ("Zé Carlos da Silva", "Zé Carlos da Silva"),
    ],
)
def test_a_first_name_or_a_nickname_introduced_stays_a_name(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    "text", ["nao vou falar meu nome aqui nao", "não quero dar o meu nome por whatsapp"]
)
def test_a_name_refused_asks_nothing(text: str) -> None:
    assert intent_of(text) is Intent.UNKNOWN


@pytest.mark.parametrize("text", ["Bia", "Duda", "Zezinho", "Juninho", "Beto"])
def test_a_short_form_or_a_diminutive_alone_is_what_the_person_is_called(text: str) -> None:
    # The name step asks "como você se chama? Escreva só o seu nome.": this answers it.
    assert name_in(text) == text


@pytest.mark.parametrize("text", ["Terezinha", "Agostinho", "Martinho"])
def test_a_name_that_ends_as_a_diminutive_stays_a_name(text: str) -> None:
    assert name_in(text) == text


def test_a_rank_before_the_name_is_dropped() -> None:
    assert name_in("Sgt. Roberto Alves Nunes") == "Roberto Alves Nunes"
