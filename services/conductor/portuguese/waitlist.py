"""Asking for an earlier time than one's appointment, in the words patients use: "tem algo
antes?", "me avisa se abrir vaga", "quero entrar na lista de espera"."""

from __future__ import annotations

from services.conductor.portuguese.text import fold, has_any

_EARLIER = (
    "tem algo antes", "tem alguma coisa antes", "tem horario antes", "tem vaga antes",
    "algo antes da minha", "lista de espera", "fila de espera", "me avisa se abrir",
    "me avise se abrir", "avisa se abrir", "avise se abrir", "se abrir vaga",
    "se abrir um horario", "se vagar", "se surgir vaga", "se surgir um horario",
    "se aparecer vaga", "se alguem desmarcar", "se alguem cancelar",
)  # fmt: skip


def asks_for_earlier(text: str) -> bool:
    """Whether the message asks to be told of a time earlier than their appointment."""
    return has_any(fold(text), _EARLIER)
