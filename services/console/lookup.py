"""Finding a patient at the front desk, and what the desk sees of them: appointments,
consent state (not its evidence, which is the DPO's), no-shows and the recent
conversation.

A phone number is never kept: the chat keys it may be known by derive from it with the
chat-key secret, exactly as the gateway derived them, and only those already in the read
models are patients.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from services.actions.read_models import AppointmentView, ReadModels
from services.domain import chats
from services.domain.identities import IdentityMap
from services.domain.name_index import index_key, tokens_of
from services.domain.name_lookup import chats_named
from services.domain.phones import chat_ids_of

WAHA_SESSION = "default"  # the WAHA session the console's patients write through
CONSENT_NAMES = {
    "requested": "aviso mostrado, sem resposta",
    "granted": "consentimento dado",
    "refused": "consentimento recusado",
    "revoked": "consentimento revogado",
    "erased": "dados apagados",
}
NO_CONSENT = "nenhum registro"
MAX_FOUND = 20


class NameInvalid(ValueError):
    """A name to search with no word to search for."""


@dataclass(frozen=True, slots=True)
class Patient:
    """A patient as the lookup shows them."""

    chat: str
    name: str | None
    consent: str
    appointments: tuple[AppointmentView, ...]
    dialogue: tuple[tuple[str, str], ...]

    @property
    def no_shows(self) -> int:
        return sum(1 for a in self.appointments if a.status == "no_show")


def consent_words(kinds: list[str]) -> str:
    """The consent state in the desk's words: the latest record's kind."""
    return CONSENT_NAMES.get(kinds[-1], kinds[-1]) if kinds else NO_CONSENT


async def known(models: ReadModels, identities: IdentityMap, candidates: list[str]) -> list[str]:
    """The identities (chat keys) of ``candidates`` the read models hold a patient for,
    each once, in the order given."""
    found: list[str] = []
    for candidate in candidates:
        identity = await identities.identity(candidate)  # a folded @lid: its person
        if identity in found:
            continue
        if await models.session(identity) is not None or await models.appointments_of(identity):
            found.append(identity)
    return found


async def by_phone(
    models: ReadModels, identities: IdentityMap, secret: bytes, raw: str
) -> list[str]:
    """The patients a phone number names (PhoneInvalid for anything else)."""
    keys = [chats.chat_key(secret, WAHA_SESSION, chat_id) for chat_id in chat_ids_of(raw)]
    return await known(models, identities, keys)


async def by_name(
    models: ReadModels, identities: IdentityMap, secret: bytes, raw: str
) -> list[str]:
    """The patients whose registered name has every word of ``raw`` (particles and
    accents aside), through the blind index: at most ``MAX_FOUND``."""
    if not tokens_of(raw):
        raise NameInvalid("informe ao menos uma palavra do nome")
    chats = await chats_named(models.redis, models.keyspace, index_key(secret), raw)
    return (await known(models, identities, chats))[:MAX_FOUND]


async def patient(models: ReadModels, identities: IdentityMap, chat: str) -> Patient:
    """What the desk sees of the patient ``chat`` names, from every chat key of theirs."""
    every = await identities.chats_of(chat)
    view = await models.session(chat)
    consent = await models.consent_history(chat)
    held = await asyncio.gather(*(models.appointments_of(c) for c in every))
    appointments = sorted((a for views in held for a in views), key=lambda a: a.start)
    conversation = view.conversation if view else None
    return Patient(
        chat=chat,
        name=conversation.name if conversation else None,
        consent=consent_words([record.kind for record in consent]),
        appointments=tuple(appointments),
        dialogue=conversation.dialogue if conversation else (),
    )
