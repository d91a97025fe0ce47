"""Who saw whose data and who did what in the console (LGPD art. 37: the controller keeps
a record of its processing): each view of a patient's personal data and each staff action
is a ``staff.acted`` event in the log, which the data-protection officer reads back.

The events go to one conversation of their own, ``ACCESS_CHAT``, so the access log is read
from one partition, newest first, without touching the patients' conversations.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import cast

from events import EventLog, new_envelope
from events.codec import decode_entry
from events.schema import StaffActed
from services.console.staff import Staff

ACCESS_CHAT = "console:access"
ACCESS_SESSION = "console"
PAGE = 500
MAX_PAGES = 40


class Action:
    """What a member of staff did, as the access log names it."""

    VIEWED_AGENDA = "viewed_agenda"
    VIEWED_INBOX = "viewed_inbox"
    VIEWED_CONVERSATION = "viewed_conversation"
    REPLIED = "replied"
    RELEASED_HANDOFF = "released_handoff"
    VIEWED_CONSENT = "viewed_consent"
    VIEWED_ACCESS_LOG = "viewed_access_log"
    LOGGED_IN = "logged_in"
    LOGGED_OUT = "logged_out"
    ADDED_STAFF = "added_staff"
    REMOVED_STAFF = "removed_staff"
    EXPORTED = "exported_subject"
    CORRECTED = "corrected_subject"
    ERASED = "erased_subject"
    VIEWED_PATIENT = "viewed_patient"
    BOOKED = "booked_by_hand"
    MOVED = "moved_by_hand"
    CANCELLED = "cancelled_by_hand"
    BLOCKED = "blocked_time"
    MARKED_NO_SHOW = "marked_no_show"
    LOGIN_FAILED = "login_failed"


ACTION_NAMES = {
    Action.VIEWED_AGENDA: "viu a agenda com nomes",
    Action.VIEWED_INBOX: "viu a caixa de atendimento",
    Action.VIEWED_CONVERSATION: "viu uma conversa",
    Action.REPLIED: "respondeu a um paciente",
    Action.RELEASED_HANDOFF: "devolveu uma conversa ao robô",
    Action.VIEWED_CONSENT: "viu o histórico de consentimento",
    Action.VIEWED_ACCESS_LOG: "viu o registro de acessos",
    Action.LOGGED_IN: "entrou",
    Action.LOGGED_OUT: "saiu",
    Action.ADDED_STAFF: "cadastrou um membro da equipe",
    Action.REMOVED_STAFF: "removeu um membro da equipe",
    Action.EXPORTED: "exportou os dados de um titular",
    Action.CORRECTED: "corrigiu o nome de um titular",
    Action.ERASED: "apagou os dados de um titular",
    Action.VIEWED_PATIENT: "buscou e viu um paciente",
    Action.BOOKED: "marcou uma consulta",
    Action.MOVED: "remarcou uma consulta",
    Action.CANCELLED: "cancelou uma consulta",
    Action.BLOCKED: "bloqueou horários",
    Action.MARKED_NO_SHOW: "marcou uma falta",
    Action.LOGIN_FAILED: "errou a senha ao entrar",
}

# Who a failed login was for when no account has the name typed: the name itself is not
# kept (people type passwords into the name field).
UNKNOWN_ACCOUNT = "(nome desconhecido)"


async def record(
    log: EventLog, staff: Staff, action: str, subjects: Sequence[str] = (), detail: str = ""
) -> None:
    """Append what ``staff`` did, to whom (chat keys): before the page is shown, so a
    view that could not be recorded is not shown."""
    event = StaffActed(
        staff=staff.name, role=staff.role.value, action=action,
        subjects=tuple(subjects), detail=detail,
    )  # fmt: skip
    await log.append(new_envelope(event, chat=ACCESS_CHAT, session=ACCESS_SESSION))


class Entry:
    """One line of the access log."""

    __slots__ = ("at", "event")

    def __init__(self, at: datetime, event: StaffActed) -> None:
        self.at = at
        self.event = event


async def recent(log: EventLog, limit: int = 200) -> list[Entry]:
    """The latest ``limit`` entries of the access log, newest first (read back at most
    ``PAGE * MAX_PAGES`` entries of its partition)."""
    partition = log.keyspace.partition_of(ACCESS_CHAT)
    stream = log.keyspace.stream(partition)
    wanted = ACCESS_CHAT.encode()
    found: list[Entry] = []
    end = "+"
    for _ in range(MAX_PAGES):
        entries = cast(
            list[tuple[bytes, dict[bytes, bytes]]],
            await log.redis.xrevrange(stream, end, "-", count=PAGE),
        )
        for entry_id, fields in entries:
            if fields.get(b"chat") != wanted:
                continue
            envelope = decode_entry(entry_id.decode(), partition, fields).envelope
            if isinstance(envelope.event, StaffActed):
                found.append(Entry(envelope.recorded_at, envelope.event))
                if len(found) >= limit:
                    return found
        if len(entries) < PAGE:
            break
        end = "(" + entries[-1][0].decode()
    return found


async def record_failed_login(log: EventLog, staff: Staff | None) -> None:
    """A wrong password for ``staff``'s account, or for a name no account has (None)."""
    event = StaffActed(
        staff=staff.name if staff else UNKNOWN_ACCOUNT, role=staff.role.value if staff else "",
        action=Action.LOGIN_FAILED,
    )  # fmt: skip
    await log.append(new_envelope(event, chat=ACCESS_CHAT, session=ACCESS_SESSION))
