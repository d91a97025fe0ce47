"""Answers to the consent and confirmation questions read since blind sets 25 to 30."""

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer
from tests.support.reference_moment import confirmed


@pytest.mark.parametrize(
    "text",
    ["yes, I authorize. sorry my portuguese is bad", "yes sure, go ahead", "I agree, thanks"],
)
def test_a_plain_english_yes_is_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize("text", ["that works, thanks!", "sounds good", "ok, see you then"])
def test_an_english_agreement_confirms_but_is_no_consent(text: str) -> None:
    assert confirmed(text) is True
    assert consent_answer(text) is None


@pytest.mark.parametrize("text", ["no, I don't agree", "no thanks"])
def test_a_plain_english_no_refuses(text: str) -> None:
    assert consent_answer(text) is False


def test_declining_in_english_refuses_the_proposal_only() -> None:
    assert confirmed("I can't make it, sorry") is False
    assert consent_answer("I can't make it, sorry") is None


@pytest.mark.parametrize(
    "text", ["yes if it's only for today", "yes, is it free?", "sure, mas só amanhã"]
)
def test_english_with_a_condition_or_a_question_stays_unread(text: str) -> None:
    assert consent_answer(text) is None
    assert confirmed(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "cancela, nao quero mais",
        "cancela essa, nao quero mais",
        "cancela isso ai nao quero mais",
        "nao quero mais, pode desmarcar",
        "pode cancelar, desisti",
    ],
)
def test_a_booking_proposal_given_up_is_a_no(text: str) -> None:
    assert confirmed(text) is False


def test_giving_up_stays_unread_where_the_question_is_unknown() -> None:
    # Answering "Posso cancelar?" the same words are a yes.
    assert confirmation_answer("cancela, nao quero mais") is None


@pytest.mark.parametrize(
    "text", ["cancela, nao quero mais?", "cancela a de quinta, nao quero mais"]
)
def test_giving_up_with_more_said_stays_unread(text: str) -> None:
    assert confirmed(text) is None


@pytest.mark.parametrize(
    "text", ["de rocha, pode", "é mermo, pode sim", "dale, sim", "sim, de rocha, autorizo"]
)
def test_regional_affirmations_keep_a_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "bão, pode confirma",
        "uai serve demais",
        "ta bom demais, confirmo",
        "confirma sim mah",
        "é mermo esse horario serve confirma",
        "simmm kkk finalmente",
    ],
)
def test_regional_words_and_emphasis_keep_a_confirmation(text: str) -> None:
    assert confirmed(text) is True


@pytest.mark.parametrize("text", ["de rocha", "dale", "bão"])
def test_a_regional_acknowledgement_alone_is_no_consent(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize(
    "text", ["autorizo sim macho pode marcar", "sim pode marcar a consulta", "aceito, pode agendar"]
)
def test_going_on_to_the_booking_after_a_consent_keeps_it(text: str) -> None:
    assert consent_answer(text) is True


def test_going_on_to_the_booking_alone_is_no_consent() -> None:
    assert consent_answer("pode marcar") is None
    assert confirmed("pode marcar") is True


@pytest.mark.parametrize(
    "text", ["sim pode usa meus dado pra marca a consulta", "pode guarda meus dados sim"]
)
def test_the_infinitive_said_without_its_r_grants(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "é... então pode sim pode usar meus dados tá bom que é pra marcar meu pré natal",
        "sim, pode usar pra agendar o preventivo",
    ],
)
def test_the_visit_named_as_the_purpose_keeps_a_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "eu autorizo, é pra minha mae que ta com 60 anos",
        "sim, pode, é pro meu pai de 79 anos",
        "autorizo, ela tem 45 anos",
    ],
)
def test_a_consent_for_another_adult_stays_unread(text: str) -> None:
    assert consent_answer(text) is None


def test_the_patients_own_age_leaves_a_refusal_a_refusal() -> None:
    assert consent_answer("não autorizo, é pra minha mãe de 70 anos") is False


@pytest.mark.parametrize(
    "text",
    [
        "sim, é pra minha filha de 15 anos, sou a mae dela e autorizo",
        "Sou o responsável pelo meu filho Davi de 8 anos, autorizo sim",
        "sou responsavel pela minha neta de 9 anos, autorizo",
    ],
)
def test_a_guardian_with_the_child_named_with_an_age_under_18_consents(text: str) -> None:
    assert consent_answer(text) is True


def test_a_guardian_with_the_child_named_with_an_adult_age_stays_unread() -> None:
    assert consent_answer("sou o pai, minha filha de 25 anos, autorizo") is None


@pytest.mark.parametrize(
    "text",
    [
        "sou a mae dele e autorizo sim, ele tem 15 anos e precisa do atestado pro futsal",
        "sou o pai dela, ela tem 9 anos, autorizo, que ela precisa de um laudo pra escola",
    ],
)
def test_what_a_minor_needs_the_visit_for_keeps_the_guardians_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_a_condition_after_the_childs_need_stays_unread() -> None:
    text = "sou a mae dele e autorizo sim, ele tem 15 anos e precisa do atestado pro futsal se der"
    assert consent_answer(text) is None


