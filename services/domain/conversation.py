"""A conversation's state, derived from its events. Pure: evolve(state, event) -> state."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from enum import StrEnum

import msgspec
from msgspec.structs import replace

from events.schema import (
    ActionProposed,
    AgentSelected,
    AppointmentBooked,
    AppointmentCancelled,
    AppointmentConfirmed,
    AppointmentNoShow,
    ConsentGranted,
    ConsentRefused,
    ConsentRevoked,
    DomainEvent,
    HandoffEnded,
    HandoffStarted,
    MessageEdited,
    MessageReceived,
    NameCorrected,
    NameRegistered,
    PrivacyNoticeShown,
    ReminderDue,
    ReminderScheduled,
    ReplyRequested,
    SlotsOffered,
    SubjectErased,
    UnknownEvent,
    VoiceNoteTranscribed,
)
from events.waitlist_schema import (
    OFFER_ACCEPTED,
    WaitlistJoined,
    WaitlistOffered,
    WaitlistOfferEnded,
)
from services.waha import message_ids

MAX_QUIET_S = 366 * 24 * 3600
"""The longest a handoff can keep the bot quiet."""

EDIT_WINDOW = timedelta(minutes=10)
"""How long after a person's latest message an edit of it is still taken as the message."""


class Stage(StrEnum):
    NEW = "new"
    AWAITING_CONSENT = "awaiting_consent"
    AWAITING_NAME = "awaiting_name"
    REGISTERED = "registered"
    REFUSED = "refused"
    REVOKED = "revoked"


DIALOGUE_LINES = 8


class Upcoming(msgspec.Struct, frozen=True, kw_only=True):
    """A booked appointment, with its reminders: set, and already due."""

    appointment_id: str
    start: datetime
    reminders: tuple[str, ...] = ()
    reminded: tuple[str, ...] = ()
    confirmed: bool = False  # the patient said they will come


class Proposal(msgspec.Struct, frozen=True, kw_only=True):
    """What the bot asked the person to confirm: a booking, a move or a cancellation."""

    action: str
    start: datetime
    appointment_id: str = ""
    professional: str = ""
    service: str = ""


class Conversation(msgspec.Struct, frozen=True, kw_only=True):
    stage: Stage = Stage.NEW
    chat_id: str = ""
    name: str | None = None
    policy_version: str | None = None
    # The hash of the notice text last shown or consented to (its version is in the text):
    # consent is to that text.
    notice_sha256: str | None = None
    agent: str | None = None
    offered: tuple[datetime, ...] = ()
    # The last lines exchanged, ("user" | "assistant", text): context for a model.
    dialogue: tuple[tuple[str, str], ...] = ()
    upcoming: tuple[Upcoming, ...] = ()
    # The appointment the last reminder was about: what "confirmo" or "cancelar" refer to.
    reminded: str | None = None
    # In the hands of a person until then (pushed back by every message meanwhile).
    handoff_until: datetime | None = None
    # The appointment being moved to a new time, while the scheduling agent finds one.
    rescheduling: str | None = None
    handoff_quiet_s: int = 0
    last_said_at: datetime | None = None
    # WAHA's id of the person's latest message: what an edit taken as a message must edit.
    last_message_id: str | None = None
    # The proposal the bot's last reply asked to confirm; a message takes it as
    # ``answering`` (it is answered by that message or by none), so a yes days later, after
    # other talk, never carries out an old question.
    proposal: Proposal | None = None
    answering: Proposal | None = None
    # How many of the person's appointments staff marked as missed, and which: a mark
    # recorded twice for one appointment counts once.
    no_shows: int = 0
    missed: tuple[str, ...] = ()
    # On the waiting list for a time before one of their appointments; a time offered.
    waiting: WaitlistJoined | None = None
    offer: WaitlistOffered | None = None

    @property
    def consented(self) -> bool:
        return self.stage in (Stage.AWAITING_NAME, Stage.REGISTERED)


def neutral(state: Conversation) -> Conversation:
    """The conversation with nobody in it: no chat id, name or words; what a snapshot or
    a session reads as once its subject's key is erased."""
    return msgspec.structs.replace(state, chat_id="", name=None, dialogue=(), last_message_id=None)


