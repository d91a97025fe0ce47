"""Round 15: a booking's facts asked, bookings moved or taken off in everyday verbs, a
time told with what bounds it, what the assistant can do, the use of one's data stopped,
and a yes with one's going to the booking."""

import pytest

from services.conductor.portuguese.attending_notice import attending_told
from services.conductor.portuguese.intents import Intent, intent_of


@pytest.mark.parametrize(
    "text",
    [
        "qual dia é a consulta de Sophia mesmo? esqueci",
        "que horas é a consulta de quinta?",
        "que dia ficou o retorno do Pedro?",
        "oi queria saber com qual médico ficou a consulta de Miguel",
        "a minha limpeza é em qual unidade, floripa ou poa?",
        "o meu exame vai ser em que sala?",
    ],
)
def test_which_day_hour_place_or_doctor_of_a_booking_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "é hj a tarde a consulta de Bia?",
        "é amanhã de manhã o retorno do Caio?",
        "a dermato é quinta as 16 ne?",
        "a fisio é sexta as 9 mesmo?",
        "a da minha mae é hoje de tarde ou amanhã?",
        "confirma pra mim se minha limpeza é sexta as 14h?",
        "ve pra mim se o meu exame é dia 3",
    ],
)
def test_a_booking_said_with_its_time_and_asked_back_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "quantas consulta eu tenho marcada ai?",
        "quantos exames eu tenho?",
        "tem alguma coisa minha semana que vem?",
        "tem algum horario marcado pra sexta?",
        "quero saber se ta tudo certo com meu agendamento",
        "ta tudo ok com a minha consulta?",
        "meu marido disse q marcou pediatra pra Theo, ta ai no sistema?",
        "minha filha agendou pra mim, consta no sistema?",
    ],
)
def test_the_bookings_one_has_are_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("qual dia tem vaga pra consulta?", Intent.SCHEDULE),
        ("que horas é a consulta de quinta? queria remarcar", Intent.RESCHEDULE),
        ("tem algum horario pra mim amanha?", Intent.SCHEDULE),
    ],
)
def test_a_booking_wanted_or_moved_is_no_look_up(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    "text",
    [
        "oi, queria antecipar minha consulta com a dermato se tiver vaga antes",
        "da pra adiantar meu horario de sexta?",
        "minha consulta de sexta, da pra passar pras 16h no mesmo dia?",
        "meu retorno de amanha, consegue passar pra de tarde?",
        "é... oi então eu tenho uma consulta marcada aí mas vou precisar mudar",
        "tenho um exame marcado mas preciso trocar",
        "minha folga mudou pra sexta da semana que vem, passa a consulta pra ela",
        "passa o meu horario pra segunda",
    ],
)
def test_ones_booking_brought_forward_or_changed_is_moved(text: str) -> None:
    assert intent_of(text) is Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "meu patrao nao liberou, da pra marca outro dia no lugar daquela?",
        "queria outro horario no lugar desse",
        "tem outra data no lugar dela?",
    ],
)
def test_another_day_in_place_of_the_one_booked_is_a_move(text: str) -> None:
    assert intent_of(text) is Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text",
    ["vou mudar de endereço, minha consulta continua?", "minha consulta mudou?"],
)
def test_something_else_changed_beside_ones_booking_moves_nothing(text: str) -> None:
    assert intent_of(text) is not Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "tira a consulta do meu pai, ele internou no ospital de Teresina",
        "tira a consulta da minha mãe de quarta de manhã",
        "pode tirar meu horario de amanha",
        "retira o exame da minha filha",
    ],
)
def test_a_booking_taken_off_is_cancelled(text: str) -> None:
    assert intent_of(text) is Intent.CANCEL


@pytest.mark.parametrize(
    "text",
    [
        "tira a consulta de sexta e coloca na segunda",
        "queria tirar uma duvida sobre a consulta",
        "tira o meu horario de amanha e joga pra quinta",
    ],
)
def test_a_booking_put_elsewhere_or_a_doubt_taken_is_no_cancellation(text: str) -> None:
    assert intent_of(text) is not Intent.CANCEL


