"""Plain English requests, from expatriates who write to the clinic in English (round 16):
"I need to reschedule, something came up", "Can I speak to a real person?", "Please stop
using my data".

Read only when the message is plainly English: at least two words that Portuguese never
writes ("can", "my", "appointment", "please"...), so no Portuguese message is read here
("to" and "me" and "do" are Portuguese words too and do not count). The message is read
as written, folded only ("I'd" is "i d"; the Portuguese slips would turn "need" into
"ned"). Then the first request that holds wins, the stronger first: consent taken back,
data rights, a person, a booking moved, cancelled, confirmed, looked up, a question
about the clinic, a booking wanted, how the chat is used. Nothing recognised: None, and
the Portuguese rules read it.
"""

from __future__ import annotations

import re

from services.conductor.portuguese.intent import Intent
from services.conductor.portuguese.text import fold

# Words no Portuguese message writes ("a", "do", "me", "to", "no" are Portuguese too).
_ENGLISH = frozenset({
    "i", "im", "you", "your", "my", "the", "can", "could", "would",
    "please", "need", "like", "have", "is", "am", "are", "an", "with", "about", "anything",
    "appointment", "appointments", "book", "booked", "booking", "schedule", "reschedule",
    "speak", "talk", "person", "data", "stop", "move", "doctor", "doctors", "insurance",
    "accept", "copy", "hold", "confirmed", "there", "see", "get", "want", "what", "when",
    "where", "how", "does", "work", "someone", "it", "of", "on", "for", "be", "will",
    "thanks", "thank", "just", "checking", "this", "that", "cancel", "any",
    "address", "parking", "price", "cost", "open", "robot", "don", "anymore", "contact",
    "messaging", "messages",
})  # fmt: skip

# "stop using my data", "stop messaging me", "withdraw my consent", "unsubscribe".
_REVOKE = re.compile(
    r"\bstop (?:using|processing|sharing|messaging|texting|contacting|sending)\b"
    r"|\b(?:withdraw|revoke|take back)\b.*\bconsent\b|\bunsubscribe\b"
    r"|\bdon ?t (?:message|text|contact) me\b"
)
# "a copy of all personal data you hold about me", "delete my data", "erase my records".
_DATA_RIGHTS = re.compile(
    r"\b(?:copy|delete|erase|remove|access|see)\b.*\b(?:data|information|records)\b"
    r"|\bpersonal (?:data|information)\b"
)
# "speak to a real person", "talk to someone", "can I call the receptionist?".
_PERSON = re.compile(
    r"\b(?:speak|talk|chat)\b.*\b(?:person|human|someone|somebody|agent|receptionist|staff"
    r"|attendant)\b"
)
# "I need to reschedule", "move my appointment to another day", "change my booking".
_MOVE = re.compile(
    r"\breschedul\w*|\b(?:move|change|push|postpone)\b.*\b(?:appointment|booking|visit)\b"
    r"|\banother (?:day|time|date)\b"
)
_CANCEL = re.compile(r"\bcancel\w*")
# "Confirmed, I'll be there", "I will be there", "see you then".
_CONFIRM = re.compile(
    r"^(?:yes,? )?confirmed\b|\bi(?: ll| will) be there\b|\bsee you (?:then|there)\b"
)
# One's booking asked: "Do I have anything booked?", "when is my appointment?".
_LOOKUP = re.compile(
    r"\bdo i have (?:anything|an appointment|a booking|something)\b"
    r"|\b(?:when|what time|what day) is my (?:appointment|booking|visit)\b"
    r"|\bwhen my (?:appointment|booking|visit) is\b|\bis my (?:appointment|booking)\b"
)
# A question about the clinic: "Do you accept international insurance?", "do you have
# doctors who speak English?", "how much is a consultation?", "where are you?".
_CLINIC = re.compile(
    r"\bdo you (?:accept|take|have(?! (?:any )?(?:availab|slots?|openings?|time|anything))|do"
    r"|offer|work with|speak)\b|\bhow much\b|\bwhere are you\b"
    r"|\bopening hours\b|\bwhere is the (?:clinic|office)\b|\b(?:address|parking|price|cost)\b"
    r"|\bare you open\b|\bdoes (?:anyone|someone) speak\b"
)
# How the chat is used: "how does this work?", "what can you do?", "are you a bot?".
_HELP = re.compile(
    r"\bhow does (?:this|it) work\b|\bwhat can you do\b|\bare you a (?:bot|robot|machine)\b"
    r"|\bhow do i use\b"
)
# A booking wanted: "book an appointment", "can you book me in?", "see a doctor",
# "could I get an appointment", "is there anything on Monday?", "I'd like Thursday".
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today)"
_BOOK = re.compile(
    r"\b(?:book|schedule)\b|\bappointment\b|\bsee a (?:doctor|gp|specialist)\b"
    r"|\bis there anything\b|\bany (?:slots?|openings?|availability)\b|\bavailab\w*"
    rf"|\bi(?: d| would) like (?:on )?{_WEEKDAY}\b"
)
# A booking wished or asked for outright comes before a question beside it ("I want to book a
# dermatologist, do you have one?").
_BOOK_WISHED = re.compile(
    r"\b(?:want|like|need|have) to (?:book|schedule|make an appointment|see a)\b"
    r"|\bcan (?:i|you|we) (?:book|schedule)\b"
)
_READINGS = (
    (Intent.REVOKE, _REVOKE),
    (Intent.LGPD, _DATA_RIGHTS),
    (Intent.HUMAN, _PERSON),
    (Intent.RESCHEDULE, _MOVE),
    (Intent.CANCEL, _CANCEL),
    (Intent.CONFIRM, _CONFIRM),
    (Intent.CONSULT, _LOOKUP),
    (Intent.SCHEDULE, _BOOK_WISHED),
    (Intent.INFO, _CLINIC),
    (Intent.SCHEDULE, _BOOK),
    (Intent.HELP, _HELP),
)


def english_request(text: str) -> Intent | None:
    """The intent of a plainly English message; None for any other or nothing read."""
    folded = fold(text)
    if len(_ENGLISH.intersection(folded.split())) < 2:
        return None
    return next((intent for intent, rule in _READINGS if rule.search(folded)), None)
