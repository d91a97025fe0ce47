"""The clinic-info search, pure: words meet by stem, by a slip of the keyboard, written out
from WhatsApp shorthand or written together; a section answers only what it is about."""

from __future__ import annotations

import random
import string
import time
from pathlib import Path

import pytest

from services.conductor.knowledge import MAX_FILE_BYTES, Knowledge
from services.conductor.portuguese.shorthand import written_out

EXAMPLE = Path(__file__).resolve().parents[2] / "ops" / "clinic" / "knowledge.md"


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return Knowledge.load(EXAMPLE)


def titles(knowledge: Knowledge, question: str) -> list[str]:
    return [section.title for section in knowledge.search(question)]


@pytest.mark.parametrize(
    ("question", "title"),
    [("enderço da clinica", "Endereço"), ("estacionamneto", "Estacionamento")],
)
def test_a_typo_meets_the_word_it_slipped_from(
    knowledge: Knowledge, question: str, title: str
) -> None:
    assert titles(knowledge, question) == [title]


@pytest.mark.parametrize(
    ("question", "title"),
    [("vcs abrem sabado?", "Horário de funcionamento"), ("aceitam pix?", "Valores")],
)
def test_other_forms_of_a_word_meet_by_their_stem(
    knowledge: Knowledge, question: str, title: str
) -> None:
    assert titles(knowledge, question) == [title]


@pytest.mark.parametrize(
    ("question", "title"),
    [("qual o end?", "Endereço"), ("qto custa a consulta?", "Valores"),
     ("tem q ficar em jejum pro exame?", "Preparo para exames de sangue")],
)  # fmt: skip
def test_shorthand_is_read_as_written_out(knowledge: Knowledge, question: str, title: str) -> None:
    assert titles(knowledge, question) == [title]


def test_words_written_apart_meet_a_word_written_together(knowledge: Knowledge) -> None:
    assert titles(knowledge, "sul america") == ["Convênios"]


@pytest.mark.parametrize("question", ["unimed?", "Bradesco saúde", "atendem amil?"])
def test_an_insurer_named_alone_finds_the_insurers(knowledge: Knowledge, question: str) -> None:
    assert titles(knowledge, question) == ["Convênios"]


def test_a_word_only_the_text_uses_is_not_what_the_section_is_about(
    knowledge: Knowledge,
) -> None:
    assert titles(knowledge, "to na sala de espera") == []  # "sala 45" is in the address


@pytest.mark.parametrize(
    "question",
    ["Vocês aceitam o plano Porto Seguro?", "Qual o preço de uma ressonância magnética?",
     "Qual o endereço da filial de Campinas?", "aceitam hapvida?", "tenho dor de cabeça",
     "meu filho está com febre", "quero marcar amanhã às 15h", "porto", "asdkjh"],
)  # fmt: skip
def test_a_section_that_knows_half_the_question_or_less_does_not_answer(
    knowledge: Knowledge, question: str
) -> None:
    assert titles(knowledge, question) == []


def test_short_words_meet_only_by_their_stem() -> None:
    knowledge = Knowledge.from_markdown("## Prato do dia\nArroz e feijão.\n")
    assert titles(knowledge, "porto") == []


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("vcs aceitam?", "voces aceitam"), ("pq n tem vaga", "porque nao tem vaga"),
     ("tb quero", "tambem quero"), ("q horas", "que horas"), ("td bem", "tudo bem")],
)  # fmt: skip
def test_whatsapp_shorthand_is_written_out(typed: str, meant: str) -> None:
    assert written_out(typed.strip("?")) == meant


def test_a_long_question_over_the_largest_file_allowed_is_answered_quickly() -> None:
    # Matching is indexed when the file is read: a search must not block the conductor's
    # loop for every word of a 256 KiB file (it took 10 s before the index).
    pick = random.Random(17)

    def word() -> str:
        return "".join(pick.choices(string.ascii_lowercase, k=pick.randint(5, 12)))

    sections, size = [], 0
    while size < MAX_FILE_BYTES - 4096:
        section = f"## {word()}\npalavras: {word()}\n{' '.join(word() for _ in range(300))}\n"
        sections.append(section)
        size += len(section)
    knowledge = Knowledge.from_markdown("".join(sections))
    question = " ".join(word() for _ in range(80))[:500]
    started = time.perf_counter()
    knowledge.search(question)
    assert time.perf_counter() - started < 1.0
