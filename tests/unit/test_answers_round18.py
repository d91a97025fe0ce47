"""Answers to the consent and confirmation questions read since blind sets 37 to 42."""

from datetime import date, time

import pytest

from services.conductor.portuguese.consent import consent_answer
from services.conductor.portuguese.when import When
from tests.support.reference_moment import PROPOSED, asked_after_no, confirmed, read_when


@pytest.mark.parametrize(
    "text",
    [
        "mainha autoriza sim, ela ta do meu lado",
        "painho aceita sim",
        "minha mae concorda, pode usar",
        "ela autoriza sim",
    ],
)
def test_a_yes_relayed_with_the_verb_in_the_third_person_is_no_consent(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize("text", ["autorizo sim mainha", "pode sim mainha", "aceito sim painho"])
def test_kin_called_as_an_address_beside_ones_own_yes_keeps_the_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_a_relayed_refusal_stays_a_refusal() -> None:
    assert consent_answer("mainha nao autoriza") is False


@pytest.mark.parametrize(
    "text",
    [
        "deixa eu checar a agenda do meu chefe",
        "deixe-me conferir com meu marido",
        "deixa eu olhar minha escala",
        "deixa eu perguntar pra minha esposa",
    ],
)
def test_checking_first_is_no_answer_to_the_proposal(text: str) -> None:
    assert confirmed(text) is None


def test_checking_first_keeps_a_no_said_before_it() -> None:
    assert confirmed("nao, deixa eu checar outro dia") is False


@pytest.mark.parametrize(
    "text", ["sim vírgula autorizo ponto", "Sim vírgula pode usar meus dados ponto final"]
)
def test_punctuation_said_aloud_parts_a_dictated_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_punctuation_said_aloud_parts_a_dictated_refusal() -> None:
    assert consent_answer("não vírgula obrigada ponto") is False


def test_punctuation_said_aloud_parts_a_dictated_confirmation() -> None:
    assert confirmed("Sim vírgula pode confirmar ponto") is True


def test_a_question_mark_said_aloud_still_asks() -> None:
    assert consent_answer("sim vírgula autorizo ponto de interrogação") is None


@pytest.mark.parametrize("text", ["nego", "eu nego", "nego, obrigada"])
def test_nego_refuses_the_consent(text: str) -> None:
    assert consent_answer(text) is False


def test_a_denial_denied_is_no_refusal() -> None:
    assert consent_answer("não nego") is None


@pytest.mark.parametrize("text", ["simbora", "vambora", "simbora, pode confirmar"])
def test_lets_go_run_together_confirms_the_proposal(text: str) -> None:
    assert confirmed(text) is True


def test_lets_go_run_together_alone_is_no_consent() -> None:
    assert consent_answer("simbora") is None


@pytest.mark.parametrize(
    "text", ["tá autorizado maninho", "está autorizado", "fica autorizado, amiga"]
)
def test_the_consent_said_done_is_a_yes(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize("text", ["não está autorizado", "tá autorizado?"])
def test_the_consent_said_done_negated_or_asked_is_no_yes(text: str) -> None:
    assert consent_answer(text) is not True


@pytest.mark.parametrize(
    "text",
    [
        "Sim! Mas nao quero receber propaganda nem promo de botox pfv kkk",
        "autorizo, só não quero promo de clínica",
        "sim mas promoção e essas coisa nao manda pfv",
        "pode usar, propaganda nao manda",
    ],
)
def test_advertising_refused_in_other_words_keeps_the_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text", ["autorizo. sem newsletter, sem marketing, ok?", "sim, sem propaganda, blz?"]
)
def test_agreement_asked_on_the_advertising_refused_keeps_the_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text", ["sim, ok?", "autorizo, sem marketing, ok? e vcs passam pra quem?"]
)
def test_a_question_on_the_consent_itself_still_leaves_it_unread(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "claro q sim, to no transito, vai la",
        "sim, to no busao",
        "é... sim sim pode autorizar aí que eu preciso marcar logo",
        "autorizo q preciso agendar urgente",
    ],
)
def test_being_on_the_move_or_needing_to_book_soon_keeps_the_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_a_ride_with_a_day_of_its_own_is_no_hurry() -> None:
    assert consent_answer("sim, terça to no onibus") is None


@pytest.mark.parametrize(
    "text",
    [
        "isso, autorizo sim kkk demorou pra chegar a msg aqui no interior",
        "sim, a mensagem só chegou agora",
        "autorizo, o sinal aqui é ruim",
    ],
)
def test_the_answers_delay_remarked_keeps_the_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_the_answers_delay_remarked_keeps_a_confirmation() -> None:
    assert confirmed("pode confirmar, a msg demorou pra chegar aqui no sitio") is True


