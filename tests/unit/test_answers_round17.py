"""Answers to the consent and confirmation questions read since blind sets 31 to 36."""

from datetime import datetime

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer
from tests.support.reference_moment import TUESDAY

_PROPOSED = datetime(2026, 12, 1, 10)  # the Tuesday after the reference moment


def _confirmed(text: str) -> bool | None:
    return confirmation_answer(text, _PROPOSED, TUESDAY)


@pytest.mark.parametrize(
    "text",
    [
        "sim mas nao quero propaganda nem mensagem de promoção pfv",
        "sim mas nao me manda promoção nem essas coisa",
        "aceito, só não quero oferta nem msg de promoção",
        "sim, mas nao quero propaganda nem outras coisas",
    ],
)
def test_advertising_refused_with_more_of_its_kind_keeps_the_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "pode usar sim mas nao me manda promoção nao pelo amor de Deus",
        "sim pelo amor de deus, pode usar",
    ],
)
def test_an_oath_for_emphasis_keeps_the_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_an_oath_keeps_a_refusal() -> None:
    assert consent_answer("nao pelo amor de deus") is False


@pytest.mark.parametrize(
    "text",
    [
        "Bom dia. Autorizo o tratamento dos meus dados para fins do atendimento.",
        "Aceito o uso dos dados para fins da consulta",
    ],
)
def test_the_purpose_named_with_fins_do_is_the_notices_own(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "é... então pode sim eu autorizo pode colocar meus dado aí pra marcar o holter",
        "autorizo sim, é pra marcar o ecocardiograma",
    ],
)
def test_a_heart_test_named_as_the_purpose_keeps_the_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "Autorizo, desde já agradeço a atenção.",
        "Bom dia. Autorizo o tratamento dos meus dados. Atenciosamente, Lourdes.",
        "Aceito. Obrigada desde já! Att, Maria José",
    ],
)
def test_a_formal_letters_courtesies_keep_the_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_a_sign_off_keeps_a_refusal_and_takes_no_negator_for_a_name() -> None:
    assert consent_answer("Não autorizo. Atenciosamente, Pedro") is False
    assert consent_answer("Atenciosamente, não autorizo") is None


def test_thanks_in_advance_do_not_hide_a_condition() -> None:
    assert consent_answer("sim se for so hoje, desde ja agradeço") is None


@pytest.mark.parametrize(
    "text",
    [
        "sim sim, bora agendar logo q to no busao",
        "aceito, pode seguir logo que to no onibus",
        "autorizo sim pode seguir, to no caminhao agora dps vejo o resto",
        "sim, to com dor, pode seguir logo pfv",
    ],
)
def test_hurry_and_its_reason_keep_the_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_going_on_in_a_hurry_alone_is_no_consent() -> None:
    assert consent_answer("bora agendar logo") is None


def test_pain_not_said_as_a_hurry_stays() -> None:
    assert consent_answer("sim, to com dor de dente") is None


@pytest.mark.parametrize(
    "text",
    [
        "sou a mae dele, ele tem 9 anos e vai fazer o eco, eu autorizo sim",
        "sou o pai dela, ela tem 7 anos e vai fazer o holter, pode usar sim",
        "sim eu autorizo e tbm autorizo pro meu filho q ele tem 12 anos e vai fazer fisio comigo",
    ],
)
def test_a_guardian_naming_the_childs_visit_consents(text: str) -> None:
    assert consent_answer(text) is True


def test_the_visit_named_for_an_adult_child_stays_unread() -> None:
    assert (
        consent_answer("sou a mae dele, ele tem 19 anos e vai fazer o eco, eu autorizo sim") is None
    )


@pytest.mark.parametrize(
    "text", ["capaz que eu vou autorizar, nao", "bah, capaz q vou deixar usar meus dados, né não"]
)
def test_the_souths_mock_doubt_sealed_by_a_no_refuses(text: str) -> None:
    assert consent_answer(text) is False


@pytest.mark.parametrize("text", ["capaz que eu vou autorizar", "capaz que eu vou autorizar sim"])
def test_capaz_que_without_the_closing_no_stays_unread(text: str) -> None:
    assert consent_answer(text) is None
