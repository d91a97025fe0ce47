"""Bookings cancelled, moved, looked up and attended, in older patients' and carers'
words: rules each in a module of its own; the first that holds wins.

Before ``intent_rules`` (whose moving rule would read "cancela ... depois eu marco
outra" as a move, and whose service rule reads "queria passar a consulta de gineco pra
outro dia" as a booking):
1. ``cancels_for_good``: a booking cancelled with what makes it final;
2. ``moves_passed``: a booking moved with "passar";
3. ``moved_to_a_time``: a booking moved to a time, none named;
4. ``doctor_chosen``: a service and its doctor named as a choice;
5. ``own_booking_moved``: one's booking moved in everyday verbs, or taken off (round 15).

After ``further_rules``, before the phrases:
6. ``others_lookups``: a relative's booking, or one in one's name, looked up;
7. ``own_elided``: one's own booking asked about, the noun left out;
8. ``attending_notice``: letting the clinic know one will come;
9. ``booking_facts``: a booking's day, hour, place or doctor asked (round 15);
10. ``time_conditions``: a time told with when one is free (round 15).
"""

from __future__ import annotations

from collections.abc import Callable

from services.conductor.portuguese.attending_notice import attending_told
from services.conductor.portuguese.booking_facts import booking_facts_asked
from services.conductor.portuguese.cancels_for_good import cancelled_for_good
from services.conductor.portuguese.doctor_chosen import doctor_chosen
from services.conductor.portuguese.intent import Intent
from services.conductor.portuguese.moved_to_a_time import moved_to_a_time
from services.conductor.portuguese.moves_passed import moved_by_passing
from services.conductor.portuguese.others_lookups import others_booking_asked
from services.conductor.portuguese.own_booking_moved import booking_taken_off, own_booking_moved
from services.conductor.portuguese.own_elided import own_elided_asked
from services.conductor.portuguese.time_conditions import own_day_told

Rule = tuple[Intent, Callable[[tuple[str, ...], str], bool]]
_BEFORE: tuple[Rule, ...] = (
    (Intent.CANCEL, cancelled_for_good),
    (Intent.RESCHEDULE, moved_by_passing),
    (Intent.RESCHEDULE, moved_to_a_time),
    (Intent.SCHEDULE, doctor_chosen),
    (Intent.RESCHEDULE, own_booking_moved),
    (Intent.CANCEL, booking_taken_off),
)
_AFTER: tuple[Rule, ...] = (
    (Intent.CONSULT, others_booking_asked),
    (Intent.CONSULT, own_elided_asked),
    (Intent.CONFIRM, attending_told),
    (Intent.CONSULT, booking_facts_asked),
    (Intent.SCHEDULE, own_day_told),
)


def _first(rules: tuple[Rule, ...], folded: str) -> Intent | None:
    words = tuple(folded.split())
    return next((intent for intent, holds in rules if holds(words, folded)), None)


def booking_intent_before(folded: str) -> Intent | None:
    """The intent of the first rule tried before ``intent_rules``; None when none holds."""
    return _first(_BEFORE, folded)


def booking_intent_after(folded: str) -> Intent | None:
    """The intent of the first rule tried after ``further_rules``; None when none holds."""
    return _first(_AFTER, folded)
