"""``wsm audit CHAT``: a conversation's full timeline, in log order, for a person to read."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Mapping
from datetime import datetime
from typing import TextIO
from zoneinfo import ZoneInfo

from events import Record
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
    IdentityLinked,
    MessageAcknowledged,
    MessageEdited,
    MessageReceived,
    MessageRevoked,
    MessageSentByBusiness,
    NameCorrected,
    NameRegistered,
    PrivacyNoticeShown,
    ReactionReceived,
    ReminderDue,
    ReminderScheduled,
    ReplyFailed,
    ReplyRequested,
    ReplySent,
    SessionStatusChanged,
    SlotsOffered,
    StaffActed,
    SubjectErased,
    ToolInvoked,
    UnknownEvent,
    VoiceNoteTranscribed,
)
from events.waitlist_schema import WaitlistJoined, WaitlistOffered, WaitlistOfferEnded
from services.cli.events import as_json, resolve_subject
from services.domain.chats import chat_key_secret
from services.domain.clinic import Clinic
from services.domain.identities import IdentityMap
from services.runtime.store import StoreSettings

TEXT_SHOWN = 80
UTC_ZONE = ZoneInfo("UTC")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("chat", help="a chat key, or a WhatsApp chat id such as 5511988887777@c.us")
    parser.add_argument("--session", default="default", help="WAHA session of a chat id")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")


def quoted(text: str) -> str:
    first = " ".join(text.split())
    return repr(first if len(first) <= TEXT_SHOWN else first[: TEXT_SHOWN - 1] + "…")


def describe(event: DomainEvent | UnknownEvent, zone: ZoneInfo = UTC_ZONE) -> str:
    """One line saying what happened; times in ``zone``."""
    match event:
        case MessageSentByBusiness(text=text):
            return f"clinic's phone wrote  {text!r}"
        case MessageReceived(text=text, media=media):
            attachment = f" [{media.mimetype or 'media'}]" if media else ""
            return f"message received      {quoted(text)}{attachment}"
        case VoiceNoteTranscribed(text=text, seconds=seconds):
            return f"voice note heard      {quoted(text)} ({seconds:.0f} s)"
        case PrivacyNoticeShown(policy_version=version, notice_sha256=digest):
            return f"privacy notice shown  version {version}, text sha256 {digest[:12]}…"
        case ConsentGranted(policy_version=version, evidence_text=text, legal_basis=basis):
            return f"consent GRANTED       version {version} by {quoted(text)} ({basis})"
        case ConsentRefused(policy_version=version, evidence_text=text):
            return f"consent REFUSED       version {version} by {quoted(text)}"
        case ConsentRevoked(policy_version=version, evidence_text=text):
            return f"consent REVOKED       version {version} by {quoted(text)}"
        case NameRegistered(name=name):
            return f"name registered       {name!r}"
        case NameCorrected(name=name, requested_by=who):
            return f"name CORRECTED        {name!r}, by {who}"
        case AgentSelected(agent=agent, intent=intent):
            return f"handed to agent       {agent} ({intent})"
        case ToolInvoked(tool=tool, arguments=arguments, ok=ok, result=result):
            outcome = "ok" if ok else "refused"
            return f"tool {tool:<16} {arguments} -> {outcome} {result[:TEXT_SHOWN]}"
        case SlotsOffered(slots=slots):
            return f"slots offered         {len(slots)}"
        case ActionProposed(action=action, start=start, appointment_id=appointment):
            moment = f"{_at(start, zone)}"
            return f"asked to confirm      {action} {appointment or 'new'} at {moment}"
        case AppointmentBooked(appointment_id=appointment, start=start):
            return f"appointment BOOKED    {appointment} at {_at(start, zone)}"
        case AppointmentCancelled(appointment_id=appointment, start=start):
            return f"appointment CANCELLED {appointment} at {_at(start, zone)}"
        case AppointmentConfirmed(appointment_id=appointment, start=start):
            return f"appointment CONFIRMED {appointment} at {_at(start, zone)}"
        case AppointmentNoShow(appointment_id=appointment, start=start, by=who):
            return f"appointment NO-SHOW   {appointment} at {_at(start, zone)}, by {who}"
        case WaitlistJoined(appointment_id=appointment, before=before):
            return f"waiting list joined   for a time before {_at(before, zone)} ({appointment})"
        case WaitlistOffered(start=start, expires_at=expires):
            return f"earlier time OFFERED  {_at(start, zone)} until {_at(expires, zone)}"
        case WaitlistOfferEnded(slot=slot, outcome=outcome):
            return f"offer ended           {outcome} ({slot})"
        case HandoffStarted(quiet_s=quiet_s):
            return f"handed to a PERSON    bot silent until {quiet_s // 3600} h of quiet"
        case HandoffEnded(reason=reason, by=who):
            return f"handoff ended         {reason}{f' by {who}' if who else ''}"
        case ReminderScheduled(reminder_id=reminder, due_at=due):
            return f"reminder set          {reminder} for {_at(due, zone)}"
        case ReminderDue(reminder_id=reminder):
            return f"reminder due          {reminder}"
        case ReplyRequested(text=text, by=who) if who:
            return f"reply by staff        {who}: {quoted(text)}"
        case ReplyRequested(text=text):
            return f"reply decided         {quoted(text)}"
        case ReplySent(waha_message_id=message_id):
            return f"reply sent            WAHA id {message_id}"
        case ReplyFailed(error=error, attempts=attempts):
            return f"reply FAILED          after {attempts} attempts: {error[:TEXT_SHOWN]}"
        case MessageAcknowledged(ack_name=name, from_me=from_me):
            return f"delivery status       {name} ({'ours' if from_me else 'theirs'})"
        case ReactionReceived(reaction=reaction):
            return f"reaction              {reaction or '(removed)'}"
        case MessageRevoked(revoked_message_id=message_id):
            return f"message deleted       {message_id}"
        case MessageEdited(text=text, from_me=from_me):
            return f"message edited        {'ours' if from_me else 'theirs'}, now {quoted(text)}"
        case SessionStatusChanged(status=status):
            return f"session status        {status}"
        case SubjectErased(reason=reason, legal_basis=basis, requested_by=who):
            return f"personal data ERASED  {reason} ({basis}), by {who}"
        case IdentityLinked(chat_id=phone, linked_chat_id=linked, folded_chat=folded):
            return f"one person, two ids   {phone} is {linked}; earlier under {folded}"
        case StaffActed(staff=who, role=role, action=action, subjects=subjects):
            return f"staff {action:<15} by {who} ({role}), {len(subjects)} patient(s)"
        case UnknownEvent(type=kind, schema_version=version):
            return f"unknown event         {kind} v{version}"
    return type(event).__name__


def _at(moment: datetime, zone: ZoneInfo) -> str:
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"


def as_line(record: Record, zone: ZoneInfo) -> str:
    moment = record.envelope.recorded_at.astimezone(zone)
    erased = "  [personal data erased]" if record.erased else ""
    return f"{moment:%Y-%m-%d %H:%M:%S %z}  {describe(record.envelope.event, zone)}{erased}"


async def audit(args: argparse.Namespace, env: Mapping[str, str], out: TextIO) -> int:
    store = StoreSettings.from_env(env)
    zone = Clinic.from_env(env).zone
    async with store.connected() as redis:
        log = store.event_log(redis)
        await log.check_layout()
        identities = IdentityMap(redis, store.keyspace, chat_key_secret(env))
        chat = await identities.identity(resolve_subject(args.chat, args.session, env))
        history = await log.chat_history(chat)
    if not history:
        print(f"wsm audit: no events for {args.chat}", file=sys.stderr)
        return 1
    for record in history:
        out.write((as_json(record).decode() if args.json else as_line(record, zone)) + "\n")
    return 0


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    return asyncio.run(audit(args, env, sys.stdout))
