"""Round 14: a bare weekday answering a proposal for a later week, a no naming a new
hour, and the answers of blind sets 19 and 20."""

from datetime import date, datetime

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer
from services.conductor.portuguese.when import parse_when
from services.conductor.proposal_change import on_proposed_day

_TODAY = date(2026, 11, 24)  # a Tuesday
_PROPOSED = datetime(2026, 12, 1, 10)  # the Tuesday after


def _on_proposal(text: str, proposed: datetime = _PROPOSED) -> tuple[object, ...] | None:
    when = on_proposed_day(parse_when(text, _TODAY), proposed, text)
    return None if when is None else (when.day, when.at, when.doubt is not None)


@pytest.mark.parametrize(
    "text",
    [
        "nao, prefiro quarta as 10",
        "não, quinta às 14h seria melhor",
        "nao da, sexta de manha pode?",
        "não, melhor na quinta-feira",
        "nao, quinta mesmo de tarde",
    ],
)
def test_a_bare_weekday_before_a_proposal_of_a_later_week_is_asked(text: str) -> None:
    read = _on_proposal(text)
    assert read is not None and read[0] is None and read[2] is True


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("nao, quarta 02/12 as 15h", date(2026, 12, 2)),
        ("nao, quarta 25 as 10", date(2026, 11, 25)),
        ("nao, essa quarta as 10", date(2026, 11, 25)),
        ("errado, eu pedi quarta", date(2026, 11, 25)),
        ("nao melhor segunda 30 as 14h", date(2026, 11, 30)),
    ],
)
def test_a_weekday_with_its_date_week_or_earlier_request_is_read(text: str, day: date) -> None:
    read = _on_proposal(text)
    assert read is not None and read[0] == day and read[2] is False


def test_a_weekday_of_the_proposals_own_week_is_read() -> None:
    # Proposed for Friday the 27th: Wednesday is the 25th, no week to mistake it for.
    read = _on_proposal("nao, prefiro quarta as 10", datetime(2026, 11, 27, 10))
    assert read == (date(2026, 11, 25), datetime(2026, 11, 25, 10).time(), False)


@pytest.mark.parametrize(
    "text",
    [
        "não, às 16h",
        "nao, prefiro quinta as 14h",
        "nao melhor segunda 30 as 14h",
        "nao, quarta 02/12 as 15h seria melhor",
        "não, só consigo às 15h30",
        "nao, mais cedo se tiver. tipo 8h",
    ],
)
def test_a_no_naming_a_new_hour_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


def test_a_no_beside_a_cancelling_with_an_hour_stays_unread() -> None:
    assert confirmation_answer("nao, cancela a de amanha as 10h") is None


@pytest.mark.parametrize("text", ["👍", "👌", "👍🏻", "👍👍", "👌🏽 "])
def test_a_thumb_or_ok_hand_alone_confirms(text: str) -> None:
    assert confirmation_answer(text) is True


def test_a_thumb_down_alone_declines() -> None:
    assert confirmation_answer("👎") is False


@pytest.mark.parametrize("text", ["👍", "👌", "ok 👍"])
def test_a_thumb_alone_is_still_no_consent(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "troca pra 11h",
        "muda pra quinta de tarde",
        "passa pro dia 3",
        "pode trocar pra mais cedo?",
        "ah, joga pra sexta as 9",
    ],
)
def test_the_proposal_asked_moved_elsewhere_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


@pytest.mark.parametrize("text", ["troca", "vou passar pra pegar o exame"])
def test_a_move_with_no_time_or_option_is_not_read_as_one(text: str) -> None:
    assert confirmation_answer(text) is not False


@pytest.mark.parametrize(
    "text", ["10h nao da, trabalho", "as 10 nao consigo", "10:00 não rola", "às 10h não dá não"]
)
def test_an_hour_said_before_the_negator_is_refused(text: str) -> None:
    assert confirmation_answer(text) is False


@pytest.mark.parametrize(
    "text",
    [
        "tem outro?",
        "teria outra data?",
        "vc tem outro horario?",
        "nao tem mais tarde nao?",
        "não teria outro dia?",
    ],
)
def test_another_option_asked_by_name_or_by_a_negated_question_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


def test_a_later_option_asked_plainly_alone_stays_unread() -> None:
    assert confirmation_answer("tem mais tarde?") is None


