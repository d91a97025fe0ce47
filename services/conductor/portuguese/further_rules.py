"""Rules tried after ``intent_rules`` and before the phrases; the first that
holds wins. Each lives in a module of its own:

1. ``not_care``: an advert or a job sought asks nothing of the clinic;
2. ``served_by_person``: being served by a person, asked politely;
3. ``moves_said``: a booking moved in other words;
4. ``own_lookups``: one's own times looked up in other words;
5. round 16: any contact refused, a call asked, who sees one's records, one's booking
   changed in other words, whether the clinic can book something.
"""

from __future__ import annotations

from collections.abc import Callable

from services.conductor.portuguese.booking_can import booking_can_asked
from services.conductor.portuguese.calls_asked import call_asked
from services.conductor.portuguese.contact_ended import contact_refused
from services.conductor.portuguese.data_access import records_access_asked
from services.conductor.portuguese.how_to_use import can_do_asked
from services.conductor.portuguese.intent import Intent
from services.conductor.portuguese.moves_said import booking_moved
from services.conductor.portuguese.not_care import care_not_asked
from services.conductor.portuguese.own_booking_changed import own_booking_changed
from services.conductor.portuguese.own_lookups import own_times_asked
from services.conductor.portuguese.served_by_person import person_asked_politely

RULES: tuple[tuple[Intent, Callable[[tuple[str, ...], str], bool]], ...] = (
    (Intent.UNKNOWN, care_not_asked),
    (Intent.HELP, can_do_asked),  # "vc consegue fazer o que? marcar, desmarcar?" (round 15)
    (Intent.HUMAN, person_asked_politely),
    (Intent.RESCHEDULE, booking_moved),
    # "quem tem acesso aos meus exames?" (round 16): before one's times, which would read
    # "quem consegue ver meus exames" as one's own looked up.
    (Intent.LGPD, records_access_asked),
    (Intent.CONSULT, own_times_asked),
    (Intent.REVOKE, contact_refused),  # "sai desse numero, nao quero mais contato" (round 16)
    (Intent.HUMAN, call_asked),  # "liga pra mim pfv, nao sei mexer nisso" (round 16)
    (Intent.RESCHEDULE, own_booking_changed),  # "preciso mudar, pode ser dia 11?" (round 16)
    (Intent.SCHEDULE, booking_can_asked),  # "da pra marcar exame de sangue ai?" (round 16)
)


def intent_by_further_rules(folded: str) -> Intent | None:
    """The intent of the first further rule that holds for already folded, corrected
    text; None when none does."""
    words = tuple(folded.split())
    return next((intent for intent, holds in RULES if holds(words, folded)), None)
