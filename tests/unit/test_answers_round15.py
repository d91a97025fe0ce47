"""Answers to the consent and confirmation questions read since blind sets 21 to 24."""

from datetime import date, datetime, time

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer
from services.conductor.portuguese.hour_of_commitment import commitment_hour
from services.conductor.portuguese.when import When, parse_when
from services.conductor.proposal_change import on_proposed_day

_TODAY = date(2026, 11, 24)  # a Tuesday
_NOW = datetime(2026, 11, 24, 9)
_PROPOSED = datetime(2026, 12, 1, 10)  # the Tuesday after


def _on_proposal(text: str) -> When | None:
    return on_proposed_day(parse_when(text, _TODAY, _NOW), _PROPOSED, text)


@pytest.mark.parametrize(
    "text",
    [
        "se for rapido sim, tenho q estar no trabalho as 11",
        "pode sim, mas preciso sair às 11h30",
        "se der tempo sim, tenho aula às 14",
        "acho que da, entro no serviço às 13",
        "sim, só que tenho que buscar meu filho na escola as 11 e meia",
    ],
)
def test_the_hour_of_another_commitment_proposes_no_time(text: str) -> None:
    when = _on_proposal(text)
    assert when is None or when.start() is None


def test_the_day_said_beside_a_commitment_hour_stays() -> None:
    when = _on_proposal("nao, quarta tenho aula às 14 mas de manha da")
    assert when is not None and when.at is None


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("tenho q estar no trabalho as 11", time(11)),
        ("preciso sair às 11h30", time(11, 30)),
        ("entro no plantão às 7 e meia", time(7, 30)),
    ],
)
def test_a_commitment_hour_is_read(text: str, hour: time) -> None:
    assert commitment_hour(text) == hour


@pytest.mark.parametrize(
    "text",
    [
        "tenho que sair as 11, tem as 9?",
        "nao, pode ser as 14h no msm dia?",
        "as 11 eu consigo",
    ],
)
def test_an_hour_asked_for_is_no_commitment(text: str) -> None:
    assert commitment_hour(text) is None


def test_an_hour_asked_after_a_no_is_still_read_on_the_day_proposed() -> None:
    when = _on_proposal("nao, pode ser as 14h no msm dia?")
    assert when is not None and when.start() == datetime(2026, 12, 1, 14)


def test_a_conditional_yes_with_a_commitment_hour_is_unread() -> None:
    assert (
        confirmation_answer("se for rapido sim, tenho q estar no trabalho as 11", _PROPOSED, _TODAY)
        is None
    )


@pytest.mark.parametrize(
    "text",
    [
        "sou a mãe dele, ele tem 12 anos, autorizo sim",
        "pode sim, sou o pai da menina",
        "sou o pai da Laura, ela tem 8 anos, pode sim",
        "sou o responsavel legal dele, autorizo",
        "sou a tia e tenho a guarda dela, pode sim",
    ],
)
def test_a_guardian_of_a_minor_shown_consents(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "sou a mae dela, ela tem 25 anos, autorizo",
        "sou a avó dele, autorizo sim",
        "sou a irmã dela, autorizo por ela",
        "sou o pai, mas nao sei",
        "Autorizo. Sou a mãe do Davi",
        "ta bom pode sim, sou o pai",
    ],
)
def test_a_parent_of_no_minor_shown_or_a_relative_leaves_consent_unread(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "sim mas nao quero receber propaganda nem promoção viu",
        "sim pode. so nao me manda msg de marketing pfv",
        "autorizo. sem whats de promoção pfv",
        "pode cadastrar sim, só nao me manda essas mensagens de oferta",
        "autorizo, so nao quero sms de publicidade e nem de promoção",
    ],
)
def test_advertising_refused_by_its_carrier_leaves_the_yes(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "é... sim pode usar meus dados pra marcar a consulta de Heitor tá",
        "sim, desde q seja so p o atendimento msm",
        "sim pode usar meus dado so pra cunsulta",
        "pode colocar meus dados pra marcar a consulta, é só isso mesmo",
        "Autorizo, desde que seja só para a consulta mesmo, como diz aí.",
        "autorizo sim pode seguir com o agendamento",
    ],
)
def test_the_notice_purpose_restated_in_chat_leaves_the_yes(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "sim, pra consulta de graça",
        "sim desde que apaguem tudo depois da consulta",
        "sim se for pra consulta de hoje",
    ],
)
def test_a_condition_beside_the_purpose_stays_unread(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "nao kkk so tava vendo o horario de funcionamento",
        "não, só queria saber se aceitam unimed",
        "é... não não quero não eu só queria saber se vocês atendem unimed mesmo",
        "nao, so tava olhando os precos",
    ],
)
def test_a_no_then_the_errand_wanted_instead_is_a_no(text: str) -> None:
    assert consent_answer(text) is False