@pytest.mark.parametrize(
    "text",
    [
        "nao, 10h e muito cedo pra mim, pode ser no mesmo dia as duas da tarde?",
        "nao da, eu trabalho nesse horario, teria quinta?",
        "não, esse dia é ruim pra mim, tem dia 3?",
    ],
)
def test_a_no_with_its_reasons_then_another_option_asked_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


def test_a_yes_then_a_practical_question_is_still_a_yes() -> None:
    assert confirmation_answer("sim, perfeito, tem estacionamento?") is True


@pytest.mark.parametrize(
    "text", ["isso mesmo, terça as 10 ta otimo", "terça às 10h tá bom sim", "perfeito, terca 10h"]
)
def test_the_proposals_weekday_and_hour_said_again_confirm(text: str) -> None:
    assert confirmation_answer(text, _PROPOSED, _TODAY) is True


@pytest.mark.parametrize("text", ["terça as 11 ta otimo", "quarta as 10 ta otimo"])
def test_another_weekday_or_hour_said_with_praise_is_no_yes(text: str) -> None:
    assert confirmation_answer(text, _PROPOSED, _TODAY) is None


@pytest.mark.parametrize(
    "text", ["pode ser 10h sim", "isso mesmo, terça as 10 ta otimo", "as 10 ta bom sim"]
)
def test_a_yes_naming_the_proposal_again_means_the_proposal(text: str) -> None:
    assert _on_proposal(text) == (date(2026, 12, 1), _PROPOSED.time(), False)


def test_the_hour_proposed_refused_still_means_no_time() -> None:
    assert _on_proposal("nao, as 10 eu trabalho") is None


@pytest.mark.parametrize(
    "text",
    [
        "pode ser\nvou levar os exames antigos",
        "sim\nvou levar minha mae junto",
        "confirmo\nobrigada",
    ],
)
def test_a_yes_on_its_own_line_then_a_remark_confirms(text: str) -> None:
    assert confirmation_answer(text) is True


@pytest.mark.parametrize("text", ["pode ser\nmas as 11", "sim\nnao", "pode ser\nquinta"])
def test_a_yes_on_its_own_line_then_a_change_is_no_yes(text: str) -> None:
    assert confirmation_answer(text) is None


def test_words_of_one_answer_across_lines_are_read_together() -> None:
    assert confirmation_answer("de\nacordo") is True


@pytest.mark.parametrize(
    "text",
    [
        "sim, pode confirmar, vou de onibus entao talvez chegue uns minutinhos antes",
        "perfeito, confirma por favor que eu saio do trabalho cedo nesse dia",
        "sim, vou chegar atrasadinha",
        "pode ser, vou de uber",
    ],
)
def test_a_remark_on_getting_there_keeps_the_yes(text: str) -> None:
    assert confirmation_answer(text) is True


@pytest.mark.parametrize("text", ["sim, chego as 11", "ok, mas talvez eu atrase", "sim, talvez"])
def test_an_hour_a_contrast_or_a_bare_doubt_after_a_yes_is_no_yes(text: str) -> None:
    assert confirmation_answer(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "sim, autorizo. So nao quero mensagem de promoçao",
        "autorizo, so nao quero sms de oferta",
        "aceito, mas nao quero e-mail com propaganda",
    ],
)
def test_advertising_refused_by_what_carries_it_refuses_nothing_asked(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "oxe, autorizo não",
        "aceito não",
        "eita, concordo não",
    ],
)
def test_a_verb_of_consent_with_the_negator_after_it_refuses(text: str) -> None:
    assert consent_answer(text) is False


@pytest.mark.parametrize("text", ["sim não", "autorizo, não", "aceito sim não"])
def test_a_yes_word_and_a_no_together_stay_unread(text: str) -> None:
    assert consent_answer(text) is None


def test_a_verb_of_confirming_with_the_negator_after_it_declines() -> None:
    assert confirmation_answer("marca não") is False


