"""A webhook's event, keyed by the identity of the person it names: what the webhook
reveals of them (a second id, ``services.waha.alternate_ids``) is folded into the identity
map (``services.domain.identities``) and recorded in the log before the event itself."""

from __future__ import annotations

import dataclasses

import msgspec

from events import Envelope
from events.batching import AppendBatcher
from events.redis_client import RedisClient
from services.domain.chats import is_session_key
from services.domain.identities import IdentityMap
from services.ingest.settings import IngestSettings
from services.ingest.translate import Translated
from services.runtime.tracing import current_traceparent
from services.waha import alternate_ids
from services.waha.payloads import WahaWebhook


def identity_map(redis: RedisClient, settings: IngestSettings) -> IdentityMap:
    """The gateway's view of the identity map."""
    return IdentityMap(redis, settings.store.keyspace, settings.chat_key_secret)


async def keyed_by_identity(
    identities: IdentityMap, appender: AppendBatcher, webhook: WahaWebhook, outcome: Translated
) -> Translated:
    """``outcome`` with its event under its person's identity; a fold the webhook reveals
    is appended first, in this request's trace. A session's own events stay as they are."""
    envelope = outcome.envelope
    if is_session_key(envelope.chat):
        return outcome
    traceparent = current_traceparent()

    async def append(linked: Envelope, idempotency_key: str) -> object:
        linked = msgspec.structs.replace(linked, traceparent=traceparent)
        return await appender.append(linked, idempotency_key)

    sightings = alternate_ids.sightings(webhook)
    identity = await identities.learn(webhook.session, envelope.chat, sightings, append)
    keyed = msgspec.structs.replace(envelope, chat=identity)
    return dataclasses.replace(outcome, envelope=keyed)