@pytest.mark.parametrize(
    "text", ["sim, so queria saber se e pra consulta", "nao sei, so queria saber pra que serve"]
)
def test_an_errand_after_a_yes_or_a_doubt_stays_unread(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize(
    "text", ["capaz! não autorizo nada", "bah, capaz! nem pensar", "capaz, nao quero nao"]
)
def test_capaz_before_a_no_is_a_no(text: str) -> None:
    assert consent_answer(text) is False


@pytest.mark.parametrize("text", ["capaz, pode sim", "capaz que sim"])
def test_capaz_before_a_yes_stays_unread(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize("text", ["nada disso, nao", "nada disso"])
def test_nada_disso_is_a_no(text: str) -> None:
    assert consent_answer(text) is False


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("nao pera, apertei errado kkk SIM pode", True),
        ("sim.. ops cliquei errado, não autorizo", False),
        ("não, foi sem querer, pode sim", True),
        ("sim, apertei errado", None),
    ],
)
def test_an_answer_after_a_key_pressed_by_mistake_is_the_one_read(
    text: str, answer: bool | None
) -> None:
    assert consent_answer(text) is answer
    assert confirmation_answer(text, _PROPOSED, _TODAY) is answer


def test_a_fact_put_right_is_no_key_pressed_by_mistake() -> None:
    assert confirmation_answer("nao, me enganei, é quinta", _PROPOSED, _TODAY) is False


@pytest.mark.parametrize(
    "text",
    [
        "hmm deixa eu ver com meu supervisor",
        "ah deixa eu ver com meu marido e te falo",
        "entao deixa eu ver",
    ],
)
def test_thinking_it_over_after_a_filler_is_unread(text: str) -> None:
    assert confirmation_answer(text, _PROPOSED, _TODAY) is None


@pytest.mark.parametrize("text", ["Perfeitamente. Confirme, por gentileza.", "perfeitamente"])
def test_perfeitamente_is_a_yes_to_a_proposal(text: str) -> None:
    assert confirmation_answer(text, _PROPOSED, _TODAY) is True


def test_perfeitamente_alone_is_no_consent() -> None:
    assert consent_answer("perfeitamente") is None


@pytest.mark.parametrize(
    "text",
    [
        "é... pode sim pode confirmar terça às dez tá bom pra mim",
        "dia 1 as dez ta otimo",
        "ah, terça 10h? pode sim, confirma",
        "terça as 10? sim",
    ],
)
def test_the_proposal_named_in_words_or_echoed_is_a_yes(text: str) -> None:
    assert confirmation_answer(text, _PROPOSED, _TODAY) is True


@pytest.mark.parametrize(
    "text",
    ["terça às onze tá bom pra mim", "ah, terça 10h? hmm nao sei", "terça às 10? tem outro?"],
)
def test_another_hour_or_a_doubt_after_the_echo_is_not_a_yes(text: str) -> None:
    assert confirmation_answer(text, _PROPOSED, _TODAY) is not True


@pytest.mark.parametrize(
    "text",
    [
        "confirma sim, terça to de folga 🙏",
        "pode sim confirma aí que nesse dia eu tô de folga da escala então dá certinho",
        "nao tenho outro jeito mesmo, pode confirmar",
        "fazer o que, pode marcar",
        "é... pode confirmar sim moça que eu levo ele",
        "pode sim que eu levo a vovó",
        "é... pode sim terça tá bom pra mim às dez eu pego carona com meu cumpadi que vai pra "
        "feira",
        "pode confirmar, vou de carona com minha vizinha",
        "sim, pego carona com meu filho",
    ],
)
def test_a_remark_of_being_free_resigned_or_taking_the_patient_keeps_the_yes(text: str) -> None:
    assert confirmation_answer(text, _PROPOSED, _TODAY) is True


def test_being_free_on_another_day_is_not_a_plain_yes() -> None:
    assert confirmation_answer("confirma, quinta to de folga", _PROPOSED, _TODAY) is None


def test_resignation_before_a_no_is_a_no() -> None:
    assert confirmation_answer("nao tenho outro jeito, nao vou poder", _PROPOSED, _TODAY) is False


@pytest.mark.parametrize(
    "text", ["capaz, terça é impossivel pra mim", "terça é impossivel", "capaz! nao da"]
)
def test_a_day_called_impossible_or_capaz_before_a_no_is_a_no(text: str) -> None:
    assert confirmation_answer(text, _PROPOSED, _TODAY) is False


def test_capaz_before_a_yes_is_no_confirmation() -> None:
    assert confirmation_answer("capaz, pode sim", _PROPOSED, _TODAY) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("terça nao da, pode ser na quarta?", date(2026, 12, 2)),
        (
            "terça não dá porque tenho feira, se tiver na quarta depois das duas eu vou",
            date(2026, 12, 2),
        ),
        ("terça eu nao posso, sexta pode?", date(2026, 12, 4)),
    ],
)
def test_a_later_weekday_after_the_proposals_refused_is_in_the_week_proposed(
    text: str, day: date
) -> None:
    when = _on_proposal(text)
    assert when is not None and when.doubt is None and when.day == day


