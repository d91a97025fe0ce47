"""Round 13: Spanish yeses, the young's sighs around an answer, a parent consenting for
a child's data, a refusal offering another channel, advertising refused verb last, a no
then an earlier option asked, and another day asked at the hour proposed."""

from datetime import date, datetime

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer
from services.conductor.portuguese.when import When
from services.conductor.proposal_change import on_proposed_day

_PROPOSED = datetime(2026, 12, 1, 10)


@pytest.mark.parametrize("text", ["si, autorizo", "Sí, acepto... autorizo", "si claro, autorizo"])
def test_a_spanish_yes_with_a_verb_of_consent_is_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_a_spanish_yes_with_a_condition_is_no_consent() -> None:
    assert consent_answer("si, pero solo hoy") is None


@pytest.mark.parametrize("text", ["si, perfecto", "si", "perfecto, de acuerdo"])
def test_a_spanish_yes_confirms(text: str) -> None:
    assert confirmation_answer(text) is True


def test_a_spanish_acknowledgement_alone_is_no_consent() -> None:
    assert consent_answer("perfecto") is None


@pytest.mark.parametrize("text", ["aff nao", "ih nao, mds", "aff, nao autorizo"])
def test_a_sigh_around_a_refusal_leaves_it_a_refusal(text: str) -> None:
    assert consent_answer(text) is False


def test_a_sigh_around_a_no_to_a_proposal_leaves_it_a_no() -> None:
    assert confirmation_answer("ih nao da nao mds") is False


def test_a_sigh_before_a_yes_leaves_it_a_yes_to_a_proposal() -> None:
    assert confirmation_answer("aff, pode confirmar") is True


@pytest.mark.parametrize(
    "text", ["aff 10h eu to na facul, nao da", "putz 10h eu trabalho", "ih as 10 ela tem aula"]
)
def test_a_sigh_before_the_hour_refused_by_what_fills_it_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


@pytest.mark.parametrize(
    "text",
    [
        "sim pode usar os dados da minha filha, sou a mae dela",
        "autorizo os dados do meu filho, eu sou o pai dele",
        "Sim, pode usar os dados dos meus filhos. Sou a responsável legal.",
    ],
)
def test_a_parent_consenting_for_the_childs_data_is_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "sim, sou a mae dela",
        "sim pode usar os dados da minha filha se for so hoje, sou a mae dela",
        "sim pode usar os dados da minha filha, sou a mae dela?",
        "sou a neta dela, pode usar os dados da minha avo",
        "Prezados, a empresa autoriza o uso dos dados do colaborador para o agendamento.",
    ],
)
def test_a_consent_for_someone_else_not_said_by_a_parent_stays_unread(text: str) -> None:
    assert consent_answer(text) is None


def test_a_parent_refusing_for_the_child_refuses() -> None:
    assert consent_answer("nao autorizo os dados da minha filha, sou a mae dela") is False


@pytest.mark.parametrize(
    "text",
    [
        "nao autorizo, tem como marcar sem isso? por telefone talvez",
        "nao aceito, pode ser sem isso? pelo telefone",
    ],
)
def test_a_refusal_offering_another_channel_after_its_question_is_a_refusal(text: str) -> None:
    assert consent_answer(text) is False


@pytest.mark.parametrize(
    "text", ["sim pode, propaganda nao quero", "autorizo, promocao nao recebo"]
)
def test_advertising_refused_with_the_verb_last_keeps_the_yes(text: str) -> None:
    assert consent_answer(text) is True


def test_advertising_refused_beside_a_bare_acknowledgement_is_no_consent() -> None:
    assert consent_answer("ok, propaganda nao quero") is None


@pytest.mark.parametrize(
    "text",
    [
        "nao consigo nesse horario, mais cedo tem? tipo 8h",
        "nao, mais tarde tem? tipo 15h",
        "nao da, tem mais tarde? de preferencia depois das 17",
    ],
)
def test_a_no_then_an_earlier_or_later_option_asked_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


def test_a_yes_then_an_earlier_option_asked_is_no_no() -> None:
    assert confirmation_answer("sim, mais cedo tem? tipo 8h") is not False


def test_another_day_asked_at_the_same_hour_keeps_the_hour_proposed() -> None:
    when = When(day=date(2026, 12, 3))
    text = "Infelizmente nao. Teria o dia 03/12 no mesmo horario?"
    assert on_proposed_day(when, _PROPOSED, text) == When(
        day=date(2026, 12, 3), at=_PROPOSED.time()
    )


def test_another_day_asked_without_the_hour_stays_a_day() -> None:
    when = When(day=date(2026, 12, 3))
    assert on_proposed_day(when, _PROPOSED, "teria o dia 03/12?") == when


@pytest.mark.parametrize(
    "text", ["pera nao, eu pedi dia 2 nao dia 1", "eu pedi dia 2 e nao dia 1", "dia 1 nao, dia 2"]
)
def test_the_proposals_date_refused_beside_another_leaves_the_other(text: str) -> None:
    when = When(day=date(2026, 12, 1))
    assert on_proposed_day(when, _PROPOSED, text) == When(day=date(2026, 12, 2))


def test_a_choice_between_the_proposals_date_and_another_stays_in_doubt() -> None:
    when = When(doubt="qual dos dois dias você prefere?")
    assert on_proposed_day(when, _PROPOSED, "dia 1 ou dia 2?") == when


@pytest.mark.parametrize(
    "text",
    [
        "nao, tem as 16h?",
        "nao, pode ser quinta as 9?",
        "nao da, pode ser no mesmo dia as 15h?",
        "não serve. Teria às 14h no mesmo dia?",
        "Não. Pode ser às 16h?",
    ],
)
def test_a_no_then_another_hour_asked_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


@pytest.mark.parametrize("text", ["sim, pode ser as 9?", "ok, tem as 16h?"])
def test_another_hour_asked_after_a_yes_is_no_no(text: str) -> None:
    assert confirmation_answer(text) is None
