"""Rules tried first, before ``intent_rules``; the first that holds wins.

1. Bookings already made, asked about by a company ("poderiam informar as datas
   agendadas para os exames dos nossos colaboradores?") or recalled ("perdi o papel com
   o horario, qual era mesmo?"): a look-up, though "informar" or a time is said.
2. Whether a minor needs a guardian ("precisa de responsavel?"): a question about the
   clinic's rules, not a person wanted.
3. Whether someone at the clinic speaks a language ("tem medico que fala espanhol?"):
   a question about the clinic.
4. Wanting to be seen by someone ("queria passar com alguem"): a booking, no person
   wanted to talk to.
5. How something that is not the clinic is, asked ("a praia ta boa hoje?", "o transito
   ta ruim?"): a day named there books nothing; the clinic, its staff and its agenda
   asked about stay with the other rules ("a clinica ta aberta hoje?").
6. Something of the writer's own home asked ("qual a senha do wifi da minha casa
   mesmo"): no question for the clinic, whatever its words.
7. When a booking is, asked as forgotten ("a consulta do meu filho e sexta de manha ou
   de tarde? esqueci"): the booking named as the subject, a day after it and the
   forgetting said, with no verb moving or cancelling it, is looked up.
8. Which part of a booked day, or what hour, asked of a booking named by its day ("a
   consulta de sexta e de manha ou de tarde?", round 14): a look-up, not a time wanted.
9. The use of one's data asked to stop ("para de usar meus dados, mudei de ideia", round
   15): consent taken back, no record put right; erasing them is the data rights'.
10. How to book, asked ("quero fazer, como marco?", round 15): a booking, no help with
   the service.
11. Being seen by a doctor, wanted or needed ("queria ver o medico pro meu pé", "preciso
   de um dentista, quebrei um dente", round 15): a booking.
12. Whether the clinic has a doctor, asked and nothing else ("tem dentista?", round 15):
   a question about the clinic.
13. Round 16, tried first: one's name refused ("nao vou falar meu nome aqui nao"):
   nothing asked; a service no longer needed: its booking cancelled; a confirmation
   with "sim" ("minha avó confirma sim"); how to book by this channel: help.
14. Round 18, checked after round 17's: a held booking asked by its place, its doctor or
   whether it still holds (``booking_still_held``); what the clinic does or has
   (``clinic_offers``); one's own therapist asked for (``own_professional``); a booking
   asked outright beside a day of one's own or no reply (``booking_wish_plain``); coming
   by to fetch or leave something (``coming_by``); the day, hour, place or doctor of a
   booking one holds checked (``booking_detail_asked``).
Already folded, corrected text, a letter written twice counted once ("pasar").
"""

from __future__ import annotations

import re

from services.conductor.portuguese.attending_promised import attending_promised
from services.conductor.portuguese.booking_care_wanted import care_wanted
from services.conductor.portuguese.booking_detail_asked import booking_detail_asked
from services.conductor.portuguese.booking_looked_up import booking_looked_up
from services.conductor.portuguese.booking_still_held import booking_still_asked
from services.conductor.portuguese.booking_wish_plain import booking_asked_outright
from services.conductor.portuguese.clinic_offers import clinic_offer_asked
from services.conductor.portuguese.coming_by import coming_by
from services.conductor.portuguese.exam_preparation import preparation_asked
from services.conductor.portuguese.how_to_use import BOOKING_BY_CHANNEL
from services.conductor.portuguese.intent import Intent
from services.conductor.portuguese.own_professional import own_professional_wanted
from services.conductor.portuguese.stray_sent import sent_by_mistake