def evolve(state: Conversation, event: DomainEvent | UnknownEvent) -> Conversation:
    """The state after ``event``; events that do not concern it leave it as it was."""
    match event:
        case MessageReceived(chat_id=chat_id, text=text, sent_at=sent_at):
            dialogue = _said(state, "user", text) if text.strip() else state.dialogue
            until = state.handoff_until
            if until is not None:
                until = max(until, _after(sent_at, state.handoff_quiet_s))
            return msgspec.structs.replace(
                state, chat_id=chat_id, dialogue=dialogue, handoff_until=until,
                last_said_at=sent_at, last_message_id=event.message_id,
                answering=state.proposal, proposal=None,
            )  # fmt: skip
        case VoiceNoteTranscribed(text=text):
            return msgspec.structs.replace(state, dialogue=_said(state, "user", text))
        case MessageEdited():
            taken = edit_as_message(state, event)
            return state if taken is None else evolve(state, taken)
        case HandoffStarted(quiet_s=quiet_s):
            return msgspec.structs.replace(
                state, handoff_until=_last_said(state, quiet_s), handoff_quiet_s=quiet_s,
                agent=None, offered=(), proposal=None, answering=None,
            )  # fmt: skip
        case HandoffEnded():
            return msgspec.structs.replace(state, handoff_until=None, handoff_quiet_s=0)
        case ReplyRequested(text=text):
            return msgspec.structs.replace(state, dialogue=_said(state, "assistant", text))
        case PrivacyNoticeShown(policy_version=version, notice_sha256=sha256):
            if state.stage in (Stage.REFUSED, Stage.REVOKED):
                # Shown again (a new version): still refused or revoked, of the version then.
                return msgspec.structs.replace(state, notice_sha256=sha256)
            return msgspec.structs.replace(
                state, stage=Stage.AWAITING_CONSENT, policy_version=version, notice_sha256=sha256
            )
        case ConsentGranted(policy_version=version, notice_sha256=sha256):
            stage = Stage.REGISTERED if state.name else Stage.AWAITING_NAME
            # The dialogue a model sees starts here: nothing said before consent.
            return msgspec.structs.replace(
                state, stage=stage, policy_version=version, notice_sha256=sha256, dialogue=()
            )
        case ConsentRefused():
            return msgspec.structs.replace(
                state, stage=Stage.REFUSED, agent=None, offered=(), dialogue=()
            )
        case ConsentRevoked():
            return msgspec.structs.replace(
                state, stage=Stage.REVOKED, agent=None, offered=(), dialogue=()
            )
        case NameRegistered(name=name):
            stage = Stage.REGISTERED if state.consented else state.stage
            return msgspec.structs.replace(state, name=name, stage=stage)
        case NameCorrected(name=name):
            return msgspec.structs.replace(state, name=name)
        case AgentSelected(agent=agent, intent=intent):
            # Back to the same specialist (a follow-up such as "2"): keep what it offered.
            same = agent == state.agent
            offered = state.offered if same else ()
            moving = _reschedule_target(state) if intent == "reschedule" else None
            rescheduling = moving or (state.rescheduling if same else None)
            return msgspec.structs.replace(
                state, agent=agent, offered=offered, rescheduling=rescheduling
            )
        case SlotsOffered(slots=slots):
            return msgspec.structs.replace(state, offered=slots)
        case ActionProposed(action=action, start=start, appointment_id=appointment_id):
            proposal = Proposal(
                action=action, start=start, appointment_id=appointment_id,
                professional=event.professional, service=event.service,
            )  # fmt: skip
            return msgspec.structs.replace(state, proposal=proposal)
        case AppointmentBooked(appointment_id=appointment_id, start=start):
            booked = Upcoming(appointment_id=appointment_id, start=start)
            upcoming = (*_without(state, appointment_id), booked)
            # Carried out: the same yes cannot book a second time.
            return msgspec.structs.replace(
                state, agent=None, offered=(), upcoming=upcoming, rescheduling=None,
                proposal=None, answering=None,
            )  # fmt: skip
        case AppointmentCancelled(appointment_id=appointment_id):
            reminded = None if state.reminded == appointment_id else state.reminded
            upcoming = _without(state, appointment_id)
            waiting = state.waiting
            if waiting is not None and waiting.appointment_id == appointment_id:
                waiting = None  # the appointment to bring forward is gone
            return msgspec.structs.replace(
                state, upcoming=upcoming, reminded=reminded, proposal=None, answering=None,
                waiting=waiting,
            )  # fmt: skip
        case WaitlistJoined():
            return msgspec.structs.replace(state, waiting=event)
        case WaitlistOffered():
            return msgspec.structs.replace(state, offer=event)
        case WaitlistOfferEnded(slot=slot, outcome=outcome):
            return _offer_ended(state, slot, outcome)
        case AppointmentConfirmed(appointment_id=appointment_id):
            reminded = None if state.reminded == appointment_id else state.reminded
            state = msgspec.structs.replace(state, reminded=reminded)
            return _with_upcoming(state, appointment_id, lambda u: replace(u, confirmed=True))
        case AppointmentNoShow(appointment_id=appointment_id):
            upcoming = _without(state, appointment_id)
            if state.waiting is not None and state.waiting.appointment_id == appointment_id:
                state = msgspec.structs.replace(state, waiting=None)  # nothing to bring forward
            if appointment_id in state.missed:
                return msgspec.structs.replace(state, upcoming=upcoming)
            return msgspec.structs.replace(state, no_shows=state.no_shows + 1, upcoming=upcoming,
                                           missed=(*state.missed, appointment_id))  # fmt: skip
        case ReminderScheduled(appointment_id=appointment_id, reminder_id=reminder_id):
            return _with_upcoming(
                state, appointment_id, lambda u: replace(u, reminders=(*u.reminders, reminder_id))
            )
        case ReminderDue(appointment_id=appointment_id, reminder_id=reminder_id):
            if reminder_due(state, event) is None:
                return state
            state = msgspec.structs.replace(state, reminded=appointment_id)
            return _with_upcoming(
                state, appointment_id, lambda u: replace(u, reminded=(*u.reminded, reminder_id))
            )
        case SubjectErased():
            return Conversation()
    return state


