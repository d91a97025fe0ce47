"""Plain English answers from expatriate patients (round 16).

Patients who do not write Portuguese answer the consent question and the proposal in
English: "yes, I authorize. sorry my portuguese is bad", "yes sure, go ahead", "that
works, thanks!", "no, I don't agree". Such a message is read only when every one of its
clauses is an English phrase listed here, so no Portuguese word is ever read as English
("no" is Portuguese's "in the": "no sábado" is no refusal, and it never reaches a yes or
a no here unless the whole clause is the English one). Anything else, an English
condition or question included ("yes if it's only for today", "is it for free?"), is
left to the Portuguese grammar, which leaves it unread.

A yes beside a time named in English ("yes, thursday at 3pm") is no yes to the proposal:
the Portuguese time grammar cannot tell it from the one proposed, so it is left unread.

Consent asks for an explicit yes: an agreement to the proposal ("that works", "sounds
good") is no consent, as "ok" is none in Portuguese.
"""

from __future__ import annotations

import re

# What says yes to both questions ("yes", "sure, go ahead", "I authorize").
_YES = (
    r"yes|yeah|yep|yup|sure|of course|certainly|absolutely|go ahead|please go ahead"
    r"|yes please|yes sure|sure thing|ok go ahead|okay go ahead"
    r"|(?:yes\s+)?i (?:authorize|authorise|agree|accept|consent)(?: to)?"
    r"(?: (?:it|that|this|the terms|the use of my (?:personal )?data|the processing of my"
    r" (?:personal )?data))?"
    r"|(?:yes\s+)?you (?:can|may) (?:use|keep|store) my (?:personal )?data"
)
# What agrees to a proposal only ("that works", "sounds good", "please confirm").
_AGREED = (
    r"(?:that|it|this) works(?: for me)?|works for me|sounds good|sounds great|perfect"
    r"|great|fine|that(?:'| i)?s fine|ok|okay|(?:please )?confirm(?: it)?(?: please)?"
    r"|i(?:'| a)?ll be there|see you (?:then|there)|book it(?: please)?|no problem|no worries"
    r"|all good|alright|all right|good|cool|(?:that'?s |it'?s )?fine by me"
)
# What says no to both ("no", "no thanks", "I don't agree").
_NO = (
    r"no|nope|no thanks|no thank you|i (?:don'?t|do not) (?:agree|authorize|authorise|accept"
    r"|consent)"
)
# What declines a proposal only ("I can't make it", "that doesn't work for me").
_DECLINED = (
    r"i (?:can'?t|cannot)(?: make it| go| come)?|(?:that|it) doesn'?t work(?: for me)?"
    r"|i'?m not available|not available|i won'?t be able to(?: make it| come| go)?"
)
# Courtesies and apologies for the language, beside the answer.
_COURTESY = (
    r"thanks|thank you|thanks a lot|many thanks|cheers|hi|hello|good morning"
    r"|good afternoon|sorry|sorry my portuguese is (?:bad|not good|poor)"
    r"|sorry(?: for| about)? my (?:bad )?portuguese|i don'?t speak portuguese"
    r"|my portuguese is (?:bad|not good|poor)|i don'?t speak (?:much |good )?portuguese"
)
_CLAUSE = re.compile(r"[,.;!]+|\s+-\s+")


def _whole(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{pattern})$")


_YES_CLAUSE = _whole(_YES)
_AGREED_CLAUSE = _whole(_AGREED)
_NO_CLAUSE = _whole(_NO)
_DECLINED_CLAUSE = _whole(_DECLINED)
_COURTESY_CLAUSE = _whole(_COURTESY)


# A time named in English ("yes, thursday at 3pm", "ok, friday please"): the Portuguese
# time grammar does not read it, so a yes beside it may be a new time asked; unread.
_ENGLISH_TIME = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri"
    r"|sat|sun|today|tonight|tomorrow|morning|afternoon|evening|noon|midday|next\s+week"
    r"|january|february|march|april|june|july|august|september|october|november|december"
    r"|o'?clock)\b|\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)"
)


def english_time_named(text: str) -> bool:
    """Whether ``text`` names a time in English words."""
    return _ENGLISH_TIME.search(text.casefold().replace("\u2019", "'")) is not None


def all_english(text: str) -> bool:
    """Whether every clause of ``text`` is one of the English phrases listed here: then it
    is read here alone ("no problem" is no Portuguese "no")."""
    if "?" in text:
        return False
    clauses = [" ".join(c.split()) for c in _CLAUSE.split(text.casefold().replace("\u2019", "'"))]
    listed = (_COURTESY_CLAUSE, _YES_CLAUSE, _AGREED_CLAUSE, _NO_CLAUSE, _DECLINED_CLAUSE)
    said = [c for c in clauses if c]
    return bool(said) and all(any(p.match(c) for p in listed) for c in said)


def english_answer(text: str, consent: bool) -> bool | None:
    """True for a plain English yes, False for a plain English no, None for anything
    else. For ``consent`` an agreement to a proposal ("that works") is no yes, and
    declining it ("I can't make it") no refusal."""
    if "?" in text:
        return None
    said: set[bool] = set()
    agreed = False
    for clause in _CLAUSE.split(text.casefold().replace("\u2019", "'")):
        words = " ".join(clause.split())
        if not words or _COURTESY_CLAUSE.match(words):
            continue
        if _AGREED_CLAUSE.match(words):
            agreed = True  # a yes to a proposal; beside a yes, no more than an "ok"
        elif _YES_CLAUSE.match(words):
            said.add(True)
        elif _NO_CLAUSE.match(words) or (not consent and _DECLINED_CLAUSE.match(words)):
            said.add(False)
        else:
            return None  # a word of its own: left to the Portuguese grammar
    if agreed and not consent:
        said.add(True)
    return said.pop() if len(said) == 1 else None
