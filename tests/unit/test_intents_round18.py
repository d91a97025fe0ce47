"""Round 18: a booking one holds asked by its place, its doctor, whether it still holds
or the hour someone else did not tell; what the clinic does or has, and what one may do
after its care; a course of care taken up; a booking asked outright beside a day of
one's own or a complaint of no reply; moves by "remanejar" and of a vaccine; the clinic's
offers refused; one's own therapist asked for; the sea's state; Spanish look-ups and
refusals."""

import pytest

from services.conductor.portuguese.intents import Intent, intent_of


@pytest.mark.parametrize(
    "text",
    [
        "a consulta do meu filho é em belem ou macapa? esqueci",
        "a consulta do meu marido é em campo grande ou cuiabá?",
        "a minha sessão é na unidade centro ou na sul?",
    ],
)
def test_which_of_two_places_a_booking_is_in_is_a_look_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


def test_a_booking_wanted_in_one_of_two_places_stays_a_booking() -> None:
    assert intent_of("quero marcar consulta em belem ou macapa") is Intent.SCHEDULE


def test_how_a_consultation_is_held_asked_with_no_ones_booking_is_no_look_up() -> None:
    assert intent_of("a consulta é em grupo ou individual?") is not Intent.CONSULT


def test_which_doctor_a_relatives_booking_is_with_is_a_look_up() -> None:
    assert intent_of("a consulta de mainha é com qual medico?") is Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "ainda tenho sessão essa semana?",
        "tenho consulta ainda?",
        "minha mãe tem consulta ai ainda? marcaram pra ela semana passada",
        "minhas sessões fixas continuam no mesmo horário em dezembro?",
    ],
)
def test_whether_a_booking_still_holds_is_a_look_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ainda tem vaga amanhã?", Intent.SCHEDULE),
        ("ainda tenho consulta marcada, queria remarcar", Intent.RESCHEDULE),
    ],
)
def test_a_free_time_or_a_move_beside_ainda_is_no_look_up(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    "text",
    [
        "aqui é o pai, a mãe marcou ontem a consulta do Pedro mas não me falou o horário, "
        "vcs podem me passar?",
        "minha filha marcou pra mim e não me falou o dia",
    ],
)
def test_the_hour_of_a_booking_someone_made_and_did_not_tell_is_a_look_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "fazem microagulhamento?",
        "vcs fazem limpeza de pele?",
        "Quais vacinas vocês têm disponíveis?",
        "quais psicólogos atendem aí? tem alguém especializado em ansiedade?",
        "pode dirigir depois de dilatar a pupila?",
        "posso comer depois da anestesia?",
        "tem valet?",
    ],
)
def test_what_the_clinic_does_or_has_or_what_one_may_do_after_its_care_is_info(
    text: str,
) -> None:
    assert intent_of(text) is Intent.INFO


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("quais horarios voces tem?", Intent.SCHEDULE),
        ("quais opçoes tem?", Intent.HELP),
    ],
)
def test_times_or_the_assistants_options_asked_are_no_clinic_offer(
    text: str, intent: Intent
) -> None:
    assert intent_of(text) is intent


def test_speech_with_fazem_asks_nothing_of_the_clinic() -> None:
    assert intent_of("fazem favor") is not Intent.INFO


@pytest.mark.parametrize(
    "text",
    [
        "quero começar terapia",
        "bom dia, quero retomar a terapia, parei ano passado e queria voltar",
        "queria voltar a fazer fisioterapia",
    ],
)
def test_a_course_of_care_started_or_taken_up_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "trabalho de turno no polo de camaçari, quero marcar uma consulta no dia da minha folga",
        "oi gente, meu marido ja mandou msg mas ninguém respondeu, a gente quer marcar "
        "consulta pro Theo",
    ],
)
def test_a_booking_asked_outright_beside_an_own_day_or_no_reply_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("qual o dia da minha consulta?", Intent.CONSULT),
        ("mandei msg ontem e ninguem respondeu, quero falar com alguem", Intent.HUMAN),
    ],
)
def test_a_booking_day_asked_or_a_person_asked_for_is_untouched(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    "text",
    [
        "Oi, a reunião da minha chefe mudou, preciso remanejar a consulta dela",
        "consigo passar a vacina do Gael pra outra data?",
    ],
)
def test_remanejar_or_a_vaccine_passed_to_another_date_moves_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text", ["nao quero mais receber promoçao de vcs", "não quero mais receber ofertas"]
)
def test_the_clinics_offers_refused_from_now_on_revoke(text: str) -> None:
    assert intent_of(text) is Intent.REVOKE


def test_offers_refused_without_mais_take_nothing_back() -> None:
    assert intent_of("sim mas nao quero receber propaganda") is not Intent.REVOKE


@pytest.mark.parametrize(
    "text",
    [
        "gostaria de falar diretamente com a minha psicóloga, é possível?",
        "quero falar com o meu médico",
    ],
)
def test_ones_own_therapist_asked_for_directly_is_a_person_wanted(text: str) -> None:
    assert intent_of(text) is Intent.HUMAN


@pytest.mark.parametrize("text", ["a maré hj ta alta ai?", "a praia hoje ta boa?"])
def test_the_state_of_something_not_the_clinic_with_a_day_asks_nothing(text: str) -> None:
    assert intent_of(text) is Intent.UNKNOWN


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("¿Tengo turno agendado? no me acuerdo la fecha", Intent.CONSULT),
        ("Ya no quiero que usen mis datos", Intent.REVOKE),
    ],
)
def test_spanish_look_up_and_use_of_data_refused(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


def test_spanish_offers_refused_from_now_on_revoke() -> None:
    assert intent_of("ya no quiero recibir promociones") is Intent.REVOKE
