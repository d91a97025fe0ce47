"""Round 8: consent and confirmation answers wrapped in speech or in a letter's form."""

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer


@pytest.mark.parametrize(
    "text",
    [
        "claro q sim kkk",
        "aceito rsrs",
        "pode usar meus dado sim",
        "pode sim minha filha, Deus te abençoe",
        "oxe pode usar sim minha fia, nao tenho nada a esconder",
        "entao tipo assim eu li ali e ta tudo certo pode usar meus dados sim ne",
    ],
)
def test_laughter_tags_and_fillers_of_speech_change_no_yes(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "Prezados, declaro estar ciente e de acordo com o tratamento dos meus dados pessoais.",
        "Bom dia. Autorizo o uso dos meus dados para fins de atendimento. Atenciosamente, Marlene.",
        "Autorizo. Att, José Carlos",
    ],
)
def test_a_letters_salutation_closing_and_signature_change_no_yes(text: str) -> None:
    assert consent_answer(text) is True


def test_a_minors_data_given_with_ones_own_is_a_yes() -> None:
    assert consent_answer("sim autorizo meus dados e os do meu filho tb que ele é menor") is True


@pytest.mark.parametrize(
    "text", ["sim concordo, é pra marcar pro meu filho", "aceito, pra consulta da minha mãe"]
)
def test_whom_the_booking_is_for_is_within_the_notices_purposes(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "sim, tenho diabetes",
        "é a filha dela que ta respondendo, ela autoriza sim",
        "aceito kkk precisa disso tudo msm?",
        "sim ne?",
        "aceito, mas so pro meu filho e nao pra mim",
    ],
)
def test_an_acknowledgement_a_remark_another_persons_yes_or_a_question_stay_unread(
    text: str,
) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "oxe e pra que vcs querem meus dados? nao autorizo nao",
        "Prezados, não autorizo o tratamento dos meus dados pessoais. Grato.",
        "nops, passo kkk",
        "nop",
        "deixa quieto, nao quero",
    ],
)
def test_a_no_said_apart_from_a_question_or_in_other_words_is_a_no(text: str) -> None:
    assert consent_answer(text) is False


@pytest.mark.parametrize("text", ["vão vender meus dados? aceito", "não sei. pra que serve?"])
def test_a_question_beside_a_yes_or_a_doubt_stays_unread(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize(
    "text", ["claro q sim kkk", "sim pode deixar marcado", "entao pode sim ne pode confirmar"]
)
def test_a_confirmation_wrapped_in_speech_is_a_yes(text: str) -> None:
    assert confirmation_answer(text) is True


@pytest.mark.parametrize("text", ["Não. Tem mais cedo?", "não, tem mais tarde?"])
def test_a_no_then_an_earlier_or_later_time_asked_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


def test_an_earlier_time_asked_alone_is_no_answer() -> None:
    assert confirmation_answer("tem mais cedo?") is None


@pytest.mark.parametrize(
    "text",
    [
        "aceito tmj",
        "sussa, pode usar",
        "de boas, aceito",
        "Sim, autorizo o tratamento dos meus dados conforme a LGPD.",
        "Concordo com os termos apresentados.",
    ],
)
def test_the_young_and_the_written_registers_change_no_yes(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize("text", ["sussa", "de boas", "pode pá"])
def test_the_young_registers_ok_alone_is_no_consent(text: str) -> None:
    assert consent_answer(text) is None


def test_im_out_is_a_no() -> None:
    assert consent_answer("tô fora") is False


@pytest.mark.parametrize("text", ["Confirmo o agendamento.", "pode pá", "confirmo a consulta"])
def test_a_confirmation_naming_what_it_confirms_is_a_yes(text: str) -> None:
    assert confirmation_answer(text) is True
