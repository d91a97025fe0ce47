"""Names: what looks like one (the names Brazilians carry pass, keyboard mash and
non-answers do not) and how Portuguese writes it."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.intents import name_in
from services.conductor.portuguese.names import looks_like_name, written_as_name

REAL_NAMES = [
    # Portuguese and Brazilian, with particles and the spellings of registry offices
    "Maria das Dores", "José da Silva", "João dos Santos", "Ana Paula de Oliveira",
    "Francisco do Nascimento", "Raimunda Nonata", "Conceição", "Antônio Carlos",
    "Édson Arantes do Nascimento", "Ítalo", "Ícaro", "Thiago", "Wellington", "Wesley",
    "Kléber", "Uéslei", "Maicon", "Jhonatan", "Kethlyn", "Sthefany", "Wanderson",
    "Gleidson", "Djalma", "Ygor", "Yasmin", "Caique", "Maria e Silva", "João Silva Jr",
    "Lulu", "Dudu", "Kaká", "Xuxa", "Lili", "Bebel", "José D'Ávila", "Ana-Luísa",
    "Graça", "Luz", "Rosa Maria", "Vitória",
    # indigenous (Tupi and others)
    "Tainá", "Iracema", "Jurema", "Potira", "Ubirajara", "Moacir", "Araci", "Iara",
    "Jaci", "Kauã", "Cauã", "Raoni", "Aritana", "Juçara", "Ubiratã", "Anahí", "Apoena",
    "Jandira", "Yby",
    # foreign
    "Hiroshi Tanaka", "Yui Nakamura", "Li Wei", "Nguyen Van An", "Krzysztof Kowalski",
    "Szczepański", "Giuseppe Bianchi", "Helmut Schmidt", "Mohammed Al-Farsi", "Nada Haddad",
    "Chukwuemeka", "Ngozi", "Björn", "Søren", "Zhang Wei", "Xu Ming", "McDonald", "Lynn",
    "Иван Петров", "O'Brien", "Hirschfeld", "Schwarzschild",
    # Brazilian spellings with y, h and doubled letters
    "Thayssa", "Kayky", "Wyllian", "Jhennyfer", "Sthephanny", "Kerolayne", "Ysis",
]  # fmt: skip

NON_NAMES = [
    "Qwerty Asdf", "asdf", "qwerty", "asdfgh", "zxcvbn", "poiuy", "fdsa", "mnbv",
    "jkjkjk", "hahaha", "kkkkk", "rsrsrs", "lalala", "blablabla", "aaaa", "xxxx", "hgfd",
    "bcdfg", "sdfsdf", "asdkjh", "aksjdhak", "teste", "nada", "não sei", "sei lá",
    "ninguém", "tanto faz", "prefiro não dizer", "quero marcar consulta", "obrigado",
    "bom dia", "fulano de tal", "teste teste", "nome", "anônimo", "ok", "sim", "xyz",
    "kkk", "rs", "vc", "paciente",
]  # fmt: skip


def test_the_lists_are_long_enough_to_mean_something() -> None:
    assert len(REAL_NAMES) >= 60 and len(NON_NAMES) >= 30


@pytest.mark.parametrize("name", REAL_NAMES)
def test_a_real_name_passes(name: str) -> None:
    assert looks_like_name(name)
    assert name_in(name) is not None


@pytest.mark.parametrize("answer", NON_NAMES)
def test_what_is_no_name_is_asked_again(answer: str) -> None:
    assert name_in(answer) is None


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("maria das dores", "Maria das Dores"),
        ("MARIA DAS DORES", "Maria das Dores"),
        ("Maria Das Dores", "Maria das Dores"),
        ("joão DOS santos", "João dos Santos"),
        ("ana de oliveira e silva", "Ana de Oliveira e Silva"),
        ("francisco DA SILVA", "Francisco da Silva"),
    ],
)
def test_particles_stay_lower_case(typed: str, written: str) -> None:
    assert written_as_name(typed) == written


def test_a_particle_that_starts_the_name_is_capitalised() -> None:
    assert written_as_name("da silva") == "Da Silva"


@pytest.mark.parametrize(
    ("typed", "written"),
    [("McDonald", "McDonald"), ("josé d'ávila", "José D'Ávila"), ("ana-luísa", "Ana-Luísa")],
)
def test_inner_capitals_and_joined_parts_are_written_as_names_are(typed: str, written: str) -> None:
    assert written_as_name(typed) == written


def test_an_introduced_name_is_capitalised_too() -> None:
    assert name_in("meu nome é maria das dores") == "Maria das Dores"