@pytest.mark.parametrize(
    "text",
    [
        "so na terça dia 1 e so se for as 10",
        "sabado de manha so se for antes das 10",
        "so depois das 15 na quinta",
        "so amanha a tarde",
        "to querendo pra quinta 3 de dez a tarde",
        "tava querendo sexta de manha",
        "bah, segunda depois do almoço seria tri",
        "quarta as 9 seria otimo",
        "quarta feira de tarde pra Heitor",
        "amanhã 17h30 pra limpeza de pele ✨",
        "sexta as 10 pro meu filho",
    ],
)
def test_a_time_told_as_the_only_one_wanted_or_for_someone_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "depois das 17 na quinta, pq saio do trabalho 16h30",
        "quinta de noite depois que eu chegar da roça",
        "so se for depois das 19h amanha, trabalho no shopping",
        "quarta dia 2 a noite vcs atendem? so saio do trabalho 18h",
        "sexta depois que eu sair da escola",
        "amanha as 8, chego do plantao as 7",
    ],
)
def test_a_time_told_with_when_one_is_free_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("funciona de noite? saio do trabalho as 19h", Intent.INFO),
        ("o clinico atende ate que horas? eu saio as 18 do serviço", Intent.INFO),
        ("Encaminhada: PROMOÇÃO IMPERDÍVEL de colchões só hoje!!!", Intent.UNKNOWN),
        ("quinta as 10", Intent.UNKNOWN),
        ("hoje eu saio do trabalho as 18", Intent.UNKNOWN),
        ("quinta eu chego do trabalho as 18", Intent.UNKNOWN),
    ],
)
def test_the_clinics_hours_an_advert_or_a_bare_time_are_no_booking(
    text: str, intent: Intent
) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    "text",
    [
        "vc consegue fazer o que? marcar, desmarcar?",
        "é robo? o que vc sabe fazer?",
        "o que voces conseguem fazer por aqui?",
        "vcs podem fazer o que?",
    ],
)
def test_what_the_assistant_can_do_asked_is_help(text: str) -> None:
    assert intent_of(text) is Intent.HELP


@pytest.mark.parametrize(
    "text",
    [
        "amanha eu ligo pra voces",
        "sabado eu viajo pra praia",
        "amanha as 9 mando o exame pra voces",
        "so amanha eu vejo isso",
        "nao sô, dia 1 eu viajo",
        "nao so dia 3 que eu trabalho, todo dia",
    ],
)
def test_a_time_with_what_one_does_then_is_no_booking(text: str) -> None:
    assert intent_of(text) is not Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "para de usar meus dados, mudei de ideia",
        "parem de usar minhas informacoes",
        "quero que voces parem de usar meu cadastro",
    ],
)
def test_the_use_of_ones_data_asked_to_stop_is_a_revocation(text: str) -> None:
    assert intent_of(text) is Intent.REVOKE


def test_the_use_stopped_with_the_data_erased_is_a_data_right() -> None:
    assert intent_of("parem de usar meus dados e apaguem tudo") is Intent.LGPD


@pytest.mark.parametrize(
    "text",
    [
        "nao quero mais receber nada de vcs",
        "não quero receber mais nada",
        "nao desejo mais receber nada dessa clinica",
    ],
)
def test_nothing_more_to_be_received_is_a_revocation(text: str) -> None:
    assert intent_of(text) is Intent.REVOKE


@pytest.mark.parametrize(
    "text",
    [
        "oi! vi no insta o post do peeling e quero fazer, como marco?",
        "como que eu marco?",
        "como faz pra agendar a consulta?",
        "quero uma limpeza, como faço pra marcar?",
    ],
)
def test_how_to_book_asked_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "preciso de um dentista, quebrei um pedaço do dente 😭",
        "boa noite, queria ver o medico pro meu pé que ta inchado",
        "to precisando de uma pediatra pro meu bebe",
        "queria passar no dermatologista",
    ],
)
def test_being_seen_by_a_doctor_wanted_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text", ["tem dentista?", "vcs tem dentista?", "tem dentista ai", "tem medico?"]
)
def test_whether_there_is_a_dentist_is_a_question_about_the_clinic(text: str) -> None:
    assert intent_of(text) is Intent.INFO


@pytest.mark.parametrize(
    "text",
    [
        "sim vamos sim na consulta de amanha",
        "vou sim no retorno de sexta, sim",
        "sim, eu vou na consulta",
    ],
)
def test_a_yes_with_ones_going_to_the_booking_confirms(text: str) -> None:
    assert intent_of(text) is Intent.CONFIRM


@pytest.mark.parametrize(
    "text",
    ["sim vou na consulta mas vou atrasar", "sim vamos na consulta de amanha, qual o endereço?"],
)
def test_a_yes_with_ones_going_and_a_delay_or_a_question_does_not_confirm(text: str) -> None:
    assert intent_of(text) is not Intent.CONFIRM


@pytest.mark.parametrize(
    "folded",
    [
        "so pra avisar que vou passar a consulta pra sexta",
        "so pra avisar que vou pasar a consulta pra sexta",
    ],
)
def test_a_notice_moving_the_booking_is_no_attendance_with_passar_typed_or_read(
    folded: str,
) -> None:
    assert not attending_told(tuple(folded.split()), folded)


@pytest.mark.parametrize(
    "text",
    ["dia 3/12 as 15h... opa digo dia 4", "amanha 10h opa digo 11h", "sexta ops digo sabado"],
)
def test_opa_noticing_a_slip_is_no_greeting(text: str) -> None:
    assert intent_of(text) is not Intent.HELP
