"""The shorthand of Brazilian WhatsApp ("vc", "pq", "tb"), written out."""

from __future__ import annotations

SHORTHAND = {
    "vc": "voce", "vcs": "voces", "pq": "porque", "tb": "tambem",
    "tbm": "tambem", "q": "que", "oq": "o que", "td": "tudo", "tds": "todos", "hj": "hoje",
    "qdo": "quando", "qnd": "quando", "qndo": "quando", "qto": "quanto", "qnt": "quanto",
    "qts": "quantos", "pra": "para", "pro": "para o", "msm": "mesmo", "n": "nao",
    "obg": "obrigado", "cmg": "comigo", "aq": "aqui", "vdd": "verdade", "eh": "e",
    "end": "endereco", "tel": "telefone", "info": "informacao", "infos": "informacoes",
    "naum": "nao",
}  # fmt: skip
"""Each shorthand, folded (see ``fold``), and what it stands for."""


def written_out(folded: str) -> str:
    """Folded text with each shorthand word replaced by what it stands for."""
    return " ".join(SHORTHAND.get(word, word) for word in folded.split())
