"""Round 16: plain English requests, and questions asked indirectly ("queria saber se")
about one's booking."""

import pytest

from services.conductor.portuguese.english_requests import english_request
from services.conductor.portuguese.intents import Intent, intent_of


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Please stop using my data and stop messaging me", Intent.REVOKE),
        ("I want to withdraw my consent, please", Intent.REVOKE),
        ("I'd like a copy of all personal data you hold about me", Intent.LGPD),
        ("Can you delete my data please?", Intent.LGPD),
        ("Can I speak to a real person?", Intent.HUMAN),
        ("I would like to talk to someone at the front desk", Intent.HUMAN),
        ("I need to reschedule, something came up at work", Intent.RESCHEDULE),
        ("Can I move my appointment to another day?", Intent.RESCHEDULE),
        ("Could you change my booking to next week?", Intent.RESCHEDULE),
        ("I need to cancel my appointment, sorry", Intent.CANCEL),
        ("Confirmed, I'll be there", Intent.CONFIRM),
        ("yes, I will be there", Intent.CONFIRM),
        ("Do I have anything booked? Just checking", Intent.CONSULT),
        ("what time is my appointment tomorrow?", Intent.CONSULT),
        ("Do you accept international insurance? I have Cigna", Intent.INFO),
        ("how much is a consultation with the GP?", Intent.INFO),
        ("Hi, I'd like to book an appointment with a GP please. Eu falo pouco português",
         Intent.SCHEDULE),
        ("Can I schedule a check up? My insurance is Bradesco", Intent.SCHEDULE),
        ("I need to see a doctor, can you book me in?", Intent.SCHEDULE),
        ("is there anything on Friday afternoon?", Intent.SCHEDULE),
    ],
)  # fmt: skip
def test_a_plain_english_request_is_read(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Where is the clinic?", Intent.INFO),
        ("How much is an appointment?", Intent.INFO),
        ("Are you open on Saturday?", Intent.INFO),
        ("How does this work?", Intent.HELP),
        ("Are you a bot?", Intent.HELP),
        ("Do you have availability on Friday?", Intent.SCHEDULE),
        ("I want to book a dermatologist, do you have one?", Intent.SCHEDULE),
    ],
)
def test_an_english_question_about_the_clinic_or_the_chat_is_read(
    text: str, intent: Intent
) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    "text",
    [
        "to com dor de cabeça, me ajuda",
        "pode me ligar? to no trabalho",
        "do jeito que ta nao da, quero cancelar",
        "no dia 3 tem vaga?",
        "a consulta é com o dr. John Smith?",
    ],
)
def test_a_portuguese_message_is_no_english_request(text: str) -> None:
    assert english_request(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "oi, queria saber se minha consulta ta confirmada",
        "oi, queria saber se meu agendamento ta confirmado",
        "gostaria de saber se o meu horario esta confirmado",
    ],
)
def test_whether_a_booking_is_confirmed_asked_indirectly_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "qual o horario do meu periodico?",
        "qual a data da minha ultrassonografia?",
        "esqueci a data do morfologico kkkk me ajuda",
        "nao lembro o horario do meu pre natal",
        "oi, queria saber que horas é o pre natal da minha esposa",
    ],
)
def test_the_hour_of_ones_booking_asked_or_forgotten_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "é... então... minha filha marcou uma consulta pra mim ai e eu queria saber que dia"
        " é que eu esqueci",
        "meu marido agendou um exame pra mim, queria saber quando é",
    ],
)
def test_the_day_of_a_booking_someone_made_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "Gostaria de saber se meu agendamento foi realizado.",
        "queria saber se a consulta do meu filho foi marcada",
        "vc pode ver se tem consulta agendada pra Maria das Dores?",
        "Bom dia. Poderiam, por gentileza, informar se consta agendamento em meu nome?",
        "pode ver se consta algum exame no nome do meu pai?",
    ],
)
def test_whether_a_booking_was_made_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "quais exames eu tenho marcado ai?",
        "quais funcionarios estao agendados pro dia 03/12?",
        "tem consulta minha hoje a tarde?",
        "tem exame meu semana que vem?",
        "tenho algo amanha a tarde?",
        "tenho alguma coisa marcada na sexta?",
        "confirma pra mim se tenho algo dia 3 de dezembro",
    ],
)
def test_what_one_has_booked_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "o pre natal de dia 2 é de manha ou de tarde?",
        "a consulta da minha mae é dia 2 de manha ou de tarde?",
        "a consulta da minha vó é segunda de tarde ou de manha?",
        "meu exame é amanha de manha ou de tarde?",
        "meu ultrassom é amanha as 9 msm?",
    ],
)
def test_a_booked_day_asked_back_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "tenho algo amanha a tarde, pode ser de manha?",
        "tenho algo pra fazer amanha, tem sexta?",
    ],
)
def test_something_one_has_to_do_beside_a_time_wanted_is_no_look_up(text: str) -> None:
    assert intent_of(text) is not Intent.CONSULT


@pytest.mark.parametrize(
    "text", ["fazem parto ai ou so consulta?", "vcs fazem cirurgia aqui ou apenas consultas?"]
)
def test_a_kind_of_care_set_against_consultations_is_a_question_about_the_clinic(
    text: str,
) -> None:
    assert intent_of(text) is Intent.INFO


@pytest.mark.parametrize("text", ["tem medico do trabalho ai?", "tem médico da família aqui?"])
def test_whether_a_doctor_of_a_field_is_there_is_a_question_about_the_clinic(text: str) -> None:
    assert intent_of(text) is Intent.INFO


@pytest.mark.parametrize(
    "text",
    [
        "nao preciso mais do ultrassom de amanha, ja ganhei neném 👶",
        "não vou precisar mais da fisioterapia, melhorei",
    ],
)
def test_a_service_no_longer_needed_is_cancelled(text: str) -> None:
    assert intent_of(text) is Intent.CANCEL


