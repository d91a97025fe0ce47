"""The waiting list's events: a patient asks for an earlier time, a freed time is offered
to the first one waiting for it (for a while), and the offer ends. Part of the one tagged
union of :mod:`events.schema`, which imports them; kept apart for that module's size."""

from __future__ import annotations

from datetime import datetime

from events.event_base import DomainEvent


class WaitlistJoined(DomainEvent, frozen=True, kw_only=True, tag="waitlist.joined"):
    """The patient asked for an earlier time than their appointment ``appointment_id``
    (at ``before``), with the same professional and service."""

    appointment_id: str
    before: datetime
    professional: str = ""
    service: str = ""


class WaitlistOffered(DomainEvent, frozen=True, kw_only=True, tag="waitlist.offered"):
    """A freed time (``slot``: the id of the appointment cancelled) offered to this
    patient until ``expires_at``; ``offered``: the chats offered it before, in order."""

    slot: str
    start: datetime
    expires_at: datetime
    professional: str = ""
    service: str = ""
    offered: tuple[str, ...] = ()


OFFER_ACCEPTED, OFFER_EXPIRED, OFFER_SKIPPED = "accepted", "expired", "skipped"


class WaitlistOfferEnded(DomainEvent, frozen=True, kw_only=True, tag="waitlist.offer_ended"):
    """An offer taken (``outcome`` "accepted"), lapsed ("expired"), or no longer of use to
    the patient when it came ("skipped")."""

    slot: str
    outcome: str
