"""The waiting list: who waits for an earlier time, and offering a freed time to them.

Joining is a ``waitlist.joined`` event in the patient's conversation; the conductor keeps
an index of who waits in the patient's partition (written in the same commit as the
event, like the reminders' timers), ordered by when they joined. A cancellation frees a
time: the conductor that records it appends a ``waitlist.offered`` into the conversation
of the first patient waiting for that professional and service before their own
appointment; that conversation proposes the move, with a timer (``WAITLIST_OFFER_MINUTES``)
after which the offer lapses (``waitlist.offer_ended``, "expired") and the time goes to the
next patient. Each step of a time's chain is appended under the idempotency key
``waitlist:<slot>:<step>``, so a redelivered cancellation or timer offers it exactly once.
The offer is appended before the cancelling conversation's own commit (another partition
cannot share it): should that commit fail and the turn then decide otherwise, the offer
names a time still taken, and its yes is refused as "horário ocupado" by the calendar.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import cast

import msgspec

from events import EventLog, Keyspace, new_envelope
from events.checkpoint import Command
from events.redis_client import RedisClient
from events.schema import (
    PROPOSED_MOVE,
    ActionProposed,
    AppointmentBooked,
    AppointmentCancelled,
    AppointmentNoShow,
    DomainEvent,
    ReminderDue,
    ReminderScheduled,
    ReplyRequested,
)
from events.waitlist_schema import (
    OFFER_ACCEPTED,
    OFFER_EXPIRED,
    OFFER_SKIPPED,
    WaitlistJoined,
    WaitlistOffered,
    WaitlistOfferEnded,
)
from services.domain.conversation import Conversation, Stage, in_handoff

DEFAULT_OFFER_FOR = timedelta(minutes=30)
LAPSES = "-offer-lapses"  # the id of an offer's timer ends so
OFFERED = (
    "Boa notícia: vagou um horário antes da sua consulta de *{before}*: *{when}*{who}. "
    "Quer passar sua consulta para ele? Responda *sim* até *{until}*; depois disso ele é "
    "oferecido a outra pessoa."
)
JOINED = (
    "Certo! Você está na lista de espera: se vagar um horário antes da sua consulta de "
    "*{before}*, eu te aviso por aqui."
)


class WaitEntry(msgspec.Struct, frozen=True, kw_only=True):
    """Who waits (a chat key, a pseudonym) and for what: nothing personal."""

    chat: str
    session: str
    appointment_id: str
    before: datetime
    professional: str = ""
    service: str = ""


def index_key(keyspace: Keyspace, partition: int) -> str:
    """The partition's waiting patients: chat key → when they joined (ms)."""
    return keyspace.in_partition(partition, "waitlist")


def entries_key(keyspace: Keyspace, partition: int) -> str:
    """The partition's waiting patients: chat key → what they wait for."""
    return keyspace.in_partition(partition, "waitlist", "entry")


def index_commands(
    keyspace: Keyspace, partition: int, chat: str, session: str, state: Conversation,
    event: DomainEvent, at_ms: int,
) -> list[Command]:  # fmt: skip
    """How ``event`` (decided in ``state``) changes the index of who waits; ``at_ms``
    orders who joined first (the log's time of the message that decided it)."""
    index, entries = index_key(keyspace, partition), entries_key(keyspace, partition)
    if isinstance(event, WaitlistJoined):
        entry = WaitEntry(
            chat=chat, session=session, appointment_id=event.appointment_id,
            before=event.before, professional=event.professional, service=event.service,
        )  # fmt: skip
        return [
            ("ZADD", index, "NX", at_ms, chat),
            ("HSET", entries, chat, msgspec.msgpack.encode(entry)),
        ]
    waiting = state.waiting
    leaves = (isinstance(event, WaitlistOfferEnded) and event.outcome == OFFER_ACCEPTED) or (
        isinstance(event, AppointmentCancelled | AppointmentNoShow)
        and waiting is not None
        and waiting.appointment_id == event.appointment_id
    )
    return [("ZREM", index, chat), ("HDEL", entries, chat)] if leaves else []


def leave_commands(keyspace: Keyspace, partition: int, chat: str) -> list[Command]:
    """Taking a chat off the list (its person erased)."""
    return [("ZREM", index_key(keyspace, partition), chat),
            ("HDEL", entries_key(keyspace, partition), chat)]  # fmt: skip


def accepted(state: Conversation, decided: Sequence[DomainEvent]) -> list[DomainEvent]:
    """The decisions, with the offer they take up marked accepted after its booking."""
    offer, marked = state.offer, list(decided)
    for event in decided:
        if (
            offer is not None
            and isinstance(event, AppointmentBooked)
            and (event.start == offer.start and event.professional == offer.professional)
        ):
            marked.append(WaitlistOfferEnded(slot=offer.slot, outcome=OFFER_ACCEPTED))
    return marked


def fits(entry: WaitEntry, offer: WaitlistOffered | AppointmentCancelled, now: datetime) -> bool:
    """Whether a freed time is what ``entry`` waits for: same professional and service,
    earlier than their appointment, not yet begun."""
    return (
        entry.professional == offer.professional
        and entry.service == offer.service
        and now < offer.start < entry.before
    )


