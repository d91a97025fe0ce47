"""A greeting meant for a group, sent to the clinic by mistake (round 9).

"Bom dia grupo da família 🌻": the morning greeting of a family's group chat asks the
clinic for nothing, and is no request for help; it is read as no request at all.
"""

from __future__ import annotations

import re

_TO_A_GROUP = re.compile(r"\b(?:grupo|grupinho)\b|\bfamilia(?: amada| querida)?\s*[!.]*$")


def greets_a_group(folded: str) -> bool:
    """Whether a folded greeting is addressed to a group chat."""
    return _TO_A_GROUP.search(folded) is not None