@pytest.mark.parametrize(
    "text", ["eu autorizo, sou curadora do meu irmão", "sou o curador dele, autorizo sim"]
)
def test_a_court_appointed_guardian_consents(text: str) -> None:
    assert consent_answer(text) is True


def test_a_parent_with_no_minor_shown_stays_unread() -> None:
    assert consent_answer("Autorizo. Sou a mãe do Davi") is None


@pytest.mark.parametrize(
    "text",
    [
        "claro q sim, to saindo do plantao agora entao respondo rapido kkk",
        "sim sim, to com pressa kkkk",
        "sim sim, to no intervalo rapido entao bora",
        "autorizo, tô meio corrida",
    ],
)
def test_the_patients_hurry_keeps_a_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_the_patients_hurry_alone_is_no_answer() -> None:
    assert consent_answer("to com pressa") is None
    assert confirmed("to com pressa") is None


def test_being_at_work_at_the_hour_proposed_is_no_hurry() -> None:
    assert confirmed("10h eu to no trabalho, teria depois das 17 no mesmo dia?") is False


@pytest.mark.parametrize(
    "text",
    [
        "não não eu não autorizo não viu eu só queria uma informação mesmo sobre o parto",
        "nao moça so queria o endereço",
        "não, eu só precisava de uma receita",
    ],
)
def test_a_no_then_something_else_wanted_is_a_refusal(text: str) -> None:
    assert consent_answer(text) is False


def test_a_yes_then_something_else_wanted_stays_unread() -> None:
    assert consent_answer("sim, so queria o endereço") is None


@pytest.mark.parametrize(
    "text",
    [
        "terça eu nao consigo, vou pra praia kkkk",
        "terça eu não posso, tenho prova",
        "terça de manha nao rola, trampo. tem depois das 17?",
    ],
)
def test_the_proposals_weekday_refused_with_its_subject_or_part_is_a_no(text: str) -> None:
    assert confirmed(text) is False


@pytest.mark.parametrize(
    "text", ["oxe dia 1 nao, to viajando", "dia 01/12 eu nao posso", "no dia 1 não, tenho prova"]
)
def test_the_proposals_date_refused_is_a_no(text: str) -> None:
    assert confirmed(text) is False


def test_another_date_refused_stays_unread() -> None:
    assert confirmed("dia 2 nao, to viajando") is None


@pytest.mark.parametrize(
    "text", ["nao, quinta dia 3 as 15h tem?", "não, sexta dia 4 de manhã pode?"]
)
def test_a_no_then_a_dated_time_asked_before_its_verb_is_a_no(text: str) -> None:
    assert confirmed(text) is False


@pytest.mark.parametrize(
    "text",
    [
        "tem como ser na quarta 02/12 as 14h?",
        "pode ser quinta dia 3 às 15h?",
        "daria pra ser dia 4 de manhã?",
        "tem como ser as 14h?",
    ],
)
def test_another_time_asked_alone_is_a_no(text: str) -> None:
    assert confirmed(text) is False


@pytest.mark.parametrize(
    "text",
    ["pode ser às 10?", "pode ser na quarta?", "tem como ser na quarta 02/12 as 14h"],
)
def test_the_proposals_hour_a_bare_weekday_or_no_question_stays_unread(text: str) -> None:
    assert confirmed(text) is None


def test_another_time_asked_stays_unread_where_the_proposal_is_unknown() -> None:
    assert confirmation_answer("tem como ser na quarta 02/12 as 14h?") is None


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("sim! quer dizer nao, terça eu levo minha mae na hemodialise", False),
        ("não, digo, sim", True),
        ("nao, ou melhor, sim pode", True),
    ],
)
def test_an_answer_put_right_in_words_is_the_one_read(text: str, answer: bool) -> None:
    assert confirmed(text) is answer


def test_a_correction_to_an_hour_is_no_answer_put_right() -> None:
    assert confirmed("nao, às 11, quer dizer, 12") is False


@pytest.mark.parametrize(
    "text",
    [
        "não tem problema nenhum, pode marcar",
        "não tem problema, pode confirmar",
        "nao me importo, pode marcar",
    ],
)
def test_a_problem_denied_before_a_yes_confirms(text: str) -> None:
    assert confirmed(text) is True


def test_a_problem_denied_then_a_no_stays_unread() -> None:
    assert confirmed("nao tem problema, mas nao posso") is None


