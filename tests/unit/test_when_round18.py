"""Round 18: blind sets 37 to 42's times, and hours that are not the one wanted."""

from datetime import date, time

from tests.support.reference_moment import read_when

THURSDAY = date(2026, 11, 26)
FRIDAY = date(2026, 11, 27)
TUESDAY_1ST = date(2026, 12, 1)


def test_a_month_said_before_its_day_is_that_days_month() -> None:
    when = read_when("quero agendar pra dezembro dia 17")
    assert when is not None and when.day == date(2026, 12, 17) and when.doubt is None


def test_a_month_said_before_two_days_leaves_the_day_asked() -> None:
    when = read_when("queria pro comecinho de dezembro, dia 2 ou 3")
    assert when is not None and when.day is None and when.doubt is not None


def test_a_weekday_with_a_date_it_does_not_fall_on_is_asked() -> None:
    when = read_when("marca pra sabado 29 pfv")
    assert when is not None and when.day is None and when.doubt is not None


def test_a_weekday_with_its_own_date_is_that_date() -> None:
    when = read_when("marca pra sexta 27 pfv")
    assert when is not None and when.day == FRIDAY and when.doubt is None


def test_an_hour_taken_back_for_a_better_one_is_the_better_one() -> None:
    when = read_when("tem horario sexta às 14h? ou nao, melhor às 16h")
    assert when is not None and (when.day, when.at, when.doubt) == (FRIDAY, time(16), None)


def test_an_hour_taken_back_with_none_in_its_place_is_asked() -> None:
    when = read_when("sexta as 14, ou melhor, nao")
    assert when is not None and when.at is None and when.doubt is not None


def test_the_hour_a_boat_arrives_is_not_the_hour_wanted() -> None:
    when = read_when("marca pra mim sexta as 8 pfv, q o barco chega as 6")
    assert when is not None and (when.day, when.at, when.doubt) == (FRIDAY, time(8), None)


def test_the_day_of_a_boat_arriving_is_kept_without_its_hour() -> None:
    when = read_when("meu barco chega sexta as 7, da pra marcar as 9?")
    assert when is not None and (when.day, when.at, when.doubt) == (FRIDAY, time(9), None)


def test_the_part_of_the_day_a_boat_arrives_is_not_the_part_wanted() -> None:
    when = read_when("queria marcar pra sexta de tarde, o barco chega de manha")
    assert when is not None and (when.day, when.period) == (FRIDAY, "tarde")


def test_the_hour_someone_is_at_school_is_not_the_hour_wanted() -> None:
    when = read_when("tem vaga quinta as 9? nao pera, as 9 ele ta na escola, quinta as 11:30")
    assert when is not None and (when.day, when.at, when.doubt) == (THURSDAY, time(11, 30), None)


def test_the_hour_one_is_somewhere_until_leaves_the_hour_asked_for() -> None:
    when = read_when("quinta as 10, ela ta na escola ate as 9")
    assert when is not None and (when.at, when.between) == (time(10), None)


def test_the_hour_one_will_be_at_the_clinic_is_the_hour_wanted() -> None:
    when = read_when("sexta as 9 eu to na clinica")
    assert when is not None and (when.day, when.at) == (FRIDAY, time(9))


def test_later_asked_beside_a_part_of_the_day_names_no_afternoon() -> None:
    when = read_when("consigo vaga na quinta à noite? vcs atendem até mais tarde?")
    assert when is not None and (when.day, when.period) == (THURSDAY, "noite")


def test_later_said_after_a_part_refused_is_the_afternoon() -> None:
    when = read_when("amanha de manha nao, mais tarde")
    assert when is not None and when.period == "tarde"


def test_a_part_of_the_day_before_a_past_no_is_not_refused() -> None:
    when = read_when("cancela a consulta de hj a tarde, nao consegui carona")
    assert when is not None and when.period == "tarde"


def test_an_hour_moved_on_a_day_said_first_stays_on_that_day() -> None:
    when = read_when("troca meu horario de terça dia 1 das 10h pras 14h?")
    assert when is not None and (when.day, when.at, when.doubt) == (TUESDAY_1ST, time(14), None)


def test_a_day_given_last_in_a_reason_is_not_the_day_wanted() -> None:
    text = "queria marcar pra sexta agora dia 27 de manhã porque eu desço da fazenda na quinta"
    when = read_when(text)
    assert when is not None and (when.day, when.period, when.doubt) == (FRIDAY, "manha", None)


def test_a_day_the_patient_can_only_make_is_no_reason_set_aside() -> None:
    when = read_when("quinta ou sexta? porque eu so posso na sexta")
    assert when is not None and when.day is None and when.doubt is not None


def test_next_week_on_a_weekday_is_no_reason() -> None:
    when = read_when("semana que vem se tiver na segunda ou na terça de manhã")
    assert when is not None and when.day is None and when.doubt is not None


