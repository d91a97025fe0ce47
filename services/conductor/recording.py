"""How the conductor's decisions become log entries: appended in the chat of the entry
that caused them, sealed with its subject's key, in the trace of the decision."""

from __future__ import annotations

from collections.abc import Sequence

from events import Keyspace, Record, new_envelope
from events.checkpoint import Command, append_command
from events.schema import DomainEvent
from services.runtime.tracing import current_traceparent


def decision_effects(
    keyspace: Keyspace, record: Record, events: Sequence[DomainEvent]
) -> list[Command]:
    """The commands that append ``events``, caused by ``record``, to its partition."""
    envelope = record.envelope
    return [
        append_command(
            keyspace,
            new_envelope(
                event,
                chat=envelope.chat,
                session=envelope.session,
                causation=envelope,
                # The decision's own span, so what follows hangs under it in the trace.
                traceparent=current_traceparent() or envelope.traceparent,
            ),
            record.subject_key,
        )
        for event in events
    ]
