"""Answers to the consent and confirmation questions read since blind sets 31 to 36."""

from datetime import date, time

import pytest

from services.conductor.portuguese.consent import consent_answer
from tests.support.reference_moment import PROPOSED, asked_after_no, confirmed


@pytest.mark.parametrize(
    "text",
    [
        "sim mas nao quero propaganda nem mensagem de promoção pfv",
        "sim mas nao me manda promoção nem essas coisa",
        "aceito, só não quero oferta nem msg de promoção",
        "sim, mas nao quero propaganda nem outras coisas",
        "pode usar, só não me mande promoções nem novidades",
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
        "Autorizo. Desde já, muito obrigada.",
    ],
)
def test_a_formal_letters_courtesies_keep_the_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_a_sign_off_keeps_a_refusal() -> None:
    assert consent_answer("Não autorizo. Atenciosamente, Pedro") is False


def test_thanks_in_advance_do_not_hide_a_condition() -> None:
    assert consent_answer("sim se for so hoje, desde ja agradeço") is None


@pytest.mark.parametrize(
    "text",
    [
        "sim sim, bora agendar logo q to no busao",
        "aceito, pode seguir logo que to no onibus",
        "autorizo sim pode seguir, to no caminhao agora dps vejo o resto",
        "sim, to com dor, pode seguir logo pfv",
        "autorizo sim, tô dirigindo agora, depois leio o resto",
        "blz autorizo, to no metro agr",
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
        "sou a avó dela e tenho a guarda, ela tem 8 anos e vai fazer o eco, autorizo",
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


@pytest.mark.parametrize("text", ["nao, cancela isso ai", "não, pode desmarcar tudo"])
def test_a_no_then_the_proposal_cancelled_pointed_at_is_a_no(text: str) -> None:
    assert confirmed(text) is False


def test_a_no_then_cancelling_with_a_new_day_stays_unread() -> None:
    assert confirmed("nao, cancela isso ai e marca quinta") is None


@pytest.mark.parametrize(
    "text",
    [
        "Desculpe, não poderei comparecer. Há disponibilidade na quinta-feira dia 10 às 15 horas?",
        "desculpa, nao consigo. tem quinta?",
    ],
)
def test_an_apology_before_a_no_keeps_it(text: str) -> None:
    assert confirmed(text) is False


@pytest.mark.parametrize("text", ["desculpa, sim", "me desculpe a demora, pode confirmar"])
def test_an_apology_before_a_yes_keeps_it(text: str) -> None:
    assert confirmed(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "é... pode sim pode confirmar que eu vou levar meu avô nesse horário aí tá bom",
        "pode confirmar que eu levo ela",
        "confirma sim q vou acompanhar minha mae",
    ],
)
def test_the_one_brought_given_with_que_as_the_reason_keeps_the_yes(text: str) -> None:
    assert confirmed(text) is True


def test_a_que_before_anything_but_bringing_someone_is_left_as_it_was() -> None:
    assert confirmed("pode confirmar que eu vou tentar") is None


@pytest.mark.parametrize(
    "text", ["sim... quer dizer, peraí", "sim, pera", "pode confirmar, quer dizer, deixa eu ver"]
)
def test_a_yes_stopped_by_a_wait_at_its_end_stays_unread(text: str) -> None:
    assert confirmed(text) is None


def test_a_wait_before_the_yes_keeps_it() -> None:
    assert confirmed("pera, sim pode") is True


def test_a_no_then_a_wait_stays_a_no() -> None:
    assert confirmed("nao, pera") is False


@pytest.mark.parametrize(
    "text",
    [
        "Sí, autorizo. Pero no me manden publicidad por favor",
        "si acepto, pero no me manden promociones",
    ],
)
def test_a_spanish_consent_refusing_advertising_consents(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize("text", ["Sí, está bien el martes", "si, martes esta bien"])
def test_a_spanish_yes_naming_the_proposals_weekday_confirms(text: str) -> None:
    assert confirmed(text) is True


def test_a_spanish_yes_naming_another_weekday_stays_unread() -> None:
    assert confirmed("Sí, está bien el jueves") is None


def test_a_spanish_no_refuses() -> None:
    assert confirmed("no puedo el martes") is False


@pytest.mark.parametrize(
    ("text", "day", "period"),
    [
        ("n consigo terça, pode ser quarta dia 2 de manha?", date(2026, 12, 2), "manha"),
        ("terça nao da, teria quinta dia 3 de tarde?", date(2026, 12, 3), "tarde"),
    ],
)
def test_the_weekday_refused_then_a_dated_day_asked_is_that_day(
    text: str, day: date, period: str
) -> None:
    asked = asked_after_no(text)
    assert asked is not None and asked.doubt is None
    assert (asked.day, asked.period) == (day, period)


def test_a_part_of_the_weekday_refused_leaves_the_doubt() -> None:
    asked = asked_after_no("nao consigo terça de manha, pode ser quarta dia 2?")
    assert asked is not None and asked.doubt is not None


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("Não consigo às 10h. Poderia ser às 14h do mesmo dia?", time(14)),
        ("10h nao posso. tem as 16h no mesmo dia?", time(16)),
    ],
)
def test_the_hour_refused_then_another_the_same_day_is_the_proposals_day(
    text: str, hour: time
) -> None:
    asked = asked_after_no(text)
    assert asked is not None and asked.doubt is None
    assert (asked.day, asked.at) == (PROPOSED.date(), hour)


