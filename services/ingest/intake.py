"""The webhooks accepted at the same time, taken into the log together.

Each webhook's event is keyed by the identity of the person it names: what the webhook
reveals of them (a second id, ``services.waha.alternate_ids``) is folded into the identity
map (``services.domain.identities``) and each fold recorded in the log before the event.
For a batch of webhooks that is one script call for every fold and lookup, then one
pipelined append of every event (with a round trip before it only when a webhook revealed
a fold to record): two round trips shared by the whole batch, not two per webhook.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import msgspec

from events.appending import AppendResult, PendingAppend
from events.batching import Coalescer
from events.log import EventLog
from services.domain.chats import is_session_key
from services.domain.identities import Arrival, Folding, IdentityMap, Link
from services.waha import alternate_ids
from services.waha.messages import Translated
from services.waha.payloads import WahaWebhook


@dataclass(frozen=True, slots=True)
class Accepted:
    """A signed webhook's event, to be appended under its person's identity."""

    webhook: WahaWebhook
    outcome: Translated
    traceparent: str | None


class Intake:
    """Appends the events of accepted webhooks, batching those accepted at the same time."""

    def __init__(self, log: EventLog, identities: IdentityMap, max_batch: int = 256) -> None:
        self.log = log
        self.identities = identities
        self._batches: Coalescer[Accepted, AppendResult] = Coalescer(self._take, max_batch)

    async def append(
        self, webhook: WahaWebhook, outcome: Translated, traceparent: str | None
    ) -> AppendResult:
        """Append ``outcome``'s event once per idempotency key, in this request's trace;
        raises what the append raised (``RedisError``, ``NotReplicated``, ...)."""
        return await self._batches.submit(Accepted(webhook, outcome, traceparent))

    async def _take(self, batch: list[Accepted]) -> list[AppendResult | Exception]:
        foldings = await self._fold(batch)
        answers: list[AppendResult | Exception | None] = [None] * len(batch)
        await self._record_links(batch, foldings, answers)
        pending, positions = [], []
        for position, (item, folding) in enumerate(zip(batch, foldings, strict=True)):
            if answers[position] is not None:
                continue  # its folds are not in the log: its event waits for the retry
            envelope = item.outcome.envelope
            chat = envelope.chat if folding is None else folding.chat
            keyed = msgspec.structs.replace(envelope, chat=chat, traceparent=item.traceparent)
            pending.append(PendingAppend(keyed, item.outcome.idempotency_key))
            positions.append(position)
        if pending:
            for position, result in zip(
                positions, await self.log.append_many(pending), strict=True
            ):
                answers[position] = result
        # Every position is answered: by its folds' failure, or by its own append.
        return [answer or RuntimeError("not appended") for answer in answers]

    async def _fold(self, batch: Sequence[Accepted]) -> list[Folding | None]:
        """Each webhook's folding; None for a session's own events, which name no person."""
        arrivals = {
            position: Arrival(item.webhook.session, item.outcome.envelope.chat,
                              alternate_ids.sightings(item.webhook))
            for position, item in enumerate(batch)
            if not is_session_key(item.outcome.envelope.chat)
        }  # fmt: skip
        foldings: list[Folding | None] = [None] * len(batch)
        if arrivals:
            folded = await self.identities.fold_many(list(arrivals.values()))
            for position, folding in zip(arrivals, folded, strict=True):
                foldings[position] = folding
        return foldings

    async def _record_links(
        self,
        batch: Sequence[Accepted],
        foldings: Sequence[Folding | None],
        answers: list[AppendResult | Exception | None],
    ) -> None:
        """Append the folds the batch revealed, each before its webhook's event; a webhook
        whose folds could not be recorded gets the error as its answer."""
        links: list[tuple[int, Link]] = [
            (position, link)
            for position, folding in enumerate(foldings)
            if folding is not None
            for link in folding.links
        ]
        if not links:
            return
        pending = [
            PendingAppend(
                msgspec.structs.replace(
                    link.envelope(batch[position].webhook.session),
                    traceparent=batch[position].traceparent,
                ),
                link.idempotency_key,
            )
            for position, link in links
        ]
        results = await self.log.append_many(pending)
        for (position, _), result in zip(links, results, strict=True):
            if isinstance(result, Exception) and answers[position] is None:
                answers[position] = result
        recorded = [link for position, link in links if answers[position] is None]
        await self.identities.recorded(recorded)
