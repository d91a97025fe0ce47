"""Round 17: Spanish refusals, erasure and going; a booking verb refused bare; a booking
asked about by whether it holds, whether someone has one, which days one has one's care
or which hour it was; the use of a relative's data asked to stop."""

import pytest

from services.conductor.portuguese.intents import Intent, intent_of


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("quiero que borren mis datos", Intent.LGPD),
        ("por favor borren mis datos", Intent.LGPD),
        ("no quiero recibir más mensajes", Intent.REVOKE),
        ("no quiero recibir mensajes de ustedes", Intent.REVOKE),
        ("si, voy a ir", Intent.CONFIRM),
        ("si voy", Intent.CONFIRM),
    ],
)
def test_spanish_erasure_refusal_and_going(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    "text",
    [
        "quero cancelar, nao reagendar, so cancelar msm",
        "cancela sem remarcar pfv",
        "quero cancelar e nao remarcar",
    ],
)
def test_a_move_refused_bare_beside_a_cancellation(text: str) -> None:
    assert intent_of(text) is Intent.CANCEL


@pytest.mark.parametrize(
    "text",
    [
        "ve pra mim se o agendamento da minha filha ta certinho",
        "olha se a sessão do meu pai ta confirmada",
        "ve ai se minha mae tem consulta agendada, é a maria aparecida",
        "meu pai tem sessão marcada essa semana? o nome dele é Antônio Carvalho",
        "verifica se meu filho tem exame marcado",
        "Oi, pode me dizer quais dias eu tenho fisio essa semana?",
        "que horas eu tenho consulta amanha?",
        "Bom dia, gostaria de confirmar qual o horário do meu exame. Não lembro.",
        "queria confirmar qual o dia da minha consulta",
    ],
)
def test_a_booking_asked_about_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "oi, tenho consulta marcada mas nao vou conseguir nesse dia, tem outro?",
        "ve se minha mae tem consulta marcada, queria remarcar",
    ],
)
def test_a_booking_named_beside_a_change_is_no_look_up(text: str) -> None:
    assert intent_of(text) is not Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "pode parar de usar os dados da minha vó, ela nao quer mais",
        "parem de usar os dados do meu pai",
    ],
)
def test_a_relatives_data_asked_not_to_be_used(text: str) -> None:
    assert intent_of(text) is Intent.REVOKE


@pytest.mark.parametrize(
    "text",
    [
        "bom diaaa quero começar a fisio, ja tenho o pedido medico",
        "queria iniciar o tratamento de pilates",
        "sou atleta de corrida, to com dor na canela (canelite acho) e queria uma avaliação"
        " com fisio esportivo",
        "preciso de uma avaliação com ortopedista",
        "queria uma consulta pra falar sobre anticoncepcional, minha filha ta namorando e eu"
        " prefiro q ela va numa medica 🙈",
        "gostaria de uma consulta para conversar sobre menopausa",
        "quero marcar mais uma consulta, a outra continua de pé ta",
        "queria agendar outra sessão, sem mexer na de sexta",
        "é... então eu torci o tornozelo jogando bola no domingo lá na praia e tá inchado até"
        " agora queria ver se consigo marcar com alguém pra olhar isso",
        "machuquei o joelho, da pra agendar com alguem hoje?",
    ],
)
def test_care_wanted_in_words_of_its_own_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "quero passar minha fisio pra mais tarde, pode ser?",
        "muda o holter da minha vó pra dia 3 de dezembro pfv",
        "passa a hidro do meu pai pra sexta",
    ],
)
def test_care_named_by_its_kind_moved_is_a_move(text: str) -> None:
    assert intent_of(text) is Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "oi, recebi o lembrete, tamo la 👍",
        "estarei la sim",
        "pode deixar q vou",
        "deixa comigo que eu vou",
        "sim, meu filho vai na manutenção",
        "sim ela vai no retorno",
    ],
)
def test_coming_promised_in_everyday_words_is_a_confirmation(text: str) -> None:
    assert intent_of(text) is Intent.CONFIRM


@pytest.mark.parametrize("text", ["tamo la mas vou atrasar", "estarei la sim, qual o endereço?"])
def test_coming_promised_with_trouble_or_a_question_is_no_confirmation(text: str) -> None:
    assert intent_of(text) is not Intent.CONFIRM


@pytest.mark.parametrize(
    "text",
    [
        "opa foi sem querer",
        "ops mandei errado",
        "desculpa o audio cortado, tava no onibus",
        "desculpa a mensagem errada kkk",
    ],
)
def test_a_message_owned_as_sent_by_mistake_asks_nothing(text: str) -> None:
    assert intent_of(text) is Intent.UNKNOWN


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("foi sem querer, pode confirmar", Intent.CONFIRM),
        ("mandei errado, quero cancelar", Intent.CANCEL),
    ],
)
def test_a_request_beside_a_mistake_owned_is_read(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    "text",
    [
        "pode usar desodorante no dia da mamografia?",
        "posso tomar café antes do exame de sangue?",
        "precisa ir de jejum pra fazer o ultrassom?",
    ],
)
def test_what_one_may_do_before_an_exam_is_a_question(text: str) -> None:
    assert intent_of(text) is Intent.INFO


def test_a_booking_on_the_day_of_another_is_no_preparation() -> None:
    assert intent_of("pode marcar no dia da consulta da minha mae?") is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "a mamografia de mainha é segunda de manha ne? esqueci a hora",
        "a manutenção do aparelho do Lucas é segunda de tarde né?",
        "a sessão de hoje é as 15h msm?",
        "a fisio do meu pai é amanha as 9 ne?",
    ],
)
def test_when_care_named_by_its_kind_is_asked_again(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "tenho sessão sexta?",
        "tenho hidro amanha de tarde ou foi desmarcado?",
        "tenho exame dia 1º de dezembro de manha ne? so conferindo",
        "tenho consulta quinta de tarde ne",
    ],
)
def test_whether_one_has_care_on_a_day_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "pode passar meu eletro do dia 2 pra mais tarde, depois das 16?",
        "passa minha consulta do dia 4 pra sexta",
    ],
)
def test_a_booking_named_by_its_day_moved_is_a_move(text: str) -> None:
    assert intent_of(text) is Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "é... oi queria confirmar se minha avaliação com o ortopedista é mesmo dia sete de"
        " dezembro porque eu anotei num papel e perdi",
        "queria confirmar se meu retorno é na quinta",
    ],
)
def test_whether_a_booking_is_on_the_day_written_down_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text", ["é hoje as 14h o eco do meu avô?", "é amanha o exame da minha mae?"]
)
def test_the_day_asked_before_the_booking_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text", ["a minha é quinta às dez e meia, confere?", "o meu é amanha de manha ne?"]
)
def test_ones_own_booking_left_unsaid_checked_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text", ["marca ai pra amanha a tarde q eu vou", "agenda pra sexta de manha que eu vou"]
)
def test_a_booking_asked_outright_then_ones_coming_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    ["queria segunda de noite, vcs atendem?", "queria sabado de manha, voces abrem?"],
)
def test_a_day_wanted_then_whether_open_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "tem horario antes das 10 na segunda? pra nao atrasar no trampo",
        "tem vaga cedinho? pra nao perder a aula",
    ],
)
def test_a_free_time_with_its_reason_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE
