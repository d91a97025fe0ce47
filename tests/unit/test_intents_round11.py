"""Round 11: bookings asked with a specialty or an insurer, one's own times looked up,
moves in other words, adverts, jobs, help and a person asked in other words."""

import pytest

from services.conductor.portuguese.intents import Intent, intent_of


@pytest.mark.parametrize(
    "text",
    [
        "tem dermatologista semana que vem pela amil?",
        "quinta de tarde tem cardiologista?",
        "rola segunda de manha? hapvida",
    ],
)
def test_a_specialty_or_an_insurer_beside_a_day_books(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    ["a pediatra atende sabado?", "quanto custa a pediatra amanha?", "aceita unimed sabado?"],
)
def test_the_price_or_the_hours_kept_beside_a_day_stay_questions(text: str) -> None:
    assert intent_of(text) is Intent.INFO


def test_a_booking_told_beside_a_question_word_books() -> None:
    assert intent_of("marca pra minha mae quinta, ela usa cadeira de rodas") is Intent.SCHEDULE


def test_asking_how_to_book_a_specialty_books() -> None:
    assert intent_of("minha mae precisa passar com o cardiologista, como marco?") is (
        Intent.SCHEDULE
    )


@pytest.mark.parametrize(
    "text",
    [
        "o exame de quinta e que horas?",
        "a consulta da minha vo e segunda de que horas?",
        "quais sao minhas consultas?",
        "me mostra meus agendamentos",
        "me manda os horarios que eu tenho marcados",
    ],
)
def test_ones_own_times_asked_in_other_words_are_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


def test_the_hours_a_professional_keeps_are_the_clinics() -> None:
    assert intent_of("a pediatra atende que horas?") is Intent.INFO


def test_booking_ones_sessions_is_no_look_up() -> None:
    assert intent_of("quero marcar minhas sessoes de fisio") is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "empurra a minha pra semana que vem",
        "troca meu retorno de sexta pra segunda",
        "da pra antecipar pra amanha?",
        "nao vou poder ir no dia marcado, da pra mudar?",
        "cancela a de sexta e marca pra terca de manha",
        "a consulta da minha mae precisa ser remarcada",
        "pode ser mais tarde? o horario que marquei ficou ruim",
    ],
)
def test_a_booking_moved_in_other_words_is_rescheduled(text: str) -> None:
    assert intent_of(text) is Intent.RESCHEDULE


def test_ones_number_changed_is_no_move() -> None:
    assert intent_of("passa meu contato pra minha filha") is not Intent.RESCHEDULE


def test_a_booking_cancelled_and_another_for_someone_else_is_no_move() -> None:
    assert intent_of("cancela a consulta e marca pro meu filho") is not Intent.RESCHEDULE


@pytest.mark.parametrize(
    "text",
    [
        "GANHE PREMIOS CLIQUE AQUI",
        "renda extra garantida, acesse agora",
        "promoção imperdível https://exemplo.com",
        "estamos contratando, mande seu curriculo",
        "vcs tem vaga de emprego pra enfermeira?",
    ],
)
def test_adverts_and_jobs_ask_nothing(text: str) -> None:
    assert intent_of(text) is Intent.UNKNOWN


@pytest.mark.parametrize("text", ["e robo? o que eu posso fazer aqui?", "paz do senhor"])
def test_what_the_service_does_asked_or_a_greeting_is_help(text: str) -> None:
    assert intent_of(text) is Intent.HELP


def test_being_served_by_a_person_is_a_person_wanted() -> None:
    assert intent_of("gostaria de ser atendido por uma pessoa, por favor") is Intent.HUMAN


def test_being_served_by_a_specialist_books() -> None:
    assert intent_of("queria ser atendida por uma dermatologista") is Intent.SCHEDULE


@pytest.mark.parametrize("text", ["tem manobrista?", "Porto Saude?"])
def test_a_valet_or_an_insurer_alone_is_a_question(text: str) -> None:
    assert intent_of(text) is Intent.INFO


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("queria cancelar... nao pera, melhor marcar pro meu filho", Intent.SCHEDULE),
        ("quero remarcar, ah quer saber, cancela de vez", Intent.CANCEL),
        ("ia marcar... pensando bem, desmarca a de quinta", Intent.CANCEL),
    ],
)
def test_the_request_after_second_thoughts_is_the_one_meant(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


def test_a_time_alone_after_second_thoughts_keeps_the_request() -> None:
    assert intent_of("preciso remarcar, pensando bem, pode ser quinta?") is Intent.RESCHEDULE


def test_a_fact_put_right_keeps_the_request() -> None:
    text = "marquei pra quinta mas errei, na verdade so posso na sexta, da pra mudar?"
    assert intent_of(text) is Intent.RESCHEDULE


def test_a_statement_closed_by_ta_asked_is_no_question() -> None:
    assert intent_of("so pra avisar que eu vou, ta?") is Intent.CONFIRM


def test_the_family_counted_on_confirms() -> None:
    assert intent_of("pode contar com a gente na consulta da vovo") is Intent.CONFIRM


def test_a_salutation_to_the_staff_asks_for_nobody() -> None:
    text = "Prezado atendente, meu filho precisa de pediatra na sexta de manha. Grato."
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize("text", ["quero falar com a secretaria", "oi atendente"])
def test_the_staff_named_without_a_salutation_is_wanted(text: str) -> None:
    assert intent_of(text) is Intent.HUMAN


@pytest.mark.parametrize(
    "text", ["ne amanha as 9 a consulta da minha filha?", "e sexta o retorno do meu pai ne?"]
)
def test_a_relatives_booking_checked_with_ne_is_looked_up(text: str) -> None:
    assert intent_of(text) is Intent.CONSULT


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ne, queria marcar a consulta da minha mae", Intent.SCHEDULE),
        ("a consulta da minha mae ne, quanto custa?", Intent.INFO),
    ],
)
def test_a_relatives_booking_booked_or_priced_with_ne_is_no_look_up(
    text: str, intent: Intent
) -> None:
    assert intent_of(text) is intent


def test_a_payment_brought_forward_is_no_move() -> None:
    assert intent_of("adianta o pagamento pra hoje?") is not Intent.RESCHEDULE


def test_a_booking_moved_to_another_day_is_rescheduled() -> None:
    assert intent_of("passa a minha pra outra data") is Intent.RESCHEDULE