def _offer_ended(state: Conversation, slot: str, outcome: str) -> Conversation:
    """An offer over: taken, the patient waits no more; lapsed, its question lapses too (a
    later yes must not take a time now offered to someone else)."""
    offer = state.offer
    if offer is None or offer.slot != slot:
        return state
    waiting = None if outcome == OFFER_ACCEPTED else state.waiting
    proposal, answering = state.proposal, state.answering
    if proposal is not None and proposal.start == offer.start:
        proposal = None
    if answering is not None and answering.start == offer.start:
        answering = None
    return msgspec.structs.replace(
        state, offer=None, waiting=waiting, proposal=proposal, answering=answering
    )


def edit_as_message(state: Conversation, edit: MessageEdited) -> MessageReceived | None:
    """The message an edit stands for, when the front desk would take it as one: the
    person edited their latest message, at most ``EDIT_WINDOW`` after writing it (before
    the answer, or just after it). An edit of an earlier message, a later one, or one by
    the business is only recorded: nobody reopens an exchange already moved past."""
    last, said_at = state.last_message_id, state.last_said_at
    if edit.from_me or last is None or said_at is None:
        return None
    if _bare(last) != _bare(edit.message_id) or edit.edited_at - said_at > EDIT_WINDOW:
        return None
    # The edited message's id, so that a second edit of it is taken the same way.
    return MessageReceived(
        message_id=last, chat_id=edit.chat_id, sender=edit.chat_id, text=edit.text,
        sent_at=edit.edited_at,
    )  # fmt: skip


def _bare(message_id: str) -> str:
    """A message's own id: engines may spell the chat in a serialized id differently."""
    parsed = message_ids.parse(message_id)
    return parsed.bare if parsed else message_id


def _reschedule_target(state: Conversation) -> str | None:
    """Which appointment "remarcar" means: the one just reminded of, or the only one."""
    ids = [u.appointment_id for u in state.upcoming]
    if state.reminded in ids:
        return state.reminded
    return ids[0] if len(ids) == 1 else None


def _last_said(state: Conversation, quiet_s: int) -> datetime:
    """When a handoff started now ends, if the chat stays quiet: ``quiet_s`` after the
    person's last message (a handoff is always decided in answer to one)."""
    return _after(state.last_said_at or datetime.fromtimestamp(0, UTC), quiet_s)


def _after(moment: datetime, quiet_s: int) -> datetime:
    """``quiet_s`` (within 0 and a year) after ``moment``. Evolving never fails on what
    the log holds: a replay must get through any event, however odd its values."""
    quiet = timedelta(seconds=min(max(quiet_s, 0), MAX_QUIET_S))
    try:
        return moment + quiet
    except OverflowError:
        return datetime.max.replace(tzinfo=UTC)


def in_handoff(state: Conversation, now: datetime) -> bool:
    return state.handoff_until is not None and now < state.handoff_until


def reminder_due(state: Conversation, due: ReminderDue) -> Upcoming | None:
    """The appointment a due reminder is for, if it still stands as it was when the timer
    was set and this reminder was not sent yet; None: nothing to send."""
    for upcoming in state.upcoming:
        if (
            upcoming.appointment_id == due.appointment_id
            and upcoming.start == due.start
            and due.reminder_id not in upcoming.reminded
        ):
            return upcoming
    return None


def _without(state: Conversation, appointment_id: str) -> tuple[Upcoming, ...]:
    return tuple(u for u in state.upcoming if u.appointment_id != appointment_id)


def _with_upcoming(
    state: Conversation, appointment_id: str, change: Callable[[Upcoming], Upcoming]
) -> Conversation:
    upcoming = tuple(change(u) if u.appointment_id == appointment_id else u for u in state.upcoming)
    return msgspec.structs.replace(state, upcoming=upcoming)


def _said(state: Conversation, role: str, text: str) -> tuple[tuple[str, str], ...]:
    """The dialogue kept for a model: only what was said while consent was active (the
    consent evidence is in the consent events, not here)."""
    if not state.consented:
        return state.dialogue
    return (*state.dialogue, (role, text))[-DIALOGUE_LINES:]


def replay(events: Iterable[DomainEvent | UnknownEvent]) -> Conversation:
    state = Conversation()
    for event in events:
        state = evolve(state, event)
    return state
