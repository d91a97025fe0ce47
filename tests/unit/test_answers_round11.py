"""Round 11: hedged yeses, refusals by a reason, and yeses in words the reader lacked."""

from datetime import date, datetime

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer
from services.conductor.portuguese.when import parse_when
from services.conductor.proposal_change import on_proposed_day


@pytest.mark.parametrize(
    "text",
    [
        "acho que sim",
        "Acho q sim!",
        "creio que sim",
        "eu acredito que sim",
        "acho que pode",
        "pode ser né",
        "sim, acho",
        "acho eu que sim",
        "imagino que sim, pode usar",
    ],
)
def test_a_yes_said_as_a_belief_is_no_consent(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize("text", ["acho que sim", "creio que pode", "pode ser né"])
def test_a_yes_said_as_a_belief_confirms_no_booking(text: str) -> None:
    assert confirmation_answer(text) is None


@pytest.mark.parametrize("text", ["sim, acho ótimo", "sim", "pode ser"])
def test_a_belief_that_judges_keeps_the_yes(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize("text", ["acho que não", "acho que nao viu"])
def test_a_hedged_no_stays_a_refusal(text: str) -> None:
    assert consent_answer(text) is False


@pytest.mark.parametrize(
    "text",
    [
        "autorizo sim, paz do senhor",
        "A paz do Senhor, pode sim",
        "pode mermão",
        "aceito, mermão",
        "autorizo sim, sou eu mesma a paciente",
        "sim, o paciente sou eu",
    ],
)
def test_greetings_addresses_and_the_patient_herself_change_no_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize("text", ["fechado mermão", "bah, tri, pode ser", "tri bom, confirma"])
def test_regional_words_of_agreement_confirm(text: str) -> None:
    assert confirmation_answer(text) is True


@pytest.mark.parametrize("text", ["tri", "bah, tri"])
def test_the_souths_great_alone_is_no_consent(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Eu, Bruno Dal Molin, autorizo.",
        "Eu, Maria das Graças, aceito os termos.",
        "Autorizo o uso dos meus dados para os fins informados.\nAtenciosamente, Edeltraud Klein",
        "sim (respondendo agora, tava em reuniao)",
        "Aceito (desculpa a demora)",
    ],
)
def test_a_declared_name_a_signature_or_an_aside_on_the_delay_keep_the_yes(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "sim (respondendo agora, se for so hoje)",
        "sim (tava em reuniao, mas nao quero que passem meus dados)",
        "Eu, Bruno Dal Molin, não autorizo.",
    ],
)
def test_an_aside_with_a_condition_or_a_negation_is_still_read(text: str) -> None:
    assert consent_answer(text) is not True


@pytest.mark.parametrize(
    "text",
    [
        "autorizo sim pro agendamento e atendimento",
        "Autorizo o uso para agendamento e atendimento.",
        "sim, autorizo para agendamento e atendimento somente",
        "pode usar sim pra marcar a consulta de mainha",
        "sim, pode usar pra marcar a consulta do nene",
    ],
)
def test_the_notices_purposes_joined_or_for_kin_restate_the_notice(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "sim mas nao quero receber propaganda nao",
        "pode, so nao me manda promoçao nao",
        "pode usar pro atendimento, propaganda nao",
    ],
)
def test_advertising_refused_with_the_negator_said_again_refuses_nothing_asked(
    text: str,
) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text", ["sim, autorizo para agendamento e hoje somente", "autorizo pro atendimento, so hoje"]
)
def test_other_limits_beside_the_purposes_stay_unread(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "nao, as 10 eu trabalho",
        "esse horario eu trabalho",
        "nao, as 10 eu levo o menino na escola",
        "nesse dia ela tem fisioterapia",
        "10h eu to trabalhando",
    ],
)
def test_the_time_proposed_named_with_what_fills_it_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


@pytest.mark.parametrize(
    "text",
    [
        "as 10 eu posso",
        "esse horario eu consigo",
        "as 10 eu tenho como ir",
        "as 10 eu tenho consulta ai",
    ],
)
def test_the_time_named_with_a_verb_of_ability_is_no_refusal(text: str) -> None:
    assert confirmation_answer(text) is not False