@pytest.mark.parametrize(
    "text",
    [
        "nao pode ser, meu guri tem aula de manha. teria terça de tarde?",
        "não dá, de manhã eu trabalho. tem terça à noite?",
    ],
)
def test_a_no_then_the_proposals_weekday_at_another_part_is_the_proposals_day(
    text: str,
) -> None:
    asked = asked_after_no(text)
    assert asked is not None and asked.doubt is None
    assert asked.day == PROPOSED.date() and asked.at is None


def test_the_proposals_weekday_at_another_part_in_a_yes_stays_asked() -> None:
    asked = asked_after_no("sim, terça de tarde")
    assert asked is not None and asked.doubt is not None


@pytest.mark.parametrize(
    "text", ["isso mesmo pode confirmar com a dra ana", "pode marcar com o dr joao"]
)
def test_the_professional_named_after_the_verb_of_a_yes_keeps_it(text: str) -> None:
    assert confirmed(text) is True


@pytest.mark.parametrize(
    "text", ["pode confirmar com a dra ana?", "pode confirmar com a dra ana mas so se for cedo"]
)
def test_the_professional_named_with_a_question_or_condition_stays_unread(text: str) -> None:
    assert confirmed(text) is None


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("no puedo, trabajo en el campo hasta las 17. tiene más tarde?", time(17)),
        ("nao da, to no trabalho ate as 18h, teria mais tarde?", time(18)),
    ],
)
def test_later_asked_after_the_hour_one_is_busy_until_is_after_it(text: str, hour: time) -> None:
    asked = asked_after_no(text)
    assert asked is not None and asked.doubt is None and asked.at is None
    assert (asked.day, asked.between) == (PROPOSED.date(), (hour, time(23, 59)))


@pytest.mark.parametrize(
    "text",
    [
        "nao posso, trabalho ate as 9, tem mais tarde?",
        "trabalho ate as 17, mas pode ser mais tarde",
    ],
)
def test_busy_until_before_the_proposal_or_later_told_is_read_as_before(text: str) -> None:
    asked = asked_after_no(text)
    assert asked is None or asked.between is None


def test_a_spanish_refusal_refuses_the_consent() -> None:
    assert consent_answer("no acepto") is False


@pytest.mark.parametrize(
    ("text", "read"),
    [("Sí, el martes a las 10 está bien", True), ("Sí, el martes a las 11 está bien", None)],
)
def test_a_spanish_yes_with_an_hour_confirms_only_the_hour_proposed(
    text: str, read: bool | None
) -> None:
    assert confirmed(text) is read


def test_thanks_in_advance_keep_a_confirmation() -> None:
    assert confirmed("sim, pode confirmar, obrigada desde já") is True
    assert confirmed("sim, se for cedo, obrigada desde ja") is None


def test_an_apology_and_its_but_before_a_no_keep_it() -> None:
    assert confirmed("desculpe mas nao posso") is False


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("não consigo às 10, pode ser às 15h?", time(15)),
        ("10h não dá, tem 14h?", time(14)),
        ("não consigo às 10, pode ser às 15h no mesmo dia?", time(15)),
    ],
)
def test_the_hour_refused_then_one_other_in_a_sentence_is_on_the_proposals_day(
    text: str, hour: time
) -> None:
    asked = asked_after_no(text)
    assert asked is not None and asked.doubt is None
    assert (asked.day, asked.at) == (PROPOSED.date(), hour)


@pytest.mark.parametrize(
    "text",
    [
        "não consigo às 10, pode ser quinta às 15h?",
        "não consigo às 10, pode ser às 15h ou 16h?",
        "não consigo às 9, pode ser às 15h?",
    ],
)
def test_another_day_two_hours_or_another_hour_refused_stay_asked(text: str) -> None:
    asked = asked_after_no(text)
    assert asked is not None and asked.doubt is not None