_BOOKED_ASKED = re.compile(
    r"\b(?:informar|qual|quais|saber|pas+ar|enviar|mandar|confirmar)\b.*"
    r"\b(?:datas?|dias?|horarios?|horas) (?:ja )?(?:agendad|marcad)\w*"
    r"|\b(?:qual|que horas|que dia|quando) (?:e que )?era\b(?= mesmo\b| o horario\b| a consulta\b)"
)
_GUARDIAN = re.compile(
    r"\b(?:precisa|precisam|tem que|deve|pode ir) (?:ir |vir |estar )?"
    r"(?:com |de |do |acompanhad[oa] (?:de|do|por|pelo) )?(?:um |uma |o |a )?responsavel\b"
)
_LANGUAGE = re.compile(
    r"\b(?:fala|falam|que fala|atende|atendem) (?:em )?"
    r"(?:espanhol|castelhano|ingles|frances|italiano|alemao|libras|japones)\b"
)
_SEEN_BY_SOMEONE = re.compile(
    r"\b(?:quero|queria|gostaria de|preciso|precisava|tem como) (?:eu )?pas+ar com alguem\b"
)
# What is the clinic's, or a time: asked how it is, it stays with the other rules.
_CLINICS = (
    r"(?:clinica|consultorio|agenda|recepcao|medica|medico|doutora|doutor|dra|dr|laboratorio"
    r"|exame|consulta|horario|dia|tarde|manha|noite|semana|data|hora|vaga|atendimento"
    r"|estacionamento|pediatra|dentista|unidade|sistema|site|aplicativo|app|resultado"
    r"|sala|espera|fila|ar|elevador)"
)
_STATE_ASKED = re.compile(
    # A day between, and the sea's or the weather's state (round 18: "a maré hj ta alta ai?").
    rf"^(?:e )?(?:a|o) (?!{_CLINICS}\b)[^\W\d_]+ (?:(?:hoje|agora) )?(?:ta|esta) "
    r"(?:alta|baixa|forte|fraca|boa|bom|ruim|cheia|cheio|calma|calmo|lotada|lotado|quente"
    r"|fria|frio|limpa|limpo"
    r"|aberta|aberto|fechada|fechado|agitada|agitado|tranquila|tranquilo)\b"
)
_OWN_HOME = re.compile(r"\bqual (?:e )?(?:a |o )?[^\W\d_]+(?: d[oa] [^\W\d_]+)? da minha casa\b")
# The care named by its kind, and whose or which it is, too (round 17: "a mamografia de
# mainha é segunda de manha ne? esqueci a hora", "a manutenção do aparelho do Lucas é
# segunda de tarde né?", "a sessão de hoje é as 15h msm?").
_BOOKING_IS_WHEN = re.compile(
    r"^(?:e )?(?:a |o |minha |meu )?(?:consulta|exame|retorno|horario|agendamento|sesao"
    r"|mamografia|manutencao|avaliacao|limpeza|ultrasom|eco|holter|eletro|fisio|hidro)"
    r"(?: d[oae] (?:meu |minha )?[^\W\d_]+){0,2} (?:e|era|ficou|ta|esta) (?:(?:na|no|para|dia) )?"
    r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo|hoje|amanha|dia|as|\d)"
)
# Asked as a tag ("... de tarde né?") is asked to be told again.
_FORGOTTEN = re.compile(r"\b(?:esqueci|nao (?:me )?lembro|mesmo|msm)\b|\bne$")
_MOVED = re.compile(r"\b(?:remarc|reagend|desmarc|cancel|mud|pasa|adia|troc)\w*")


def _forgotten_booking(folded: str) -> bool:
    return (
        _BOOKING_IS_WHEN.search(folded) is not None
        and _FORGOTTEN.search(folded) is not None
        and _MOVED.search(folded) is None
    )


_DAY_NAMED = (
    r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo|hoje|amanha|depois de amanha"
    r"|dia \d+|\d+)"
)
_PART_OF_BOOKED_DAY = re.compile(
    r"^(?:e )?(?:a |o |minha |meu )?(?:consulta|exame|retorno|horario|agendamento)"
    rf"(?: d[oa] (?:meu |minha )?[^\W\d_]+)? d(?:e|o|a|o dia) {_DAY_NAMED}"
    r" (?:e|era|fica|ficou|sera|vai ser) (?:de manha|pela manha|a tarde|de tarde|a noite"
    r"|de noite|que horas|a que horas|qual horario|em que horario|com quem)\b"
)


def _part_of_booked_day(folded: str) -> bool:
    return _PART_OF_BOOKED_DAY.search(folded) is not None and _MOVED.search(folded) is None