@pytest.mark.parametrize(
    "text",
    [
        "pode marcar sim, se Deus quiser estarei lá",
        "confirma, se deus quiser eu vou",
        "pode confirmar sim, se chover eu vou de uber msm kkk",
        "pode marcar, se estiver chovendo eu pego um taxi",
    ],
)
def test_a_blessing_or_the_ride_if_it_rains_keeps_the_yes(text: str) -> None:
    assert confirmed(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "se deus quiser",
        "pode marcar, se chover eu nao vou",
        "pode sim, se deus quiser, mas so se for de manha",
    ],
)
def test_a_real_condition_beside_a_blessing_stays_unread(text: str) -> None:
    assert confirmed(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "é... pode sim pode confirmar que eu vou tá com a minha avó lá",
        "é... então pode confirmar sim terça tá bom pra mim que meu marido tá de folga e me leva",
        "pode confirmar que minha filha me leva",
        "pode confirmar pra minha mae ela vai sim",
    ],
)
def test_who_comes_along_or_whom_it_is_for_keeps_the_yes(text: str) -> None:
    assert confirmed(text) is True


@pytest.mark.parametrize("text", ["pode confirmar sim, terça tá bom pra mim", "na terça pode sim"])
def test_the_proposals_weekday_alone_in_a_yes_points_at_it(text: str) -> None:
    assert confirmed(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "sim, quinta ta otimo pra mim",
        "terça de tarde ta bom",
        "terça dia 8 pode sim",
        "essa terça pode",
        "terça que vem pode",
    ],
)
def test_another_weekday_or_a_time_of_its_own_stays_unread(text: str) -> None:
    assert confirmed(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "autorizo, mas nada de ficar mandando oferta no meu zap",
        "autorizo, mas nada de me mandar propaganda pro meu email",
    ],
)
def test_advertising_sent_refused_keeps_the_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_something_else_refused_after_nada_de_stays_unread() -> None:
    assert consent_answer("autorizo, mas nada de passar meus dados") is None


@pytest.mark.parametrize(
    "text",
    [
        "sim! desde que seja so pro atendimento como vcs falaram",
        "aceito, como foi explicado",
    ],
)
def test_the_clinics_own_words_recalled_keep_the_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text", ["oxe e precisa perguntar? sim kkkk", "claro, nem precisava perguntar"]
)
def test_a_question_that_needs_no_answer_beside_a_yes_keeps_it(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    ["e precisa perguntar?", "nao, e precisa perguntar?", "aceito kkk precisa disso tudo msm?"],
)
def test_a_question_alone_beside_a_no_or_about_the_consent_stays_unread(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize(
    "text",
    ["yes please, thursday at 3pm", "sim, thursday", "ok, friday please", "sure, tomorrow morning"],
)
def test_a_yes_beside_a_time_named_in_english_stays_unread(text: str) -> None:
    assert confirmed(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "é pro meu filho de 10 anos, autorizo",
        "autorizo sim, é pra minha filha de 6 anos",
        "sim, é pro meu bebê",
        "autorizo, é pro meu filho, ele tem 8 anos",
    ],
)
def test_ones_own_child_shown_a_minor_declares_the_parent(text: str) -> None:
    assert consent_answer(text) is True


def test_a_school_named_shows_the_child_a_minor() -> None:
    text = "sou a mãe dele, autorizo, ele precisa do atestado pra escola"
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "é pra minha filha de 20 anos, autorizo",
        "sim sim, é pra minha filha q ta com febre, agiliza pfv",
        "autorizo, minha filha tem 30 anos",
    ],
)
def test_ones_own_child_with_no_minor_shown_stays_unread(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize("text", ["no problem", "no worries"])
def test_an_english_no_problem_is_no_refusal(text: str) -> None:
    assert consent_answer(text) is None
    assert confirmed(text) is True


@pytest.mark.parametrize("text", ["yes, that's fine", "yes, no problem", "no worries, go ahead"])
def test_an_english_agreement_beside_a_yes_keeps_the_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_a_consent_for_a_relative_said_an_adult_by_tem_stays_unread() -> None:
    assert consent_answer("autorizo, minha filha tem 30 anos") is None


def test_another_persons_booking_moved_is_no_answer_to_the_proposal() -> None:
    assert confirmed("pode mudar a consulta da minha mae pro dia 3/12?") is None


@pytest.mark.parametrize("text", ["sim, to dirigindo", "sim, to no trabalho agora, autorizo"])
def test_being_busy_now_keeps_a_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_the_proposals_weekday_with_a_part_of_the_day_filled_stays_a_no() -> None:
    assert confirmed("terça de manha eu trabalho") is False


@pytest.mark.parametrize(
    "text", ["consegue ser na quinta dia 3?", "e se fosse dia 3 as 15h?", "e se for de tarde?"]
)
def test_another_time_asked_in_other_words_is_a_no(text: str) -> None:
    assert confirmed(text) is False


@pytest.mark.parametrize("text", ["se for de manha?", "pode ser depois das 9?", "e se for às 10?"])
def test_a_part_or_span_holding_the_hour_proposed_stays_unread(text: str) -> None:
    assert confirmed(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Yes, I authorize the use of my data",
        "yes, you can use my data",
        "I don't speak portuguese, yes I agree",
    ],
)
def test_an_english_yes_naming_the_data_or_the_language_is_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_an_english_yes_to_another_use_stays_unread() -> None:
    assert consent_answer("yes, you can use my data for marketing") is None