def test_the_hour_a_bus_passes_said_alone_is_never_proposed() -> None:
    when = read_when("sexta o onibus passa as 9")
    assert when is not None and when.day == FRIDAY and when.start() is None


def test_the_hour_someone_arrives_from_work_is_never_proposed() -> None:
    when = read_when("queria marcar sexta, meu marido chega do trabalho as 18")
    assert when is not None and when.day == FRIDAY and when.start() is None


def test_the_hour_one_comes_to_the_clinic_is_the_hour_wanted() -> None:
    when = read_when("sexta chego ai as 10")
    assert when is not None and (when.day, when.at) == (FRIDAY, time(10))


def test_the_hour_of_a_call_already_made_is_never_proposed() -> None:
    when = read_when("liguei ontem as 10 e ninguem atendeu, tem vaga sexta?")
    assert when is not None and when.day == FRIDAY and when.start() is None


def test_the_day_and_hour_of_a_past_visit_are_never_proposed() -> None:
    when = read_when("fui atendida sexta as 10 e gostei, quero marcar de novo semana que vem")
    assert when is None or when.start() is None


def test_the_booking_hour_before_what_happened_to_someone_stays_the_bookings() -> None:
    when = read_when("cancela a consulta do meu pai que era dia 3 de dezembro as 8 horas ele caiu")
    assert when is not None and (when.day, when.at) == (date(2026, 12, 3), time(8))


def test_the_hour_of_another_appointment_is_never_proposed() -> None:
    when = read_when("sexta eu tenho outra consulta as 10")
    assert when is not None and when.day == FRIDAY and when.start() is None


def test_the_hour_of_an_exam_elsewhere_leaves_the_part_of_the_day_wanted() -> None:
    when = read_when("quinta de manha tenho exame as 9, pode ser quinta?")
    assert when is not None and (when.day, when.at, when.period) == (THURSDAY, None, "manha")


def test_ones_own_booking_asked_about_keeps_its_hour() -> None:
    when = read_when("tenho consulta sexta as 10?")
    assert when is not None and (when.day, when.at) == (FRIDAY, time(10))


def test_an_hour_asked_after_naming_a_busy_day_is_the_hour_wanted() -> None:
    when = read_when("marca pra quinta as 10 nao pera quinta eu tenho prova faz sexta as 10")
    assert when is not None and (when.day, when.at) == (FRIDAY, time(10))


def test_a_booking_moved_to_no_time_said_is_asked() -> None:
    when = read_when("minha consulta era sexta as 10, quero remarcar")
    assert when is not None and when.start() is None and when.doubt is not None


def test_a_booking_moved_to_a_time_said_is_that_time() -> None:
    when = read_when("minha consulta é sexta, quero remarcar pra segunda as 10")
    assert when is not None and (when.day, when.at) == (date(2026, 11, 30), time(10))


def test_a_booking_cancelled_keeps_its_time() -> None:
    when = read_when("minha consulta é sexta as 10, quero cancelar")
    assert when is not None and (when.day, when.at) == (FRIDAY, time(10))


def test_a_booking_called_off_by_the_clinic_then_another_day_asked_is_asked() -> None:
    when = read_when("tava marcado pra sexta as 10 mas cancelaram, tem outro dia?")
    assert when is not None and when.start() is None and when.doubt is not None


def test_the_hour_someone_arrives_then_after_that_begins_the_span() -> None:
    when = read_when("sexta meu marido chega as 18, depois disso pode")
    assert when is not None and (when.day, when.between) == (FRIDAY, (time(18), time(23, 59)))


def test_two_hours_one_of_another_appointment_leave_the_time_asked() -> None:
    when = read_when("sexta as 16 que eu tenho reuniao as 10")
    assert when is not None and when.at is None and when.doubt is not None


def test_a_booking_moved_to_a_day_asked_as_a_wish_is_that_day() -> None:
    when = read_when("preciso trocar a sessao online de sexta, pode ser sabado as 9?")
    assert when is not None and (when.day, when.at) == (date(2026, 11, 28), time(9))


def test_an_hour_that_suited_once_and_no_longer_is_never_proposed() -> None:
    when = read_when("sexta as 10 tava bom mas agora nao posso")
    assert when is not None and when.day == FRIDAY and when.start() is None


def test_an_hour_said_to_suit_is_the_hour_wanted() -> None:
    when = read_when("sexta as 10 seria otimo")
    assert when is not None and (when.day, when.at) == (FRIDAY, time(10))


def test_the_hour_of_someone_elses_timetable_is_never_proposed() -> None:
    when = read_when("o horario de visita é as 10, sexta")
    assert when is not None and when.day == FRIDAY and when.start() is None