async def first_waiting(
    redis: RedisClient, keyspace: Keyspace, freed: AppointmentCancelled, passed: Sequence[str],
    now: datetime,
) -> WaitEntry | None:  # fmt: skip
    """The patient who joined first among those the freed time fits, but those in
    ``passed`` (offered it already, or its own)."""
    best: tuple[float, WaitEntry] | None = None
    for partition in keyspace.all_partitions():
        index = index_key(keyspace, partition)
        joined = cast(list[tuple[bytes, float]], await redis.zrange(index, 0, -1, withscores=True))
        if not joined:
            continue
        chats = [chat for chat, _ in joined]
        raw = cast(list[bytes | None], await redis.hmget(entries_key(keyspace, partition), chats))
        for (chat, score), item in zip(joined, raw, strict=True):
            if item is None or chat.decode() in passed:
                continue
            entry = msgspec.msgpack.decode(item, type=WaitEntry)
            if entry.before <= now:
                await _prune(redis, keyspace, partition, chat, item)
            elif fits(entry, freed, now) and (best is None or score < best[0]):
                best = (score, entry)
    return best[1] if best else None


# Takes a chat off the list only if its entry is still the one read: one joining again
# meanwhile (a new entry) stays.
_PRUNE = """
if redis.call('HGET', KEYS[2], ARGV[1]) == ARGV[2] then
  redis.call('HDEL', KEYS[2], ARGV[1])
  redis.call('ZREM', KEYS[1], ARGV[1])
end
return 0
"""


async def _prune(
    redis: RedisClient, keyspace: Keyspace, partition: int, chat: bytes, entry: bytes
) -> None:
    """Takes off the list a patient whose appointment has begun: no time can come before
    it any more."""
    keys = [index_key(keyspace, partition), entries_key(keyspace, partition)]
    await redis.eval(_PRUNE, 2, *keys, chat, entry)


async def offer_next(
    log: EventLog, freed: AppointmentCancelled, passed: Sequence[str], now: datetime,
    offer_for: timedelta,
) -> bool:  # fmt: skip
    """Offers the freed time to the next patient waiting for it; whether there was one.
    ``passed`` starts with the chat that freed it; its length numbers the step."""
    entry = await first_waiting(log.redis, log.keyspace, freed, passed, now)
    if entry is None:
        return False
    offered_to = tuple(passed)  # the chain so far, from the chat that freed it
    offer = WaitlistOffered(
        slot=freed.appointment_id, start=freed.start, expires_at=now + offer_for,
        professional=freed.professional, service=freed.service, offered=offered_to,
    )  # fmt: skip
    envelope = new_envelope(offer, chat=entry.chat, session=entry.session)
    await log.append(envelope, idempotency_key=f"waitlist:{freed.appointment_id}:{len(passed)}")
    return True


def freed_by(offer: WaitlistOffered) -> AppointmentCancelled:
    """The cancellation an offer passes on, to offer to the next patient."""
    return AppointmentCancelled(
        appointment_id=offer.slot, calendar_entry_id="", start=offer.start,
        professional=offer.professional, service=offer.service,
    )  # fmt: skip


def offer_decisions(
    state: Conversation, offer: WaitlistOffered, reply_id: str, texts: dict[str, str],
    now: datetime,
) -> list[DomainEvent]:  # fmt: skip
    """What an offer that arrives decides: proposing the move, with a timer for when it
    lapses; or, no longer of use to this patient, passing it on."""
    waiting = state.waiting
    usable = (
        waiting is not None
        and state.stage is Stage.REGISTERED
        and not in_handoff(state, now)  # a person has the chat: not for the bot to offer
        and offer.expires_at > now
        and waiting.professional == offer.professional
        and waiting.service == offer.service
        and now < offer.start < waiting.before
    )
    if waiting is None or not usable:
        return [WaitlistOfferEnded(slot=offer.slot, outcome=OFFER_SKIPPED)]
    return [
        ActionProposed(
            action=PROPOSED_MOVE, start=offer.start, appointment_id=waiting.appointment_id,
            professional=offer.professional, service=offer.service,
        ),
        ReplyRequested(reply_id=reply_id, chat_id=state.chat_id, text=OFFERED.format(**texts)),
        ReminderScheduled(
            reminder_id=f"{offer.slot}-{len(offer.offered)}{LAPSES}",
            appointment_id=f"offer-{offer.slot}", start=offer.start, due_at=offer.expires_at,
        ),
    ]  # fmt: skip


def is_lapse(due: ReminderDue) -> bool:
    """Whether a due timer is an offer's end, not a reminder to send."""
    return due.reminder_id.endswith(LAPSES)


def lapse_decisions(state: Conversation, due: ReminderDue) -> list[DomainEvent]:
    """An offer's time is up: it expires, unless it was taken or ended already."""
    offer = state.offer
    if offer is None or due.reminder_id != f"{offer.slot}-{len(offer.offered)}{LAPSES}":
        return []
    return [WaitlistOfferEnded(slot=offer.slot, outcome=OFFER_EXPIRED)]
