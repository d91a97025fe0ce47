"""The read models, as pure functions of the log: (view, event) -> view.

Sessions reuse the domain's ``evolve``, as the conductor does, so the operator's view of a
conversation and the conductor's can never disagree. Consent records are append-only
evidence (LGPD art. 8: the controller proves consent): one per consent event, with the
time, the notice version and hash, the purposes, the legal basis, the channel and the
message that carried it.

An erasure keeps the facts and drops the person: the session starts over, consent records
lose the message and the words, appointments lose their subject. A view built from erased
events is the same as one built from clear events and then erased, so a replay after an
erasure yields exactly what the live projector holds.
"""

from __future__ import annotations

from datetime import datetime

import msgspec

from events import Envelope
from events.schema import (
    CANCELLED_ON_ERASURE,
    AppointmentBooked,
    AppointmentCancelled,
    AppointmentConfirmed,
    AppointmentNoShow,
    ConsentGranted,
    ConsentRefused,
    ConsentRevoked,
    MessageReceived,
    PrivacyNoticeShown,
    SubjectErased,
)
from services.domain.conversation import Conversation, evolve, neutral

CONSENT_KINDS: dict[type, str] = {
    PrivacyNoticeShown: "requested",
    ConsentGranted: "granted",
    ConsentRefused: "refused",
    ConsentRevoked: "revoked",
}


class SessionView(msgspec.Struct, frozen=True, kw_only=True):
    chat: str
    session: str
    conversation: Conversation
    last_activity: datetime
    erased_at: datetime | None = None


class ConsentRecord(msgspec.Struct, frozen=True, kw_only=True):
    event_id: str
    at: datetime
    kind: str
    policy_version: str | None
    channel: str
    notice_sha256: str | None = None
    purposes: tuple[str, ...] = ()
    legal_basis: str | None = None
    message_id: str | None = None
    evidence_text: str | None = None
    reason: str | None = None


class AppointmentView(msgspec.Struct, frozen=True, kw_only=True):
    appointment_id: str
    subject: str
    calendar_entry_id: str
    start: datetime
    end: datetime | None
    status: str
    booked_at: datetime | None = None
    cancelled_at: datetime | None = None
    confirmed_at: datetime | None = None
    professional: str = ""  # "": the clinic's one professional (no clinic file)
    service: str = ""


def neutral_session(view: SessionView) -> SessionView:
    """A session without its person, as it reads once its subject's key is erased."""
    return msgspec.structs.replace(view, conversation=neutral(view.conversation))


def project_session(view: SessionView | None, envelope: Envelope) -> SessionView | None:
    """The session after ``envelope``; None while the chat has said nothing yet."""
    if isinstance(envelope.event, SubjectErased):
        if view is None:
            return None
        return msgspec.structs.replace(
            view, conversation=Conversation(), erased_at=envelope.recorded_at
        )
    if view is None:
        if not isinstance(envelope.event, MessageReceived):
            return None
        view = SessionView(
            chat=envelope.chat,
            session=envelope.session,
            conversation=Conversation(),
            last_activity=envelope.recorded_at,
        )
    conversation = evolve(view.conversation, envelope.event)
    active = isinstance(envelope.event, MessageReceived)
    return msgspec.structs.replace(
        view,
        conversation=conversation,
        last_activity=envelope.recorded_at if active else view.last_activity,
    )


def consent_record(envelope: Envelope, *, erased: bool = False) -> ConsentRecord | None:
    """The evidence record of a consent event or an erasure; None for any other event.

    ``erased``: the event's personal fields are gone, and so are the record's.
    """
    event = envelope.event
    if isinstance(event, SubjectErased):
        return ConsentRecord(event_id=envelope.event_id, at=envelope.recorded_at, kind="erased",
                             policy_version=None, channel=envelope.session,
                             legal_basis=event.legal_basis, reason=event.reason)  # fmt: skip
    record = _consent_record(envelope)
    return without_person(record) if erased and record else record


def without_person(record: ConsentRecord) -> ConsentRecord:
    """A consent record once its subject is erased: the facts without the person."""
    return msgspec.structs.replace(record, message_id=None, evidence_text=None)


def _consent_record(envelope: Envelope) -> ConsentRecord | None:
    event = envelope.event
    if not isinstance(event, PrivacyNoticeShown | ConsentGranted | ConsentRefused | ConsentRevoked):
        return None
    base = ConsentRecord(
        event_id=envelope.event_id,
        at=envelope.recorded_at,
        kind=CONSENT_KINDS[type(event)],
        policy_version=event.policy_version,
        channel=envelope.session,
    )
    replace = msgspec.structs.replace
    match event:
        case PrivacyNoticeShown():
            return replace(base, notice_sha256=event.notice_sha256, purposes=event.purposes,
                           message_id=event.in_reply_to)  # fmt: skip
        case ConsentGranted():
            return replace(base, notice_sha256=event.notice_sha256, purposes=event.purposes,
                           legal_basis=event.legal_basis, message_id=event.evidence_message_id,
                           evidence_text=event.evidence_text)  # fmt: skip
    return replace(base, message_id=event.evidence_message_id, evidence_text=event.evidence_text)


def anonymised(view: AppointmentView) -> AppointmentView:
    """An appointment once its subject is erased: the clinic's slot, nobody's."""
    return msgspec.structs.replace(view, subject="")


def on_erasure(event: AppointmentCancelled) -> bool:
    """Whether a cancellation follows its subject's erasure: it concerns nobody any more."""
    return event.reason == CANCELLED_ON_ERASURE


def project_appointment(view: AppointmentView | None, envelope: Envelope) -> AppointmentView | None:
    event = envelope.event
    match event:
        case AppointmentBooked():
            return AppointmentView(
                appointment_id=event.appointment_id,
                subject=envelope.chat,
                calendar_entry_id=event.calendar_entry_id,
                start=event.start,
                end=event.end,
                status="booked",
                booked_at=envelope.recorded_at,
                professional=event.professional,
                service=event.service,
            )
        case AppointmentCancelled():
            base = view or AppointmentView(
                appointment_id=event.appointment_id,
                subject="" if on_erasure(event) else envelope.chat,
                calendar_entry_id=event.calendar_entry_id,
                start=event.start,
                end=None,
                status="booked",
                professional=event.professional,
                service=event.service,
            )
            return msgspec.structs.replace(
                base, status="cancelled", cancelled_at=envelope.recorded_at
            )
        case AppointmentConfirmed() if view is not None and view.status == "booked":
            return msgspec.structs.replace(
                view, status="confirmed", confirmed_at=envelope.recorded_at
            )
        case AppointmentNoShow() if view is not None and view.status != "cancelled":
            return msgspec.structs.replace(view, status="no_show")
    return view
