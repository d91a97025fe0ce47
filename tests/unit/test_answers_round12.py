"""Round 12: refusals asked as questions, refusals by the place one is in or by the
professional wished, the North's "great", and consent's scope said with "só"."""

from datetime import date, datetime

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer


@pytest.mark.parametrize(
    "text",
    [
        "nao pode ser dia 3 as 14h?",
        "Não pode ser amanhã?",
        "não podia ser às 11?",
        "nao pode ser mais tarde? tipo depois das 15",
        "tem mais cedo? tipo 7h30 no mesmo dia",
        "Tem mais tarde? de preferencia depois das 17",
        "teria algo mais cedo? tipo 8h",
    ],
)
def test_another_option_asked_at_the_start_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


def test_an_earlier_option_asked_alone_stays_unread() -> None:
    assert confirmation_answer("tem mais tarde?") is None


def test_another_option_asked_after_a_yes_is_no_no() -> None:
    assert confirmation_answer("sim, tem mais cedo?") is not False


@pytest.mark.parametrize(
    "text",
    [
        "10h eu to na lavoura, so depois das 16",
        "nesse horário eu tô no trabalho",
        "às 10 ela está na escola",
    ],
)
def test_the_hour_refused_by_where_one_is_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


def test_being_at_the_visit_itself_refuses_nothing() -> None:
    assert confirmation_answer("as 10 eu to na consulta") is not False


@pytest.mark.parametrize(
    "text", ["de manha nao consigo, tem de tarde?", "à tarde não dá", "de noite não posso"]
)
def test_a_part_of_the_day_refused_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


@pytest.mark.parametrize(
    "text",
    [
        "nao, queria com a Dra. e nao com o Dr.",
        "Não, prefiro com a doutora",
        "não, queria com o Dr. Paulo",
        "nao, gostaria de ser atendida com a Marta",
    ],
)
def test_a_no_then_another_professional_wished_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


def test_a_professional_wished_with_an_hour_stays_unread() -> None:
    assert confirmation_answer("não, queria com a Dra. às 16h") is None


@pytest.mark.parametrize("text", ["pai d'egua, serve sim", "pai d'égua, pode confirmar"])
def test_the_north_s_great_with_a_yes_is_a_yes(text: str) -> None:
    assert confirmation_answer(text) is True


def test_the_north_s_great_alone_is_no_consent() -> None:
    assert consent_answer("pai d'égua") is None


@pytest.mark.parametrize(
    "text",
    ["sim. propaganda nao, so o agendamento", "aceito, somente a consulta", "sim, só consulta"],
)
def test_a_yes_kept_to_the_notice_s_purpose_with_so_is_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_a_yes_kept_to_a_time_with_so_stays_unread() -> None:
    assert consent_answer("sim, so hoje") is None


@pytest.mark.parametrize(
    "text",
    ["pode sim, so nao quero que mandem promocao", "aceito, só não quero que me enviem ofertas"],
)
def test_a_yes_refusing_advertising_sent_is_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_a_yes_refusing_data_sent_on_stays_unread() -> None:
    assert consent_answer("sim, só não quero que mandem meus dados pra ninguém") is None


@pytest.mark.parametrize(
    "text",
    ["nao, tem como marcar sem isso? por telefone?", "não aceito. pode ser sem isso? pelo site?"],
)
def test_a_refusal_asking_twice_for_another_way_is_a_refusal(text: str) -> None:
    assert consent_answer(text) is False


def test_a_yes_asking_for_another_way_stays_unread() -> None:
    assert consent_answer("sim, tem como marcar sem isso? por telefone?") is None


@pytest.mark.parametrize(
    "text",
    [
        "eu autorizo, e pra minha mae mas eu que cuido das coisas dela",
        "aceito, é pra minha filha",
        "sim, é pro meu pai e eu que acompanho ele",
    ],
)
def test_a_consent_naming_whom_it_is_for_is_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "aceito, e pra minha mae mas so se nao passarem os dados",
        "sim, e pra minha mae mas ela nao quer",
        "autorizo, e pra minha mae?",
    ],
)
def test_whom_it_is_for_with_a_condition_or_doubt_stays_unread(text: str) -> None:
    assert consent_answer(text) is None


def test_a_refusal_naming_whom_it_is_for_is_a_refusal() -> None:
    assert consent_answer("nao autorizo, e pra minha mae") is False


@pytest.mark.parametrize(
    "text", ["da certo sim, e pra minha vizinha mas eu levo ela", "pode confirmar, é pro meu filho"]
)
def test_a_confirmation_naming_whom_it_is_for_is_a_yes(text: str) -> None:
    assert confirmation_answer(text) is True


def test_whom_it_is_for_with_a_condition_leaves_the_yes_unread() -> None:
    assert confirmation_answer("pode confirmar, e pra minha vizinha mas eu levo ela se der") is None


_PROPOSED = datetime(2026, 12, 1, 10, 0)
_TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    "text", ["perfeito, dia 1 as 10 ta otimo", "às 10 tá bom sim", "terça, dia 1, às 10h pode ser"]
)
def test_a_yes_naming_the_proposal_again_is_a_yes(text: str) -> None:
    assert confirmation_answer(text, _PROPOSED, _TODAY) is True


def test_a_yes_naming_the_proposal_is_unread_without_it() -> None:
    assert confirmation_answer("perfeito, dia 1 as 10 ta otimo") is None


@pytest.mark.parametrize(
    "text",
    ["sim, dia 2 as 10", "ok, dia 1 as 11", "dia 1 as 10 ou 11?", "sim, dia 1 depois das 10"],
)
def test_a_yes_naming_another_time_stays_unread(text: str) -> None:
    assert confirmation_answer(text, _PROPOSED, _TODAY) is None


def test_the_proposal_named_alone_is_no_answer() -> None:
    assert confirmation_answer("dia 1 as 10", _PROPOSED, _TODAY) is None


def test_the_proposal_named_with_a_condition_stays_unread() -> None:
    text = "sim, dia 1 as 10 mas se chover nao vou"
    assert confirmation_answer(text, _PROPOSED, _TODAY) is None


def test_the_proposal_s_hour_refused_by_what_fills_it_is_a_no() -> None:
    assert confirmation_answer("nao, as 10 eu trabalho", _PROPOSED, _TODAY) is False
