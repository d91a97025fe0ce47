"""The info agent: answers about the clinic from the deployment's knowledge file, and says
it does not know rather than inventing."""

from __future__ import annotations

from pathlib import Path

import pytest
from redis.asyncio import Redis

from services.conductor.deciding import Decider
from services.conductor.knowledge import Knowledge
from services.conductor.offline_brain import DONT_KNOW, NOT_UNDERSTOOD, OfflineBrain
from services.conductor.privacy import PrivacyNotice
from services.conductor.settings import ConductorSettings
from services.conductor.tools import Toolbox
from services.domain.clinic import Clinic
from services.domain.embedded_calendar import EmbeddedCalendar
from services.runtime.settings import SettingsError
from tests.integration.test_dialogues import NOW
from tests.support.dialogue import Dialogue
from tests.support.kek import kek_env

EXAMPLE = Path(__file__).resolve().parents[2] / "ops" / "clinic" / "knowledge.md"


@pytest.fixture
async def patient(redis: Redis) -> Dialogue:
    notice = PrivacyNotice.current("2026-11")
    toolbox = Toolbox(EmbeddedCalendar(redis), Clinic(), notice, knowledge=Knowledge.load(EXAMPLE))
    chat = Dialogue(Decider(OfflineBrain(), toolbox, notice), NOW)
    for text in ("oi", "sim", "Maria"):
        await chat.say(text)
    return chat


@pytest.mark.parametrize(
    ("question", "answer_holds"),
    [
        ("Onde fica a clínica?", "Rua das Flores, 123"),
        ("Qual o endereço?", "Rua das Flores, 123"),
        ("Quanto custa a consulta particular?", "R$ 350"),
        ("Vocês aceitam Unimed?", "Atendemos Unimed"),
        ("Precisa de jejum para exame de sangue?", "Jejum de 8 horas"),
        ("Qual o horário de funcionamento?", "Segunda a sexta, das 8h às 18h"),
        ("Tem estacionamento?", "estacionamento conveniado"),
    ],
)
async def test_questions_about_the_clinic_are_answered_from_the_file(
    patient: Dialogue, question: str, answer_holds: str
) -> None:
    assert answer_holds in await patient.say(question)


@pytest.mark.parametrize(
    "question",
    [
        "Qual o preço de uma ressonância magnética?",
        "Vocês aceitam o plano Porto Seguro?",
        "Qual o endereço da filial de Campinas?",
        "vcs aceitam hapvida?",
    ],
)
async def test_what_the_file_does_not_answer_gets_i_do_not_know(
    patient: Dialogue, question: str
) -> None:
    assert await patient.say(question) == DONT_KNOW


@pytest.mark.parametrize(
    ("question", "answer_holds"),
    [
        ("enderço da clinica", "Rua das Flores, 123"),
        ("qual o end?", "Rua das Flores, 123"),
        ("estacionamneto", "estacionamento conveniado"),
        ("vcs aceitam sulamerica?", "Atendemos Unimed"),
        ("preciso ficar em jejum?", "Jejum de 8 horas"),
        ("tem q ficar em jejum pro exame?", "Jejum de 8 horas"),
        ("qto custa a consulta?", "R$ 350"),
        ("qual o tel?", "(11) 3000-0000"),
    ],
)
async def test_typos_shorthand_and_other_word_forms_are_understood(
    patient: Dialogue, question: str, answer_holds: str
) -> None:
    assert answer_holds in await patient.say(question)


@pytest.mark.parametrize("question", ["unimed?", "Bradesco Saúde", "sul america", "e a amil?"])
async def test_an_insurer_named_alone_is_answered(patient: Dialogue, question: str) -> None:
    assert "Atendemos Unimed, Bradesco Saúde e SulAmérica" in await patient.say(question)


@pytest.mark.parametrize("message", ["to na sala de espera", "tudo certo", "asdkjh"])
async def test_what_neither_the_phrases_nor_the_file_know_is_not_understood(
    patient: Dialogue, message: str
) -> None:
    assert await patient.say(message) == NOT_UNDERSTOOD


async def test_without_a_file_the_agent_knows_nothing(redis: Redis) -> None:
    notice = PrivacyNotice.current("2026-11")
    toolbox = Toolbox(EmbeddedCalendar(redis), Clinic(), notice)
    chat = Dialogue(Decider(OfflineBrain(), toolbox, notice), NOW)
    for text in ("oi", "sim", "Maria"):
        await chat.say(text)
    assert await chat.say("Onde fica a clínica?") == DONT_KNOW


async def test_scheduling_questions_still_go_to_scheduling(patient: Dialogue) -> None:
    assert "Tenho estes horários" in await patient.say("tem horário sexta de manhã?")


def test_sections_take_their_extra_words_from_the_palavras_line() -> None:
    knowledge = Knowledge.from_markdown(
        "# Clínica\nintro\n## Endereço\npalavras: onde fica, como chegar\nRua A, 1\n"
        "## Vazia\n## Telefone\n(11) 1234\n"
    )
    assert [s.title for s in knowledge.sections] == ["Endereço", "Telefone"]
    assert knowledge.sections[0].text == "Rua A, 1"
    assert [s.title for s in knowledge.search("como chegar aí?")] == ["Endereço"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"", "no '## ' sections"), (b"# Title only\ntext\n", "no '## ' sections"),
     (b"## A\n\xff\xfe", "not UTF-8"), (b"## A\n" + b"x" * 300_000, "over")],
)  # fmt: skip
def test_a_knowledge_file_that_cannot_serve_is_refused_at_start(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "knowledge.md"
    path.write_bytes(content)
    with pytest.raises(SettingsError, match=f"CLINIC_KNOWLEDGE_FILE.*{problem}"):
        ConductorSettings.from_env({"CLINIC_KNOWLEDGE_FILE": str(path), **kek_env()})


def test_a_missing_knowledge_file_is_refused_at_start(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="CLINIC_KNOWLEDGE_FILE: cannot read"):
        ConductorSettings.from_env(
            {"CLINIC_KNOWLEDGE_FILE": str(tmp_path / "nope.md"), **kek_env()}
        )