@pytest.mark.parametrize(
    "text",
    [
        "tá, pode. Eu confio na doutora Ana",
        "bom dia dotora pode sim eu confio em vcs",
        "claro q sim, vcs sao a clinica ne kkk",
        "pode sim, confio na dra Paula",
        "aceito, confio muito em voces",
    ],
)
def test_trust_in_the_clinic_beside_a_yes_is_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "pode, meu filho ja me explicou o que é essa tal de lgpd",
        "aceito, minha filha ja me explicou tudo",
        "sim, ela me explicou direitinho",
    ],
)
def test_having_been_told_what_the_notice_means_beside_a_yes_is_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    ["vixe que textão kkkk mas blz, aceito", "que textao, mas autorizo", "mó textão kk mas sim"],
)
def test_the_notices_length_remarked_before_a_yes_is_no_reservation(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "confio em vcs",
        "nao sei se confio em vcs",
        "sim, confio em vcs mas nao quero que passem pra ninguem",
        "ta bom pode ser, eu nem entendo muito dessas coisas mas se é pra consulta tudo bem",
        "que textao, e se eu nao aceitar?",
    ],
)
def test_a_remark_alone_or_beside_a_doubt_or_condition_is_no_consent(text: str) -> None:
    assert consent_answer(text) is not True


@pytest.mark.parametrize(
    "text",
    [
        "entao eu prefiro que nao ne porque tipo eu nao sei pra onde vai esses dados aí entao nao",
        "nao, pq nao sei quem vai ver meus dados",
        "prefiro que nao, porque nao entendi pra que serve",
    ],
)
def test_a_no_whose_reason_is_not_knowing_refuses(text: str) -> None:
    assert consent_answer(text) is False


@pytest.mark.parametrize("text", ["nao sei", "nao sei, porque nao li", "nao sei porque"])
def test_not_knowing_as_the_answer_itself_stays_unread(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("nao.. 10h eu nao consigo, pode ser 11?", 11),
        ("10h nao da, pode ser 14?", 14),
        ("as 10h nao posso, tem 9?", 9),
    ],
)
def test_a_bare_number_asked_after_the_hour_proposed_refused_is_an_hour(
    text: str, hour: int
) -> None:
    assert _on_proposal(text) == (date(2026, 12, 1), datetime(2026, 12, 1, hour).time(), False)


@pytest.mark.parametrize(
    "text",
    [
        "pode ser 11?",
        "dia 1 nao da, pode ser 11?",
        "10h nao da, pode ser 30?",
        "9h nao da, pode ser 11?",
    ],
)
def test_a_bare_number_not_set_against_the_hour_proposed_stays_unread(text: str) -> None:
    assert _on_proposal(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "pode, mas se eu atrasar um pouquinho vcs esperam ne? o onibus aqui demora",
        "sim, tem tolerancia se eu atrasar?",
        "confirmo, e se eu chegar atrasada vcs aguardam?",
    ],
)
def test_a_yes_then_a_question_whether_one_late_is_waited_for_confirms(text: str) -> None:
    assert confirmation_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "sim, se eu atrasar posso remarcar?",
        "pode, mas se eu atrasar tem outro horario?",
        "nao, se eu atrasar vcs esperam?",
        "sim, mas vcs esperam?",
    ],
)
def test_a_lateness_question_with_a_change_or_after_no_yes_is_no_yes(text: str) -> None:
    assert confirmation_answer(text) is not True


@pytest.mark.parametrize(
    "text",
    [
        "minha mae nao quer nao, ela e desconfiada dessas coisas de internet",
        "meu pai nao autoriza",
        "ela disse que nao aceita",
        "oi, mainha nao quer nao",
    ],
)
def test_a_refusal_relayed_for_the_one_whose_data_it_is_refuses(text: str) -> None:
    assert consent_answer(text) is False


@pytest.mark.parametrize(
    "text",
    [
        "minha mae nao quer, mas eu autorizo",
        "ela nao quer marcar agora",
        "Sou a neta dela, ela disse que sim, pode usar",
        "é a filha dela que ta respondendo, ela autoriza sim, pode seguir",
    ],
)
def test_a_relayed_refusal_undone_or_a_relayed_yes_stays_unread(text: str) -> None:
    assert consent_answer(text) is None


def test_the_weekday_asked_about_is_this_weeks_or_the_one_after_the_proposal() -> None:
    text = "nao, prefiro quarta as 10"
    when = on_proposed_day(parse_when(text, _TODAY), datetime(2026, 12, 15, 10), text)
    assert when is not None and when.doubt is not None
    assert "25/11" in when.doubt and "16/12" in when.doubt