def test_a_weekday_alone_after_a_plain_no_is_still_asked() -> None:
    when = _on_proposal("nao, prefiro quarta as 10")
    assert when is not None and when.doubt is not None


@pytest.mark.parametrize(
    "text",
    [
        "dez horas nao da, o onibus so chega onze e meia. tem depois do meio dia?",
        "10h to no meio do plantao, tem depois das 19 no msm dia?",
        "nn, quero mais cedo, amanha tem?",
        "nao da, sexta de manha pode?",
        "10 horas não rola, tem de tarde?",
    ],
)
def test_an_hour_refused_then_another_option_asked_is_a_no(text: str) -> None:
    assert confirmation_answer(text, _PROPOSED, _TODAY) is False


@pytest.mark.parametrize(
    "text", ["as 10 tem sim", "10h to ai sim", "dez horas ta otimo", "10 horas pode ser"]
)
def test_the_hour_proposed_said_with_a_yes_is_no_refusal(text: str) -> None:
    assert confirmation_answer(text, _PROPOSED, _TODAY) is not False


@pytest.mark.parametrize(
    "text",
    [
        "tem mais cedo? antes das 8 no mesmo dia",
        "tem mais tarde? depois das 16",
        "teria mais cedo? a partir das 7",
    ],
)
def test_earlier_or_later_asked_with_its_bound_is_a_no(text: str) -> None:
    assert confirmation_answer(text, _PROPOSED, _TODAY) is False


def test_earlier_asked_alone_stays_unread() -> None:
    assert confirmation_answer("tem mais cedo?", _PROPOSED, _TODAY) is None


@pytest.mark.parametrize(
    ("text", "period", "between"),
    [
        ("nao moça, as 10 ela ta na creche, so de tarde", "tarde", None),
        ("ixi nao, 10h eu to no mercado vendendo. so de tarde", "tarde", None),
        ("nao, as 10 ele ta na escola, so de noite", "noite", None),
    ],
)
def test_the_part_asked_beside_the_hour_proposed_filled_is_on_the_day_proposed(
    text: str, period: str, between: tuple[time, time] | None
) -> None:
    when = _on_proposal(text)
    assert when is not None and when.doubt is None
    assert (when.day, when.period, when.between) == (date(2026, 12, 1), period, between)


def test_another_day_beside_the_hour_proposed_filled_stays_asked() -> None:
    when = _on_proposal("as 10 ela ta na escola, amanha de tarde?")
    assert when is not None and when.doubt is not None


@pytest.mark.parametrize(
    "text",
    [
        "é... então moça terça nao da não viu porque eu trabalho e nao tenho com quem deixar "
        "ele só na segunda dia 7 se tiver",
        "nao posso porque se eu faltar perco o emprego",
        "terça não dá pq só saio do serviço às 18, se tiver sábado eu vou",
    ],
)
def test_a_condition_inside_a_nos_reason_keeps_the_no(text: str) -> None:
    assert confirmation_answer(text, _PROPOSED, _TODAY) is False


def test_a_condition_inside_a_consent_refusals_reason_keeps_the_no() -> None:
    assert consent_answer("nao autorizo porque se vazar ja era") is False


@pytest.mark.parametrize(
    "text", ["sim porque se nao for perco a vaga", "nao sei porque se for de manha"]
)
def test_a_yes_or_a_doubt_with_a_reason_stays_unread(text: str) -> None:
    assert confirmation_answer(text, _PROPOSED, _TODAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "sim! ah nao pera, terça de manha eu trabalho... tem de tarde?",
        "de manha eu trabalho, tem de tarde?",
        "terça de manhã ela tem aula",
    ],
)
def test_the_part_of_the_day_proposed_filled_is_a_no(text: str) -> None:
    assert confirmation_answer(text, _PROPOSED, _TODAY) is False


def test_second_thoughts_after_a_yes_leave_the_consent_to_what_follows() -> None:
    assert consent_answer("sim! ah nao pera, nao autorizo") is False
    assert consent_answer("sim nao pera") is None


@pytest.mark.parametrize(
    "text",
    [
        "sim! ah nao pera, terça de manha eu trabalho... tem de tarde?",
        "terça de manha ela tem aula, tem de tarde?",
    ],
)
def test_the_part_asked_beside_the_proposals_weekday_filled_is_on_the_day_proposed(
    text: str,
) -> None:
    when = _on_proposal(text)
    assert when is not None and when.doubt is None
    assert (when.day, when.period) == (date(2026, 12, 1), "tarde")


def test_another_day_asked_beside_the_proposals_weekday_filled_stays_asked() -> None:
    when = _on_proposal("terça eu trabalho, quinta pode?")
    assert when is not None and when.doubt is not None


def test_a_ride_said_with_a_condition_stays_unread() -> None:
    assert (
        confirmation_answer("pode sim, se eu conseguir carona com meu filho", _PROPOSED, _TODAY)
        is None
    )
