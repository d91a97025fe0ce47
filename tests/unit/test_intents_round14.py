"""Round 14: bookings moved to a time with none named, and other requests read by their
structure."""

import pytest

from services.conductor.portuguese.intents import Intent, intent_of


@pytest.mark.parametrize(
    "text",
    [
        "da pra passar pra sexta de manha?",
        "transfere pra segunda as 9 por favor",
        "consegue mudar de quarta pra quinta as 10?",
        "volta pra terca as 3 da tarde entao",
        "passa pra uma da tarde?",
        "pode mudar pra dia 3?",
    ],
)
def test_a_verb_of_moving_to_a_time_moves_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "ja tinha marcado pra segunda mas preciso trocar",
        "remarquei ontem mas vou ter que mudar de novo",
        "eu tinha agendado com a dra mas vou precisar trocar",
    ],
)
def test_a_booking_made_before_and_changed_again_is_moved(text: str) -> None:
    assert intent_of(text) is Intent.RESCHEDULE


def test_a_booking_made_before_and_the_insurer_changed_is_no_move() -> None:
    assert intent_of("tinha marcado com a dra ana, vou trocar de plano") is not Intent.RESCHEDULE


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("me passa pra atendente", Intent.HUMAN),
        ("me passa pra uma pessoa", Intent.HUMAN),
        ("vou voltar pra casa amanha", Intent.UNKNOWN),
        ("a dor nao passa pra amanha", Intent.UNKNOWN),
    ],
)
def test_passing_to_a_person_or_going_home_moves_nothing(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    "text",
    [
        "oi moço nao vou conseguir ir na consulta nao pode cancelar que eu marco depois",
        "pode desmarcar que eu agendo depois quando melhorar",
        "cancela por favor, eu remarco depois quando voltar de viagem",
    ],
)
def test_a_cancel_with_a_booking_left_for_later_is_a_cancel(text: str) -> None:
    assert intent_of(text) is Intent.CANCEL


@pytest.mark.parametrize(
    "text",
    [
        "vcs podem ver se minha mae tem consulta agendada?",
        "consegue olhar se meu pai tem consulta marcada?",
        "da pra conferir se minha filha tem consulta essa semana?",
        "tem como verificar se meu marido tem consulta amanha?",
    ],
)
def test_a_relatives_booking_asked_to_be_checked_is_a_look_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "oi vó, é a Julia, salva meu numero novo",
        "oi mae, ja cheguei",
        "oi vovo, saudade",
        "oi papai, to com saudade",
    ],
)
def test_a_greeting_to_a_relative_asks_the_clinic_nothing(text: str) -> None:
    assert intent_of(text) is Intent.UNKNOWN


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("oi, mae do Pedro aqui", Intent.HELP),
        ("oi mae, quero marcar consulta", Intent.SCHEDULE),
        ("bom dia tia, tudo bem?", Intent.HELP),
        ("oi minha filha, bom dia", Intent.HELP),
    ],
)
def test_a_relative_named_with_a_request_or_as_whose_is_read_as_before(
    text: str, intent: Intent
) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    "text",
    [
        "a consulta de sexta é de manha ou de tarde?",
        "o exame de amanha é que horas?",
        "a consulta do meu filho de quinta é com quem?",
        "o retorno do dia 3 é de manha?",
    ],
)
def test_the_part_or_hour_of_a_booking_named_by_its_day_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    "text",
    [
        "faz preventivo ai?",
        "fazem ultrassom aqui?",
        "ai faz teste do pezinho?",
        "vcs fazem papanicolau?",
    ],
)
def test_whether_a_service_is_done_there_is_a_question_about_the_clinic(text: str) -> None:
    assert intent_of(text) is Intent.INFO


@pytest.mark.parametrize(
    "text", ["faz preventivo ai amanha?", "faz agendamento por aqui?", "fazem consulta ai?"]
)
def test_a_service_done_there_with_a_day_or_a_booking_books(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "amanha 19h vcs atendem? so saio do servico as 18",
        "vcs atendem sabado as 8?",
        "sexta 18h30 voces atendem?",
        "voces atendem domingo 9h?",
    ],
)
def test_whether_patients_are_seen_at_a_day_and_hour_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "vcs atendem sabado?",
        "ate que horas vcs atendem sexta?",
        "vcs atendem amanha ate as 20h?",
        "quanto custa a consulta amanha as 10? vcs atendem unimed?",
    ],
)
def test_hours_kept_or_a_price_asked_stay_questions_about_the_clinic(text: str) -> None:
    assert intent_of(text) is Intent.INFO


@pytest.mark.parametrize(
    "text",
    [
        "so posso na segunda de manha ou na terca de manha",
        "eu posso quinta depois das 14h",
        "so posso sabado de manha",
        "só posso quarta a tarde",
    ],
)
def test_the_only_time_one_can_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


def test_a_time_one_cannot_is_no_booking() -> None:
    assert intent_of("nao posso amanha") is Intent.UNKNOWN


@pytest.mark.parametrize(
    "text",
    [
        "Eletrocardiograma - Dr. Bruno Tavares (cardiologista)",
        "Retorno dra Silvia Mendes",
        "ultrassom com o doutor Paulo Lima",
        "Dermatologista - Dra. Ana Costa",
        "Dr. Paulo - pediatra",
    ],
)
def test_a_service_and_its_doctor_named_alone_are_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("dr Bruno e cardiologista?", Intent.INFO),
        ("consulta com o dr Paulo ta confirmada?", Intent.CONSULT),
    ],
)
def test_a_doctor_asked_about_is_no_choice(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    "text",
    [
        "amanha as 14h... alias melhor 15h",
        "quinta as 9, ou melhor, as 10",
        "sexta de manha seria melhor",
        "amanha melhor as 11",
    ],
)
def test_a_time_said_to_be_better_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize("text", ["estou melhor hoje, obrigada", "melhor nao"])
def test_feeling_better_or_a_no_is_no_booking(text: str) -> None:
    assert intent_of(text) is Intent.UNKNOWN
