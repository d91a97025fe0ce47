"""Round 12: cancelling for good, moving with "passar", relatives' bookings looked up,
and questions about the clinic that come with a wish to be seen."""

import pytest

from services.conductor.portuguese.cancels_for_good import cancelled_for_good
from services.conductor.portuguese.intents import Intent, intent_of


@pytest.mark.parametrize(
    "text",
    [
        "cancela tudo que eu tinha marcado ai, vou me mudar pra casa da minha filha",
        "cancela todas as minhas consultas, vou morar em Goiania",
        "meu pai faleceu no domingo, ele tinha consulta dia 3, podem tirar da agenda",
        "minha mae morreu, desmarca a consulta dela por favor",
        "vou ficar uns tempo na fazenda, cancela minha consulta que depois eu marco outra",
        "desmarca minha consulta, depois eu ligo",
    ],
)
def test_a_booking_cancelled_with_what_makes_it_final_is_cancelled(text: str) -> None:
    assert intent_of(text) is Intent.CANCEL


@pytest.mark.parametrize(
    "folded",
    [
        "nao precisa cancelar ta tudo certo",
        "nao cancelar nao meu pai faleceu mas eu vou",
        "se eu cancelar perco tudo",
    ],
)
def test_a_cancelling_denied_or_everything_said_elsewhere_is_not_final(folded: str) -> None:
    assert not cancelled_for_good(tuple(folded.split()), folded)


def test_everything_cancelled_with_a_new_day_asked_is_a_move() -> None:
    assert intent_of("cancela tudo e marca pra sexta as 10") is Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "nao vou poder ir na quinta nao, passa pra sexta de tarde?",
        "oi meu bebe ta gripado, queria passar a consulta de gineco pra outro dia",
        "eu tinha marcado pra hoje as 14 mas o carro quebrou, passa pra amanha no mesmo horario",
        "nao consigo ir de manha, tem como passar a minha consulta de sexta pra tarde",
        "da pra passar o retorno pra quinta?",
    ],
)
def test_a_booking_passed_to_another_day_is_moved(text: str) -> None:
    assert intent_of(text) is Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "queria passar no clinico amanha",
        "a dor nao passa, preciso de consulta pra segunda",
        "oi to com dor no joelho e nao passa, meu vizinho falou que voces tem ortopedista, "
        "da pra marcar pra segunda dia 30 de tarde?",
    ],
)
def test_passing_by_the_clinic_or_a_pain_not_passing_moves_nothing(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "queria saber o dia e a hora da consulta da minha mae, Dona Ivone",
        "Por gentileza, poderiam me informar se há alguma consulta agendada em meu nome?",
        "oi, meu pai tem consulta com o cardiologista, com qual medico ficou e que horas?",
        "queria saber o horario da consulta do meu pai amanha",
    ],
)
def test_a_relatives_booking_or_one_in_ones_name_asked_about_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


def test_a_relatives_booking_asked_to_be_moved_is_no_look_up() -> None:
    text = "queria saber se da pra remarcar a consulta da minha mae, que dia tem?"
    assert intent_of(text) is Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "hoje a noite vcs atendem? queria passar no clinico",
        "tem medico pra crianca pequena? meu bebe ta com o olhinho remelando, queria levar",
        "vcs atendem sabado? queria ir com meu filho",
        "consulta pra minha mae dia 30 as 9h, ela anda de cadeira de rodas tem rampa?",
    ],
)
def test_a_question_about_the_clinic_with_a_wish_to_come_books(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "vcs tem pediatra? queria saber o preco",
        "tem estacionamento? vou de carro",
        "preciso levar algum documento?",
        "que documentos preciso levar?",
    ],
)
def test_a_question_about_the_clinic_without_a_wish_to_come_stays_one(text: str) -> None:
    assert intent_of(text) is Intent.INFO


def test_being_taken_by_car_to_a_booking_asked_for_is_no_question_about_the_car() -> None:
    text = (
        "oi bom dia e a dona raimunda aqui vizinha da socorro ela pediu pra mim ver se tem "
        "como marcar o medico de olho pra ela na sexta feira de tarde que o filho dela leva "
        "ela de carro"
    )
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    ["a minha e hoje as 10 ou as 11? fiquei na duvida", "a minha e amanha as 10 ne?"],
)
def test_ones_own_booking_asked_with_the_noun_left_out_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


def test_ones_own_booking_named_with_another_request_is_that_request() -> None:
    assert intent_of("a minha e amanha as 10, pode remarcar?") is Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text",
    ["so pra avisar que vou na consulta viu, ta tudo certo", "passando pra avisar que eu vou sim"],
)
def test_letting_the_clinic_know_one_will_come_confirms(text: str) -> None:
    assert intent_of(text) is Intent.CONFIRM


@pytest.mark.parametrize(
    "text", ["so pra avisar que vou atrasar 10 min", "avisar que nao vou poder ir"]
)
def test_letting_the_clinic_know_of_a_delay_or_an_absence_is_no_confirmation(text: str) -> None:
    assert intent_of(text) is not Intent.CONFIRM


@pytest.mark.parametrize(
    "text",
    ["marquei nao mas queria ir dia 23 com a dra", "ainda nao marquei, queria pra sexta"],
)
def test_a_booking_denied_is_none_to_look_up(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


def test_any_day_of_a_span_named_books() -> None:
    text = "semana que vem qualquer dia, eu trabalho de turno e essa semana to virado"
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    ["quem ta falando? recebi ligação desse numero", "me ligaram desse numero, quem e?"],
)
def test_a_call_received_from_the_clinic_asks_for_no_number(text: str) -> None:
    assert intent_of(text) is not Intent.INFO


@pytest.mark.parametrize(
    "text",
    ["vcs fazem cirurgia de catarata ou so consulta?", "voces fazem ultrassom ou so consulta?"],
)
def test_a_consulta_named_as_the_other_kind_of_care_offered_is_no_booking(text: str) -> None:
    assert intent_of(text) is Intent.INFO
