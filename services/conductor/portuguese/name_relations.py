"""Who the patient is to the one writing, said beside the name (round 12).

Older patients' carers and relatives write for them:
- the writer's own relation, in a part of its own, is no name: "eu sou a neta", "sou
  cuidadora dele", "sou o filho dela";
- the patient's relation, then the name: "minha vó chama Zulmira Pereira e Silva",
  "meu pai se chama ...", "o paciente é meu pai Geraldo Magela Costa".
"""

from __future__ import annotations

import re

from services.conductor.portuguese.text import fold

RELATIONS = (
    r"(?:neta|neto|bisneta|bisneto|filha|filho|enteada|enteado|nora|genro|sobrinha|sobrinho"
    r"|irma|irmao|mae|pai|vo|avo|vovo|tia|tio|prima|primo|esposa|esposo|marido|mulher"
    r"|sogra|sogro|madrinha|padrinho|afilhada|afilhado|vizinha|vizinho|amiga|amigo"
    r"|cuidadora|cuidador|acompanhante|responsavel|patroa|patrao"
    # The Northeast's mother and father ("é mainha de Davi", round 15).
    r"|mainha|painho|voinha|voinho|mamae|papai)"
)
"""The words of kinship and care, folded, as a regular expression."""

PATIENTS_RELATION = (
    rf"(?:a |o )?(?:minha|meu) {RELATIONS} (?:se )?chama "
    rf"|(?:(?:ela|ele) (?:se )?chama )"
    rf"|(?:o |a )?paciente (?:eh|e) (?:o |a )?(?:minha|meu) {RELATIONS},? "
    # Whose the booking is, then the name (round 17: "eu sou a neta, mas a consulta é da
    # minha vó Helena Costa Nunes", "o exame é do meu pai, Jorge Lima").
    rf"|(?:mas )?(?:a |o )?(?:consulta|marcacao|agendamento|exame|sessao|vaga|horario) "
    rf"(?:eh|e) (?:da|do) (?:minha|meu) {RELATIONS},? "
)
"""The patient's relation to the writer said before the patient's name."""

# What one works as, said of oneself beside one's name ("..., sou vigilante la do
# shopping", round 15).
_WORK = (
    r"(?:vigilante|porteir[oa]|enfermeir[oa]|tecnic[oa] de enfermagem|professor[a]?|motorista"
    r"|cobrador[a]?|diarista|domestica|costureira|cozinheir[oa]|faxineir[oa]|pedreiro"
    r"|aposentad[oa]|agricultor[a]?|lavrador[a]?|servidor[a]?|funcionari[oa]|estudante"
    r"|vendedor[a]?|feirante|comerciante|frentista|garcom|garconete|atendente|caixa)"
)
_WRITERS_RELATION = re.compile(
    rf"^(?:(?:e )?(?:eu )?(?:sou|to|estou)|e|eh) (?:a |o )?(?:{RELATIONS}|quem cuida)"
    r"(?: d(?:ela|ele|[ao] \w+|e \w+))?$"
)
# The work alone after the name is the writer's too ("Gabriel Pires Moura, estudante",
# "Thiago Henrique Martins, servidor do TJGO", round 16).
_WRITERS_WORK = re.compile(rf"^(?:(?:e )?(?:eu )?(?:sou|trabalho de) )?(?:a |o )?{_WORK}\b")


def writers_relation(part: str) -> bool:
    """Whether a part of a message only says who the writer is to the patient."""
    return _WRITERS_RELATION.match(fold(part)) is not None


def writers_work(part: str) -> bool:
    """Whether a part of a message says what the writer works as ("sou vigilante")."""
    return _WRITERS_WORK.match(fold(part)) is not None