@pytest.mark.parametrize(
    "text",
    [
        "sim pode marcar, o barco chega cedo",
        "é... pode sim pode confirmar que eu chego de manhãzinha no porto e vou direto",
        "é... então pode confirmar sim que eu vou de ônibus",
        "pode confirmar que eu venho de balsa",
    ],
)
def test_how_one_gets_there_said_after_a_yes_keeps_it(text: str) -> None:
    assert confirmed(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "pode confirmar que eu chego de tarde",
        "pode confirmar que eu chego as 11",
        "sim, o barco chega quinta",
    ],
)
def test_arriving_at_another_time_leaves_the_yes_unread(text: str) -> None:
    assert confirmed(text) is None


def test_being_off_that_day_said_after_it_keeps_the_yes() -> None:
    assert confirmed("pode confirmar sim, vou ta de folga do turno nesse dia") is True


def test_being_off_another_day_leaves_the_yes_unread() -> None:
    assert confirmed("pode confirmar sim, vou ta de folga quinta") is None


@pytest.mark.parametrize(
    "text", ["10 hr nao chego, tem depois das 14?", "10hs nao da, tem depois das 14?"]
)
def test_the_hour_proposed_refused_in_chat_shorthand_then_another_asked_is_a_no(
    text: str,
) -> None:
    assert confirmed(text) is False
    assert asked_after_no(text) == When(day=PROPOSED.date(), between=(time(14), time(23, 59)))


def test_later_asked_on_the_same_day_with_an_example_is_a_no() -> None:
    text = "nao, mais tarde no mesmo dia tem? tipo 15h"
    assert confirmed(text) is False
    assert asked_after_no(text) == When(day=PROPOSED.date(), at=time(15), period="tarde")


def test_later_asked_on_the_same_day_alone_stays_unread() -> None:
    assert confirmed("mais tarde no mesmo dia tem?") is None


def test_a_spanish_no_then_another_day_asked_is_a_no() -> None:
    text = "No, ¿tiene el jueves 3 a las 9?"
    assert confirmed(text) is False
    assert asked_after_no(text) == When(day=date(2026, 12, 3), at=time(9))


def test_the_day_ones_ride_leaves_gives_way_to_the_day_asked() -> None:
    assert asked_after_no("não consigo, o barco só sai de lá quarta. tem dia 4?") == When(
        day=date(2026, 12, 4)
    )


def test_the_day_ones_ride_leaves_told_alone_is_read_as_before() -> None:
    assert read_when("o barco so sai quarta") == read_when("quarta")


def test_the_part_of_the_day_one_is_busy_doing_something_gives_way_to_the_part_asked() -> None:
    text = "não posso, to vendendo na feira do ver-o-peso de manha. tem a tarde?"
    assert confirmed(text) is False
    assert asked_after_no(text) == When(day=PROPOSED.date(), period="tarde")


def test_a_part_of_the_day_wanted_with_a_gerund_is_not_set_aside() -> None:
    assert read_when("to querendo de manha, tem de tarde?") is None  # two parts: asked


@pytest.mark.parametrize(
    "text",
    ["Sim. So pra consulta msm né? entao pode", "só pro agendamento, certo? então autorizo"],
)
def test_the_notices_own_purpose_asked_back_then_a_yes_is_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "pode sim, é só pra consulta né?",
        "So pra consulta né? e vcs passam pra alguem?",
        "Sim. So pra consulta né? nao",
    ],
)
def test_the_purpose_asked_back_without_a_plain_yes_after_it_stays_unread(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Sim. (sou bem cuidadosa com isso, mas se é só pro agendamento tudo bem)",
        "sim, mas se é só pro agendamento tudo bem",
        "autorizo, sou muito cuidadoso com meus dados",
    ],
)
def test_ones_care_with_the_data_beside_a_yes_keeps_the_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_ones_care_with_a_condition_of_another_kind_stays_unread() -> None:
    assert consent_answer("sim, sou cuidadosa com isso, se nao passarem pra ninguem") is None


@pytest.mark.parametrize(
    "text",
    [
        "ué, clinico geral? tá bom, pode confirmar msm",
        "oxe, com a doutora? ok, pode marcar mesmo assim",
    ],
)
def test_the_proposal_echoed_in_surprise_then_taken_anyway_is_a_yes(text: str) -> None:
    assert confirmed(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "ué, quinta? tá bom, pode confirmar",
        "ué, não tem mais cedo? pode confirmar",
        "ué, de manha? pode confirmar",
        "ué, clinico geral? pode confirmar? e o preço?",
        "ah, pediatra? pode",
    ],
)
def test_an_echo_naming_a_time_a_change_or_a_question_after_leaves_the_yes_unread(
    text: str,
) -> None:
    assert confirmed(text) is None
