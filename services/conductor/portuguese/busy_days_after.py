"""A day told busy by what one has on it, the day said after the activity (round 17).

"sou atleta, tenho jogo sabado, preciso de uma sessão de liberação amanha cedo": Saturday
is named for the game that fills it, not as the day wanted (``busy_times`` reads the day
said first: "que sábado tenho jogo"). "ela tem prova na sexta, pode ser quinta?", "tenho
viagem segunda, queria amanhã". Set aside only when another day is named outside it; told
alone ("tenho viagem segunda") it is read as before. The clinic's own bookings (consulta,
exame, sessão, dentista, fisio) are no such activity: "tenho consulta sexta" names the
booking.

Already folded text, weekdays written out.
"""

from __future__ import annotations

import re

_ACTIVITY = (
    r"(?:jogo|partida|campeonato|prova|provas|viagem|voo|casamento|formatura|festa"
    r"|aniversario|aula|aulas|reuniao|compromisso|treino|plantao|trabalho|audiencia"
    r"|entrevista|culto|missa|show|evento|concurso|vestibular|enem)"
)
_DAY = r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo|amanha|hoje)"
_BUSY = re.compile(
    r"\b(?:eu |ele |ela |a gente |nos )?(?:tenho|tem|temos|vou ter|vai ter)"
    rf" (?:uma |um |o |a )?{_ACTIVITY} (?:no |na |nesse |nessa |neste |nesta )?"
    rf"({_DAY})(?: feira)?\b(?! (?:de |a |pela )?(?:manha|tarde|noite)\b)"
)
# Round 18: the day one's ride leaves or comes ("o barco só sai de lá quarta. tem dia
# 4?"): why another day is asked, not the day wanted.
_RIDE_DAY = re.compile(
    r"\b(?:o |a )?(?:barco|onibus|busao|balsa|lancha|voadeira|van|trem|aviao|voo|carona"
    r"|caminhao)(?: (?:da|do|de) \w+)? (?:so |somente |apenas )?(?:sai|chega|passa|parte|vem"
    r"|volta|desce|sobe)(?: (?:de la|daqui|de ca|pra ca|pra la|aqui|la|pra cidade))?"
    rf" (?:na |no |toda |todo )?({_DAY})(?: feira)?\b"
)
_DAY_NAMED = re.compile(rf"\b{_DAY}\b|\bdia \d|\d/\d|\bsemana que vem\b")


def busy_days_after_set_aside(folded: str) -> str:
    """``folded`` without a day told busy by the activity said before it, or the day
    one's ride leaves, when another day is named outside it."""
    told = [*_BUSY.finditer(folded), *_RIDE_DAY.finditer(folded)]
    for found in sorted(told, key=lambda found: found.start(), reverse=True):
        without = folded[: found.start(1)] + folded[found.end(1) :]
        if _DAY_NAMED.search(without):
            folded = without
    return folded
