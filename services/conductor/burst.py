"""Bursts: messages of one chat written within seconds of each other, answered as one turn.

People write "oi" / "quero marcar" / "amanhã às 15h" as three messages. Each message but
the last of a burst defers to the next one; the last takes the turn with the texts joined
in order. The rule is pure: the handler gives it the messages the log holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import msgspec

from events.schema import MessageReceived
from services.conductor.portuguese.consent import consent_answer

DEFAULT_WINDOW_S = 3
MAX_WINDOW_S = 30  # a longer window would hold every answer back that long


def can_fold(message: MessageReceived) -> bool:
    """Whether ``message`` may be part of a burst: written text only. A voice note or a
    picture keeps its own turn (its transcript or caption is answered on its own)."""
    return not message.is_group and message.media is None and bool(message.text.strip())


def defers_to(message: MessageReceived, follower: MessageReceived, window: timedelta) -> bool:
    """Whether ``message`` is folded into ``follower``, the next message of its chat in
    the log: both text, written within ``window`` of each other by their own times."""
    if window <= timedelta(0) or not (can_fold(message) and can_fold(follower)):
        return False
    # By the phone's times, not the log's: a queue or a restart must not split or join them.
    return abs(follower.sent_at - message.sent_at) <= window


def joined(burst: Sequence[MessageReceived]) -> MessageReceived:
    """The burst as the one message its last one answers: the texts in order, one a line,
    with the last one's id, time and quote (the reply goes under it)."""
    last = burst[-1]
    text = "\n".join(m.text.strip() for m in burst if m.text.strip())
    return msgspec.structs.replace(last, text=text)


def left_to_wait(message: MessageReceived, window: timedelta, now: datetime) -> float:
    """Seconds still to wait for a follower of ``message``: until its window has passed,
    never more than the window (a phone whose clock runs ahead must not hold it longer)."""
    left = (message.sent_at + window - now).total_seconds()
    return max(0.0, min(left, window.total_seconds()))


def before_consent(burst: Sequence[MessageReceived]) -> MessageReceived:
    """The burst as the consent step reads it, before consent: one answer, and consent
    only from one exact message (its evidence).

    The burst as a whole answers: a yes and a no together ("não" / "sim") are no answer,
    and the question is asked again. A clear answer is taken as the last message that
    alone gives it, so the evidence is that very message; when none alone does, the last
    message alone is read (no message said it, so it is asked again)."""
    whole = joined(burst)
    answer = consent_answer(whole.text)
    if answer is None or len(burst) == 1:
        return whole
    alone = [m for m in burst if consent_answer(m.text) is answer]
    return alone[-1] if alone else burst[-1]