_USE_STOPPED = re.compile(
    r"\b(?:para|pare|parem|parar|paras+em) de usar (?:os |o |as )?(?:(?:meus|minhas|meu|minha)"
    r" (?:dados|dado|informacoes|cadastro)|(?:dados|informacoes|cadastro) d(?:ela|ele|[ao]"
    # Another's, the writer's relative (round 17: "pode parar de usar os dados da minha vó").
    r" (?:minha|meu) \w+))\b(?!.*\b(?:apag|exclu|delet|remov))"
)
_HOW_TO_BOOK = re.compile(
    r"\bcomo (?:que )?(?:eu )?(?:(?:faco|faz) (?:para|pra) )?(?:marco|agendo|marcar|agendar)\b"
)
_DOCTORS = (
    r"(?:medico|medica|doutor|doutora|dentista|pediatra|dermatologista|dermato|cardiologista"
    r"|ginecologista|gineco|ortopedista|oftalmologista|oculista|clinico geral|clinico"
    r"|nutricionista|psicologo|psicologa|fisioterapeuta|otorrino|urologista|neurologista)"
)
_SEEN = re.compile(
    r"\b(?:quero|queria|gostaria de|preciso|precisava|to precisando|estou precisando)"
    rf" (?:de )?(?:ver|consultar|pasar n?[oa]|ir n?[oa]|ir ao)? ?(?:um |uma |o |a )?{_DOCTORS}\b"
    r"(?! (?:atende|atendem|trabalha|fala)\b)"
)
_HAS_DOCTOR = re.compile(
    r"^(?:oi |ola )?(?:voces |a clinica )?(?:tem|atende|atendem|possui|possuem)"
    rf" (?:um |uma |o |a )?{_DOCTORS}"
    # What the doctor is of ("tem medico do trabalho ai?", round 16).
    r"(?: d[oa] (?:trabalho|familia|esporte|sono|dor))?(?: (?:ai|aqui|na clinica|ai na clinica))?$"
)
# Round 16: one's name refused ("nao vou falar meu nome aqui nao"): nothing asked, no
# booking cancelled, though "não vou" is said.
_NAME_REFUSED = re.compile(
    r"\bnao (?:vou|quero|irei) (?:te |lhe )?(?:falar|dar|dizer|informar|pasar|mandar)"
    r" (?:o |meu |o meu )?nome\b"
)
# A service no longer needed ("nao preciso mais do ultrassom de amanha, ja ganhei
# neném", round 16): its booking cancelled, no service wanted.
_SERVICE_NOT_NEEDED = re.compile(
    r"\bnao (?:\w+ )?precis\w* mais d[oa]s? (?:minha |meu )?(?:ultrasom|exames?|pre natal"
    r"|fisio\w*|vacina|cirurgia|transvaginal|morfologico|retorno|periodico|avaliacao|pediatra"
    r"|dermato|cardio|gineco|nutri|\w+ista)\b"
)
# A booking confirmed for another, or a confirmation said with "sim" ("minha avó confirma
# sim, eu levo ela", round 16); not a question of whether one has one ("confirma sim se").
_CONFIRMED_SIM = re.compile(r"^(?:\w+ ){0,3}confirm[ao] sim\b(?! se\b)")
_RULES = (
    (Intent.UNKNOWN, _NAME_REFUSED),
    (Intent.CANCEL, _SERVICE_NOT_NEEDED),
    (Intent.CONFIRM, _CONFIRMED_SIM),
    (Intent.HELP, BOOKING_BY_CHANNEL),
    (Intent.CONSULT, _BOOKED_ASKED),
    (Intent.INFO, _GUARDIAN),
    (Intent.INFO, _LANGUAGE),
    (Intent.SCHEDULE, _SEEN_BY_SOMEONE),
    (Intent.UNKNOWN, _STATE_ASKED),
    (Intent.UNKNOWN, _OWN_HOME),
    (Intent.REVOKE, _USE_STOPPED),
    (Intent.SCHEDULE, _HOW_TO_BOOK),
    (Intent.SCHEDULE, _SEEN),
    (Intent.INFO, _HAS_DOCTOR),
)
_CHECKS = (
    (Intent.CONSULT, _forgotten_booking),
    (Intent.CONSULT, _part_of_booked_day),
    (Intent.CONSULT, booking_looked_up),  # "ve se minha mae tem consulta agendada" (round 17)
    (Intent.CONSULT, booking_still_asked),  # "ainda tenho sessão essa semana?" (round 18)
    (Intent.CONSULT, booking_detail_asked),  # "a vacina dele é dia 3 mesmo?"
    (Intent.SCHEDULE, care_wanted),  # "quero começar a fisio" (round 17)
    (Intent.CONFIRM, attending_promised),  # "recebi o lembrete, tamo la" (round 17)
    (Intent.UNKNOWN, sent_by_mistake),  # "opa foi sem querer" (round 17)
    (Intent.INFO, preparation_asked),  # "pode usar desodorante no dia da mamografia?"
    (Intent.INFO, clinic_offer_asked),  # "fazem microagulhamento?" (round 18)
    (Intent.HUMAN, own_professional_wanted),  # "falar diretamente com a minha psicóloga"
    (Intent.SCHEDULE, booking_asked_outright),  # "quero marcar ... no dia da minha folga"
    (Intent.INFO, coming_by),  # "vou passar para pegar o resultado amanhã"
)


def intent_by_first_rules(folded: str) -> Intent | None:
    """The intent of the first round-13 rule that holds; None when none does."""
    found = next((intent for intent, rule in _RULES if rule.search(folded)), None)
    return found or next((intent for intent, holds in _CHECKS if holds(folded)), None)
