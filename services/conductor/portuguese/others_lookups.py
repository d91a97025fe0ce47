"""A relative's booking, or one in one's name, looked up (round 12): "queria saber o dia
e a hora da consulta da minha mãe", "meu pai tem consulta com o cardiologista, com qual
médico ficou e que horas?", "poderiam me informar se há alguma consulta agendada em meu
nome?".

A booking someone has (the consulta of a relative, a relative who "tem consulta", one
"agendada em meu nome") with a question about it (what day, what time, which doctor,
whether there is one); a verb of booking, moving or cancelling asks something else and
is left to the other rules ("queria saber se dá pra remarcar a consulta da minha mãe").
"""

from __future__ import annotations

import re

_HELD = re.compile(
    r"\bconsulta d[ao] (?:minha|meu) \w+"
    r"|\b(?:minha|meu) \w+ tem (?:uma )?consulta\b"
    r"|\bconsulta (?:agendada|marcada) (?:em|no) (?:meu )?nome\b"
)
_ASKED = re.compile(
    r"\b(?:que horas|que hora|qual (?:medico|medica|dia|horario|doutor|doutora)|que dia"
    r"|saber (?:o dia|a hora|o horario|quando|que dia)|informar se|se (?:ha|tem) alguma"
    r"|com quem ficou"
    # Asked to be checked ("vcs podem ver se minha mae tem consulta agendada?", round 14).
    r"|(?:ver|olhar|checar|conferir|verificar) se"
    # The name given for the look-up ("minha mae tem consulta essa semana? o nome dela é
    # Aparecida", round 16).
    r"|o nome d(?:ela|ele) (?:e|eh))\b"
)
_OTHER_REQUEST = re.compile(
    r"\b(?:marcar|marca|agendar|agenda|remarcar|reagendar|desmarcar|cancelar|mudar|trocar"
    r"|pasar|adiantar|encaixar|vaga)\b"
)


def others_booking_asked(words: tuple[str, ...], folded: str) -> bool:
    """Whether ``folded`` asks about a relative's booking or one in the writer's name."""
    del words
    return (
        _HELD.search(folded) is not None
        and _ASKED.search(folded) is not None
        and _OTHER_REQUEST.search(folded) is None
    )
