"""An answer to the clinic's own question about a time it could not take as written
("Só para eu não errar: terça, 08/12 ou terça, 15/12?").

The question was asked because the message before it could mean two things; the answer
is read with what that message left certain: "dia 15" names the day and the hour said
before goes with it, "da tarde" settles "3h da manhã ou da tarde?". A bare "sim" picks
neither option, so the question is asked again instead of the conversation starting over.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from services.conductor.brain import ChatMessage
from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.speech import DOUBT_LEAD
from services.conductor.portuguese.when import When, parse_when


@dataclass(frozen=True, slots=True)
class DoubtAsked:
    question: str
    """The doubt as asked, without its lead: "terça, 08/12 ou terça, 15/12?"."""
    about: str
    """The patient's message it asked about."""


def doubt_asked(dialogue: Sequence[tuple[str, str]]) -> DoubtAsked | None:
    """The doubt the clinic asked last, if its question is the last thing it said before
    the message being answered (the dialogue's last entry); asked about the message before
    the first time it was asked, however often a bare "sim" made it ask again."""
    found: DoubtAsked | None = None
    end = len(dialogue) - 1
    while end >= 2:
        (before, about), (asker, question) = dialogue[end - 2], dialogue[end - 1]
        if before != "user" or asker != "assistant" or DOUBT_LEAD not in question:
            break
        asked = question.split(DOUBT_LEAD, 1)[1]
        found = DoubtAsked(asked[: asked.find("?") + 1] or asked, about)
        if confirmation_answer(about) is None:  # not a bare "sim" that made it ask again
            break
        end -= 2
    return found


def time_in_answer(
    text: str, messages: Sequence[ChatMessage], today: date, now: datetime
) -> tuple[When | None, str | None]:
    """The time ``text`` means, read with the doubt the clinic asked just before it if it
    did; or, when ``text`` picks neither option of that doubt, the question again."""
    said = parse_when(text, today, now)
    asked = doubt_asked(said_before(messages))
    if asked is None:
        return said, None
    if said is None and " ou " in asked.question and confirmation_answer(text) is not None:
        # A bare yes or no picks neither option.
        return None, f"{DOUBT_LEAD}{asked.question} Responda com uma das duas opções."
    return time_answered(text, said, asked, today, now), None


def said_before(messages: Sequence[ChatMessage]) -> list[tuple[str, str]]:
    """What the patient and the clinic said, as a dialogue (tool calls left out)."""
    return [
        (m.role, m.content)
        for m in messages
        if m.role in ("user", "assistant") and m.content and not m.tool_calls
    ]


def time_answered(
    answer: str, said: When | None, asked: DoubtAsked, today: date, now: datetime
) -> When | None:
    """The time ``answer`` means (``said``: read alone), with what the message asked about
    left certain."""
    before = parse_when(asked.about, today, now)
    if before is None or before.doubt is None:
        return said
    if said is not None and said.doubt is None and said.day is not None and _no_hour(said):
        # "dia 4" answering "sexta, 27/11 ou sexta, 04/12?" about "sexta que vem às 10".
        return replace(said, at=before.at, period=before.period, between=before.between)
    # "da tarde" answering "3h da manhã ou da tarde?": read with the message asked about.
    joined = parse_when(f"{asked.about} {answer}", today, now)
    return joined if joined is not None and joined.doubt is None else said


def _no_hour(when: When) -> bool:
    return when.at is None and when.period is None and when.between is None
