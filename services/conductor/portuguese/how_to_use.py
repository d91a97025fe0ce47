"""How the service is used, asked beside whether it is a machine (round 8).

"oxe, isso aqui é robô? como que usa?": the patient wonders what answers and asks how to
use it or what it can do ("uai, e robo? o que da pra fazer aqui?", round 11), which is
help; asking whether it is a robot alone ("isso é robô?"), or with a person wanted ("vc é
robô? quero falar com gente"), stays a request for a person.
"""

from __future__ import annotations

import re

_MACHINE = re.compile(r"\b(?:robo|robozinho|bot|maquina)\b")
_HOW_TO_USE = re.compile(
    r"\bcomo (?:que )?(?:eu )?(?:usa|uso|usar|funciona|faz|faco)\b"
    # What it can do ("uai, e robo? o que da pra fazer aqui?", round 11).
    r"|\bo que (?:(?:da|dar|eu pos?so|pos?so|pode|voce faz|se pode) (?:para )?)?fazer\b"
    # What it does ("o que esse bot faz?", round 13; "vc é robo? faz o que?", round 16).
    r"|\bo que (?:(?:es+e|este|o|voce) )?(?:bot|robo|robozinho|maquina) faz\b"
    r"|\b(?:voce |ele )?faz o que\b"
)
# How to book by this channel, asked to be explained ("me explica como que marca pelo zap
# que eu nao sei", round 16): the use of the service, not a booking; whether one can book
# here ("da pra marcar pelo zap?") stays a booking.
BOOKING_BY_CHANNEL = re.compile(
    r"\b(?:explica|explicar|ensina|ensinar)\b.*\b(?:marc|agend)\w*"
    r"(?= (?:pelo|pela|por|no|aqui no|aqui pelo) (?:zap|zapzap|whatsapp|wpp|app|aplicativo"
    r"|site|celular|chat|aqui)\b|.*\bnao sei\b)"
)
_PERSON_WANTED = re.compile(
    r"\b(?:pessoa|humano|humana|gente|alguem|atendente|recepcionista|falar|conversar)\b"
)


# What the assistant can do, asked of it ("vc consegue fazer o que? marcar, desmarcar?", "o
# que vc sabe fazer?", round 15): help, with or without a machine named.
_ABLE_TO_DO = re.compile(
    r"\b(?:voce|voces) (?:sabe|sabem|consegue|conseguem|pode|podem) fazer o que\b"
    r"|\bo que (?:voce|voces) (?:sabe|sabem|consegue|conseguem) fazer\b(?! (?:para|pra|por) )"
)


def can_do_asked(words: tuple[str, ...], folded: str) -> bool:
    """Whether the folded message asks what the assistant can do, no person wanted."""
    del words
    return _ABLE_TO_DO.search(folded) is not None and not _PERSON_WANTED.search(folded)


def how_to_use_asked(words: tuple[str, ...], folded: str) -> bool:
    """Whether the folded message asks how to use the service, a machine named and no
    person wanted (``words`` kept for the rules' signature)."""
    del words
    machine = _MACHINE.search(folded) is not None
    return machine and _HOW_TO_USE.search(folded) is not None and not _PERSON_WANTED.search(folded)
