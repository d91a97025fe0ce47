"""Whether a message answers "Posso confirmar?" with a yes or a no.

The sibling of the consent answer, read the same way (``consent``): from the shape of the
whole message, not from a word found in it. A booking or a cancellation is carried out
only on a message that is nothing but a yes ("sim, pode confirmar", "pode", "isso",
"confirmo"); a question ("e depois de amanhã às 10 e meia?"), a correction ("não, às
16h") or a condition is no yes, and the proposal is changed or asked again instead.
"""

from __future__ import annotations

from services.conductor.portuguese.consent import (
    _CONDITIONS,
    _NEGATIONS,
    _NEUTRAL,
    _YES,
    _asks,
    _parse,
    _phrases,
    _words,
)

_CONFIRM = _YES | _phrases(
    "pode", "pode sim", "pode confirmar", "pode marcar", "pode agendar", "pode cancelar",
    "pode ser", "isso", "isso mesmo", "isso ai", "exato", "exatamente", "confirmo",
    "confirmar", "confirma", "confirmado", "confirmada", "eu confirmo", "confirmo sim",
    "fechado", "combinado", "perfeito", "otimo", "ok", "okay", "ta bom", "ta bem", "beleza",
    "blz", "certo", "quero", "quero sim", "por favor", "pode ser sim", "s", "ss", "fechou",
    "bora", "show", "maravilha", "otima", "pode sim", "pode ser entao",
)  # fmt: skip
_DECLINE = _phrases(
    "nao", "nao quero", "nao pode", "nao confirmo", "melhor nao", "prefiro nao", "deixa",
    "deixa pra la", "esquece", "negativo", "nao obrigado", "nao obrigada", "agora nao",
    "n", "nope", "no", "deixa quieto", "nao precisa", "dispenso", "nao quero mais",
    "deixa para depois", "fica para depois", "outra hora", "prefiro outro dia",
    "prefiro outro horario", "outro dia", "outro horario", "agora nao da", "nao da",
    "nao vai dar",
)  # fmt: skip
_SAID = _NEUTRAL - _CONFIRM - _DECLINE


def confirmation_answer(text: str) -> bool | None:
    """True for a plain yes to a proposal, False for a plain no, None for anything else
    (a question, a correction, a condition, an unrelated message)."""
    if _asks(text):
        return None
    words = _words(text)
    if not words or _CONDITIONS.intersection(words):
        return None
    kinds = _parse(words, {"no": _DECLINE, "yes": _CONFIRM}, _SAID)
    if kinds is None:
        return None
    if "yes" in kinds and "no" not in kinds and not _NEGATIONS.intersection(words):
        return True
    if "no" in kinds and "yes" not in kinds:
        return False
    return None
