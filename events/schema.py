"""Typed domain events: msgspec Structs forming one tagged union.

Schemas evolve additively: a new field gets a default, so older entries still decode.
A change that cannot be additive bumps ``schema_version``; an entry written with a version
newer than this code knows decodes to :class:`UnknownEvent` rather than being misread.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, get_args

import msgspec

from events.event_base import PERSONAL as PERSONAL
from events.event_base import DomainEvent as DomainEvent
from events.event_base import OptionalPersonalText as OptionalPersonalText
from events.event_base import Personal as Personal
from events.event_base import PersonalText as PersonalText
from events.waitlist_schema import WaitlistJoined, WaitlistOffered, WaitlistOfferEnded


class MediaInfo(msgspec.Struct, frozen=True, kw_only=True):
    """What is known of a message's attachment; the bytes stay with WAHA."""

    mimetype: str | None = None
    filename: str | None = None
    url: str | None = None
    error: str | None = None


class MessageReceived(DomainEvent, frozen=True, kw_only=True, tag="message.received"):
    """A person wrote to the business."""

    message_id: PersonalText
    chat_id: PersonalText
    sender: PersonalText
    text: PersonalText = ""
    media: Annotated[MediaInfo | None, PERSONAL] = None
    is_group: bool = False
    reply_to: OptionalPersonalText = None
    sent_at: datetime


class VoiceNoteTranscribed(DomainEvent, frozen=True, kw_only=True, tag="message.transcribed"):
    """A voice note the person sent, heard: its transcript is answered as the message's
    text. The transcript is the person's own words, sealed like everything they write."""

    message_id: PersonalText
    text: PersonalText
    model: str
    seconds: float


class MessageSentByBusiness(DomainEvent, frozen=True, kw_only=True, tag="message.sent"):
    """A message the business's own WhatsApp number sent: a person at the clinic writing
    from the phone (during a handoff, say), or the echo of a reply the bot sent through
    the API (its id is then a ``reply.sent``'s ``waha_message_id``). Recorded, never
    answered."""

    message_id: PersonalText
    chat_id: PersonalText
    text: PersonalText = ""
    has_media: bool = False
    sent_at: datetime


class MessageAcknowledged(DomainEvent, frozen=True, kw_only=True, tag="message.acknowledged"):
    """Delivery progress of a message (sent, delivered, read, played)."""

    message_id: PersonalText
    chat_id: PersonalText
    ack: int
    ack_name: str
    from_me: bool


class ReactionReceived(DomainEvent, frozen=True, kw_only=True, tag="message.reaction"):
    """An emoji reaction; an empty ``reaction`` means the reaction was removed."""

    message_id: PersonalText
    chat_id: PersonalText
    sender: PersonalText
    target_message_id: PersonalText
    reaction: PersonalText
    from_me: bool


class MessageRevoked(DomainEvent, frozen=True, kw_only=True, tag="message.revoked"):
    """A message was deleted for everyone."""

    chat_id: PersonalText
    revoked_message_id: PersonalText
    from_me: bool


class MessageEdited(DomainEvent, frozen=True, kw_only=True, tag="message.edited"):
    """A message was edited: ``message_id`` is the edited message's id (as it was received),
    ``edit_id`` WAHA's id of the edit, ``text`` the new text."""

    message_id: PersonalText
    edit_id: PersonalText
    chat_id: PersonalText
    text: PersonalText = ""
    from_me: bool
    edited_at: datetime


class SessionStatusChanged(DomainEvent, frozen=True, kw_only=True, tag="session.status"):
    """The WhatsApp session (the business number) changed state, e.g. WORKING or FAILED."""

    status: str


# --- Decisions of the conductor -------------------------------------------------------


class PrivacyNoticeShown(DomainEvent, frozen=True, kw_only=True, tag="consent.requested"):
    """The privacy notice was sent and consent asked for. The evidence of consent (LGPD
    art. 8) starts with the exact text shown, identified by its version and hash."""

    policy_version: str
    notice_sha256: str
    purposes: tuple[str, ...]
    in_reply_to: PersonalText


