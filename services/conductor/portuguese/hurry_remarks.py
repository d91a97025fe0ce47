"""The patient's hurry, remarked beside an answer (round 16).

"sim sim, to com pressa kkkk", "claro q sim, to saindo do plantao agora entao respondo
rapido kkk", "sim sim, to no intervalo rapido entao bora": the one answering says why the
answer is short. It neither conditions nor doubts the yes, so it is taken out before the
answer is read; what remains must still be a clear yes, and a remark with a negation, a
condition or a question in it ("to com pressa, se for rapido sim") is not matched and
the message stays as unread as before.
"""

from __future__ import annotations

import re

from services.conductor.portuguese.text import fold

_BEING = r"(?:(?:eu\s+)?(?:to|tou|estou|ta|t)\s+)"
_HURRY = re.compile(
    # "to com pressa", "to meio corrido", "to no intervalo", "to saindo do plantao agora".
    # Where one is at, or leaving, only as said now: "terça to no trabalho" or "10h to
    # saindo do plantão" is a reason to refuse the proposal, and stays.
    rf"\b{_BEING}(?:com\s+(?:muita\s+|mt\s+|uma\s+)?pressa|(?:meio\s+|bem\s+)?corrid[oa]"
    r"|correndo|dirigindo|no\s+intervalo(?:\s+agora)?"
    # Blind sets 32 and 36: on the bus, driving the truck ("to no caminhao agora"); chat
    # writes "agora" as "agr" ("to no metro agr").
    r"|(?:no\s+(?:onibus|busao|caminhao|carro|uber|transito|metro|trabalho|servico|plantao"
    r"|trampo)"
    r"|saindo\s+d[oa]\s+(?:plantao|trabalho|servico|aula|escola|reuniao|academia))\s+(?:agora|agr))"
    r"(?:\s+(?:agora|agr|rapido|rapidinho))*"
    # Blind set 32: the place given as the reason, with "que" ("bora agendar logo q to no
    # busao"), needs no "agora": said as why one hurries, it is now.
    rf"|\b(?:q|que|pq|porque)\s+{_BEING}no\s+(?:onibus|busao|caminhao|metro|transito|uber)\b"
    # Round 18: on the move, said as a clause of its own ("claro q sim, to no transito,
    # vai la"): only now, with no time of its own ("terça to no onibus" has one).
    rf"|(?:^|(?<=[,.;!]\s)){_BEING}no\s+(?:onibus|busao|caminhao|metro|transito|uber)"
    r"(?=\s*(?:[,.;!]|$))"
    # Round 18: the need to book soon, given as the reason ("que eu preciso marcar logo").
    r"|\b(?:q|que|pq|porque)\s+(?:eu\s+)?(?:preciso|quero|tenho\s+que|to\s+precisando)\s+"
    r"(?:marcar|agendar|consultar|ser\s+atendid[oa])\s+(?:logo|rapido|urgente|com\s+urgencia)\b"
    # Blind set 33: pain, why one hurries ("sim, to com dor, pode seguir logo").
    rf"|\b{_BEING}com\s+(?:muita\s+|mt\s+|bastante\s+)?dor\b(?=\s*,?\s*(?:pode|bora|entao|agiliza|vamos)\b)"
    # Blind set 36: the rest of the notice left to read later ("dps vejo o resto").
    r"|\b(?:dps|depois)\s+(?:eu\s+)?(?:vejo|leio|olho)\s+o\s+resto\b"
    # "respondo rapido", "entao respondo rapidinho".
    r"|\b(?:entao\s+|por\s+isso\s+)?(?:respondo|respondendo|vou\s+responder)\s+"
    r"(?:rapido|rapidinho|correndo|curto)\b"
)


def without_hurry(text: str) -> str:
    """``text`` (folded, its clauses kept apart) without the patient's hurry remarked;
    ``text`` as it is when it has none."""
    plain = _plain(text)
    kept = _HURRY.sub(" ", plain)
    return text if kept == plain else kept


_PUNCT = re.compile(r"\s*([,.;!?])\s*")


def _plain(text: str) -> str:
    """Folded, with the marks that part clauses (and ask) kept."""
    marked = _PUNCT.sub(r" \1 ", text)
    return " ".join(
        fold(piece) if piece not in ",.;!?" else piece for piece in marked.split() if piece
    )