@pytest.mark.parametrize(
    "text", ["minha avó confirma sim, eu levo ela", "meu pai confirma sim, vamos juntos"]
)
def test_a_confirmation_with_sim_for_another_is_confirmed(text: str) -> None:
    assert intent_of(text) is Intent.CONFIRM


@pytest.mark.parametrize(
    "text",
    ["me explica como que marca pelo zap que eu nao sei", "me ensina a agendar por aqui?"],
)
def test_how_to_book_here_asked_to_be_explained_is_help(text: str) -> None:
    assert intent_of(text) is Intent.HELP


@pytest.mark.parametrize(
    "text", ["tem como agendar pelo zap mesmo?", "da pra marcar o periodico por aqui msm?"]
)
def test_whether_one_can_book_here_stays_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize("text", ["vc é robo? faz o que?", "isso é bot? ele faz o que?"])
def test_what_a_machine_does_asked_is_help(text: str) -> None:
    assert intent_of(text) is Intent.HELP


@pytest.mark.parametrize(
    "text",
    [
        "sai desse numero, nao quero mais contato",
        "não quero mais nenhum contato de vocês",
        "some do meu zap",
    ],
)
def test_any_further_contact_refused_takes_consent_back(text: str) -> None:
    assert intent_of(text) is Intent.REVOKE


@pytest.mark.parametrize(
    "text", ["liga pra mim pfv, nao sei mexer nisso", "me liga amanha que eu explico"]
)
def test_a_call_asked_is_a_person_wanted(text: str) -> None:
    assert intent_of(text) is Intent.HUMAN


def test_a_call_told_of_is_no_person_wanted() -> None:
    assert intent_of("me ligaram ontem desse numero, quem era?") is not Intent.HUMAN


@pytest.mark.parametrize(
    "text",
    [
        "quem tem acesso aos meus exames ai?",
        "vcs passam meus exames pra minha empresa? quem tem acesso?",
        "vocês mandam meus resultados pro meu patrão?",
    ],
)
def test_who_sees_ones_records_asked_is_data_rights(text: str) -> None:
    assert intent_of(text) is Intent.LGPD


@pytest.mark.parametrize(
    "text",
    [
        "preciso mudar, pode ser dia 11 de manha?",
        "vou ter que trocar, tem sexta?",
        "da pra empurrar meu pre natal pra daqui 2 semanas? no dia 8",
        "Solicito alteração do periódico do Antônio para 10/12, preferencialmente pela manhã",
        "é... então... a consulta de amanha eu num posso mas se tiver dia 2 de tarde eu vou",
        "o exame de sexta eu nao consigo, pode ser segunda?",
    ],
)
def test_ones_booking_changed_in_other_words_is_moved(text: str) -> None:
    assert intent_of(text) is Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "consegue marcar nutricionista pra mim? e quanto fica?",
        "da pra marcar exame de sangue ai?",
        "poderia agendar um eletro pra mim?",
    ],
)
def test_whether_the_clinic_can_book_something_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text", ["queria conferir meus agendamento", "pode verificar minhas consultas?"]
)
def test_ones_bookings_checked_in_the_plural_are_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "tem ultrassom hj depois do almoço?",
        "daqui a 3 dias tem ultrassom?",
        "tem ultrassom na semana que vem? qualquer dia serve",
        "ultrassom dia 5 de dezembro as 8 tem?",
        "tem eletro amanha cedo?",
    ],
)
def test_a_service_asked_for_a_day_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


def test_a_service_asked_alone_stays_a_question_about_the_clinic() -> None:
    assert intent_of("vcs fazem ultrassom?") is Intent.INFO


@pytest.mark.parametrize("text", ["hj as 10 tem? to aqui perto", "amanha as 8 tem? moro perto"])
def test_an_hour_asked_with_tem_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "Boa tarde! Temos 6 funcionários para periódico, podemos levar todos na quinta dia"
        " 03/12 a partir das 13h?",
        "posso levar os 4 colaboradores na sexta de manha?",
    ],
)
def test_a_company_bringing_its_workers_on_a_day_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    ["oi, quero o exame na quinta a noite, vcs atendem?", "queria a consulta pra sexta, atendem?"],
)
def test_a_service_wanted_on_a_day_beside_the_hours_asked_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "minha mae tem consulta essa semana? o nome dela é Aparecida",
        "meu pai tem consulta amanha? o nome dele é Jose Alves",
    ],
)
def test_a_relatives_booking_asked_with_their_name_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


def test_an_hour_said_apart_from_tem_is_no_booking() -> None:
    assert intent_of("tem estacionamento? chego as 10") is Intent.INFO


def test_a_document_needed_for_a_day_is_no_booking() -> None:
    assert intent_of("preciso de atestado pra amanha, vcs dao?") is not Intent.SCHEDULE


def test_who_can_see_ones_exams_is_data_rights_not_ones_times() -> None:
    assert intent_of("quem consegue ver meus exames?") is Intent.LGPD


def test_the_day_of_a_booking_someone_made_asked_with_que_is_looked_up() -> None:
    assert intent_of("minha esposa marcou um ultrassom pra mim, que dia que é?") is Intent.CONSULT


def test_english_contact_refused_takes_consent_back() -> None:
    assert intent_of("Please don't contact me anymore") is Intent.REVOKE


@pytest.mark.parametrize(
    "text",
    [
        "queria saber se posso confirmar minha presença por aqui",
        "gostaria de saber se preciso confirmar a consulta",
    ],
)
def test_whether_one_may_confirm_asked_indirectly_stays_a_confirmation(text: str) -> None:
    assert intent_of(text) is Intent.CONFIRM
