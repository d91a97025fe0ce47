"""The permission verb as an answer to the consent question (round 9).

Asked "Você autoriza…? Responda SIM ou NÃO", a patient who answers "pode" ("pode ser",
"tá, pode", "ok pode") grants what was asked in the question's own terms: the LGPD asks
for a free, informed and unambiguous act, and leave given to the question put is one.
An acknowledgement alone ("ok", "tá bom", "certo", "👍") grants nothing and stays
unread; "pode" beside a question or a condition stays unread as every yes does there.
"""

from __future__ import annotations

# "pode" said alone or with "ser" (the question's verb left unsaid), singular or plural.
PERMISSION = ("pode", "podem", "pode ser", "podem ser")
