"""A booking's facts asked: its day, hour, place or doctor, how many one has, whether it
stands (round 15).

- Which day, hour or place, asked of a booking named: "qual dia é a consulta de Sophia
  mesmo?", "que horas é a consulta de quinta?", "a minha limpeza é em qual unidade?",
  "com qual médico ficou a consulta de Miguel".
- A booking said with its time and asked back: "é hj a tarde a consulta de Bia?", "a
  dermato é quinta as 16 ne?", "a da minha mae é hoje de tarde ou amanhã?", "confirma
  pra mim se minha limpeza é sexta as 14h?".
- The bookings one has: "quantas consulta eu tenho marcada?", "tem alguma coisa minha
  semana que vem?", "ta tudo certo com meu agendamento?", "marcou pediatra pra Theo, ta
  ai no sistema?".

- Round 16: the hour of one's booking asked or forgotten ("qual o horario do meu
  periodico?", "esqueci a data do morfologico"), the day of one someone made ("minha
  filha marcou uma consulta pra mim, queria saber que dia é"), whether one was made or
  holds ("saber se meu agendamento foi realizado", "informar se consta agendamento em
  meu nome"), what one has booked ("quais exames eu tenho marcado?", "tenho algo amanhã
  a tarde?"); a prenatal or a workers' booking is named as any other.

A verb of booking, moving or cancelling asks something else and is left to other rules.
Text is folded and its doubled letters written once.
"""

from __future__ import annotations

import re