def test_the_time_proposed_filled_then_another_offered_is_no_plain_no() -> None:
    assert confirmation_answer("as 10 eu trabalho mas as 11 da") is None


def test_the_day_proposed_with_the_only_part_that_suits_is_a_no() -> None:
    assert confirmation_answer("nesse dia so consigo depois das 17") is False


def test_the_day_proposed_with_the_only_hour_that_suits_proposes_anew() -> None:
    assert confirmation_answer("nesse dia so consigo as 15") is None


@pytest.mark.parametrize(
    "text",
    [
        "nao, tem dia 3?",
        "nao da, pode ser quarta?",
        "nao, tem no sabado dia 5 de manha?",
        "esse nao, tem na terca mesmo so que de tarde?",
        "terca nao da nao, tem quinta dia 3?",
    ],
)
def test_a_no_then_another_day_or_part_asked_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


@pytest.mark.parametrize(
    "text", ["xi, terça nao rola mermão", "sexta-feira não posso", "nao rola", "errado"]
)
def test_a_weekday_refused_speechs_rola_and_wrong_are_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


@pytest.mark.parametrize("text", ["Terça sim", "terça não, quinta sim"])
def test_a_weekday_beside_a_yes_confirms_nothing(text: str) -> None:
    assert confirmation_answer(text) is None


@pytest.mark.parametrize("text", ["sim quanto e a consulta?", "ok preciso levar exame?"])
def test_a_bare_yes_run_into_a_practical_question_confirms(text: str) -> None:
    assert confirmation_answer(text) is True


@pytest.mark.parametrize("text", ["sim tem as 10?", "sim quanto custa se eu for de tarde?"])
def test_a_bare_yes_run_into_a_question_of_time_or_condition_stays_unread(text: str) -> None:
    assert confirmation_answer(text) is None


_TUESDAY_AT_10 = datetime(2026, 12, 1, 10, 0)
_ON_A_TUESDAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    "text",
    ["esse nao, tem na terca mesmo so que de tarde?", "nao, prefiro na terça mesmo mas de tarde"],
)
def test_the_proposals_weekday_said_with_mesmo_is_the_day_proposed(text: str) -> None:
    when = on_proposed_day(parse_when(text, _ON_A_TUESDAY), _TUESDAY_AT_10, text)
    assert when is not None and (when.day, when.period, when.doubt) == (
        date(2026, 12, 1),
        "tarde",
        None,
    )


@pytest.mark.parametrize("text", ["nao, na terca de tarde", "nao, segunda 30 mesmo de tarde"])
def test_a_weekday_without_mesmo_or_another_weekday_stays_as_read(text: str) -> None:
    read = parse_when(text, _ON_A_TUESDAY)
    assert on_proposed_day(read, _TUESDAY_AT_10, text) == read


@pytest.mark.parametrize(
    "text", ["espera, deixa eu ver com meu marido primeiro", "deixa eu pensar com calma"]
)
def test_thinking_it_over_with_whom_or_when_is_no_answer(text: str) -> None:
    assert confirmation_answer(text) is None


def test_thinking_it_over_then_a_no_stays_a_no() -> None:
    assert confirmation_answer("deixa eu ver com meu marido, nao") is False


@pytest.mark.parametrize(
    "text", ["nao, posso marcar por telefone?", "não quero, posso ir pessoalmente?"]
)
def test_a_refusal_asking_for_another_channel_is_a_refusal(text: str) -> None:
    assert consent_answer(text) is False


@pytest.mark.parametrize("text", ["sim, posso marcar por telefone?", "posso marcar por telefone?"])
def test_another_channel_asked_without_a_refusal_is_no_answer(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize(
    "text", ["sim, vou levar minha mae junto, pode?", "sim, posso levar meu filho, ele tem 5 anos?"]
)
def test_a_yes_then_a_practical_question_of_several_clauses_confirms(text: str) -> None:
    assert confirmation_answer(text) is True


@pytest.mark.parametrize(
    "text", ["sim, vou levar minha mae junto, pode ser outro dia?", "sim, levo exame, ou remarco?"]
)
def test_a_yes_then_a_question_changing_the_proposal_stays_unread(text: str) -> None:
    assert confirmation_answer(text) is None
