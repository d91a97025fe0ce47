"""The hour of another appointment, not the time wanted (round 18).

"sexta eu tenho outra consulta as 10", "quinta de manha tenho exame as 9, pode ser
quinta?", "queria marcar quinta, o exame de sangue é as 8": the hour is the other
appointment's, named to say when the patient is busy, and proposing it would book the
one hour the patient cannot come. Said as the only hour, it is set aside, so the hour
wanted is asked. One's
booking at this clinic ("tenho consulta sexta as 10?", "minha sessao é as 10 msm?") is
no other appointment: its hour stays, the one asked about.

Already folded text, number words as digits, weekdays written out.
"""

from __future__ import annotations

import re

_OTHER = (
    r"(?:outra consulta|outro exame|outro compromisso|outro medico|exame(?: de \w+)?|dentista"
    r"|fisio|fisioterapia|reuniao|prova|audiencia|cirurgia|plantao|compromisso|entrevista"
    r"|ultrassom|ultrassonografia|raio x|tomografia|ressonancia|hemodialise|quimio"
    # Another's timetable: "o almoço é as 12", "o horario de visita é as 10".
    r"|almoco|janta|jantar|horario de visita|visita|missa|culto|jogo|aula|expediente|turno)"
)
_HOUR = (
    r"(?:as|a) \d{1,2}(?::\d\d|h\d{0,2}| ?horas?)?(?: e meia)?"
    r"(?: (?:da|de) (?:manha|tarde|noite))?"
)
# "tenho exame as 8, depois disso posso": the hour then begins the span wanted (round 6).
_NOT_AFTER = r"(?!,? (?:e |mas |ai )?depois\b)"
_HAS_OTHER = re.compile(
    rf"\b(?:tenho|tem|temos|marcaram|marquei) (?:um |uma |o |a )?{_OTHER}"
    # Within its clause: "quinta eu tenho prova, faz sexta as 10" asks for Friday at 10.
    r"(?: (?!e\b|mas\b|entao\b|pode\b|faz\b|marca\b|coloca\b|bota\b|ai\b|da\b|quero\b"
    rf"|queria\b)\w+){{0,3}}? ({_HOUR})\b{_NOT_AFTER}"
    rf"|\b(?:o|a|meu|minha) {_OTHER} (?:e|eh|sera|vai ser|fica) ({_HOUR})\b{_NOT_AFTER}"
)


# Another hour named outside them: "sexta as 16 que eu tenho reuniao as 10" names two
# hours and the time is asked, as round 11 reads it; the rule is for the hour said alone.
_HOUR_LEFT = re.compile(
    r"\b\d{1,2}(?::\d\d|h\d{0,2})(?!\w)|\b(?:as|a|pras?|umas|pelas) \d{1,2}\b(?!/)|\bmeio dia\b"
)


def other_appointments_set_aside(folded: str) -> str:
    """``folded`` without the hours of another appointment, when no other hour is named."""
    spans = {m.span(m.lastindex or 1) for m in _HAS_OTHER.finditer(folded)}
    without = folded
    for start, end in sorted(spans, reverse=True):  # the last first, the others' places kept
        without = without[:start] + " " + without[end:]
    return folded if _HOUR_LEFT.search(without) else without
