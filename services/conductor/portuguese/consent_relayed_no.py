"""A refusal relayed for the person whose data it is (round 14).

"minha mãe não quer não, ela é desconfiada dessas coisas de internet", "meu pai não
autoriza": whoever types, the one whose data the notice asks for refuses. A refusal never
grants anything, so it is honoured as a no (no data is used; the person may still say yes
later). A yes relayed the same way ("ela disse que sim, pode usar") stays unread: consent
must be the data subject's own (round 13). After the refusal only a reason may follow;
a yes word, a contrast or a condition ("minha mãe não quer, mas eu autorizo") leaves the
message unread.
"""

from __future__ import annotations

import re
import unicodedata

_KIN = (
    r"(?:(?:a|o)\s+)?(?:minha|meu)\s+(?:mae|pai|esposa|marido|avo|vo|vovo|filha|filho|sogra"
    r"|sogro|tia|tio|irma|irmao|madrinha|padrinho)|mainha|painho|voinha|voinho|ela|ele"
)
_RELAYED = re.compile(
    r"^\s*(?:(?:oi|ola|bom dia|boa tarde|boa noite|entao|olha|moca|moco)[\s,.!]+)*"
    rf"(?:{_KIN})\s+(?:(?:disse|falou)\s+que\s+)?(?:nao|n|num)\s+"
    r"(?:quer|aceita|autoriza|concorda|deixa|permite)\b(?:\s+(?:nao|n)\b)?"
    r"(?P<rest>.*)$",
    re.DOTALL,
)
_UNDOING = re.compile(
    r"\b(?:sim|aceit\w*|autoriz\w*|concord\w*|pode|podem|mas|porem|so que|se|caso|ok)\b|\?"
)


def relayed_refusal(text: str) -> bool:
    """Whether ``text`` relays the refusal of the one whose data it is, with at most a
    reason after it."""
    found = _RELAYED.match(_plain(text))
    if found is None:
        return False
    rest = found["rest"]
    if rest.strip() and not re.match(r"\s*[,.;!\n]", rest):
        return False  # "ela não quer marcar ...": something else refused
    return _UNDOING.search(rest) is None


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