class ConsentGranted(DomainEvent, frozen=True, kw_only=True, tag="consent.granted"):
    """Explicit consent, with the person's own words and the message that carried them."""

    policy_version: str
    notice_sha256: str
    purposes: tuple[str, ...]
    legal_basis: str
    evidence_message_id: PersonalText
    evidence_text: PersonalText


class ConsentRefused(DomainEvent, frozen=True, kw_only=True, tag="consent.refused"):
    policy_version: str
    evidence_message_id: PersonalText
    evidence_text: PersonalText


class ConsentRevoked(DomainEvent, frozen=True, kw_only=True, tag="consent.revoked"):
    policy_version: str
    evidence_message_id: PersonalText
    evidence_text: PersonalText


class NameRegistered(DomainEvent, frozen=True, kw_only=True, tag="subject.name_registered"):
    name: PersonalText
    evidence_message_id: PersonalText


class AgentSelected(DomainEvent, frozen=True, kw_only=True, tag="agent.selected"):
    """The router handed the conversation to a specialist."""

    agent: str
    intent: str
    in_reply_to: PersonalText


class ToolInvoked(DomainEvent, frozen=True, kw_only=True, tag="agent.tool_invoked"):
    """A tool call proposed by the brain, and what the tool answered, errors included."""

    call_id: str
    tool: str
    arguments: PersonalText
    ok: bool
    result: PersonalText
    in_reply_to: PersonalText


class SlotsOffered(DomainEvent, frozen=True, kw_only=True, tag="scheduling.slots_offered"):
    slots: tuple[datetime, ...]


PROPOSED_BOOKING = "book"
PROPOSED_MOVE = "reschedule"
PROPOSED_CANCELLATION = "cancel"


class ActionProposed(DomainEvent, frozen=True, kw_only=True, tag="scheduling.proposed"):
    """The bot asked the person to confirm a booking (``action`` "book"), a move of one of
    their appointments ("reschedule") or a cancellation ("cancel"): only a yes to this
    question, in the very next message, carries it out. ``start`` is the time proposed
    (for a cancellation, the appointment's); ``appointment_id`` the appointment moved or
    cancelled."""

    action: str
    start: datetime
    appointment_id: str = ""
    professional: str = ""  # with whom and what, from the clinic file ("": no file)
    service: str = ""


# Ids from the clinic file; "" (what entries from before them read as): the one
# professional and service of a clinic without a file. Added, not versioned: see README.
NO_PROFESSIONAL = NO_SERVICE = ""


class AppointmentBooked(DomainEvent, frozen=True, kw_only=True, tag="appointment.booked"):
    appointment_id: str
    calendar_entry_id: str
    start: datetime
    end: datetime
    professional: str = NO_PROFESSIONAL
    service: str = NO_SERVICE


CANCELLED_ON_ERASURE = "erasure"


class AppointmentCancelled(DomainEvent, frozen=True, kw_only=True, tag="appointment.cancelled"):
    """An appointment was cancelled: at the person's request (``reason`` empty), or
    because their data was erased (``CANCELLED_ON_ERASURE``)."""

    appointment_id: str
    calendar_entry_id: str
    start: datetime
    reason: str = ""
    professional: str = NO_PROFESSIONAL
    service: str = NO_SERVICE


class ReplyRequested(DomainEvent, frozen=True, kw_only=True, tag="reply.requested"):
    """A message the bot decided to send; the outbox delivers it once."""

    reply_id: str
    chat_id: PersonalText
    text: PersonalText
    in_reply_to: OptionalPersonalText = None
    # The member of staff who wrote it in the console; empty for the bot's own replies.
    by: str = ""


class ReplySent(DomainEvent, frozen=True, kw_only=True, tag="reply.sent"):
    reply_id: str
    chat_id: PersonalText
    waha_message_id: OptionalPersonalText = None


class ReplyFailed(DomainEvent, frozen=True, kw_only=True, tag="reply.failed"):
    reply_id: str
    chat_id: PersonalText
    error: PersonalText
    attempts: int


class SubjectErased(DomainEvent, frozen=True, kw_only=True, tag="subject.erased"):
    """The data subject's personal data was erased: their key is gone, so every personal
    field the log holds for this chat is unreadable from here on (LGPD art. 18, VI)."""

    reason: str  # "subject_request" or "retention_expired"
    legal_basis: str
    requested_by: str


