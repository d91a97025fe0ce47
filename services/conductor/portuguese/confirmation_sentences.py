"""A confirmation said apart from a question about something else (round 9).

"Sim. Preciso levar algum exame?", "pode confirmar sim, tem estacionamento aí?": the yes
is said whole before the question, and the question asks about going to the visit (what
to bring, where to park, the price), nothing that changes the proposal. The yes is read
and the proposal carried out; the question is another matter, which the patient may ask
again. A question that names a time or a day, a condition, a doubt, a negation or another
booking leaves the yes unread, as every yes beside a question was before.

"Não. Pode ser de tarde?": a no said in a sentence of its own beside a question is a no,
as for consent (``answer_sentences``), unless the question names an hour, which proposes
anew ("não, às 16h" is read as that time).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from services.conductor.portuguese.answer_parts import answer_words, asks
from services.conductor.portuguese.answer_sentences import no_beside_question
from services.conductor.portuguese.when import parse_when

# Any day serves to tell whether a question names a time.
_ANY_DAY = date(2026, 1, 5)
# The answer, then its last clause asking: "Sim. Preciso levar...?", "sim, tem ...?".
_ANSWER_THEN_QUESTION = re.compile(
    r"^(?P<said>.*?[^\s.,;!?])[\s]*[.,;!\n]+\s*(?P<asked>[^.,;!?\n]+[?\uff1f]+)\s*$"
)
# A bare yes run into the question with no mark between ("sim quanto é a consulta?",
# round 11).
_BARE_YES_THEN_QUESTION = re.compile(
    r"^(?P<said>sim|isso|ok|confirmo|confirmado|pode confirmar)\s+"
    r"(?P<asked>[^.,;!?\n]+[?\uff1f]+)\s*$",
    re.IGNORECASE,
)
# The yes in the first clause, then a question of several clauses ("sim, vou levar minha
# mãe junto, pode?", round 11).
_FIRST_THEN_QUESTION = re.compile(
    r"^(?P<said>[^.,;!?\n]+)[.,;!\n]+\s*(?P<asked>[^?\uff1f]+[?\uff1f]+)\s*$"
)
_SPLITS = (_ANSWER_THEN_QUESTION, _FIRST_THEN_QUESTION, _BARE_YES_THEN_QUESTION)
# Words of going to the visit: what to bring, where, how to get in, what it costs.
_PRACTICAL = frozenset(
    {"levar", "trazer", "exame", "exames", "documento", "documentos", "carteirinha", "rg",
     "jejum", "estacionamento", "estacionar", "endereco", "onde", "fica", "chegar",
     "antecedencia", "valor", "quanto", "custa", "preco", "pagamento", "pix", "cartao",
     "convenio", "acompanhante", "receita", "pedido", "guia", "andar", "sala", "elevador"}
)  # fmt: skip
# Words that change the proposal or doubt it: the question is then about the yes itself.
_CHANGING = frozenset(
    {"se", "mas", "caso", "outro", "outra", "outros", "outras", "talvez", "ou", "nao", "n",
     "nem", "remarcar", "desmarcar", "cancelar", "mudar", "trocar", "adiar", "antes",
     "depois", "cedo", "tarde", "manha", "noite", "hora", "horario", "dia", "data"}
)  # fmt: skip


def yes_beside_practical_question(text: str, read: Callable[[str], bool | None]) -> bool:
    """Whether ``text`` is a yes (as ``read`` reads it) followed by a question about going
    to the visit only."""
    splits = (split.match(text.strip()) for split in _SPLITS)
    return any(_practical_after_yes(found, read) for found in splits if found is not None)


def _practical_after_yes(found: re.Match[str], read: Callable[[str], bool | None]) -> bool:
    if asks(found["said"]) or read(found["said"]) is not True:
        return False
    asked = answer_words(found["asked"])
    if not _PRACTICAL.intersection(asked) or _CHANGING.intersection(asked):
        return False
    return parse_when(found["asked"], _ANY_DAY) is None


def no_beside_question_without_hour(text: str, read: Callable[[str], bool | None]) -> bool:
    """Whether ``text`` says a no in a sentence of its own beside a question that names no
    hour ("Não. Pode ser de tarde?")."""
    if not no_beside_question(text, read):
        return False
    when = parse_when(text, _ANY_DAY)
    return when is None or when.at is None
