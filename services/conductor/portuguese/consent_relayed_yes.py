"""A yes relayed for someone else, said with a verb of consent in the third person
(round 18).

"mainha autoriza sim, ela tá do meu lado", "meu marido autoriza", "ela aceita": the one
answering tells what another person consents to. Consent must be the data subject's own
(round 13): a relayed yes stays unread and the person is asked again. "mainha" and
"painho" are also forms of address the answers read as nothing ("pode sim mainha"), so
the third person of the verb tells a relayed yes from one's own ("autorizo sim
mainha"). A relayed refusal stays a refusal (``consent_relayed_no``).

The third person with no one else named ("a gente autoriza", "se aceita convênio") is
left out: "a gente" is the patient too, and "se aceita" asks about something else.
"""

from __future__ import annotations

import re

from services.conductor.portuguese.text import fold

_THIRD_PERSON = re.compile(
    r"(?<!\bgente )(?<!\bse )(?<!\bvoce )(?<!\bvc )(?<!\bsenhora )(?<!\bsenhor )"
    r"\b(?:autoriza|autorizam|aceita|aceitam|concorda|concordam|consente|consentem"
    r"|permite|permitem)\b(?!\s*\?)"
)


def relayed_yes(text: str) -> bool:
    """Whether ``text`` says another person consents (a verb of consent in the third
    person, not asked)."""
    return _THIRD_PERSON.search(fold(text)) is not None