class AppointmentConfirmed(DomainEvent, frozen=True, kw_only=True, tag="appointment.confirmed"):
    """The patient confirmed they will come (usually answering a reminder)."""

    appointment_id: str
    start: datetime


class HandoffStarted(DomainEvent, frozen=True, kw_only=True, tag="handoff.started"):
    """The chat was handed to a person: the bot stays silent until the chat has been quiet
    for ``quiet_s`` seconds, or an operator releases it."""

    quiet_s: int


class HandoffEnded(DomainEvent, frozen=True, kw_only=True, tag="handoff.ended"):
    """The bot answers the chat again: ``reason`` is "quiet_period" or "released"."""

    reason: str
    by: str = ""


class ReminderScheduled(DomainEvent, frozen=True, kw_only=True, tag="reminder.scheduled"):
    """A timer set when an appointment was booked: remind the person at ``due_at``."""

    reminder_id: str
    appointment_id: str
    start: datetime
    due_at: datetime


class ReminderDue(DomainEvent, frozen=True, kw_only=True, tag="reminder.due"):
    """A reminder's timer fired (once, by whichever scheduler replica got there)."""

    reminder_id: str
    appointment_id: str
    start: datetime


class NameCorrected(DomainEvent, frozen=True, kw_only=True, tag="subject.name_corrected"):
    """The data subject's name, corrected at their request (LGPD art. 18, III)."""

    name: PersonalText
    requested_by: str


class IdentityLinked(DomainEvent, frozen=True, kw_only=True, tag="identity.linked"):
    """Two WhatsApp ids turned out to be one person (a ``@lid`` and a phone number): the
    conversation keyed ``folded_chat`` is this chat's from now on. Its earlier events stay
    under ``folded_chat``; this event, in the chat that absorbs it, links the two.
    ``source`` says how it was learnt: "webhook", "lids_api" or "send_answer"."""

    chat_id: PersonalText
    linked_chat_id: PersonalText
    folded_chat: str
    source: str


class AppointmentNoShow(DomainEvent, frozen=True, kw_only=True, tag="appointment.no_show"):
    """The patient did not come; recorded by a member of staff or an operator (``by``)."""

    appointment_id: str
    start: datetime
    by: str


class StaffActed(DomainEvent, frozen=True, kw_only=True, tag="staff.acted"):
    """A member of staff saw patients' personal data or acted in the console (LGPD
    accountability: who, what, on whom, when — the time is the envelope's). ``subjects``
    are chat keys (pseudonyms), never names or numbers."""

    staff: str
    role: str
    action: str
    subjects: tuple[str, ...] = ()
    detail: str = ""


Event = (  # every event type, one of each
    MessageReceived | VoiceNoteTranscribed | MessageSentByBusiness | MessageAcknowledged
    | ReactionReceived | MessageRevoked | MessageEdited | SessionStatusChanged
    | PrivacyNoticeShown | ConsentGranted | ConsentRefused | ConsentRevoked | NameRegistered
    | NameCorrected | AgentSelected | ToolInvoked | SlotsOffered | ActionProposed
    | AppointmentBooked | AppointmentCancelled | AppointmentConfirmed | HandoffStarted
    | HandoffEnded | ReminderScheduled | ReminderDue | ReplyRequested | ReplySent | ReplyFailed
    | SubjectErased | IdentityLinked | StaffActed | AppointmentNoShow
    | WaitlistJoined | WaitlistOffered | WaitlistOfferEnded
)  # fmt: skip

EVENT_TYPES: dict[str, type[DomainEvent]] = {
    cls.__struct_config__.tag: cls for cls in get_args(Event)
}


class UnknownEvent(msgspec.Struct, frozen=True, kw_only=True):
    """An entry this code cannot interpret: a type it does not know, or a newer schema.

    Consumers see it explicitly and decide to skip it; they never crash on it.
    """

    type: str
    schema_version: int
    data: bytes


def type_of(event: DomainEvent | UnknownEvent) -> str:
    """The wire name of an event's type."""
    if isinstance(event, UnknownEvent):
        return event.type
    return type_of_class(type(event))


def type_of_class(cls: type[DomainEvent]) -> str:
    tag = cls.__struct_config__.tag
    assert isinstance(tag, str)
    return tag
