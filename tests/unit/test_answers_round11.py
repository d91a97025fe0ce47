"""Round 11: hedged yeses, refusals by a reason, and yeses in words the reader lacked."""

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer


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