_BOOKING = (
    r"(?:consultas?|retorno|exames?|limpeza|sesao|fisio|fisioterapia|terapia|dermato|cardio"
    r"|gineco|pediatra|nutri|nutricionista|psicologa|psicologo|agendamento|horario"
    r"|avaliacao|procedimento|dentista|dermatologista|cardiologista"
    # What an expectant mother or a worker has booked (round 16).
    r"|ultrasom|ultrasonografia|pre natal|prenatal|morfologico|transvaginal|periodico"
    r"|admisional|demisional|mamografia|vacina|cirurgia)"
)
_TIME_WORD = (
    r"(?:hoje|amanha|depois de amanha|segunda|terca|quarta|quinta|sexta|sabado|domingo"
    r"|dia \d|as \d|\d|de manha|a tarde|de tarde|a noite|de noite|semana)"
)
_WHOSE = r"(?:(?:a|o) )?(?:(?:minha|meu) )?"
_DAY_WORD = (
    r"(?:para|no|na|dia|de|da|a|as|\d+\w*|hoje|amanha|depois|segunda|terca|quarta|quinta"
    r"|sexta|sabado|domingo|manha|tarde|noite|semana|que|vem|esa|proxima|janeiro|dezembro)"
)
_FACTS = re.compile(
    # Which day, hour or place, asked first ("qual dia é a consulta de Sophia").
    rf"\b(?:qual dia|que dia|que horas?|qual (?:o )?horario|quando|onde|em (?:qual|que)"
    rf" (?:unidade|lugar|endereco|sala)) (?:e|eh|sera|vai ser|ficou|era) {_WHOSE}{_BOOKING}\b"
    # Asked after the booking ("a minha limpeza é em qual unidade").
    rf"|\b{_BOOKING} (?:e|eh|vai ser|ficou|sera) (?:em |n[ao] |com )?(?:qual|que|quem)\b"
    rf"|\bcom (?:qual|que|quem)(?: (?:medic[oa]|doutora?|profisional))? ficou {_WHOSE}{_BOOKING}\b"
    # The time said and asked back ("é hj a tarde a consulta de Bia").
    rf"|^(?:e|eh) {_TIME_WORD}\b.* (?:a|o) {_BOOKING} d[aeo] \w+$"
    rf"|\bse {_WHOSE}{_BOOKING}(?: d[aeo] \w+)? (?:e|eh|ficou|esta|ta|vai ser) {_TIME_WORD}\b"
    # The bookings one has.
    rf"|\bquant[ao]s? {_BOOKING} (?:eu )?(?:tenho|tem)\b"
    r"|\btem (?:alguma coisa|algo|algum horario|alguma consulta|algum agendamento)"
    r" (?:minha|meu|marcad\w*|agendad\w*|no meu nome)\b"
    rf"|\b(?:ta|esta) tudo (?:certo|ok|confirmado|em ordem) com {_WHOSE}{_BOOKING}\b"
    r"|\b(?:marcou|marquei|agendou|agendei|marcaram|agendaram)\b.*"
    r"\b(?:ta|esta|consta|aparece) (?:ai |la )?no sistema\b"
    # Round 16. The hour or day of one's booking ("qual o horario do meu periodico?"), or
    # forgotten ("esqueci a data do morfologico kkkk").
    rf"|\b(?:qual|que) (?:e )?(?:o |a )?(?:horario|hora|dia|data) d[oa] (?:meu|minha) {_BOOKING}\b"
    r"|\b(?:esqueci|nao (?:me )?lembro)(?: de)? (?:o |a )?(?:horario|hora|dia|data) d[oa]"
    rf" (?:meu |minha )?{_BOOKING}\b"
    # A booking someone made, its day asked ("minha filha marcou uma consulta pra mim e eu
    # queria saber que dia é").
    rf"|\b(?:marcou|marcaram|agendou|agendaram|marquei|agendei) (?:uma |um |a |o )?{_BOOKING}\b"
    r".*\b(?:que dia|qual dia|que horas?|qual (?:o )?horario|quando)(?: que)? (?:e|era|ficou|sera"
    r"|vai ser)\b"
    # Whether a booking was made or holds ("saber se meu agendamento foi realizado", "ver
    # se tem consulta agendada pra Maria", "informar se consta agendamento em meu nome").
    rf"|\bse {_WHOSE}{_BOOKING}(?: d[aeo] \w+)? (?:foi|esta|ta|ficou) (?:realizad|feit|efetuad"
    r"|confirmad|marcad|agendad|certo)\w*"
    rf"|\bse (?:tem|ha|existe) (?:algum |alguma |um |uma )?{_BOOKING} (?:agendad|marcad)\w*"
    rf"|\bse (?:consta|conta) (?:algum |alguma |um |uma )?{_BOOKING}\b"
    # What one has booked, or who is ("quais exames eu tenho marcado?", "quais
    # funcionarios estao agendados pro dia 03/12?", "tem consulta minha hoje a tarde?").
    r"|\bquais? \w+ (?:eu )?(?:tenho|estao|ficaram|foram) (?:marcad|agendad)\w*"
    rf"|\btem (?:alguma |algum |uma |um )?{_BOOKING} (?:minha|meu)\b"
    # Whether one has something on a day ("tenho algo amanha a tarde?", "confirma pra mim
    # se tenho algo dia 3 de dezembro"): nothing but the day after it, or asked with "se".
    r"|\bse (?:eu )?tenho (?:algo|alguma coisa|algum horario|alguma consulta)\b"
    rf"|^tenho (?:algo|alguma coisa)(?: marcad\w*| agendad\w*)?(?: {_DAY_WORD})+$"
)
# The noun left out or named by its specialty, the time said, a tag or a doubt closing it
# ("a dermato é quinta as 16 ne", "a da minha mae é hoje de tarde ou amanhã").
_TOLD_THEN_ASKED = re.compile(
    rf"^(?:(?:a|o) )?(?:minha |meu )?(?:{_BOOKING}|d[ao] (?:minha|meu) \w+)"
    # Whose or which it is ("a consulta da minha mae é", "o pre natal de dia 2 é", round 16).
    rf"(?: d[ao] (?:minha |meu )?\w+| de (?:dia )?{_TIME_WORD}\w*)? (?:e|eh|ficou|vai ser)"
    rf" (?:(?:na|no|dia|pra|para) )?{_TIME_WORD}\b"
)
_TAG_OR_DOUBT = re.compile(r"\b(?:ne|mesmo|certo|confere)$|\b(?:ou|esqueci|na duvida)\b")
_OTHER_REQUEST = re.compile(
    r"\b(?:marcar|marca|agendar|agenda|remarc\w*|reagend\w*|desmarc\w*|cancel\w*|mudar|muda"
    r"|trocar|troca|pasar|pasa|adiantar|antecipar|encaixar|vaga)\b"
)


def booking_facts_asked(words: tuple[str, ...], folded: str) -> bool:
    """Whether ``folded`` asks the facts of a booking one has, or which ones one has."""
    del words
    if _OTHER_REQUEST.search(folded):
        return False
    if _FACTS.search(folded):
        return True
    return _TOLD_THEN_ASKED.search(folded) is not None and _TAG_OR_DOUBT.search(folded) is not None
