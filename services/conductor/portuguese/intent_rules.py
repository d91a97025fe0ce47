"""What a message asks for, read from small lexicons of content words rather than whole
phrases: a noun of what is asked about and a verb or mark of what is asked ("apaguem" +
"cadastro" is a data-rights request, however the sentence runs). Tried, in this order,
before the phrases of ``phrases``; the first rule that holds wins:

1. **revocation**: a noun of consent (permissão, autorização, consentimento) with a
   taking back ("retiro", "revogação", "não" and "mais": "não dou mais"), or a verb of
   withdrawing it ("desautorizo");
2. **data rights**: a noun of one's data (dados, cadastro, cpf, "registrado") with a verb
   of erasing, sending, passing on or using it — unless the data are a booking's ("os
   dados da minha consulta": a look-up) or the patient gives them ("vou passar meu cpf");
3. **moving**: a verb of pushing a booking in time or handing it over (empurrar,
   transferir, jogar) with a booking named; one's booking "pra frente"; one's booking
   that "não vai dar", or "não vou poder" (a booking one has), with another or "depois"
   asked for;
4. **look-up**: a mark of a booking already made ("ficou pra", "deu certo", "que horas
   mesmo") with a booking or a day named; one's own asked in the first person ("tenho
   horário amanhã?");
5. **saying one will come**: "eu vou", "to ai", "to indo" with an assurance ("pode
   deixar", "no horário", "certinho", "sim");
6. **a person**: a person named (pessoa, atendente, humano) with being passed to them;
7. **the clinic**: the car with where or leaving it, or going by it; where a place
   "fica"; a number to call;
8. **being seen**: "me atender", "me encaixar" with "tem como", "pode", "consegue" (and
   no person named, who would be asked to answer).

Words are compared folded, shorthand written out and slips put right (see ``intents``);
an entry ending in "*" is a stem, any word beginning so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from services.conductor.portuguese.checking import checks_own_booking
from services.conductor.portuguese.how_to_use import how_to_use_asked
from services.conductor.portuguese.intent import Intent

# Letters written long count once, in the message and the lexicons alike ("pessoa" is
# compared as "pesoa"), as ``intents`` reads them.
_ELONGATED = re.compile(r"([^\W\d_])\1+")


def _collapsed(text: str) -> str:
    return _ELONGATED.sub(r"\1", text)


def _lexicon(*entries: str) -> tuple[frozenset[str], tuple[str, ...]]:
    said = [_collapsed(e) for e in entries]
    return (
        frozenset(e for e in said if not e.endswith("*")),
        tuple(e[:-1] for e in said if e.endswith("*")),
    )


Lexicon = tuple[frozenset[str], tuple[str, ...]]


def _any(words: Iterable[str], lexicon: Lexicon) -> bool:
    whole, stems = lexicon
    return any(w in whole or w.startswith(stems) for w in words)


def _said(folded: str, *marks: str) -> bool:
    padded = f" {folded} "
    return any(f" {_collapsed(mark)} " in padded for mark in marks)


_CONSENT_NOUNS = _lexicon("permissao", "permisao", "autorizacao", "consentimento")
_TAKING_BACK = _lexicon("retiro", "retirar", "revog*", "tiro", "cancelo", "suspendo")
_CANCELLING = _lexicon("cancel*")
_ACCEPTED = _lexicon("aceit*", "concordei")
_WITHDRAWING = _lexicon("desautoriz*")
_DATA = _lexicon(
    "dados", "dado", "cadastro", "cadastros", "cpf", "registrado", "registrada", "registro",
    "registros", "informacoes", "historico", "prontuario",
)  # fmt: skip
_DATA_ACTS = _lexicon(
    "apag*", "exclu*", "delet*", "remov*", "mand*", "envi*", "passam", "passa", "passar",
    "repass*", "compartilh*", "vend*", "usam", "usa", "usar", "usem", "usando", "guard*",
    "trat*", "fazem",
)  # fmt: skip
_BOOKINGS = _lexicon(
    "consulta", "consultas", "agendamento", "horario", "exame", "retorno", "atendimento",
)  # fmt: skip
_PUSHING = _lexicon(
    "empurr*", "transfer*", "posterg*", "adiant*", "jogar", "joga", "atrasar", "atrasa", "atrase"
)
_LOOKUP_MARKS = (
    "ficou para", "ficou pro", "deu certo", "que horas mesmo", "que dia mesmo",
    "que horas e mesmo", "ta marcado", "ta marcada", "ta certo", "ficou combinado",
)  # fmt: skip
_DAYS = _lexicon("dia", "hoje", "amanha", "segunda", "terca", "quarta", "quinta", "sexta",
                 "sabado", "domingo", "semana")  # fmt: skip
# One's own booking asked about in the first person ("tenho horario amanha?").
_OWN_ASKED = ("tenho horario", "tenho hora marcada", "tenho algo marcado")
_ATTENDING = (  # the patient's or, in a relative's words, "ela vai ta la" (round 10)
    "eu vou", "to ai", "estou ai", "estarei ai", "vou estar ai", "to la", "to indo", "vai sim",
    "vai ta la", "vai estar la", "vai ta ai", "vai estar ai", "estara la", "estara ai",
)  # fmt: skip
_ASSURED = ("pode deixar", "no horario", "certinho", "sem falta", "com certeza", "sim")
_PERSONS = _lexicon("pessoa", "atendente", "humano", "humana", "recepcionista")
_SPEAKING = _lexicon("falar", "conversar")
# Someone asked for as present ("tem gente aí pra falar comigo?", "tem alguém pra me atender?").
_SOMEONE_THERE = ("tem gente", "tem alguem", "tem uma pessoa", "tem algum atendente")
_ANSWERING = _lexicon("falar", "conversar", "atender", "responder")
# Someone of the clinic's staff one asks to speak with ("posso falar com a enfermeira?").
_STAFF = _lexicon(
    "enfermeir*", "medico", "medica", "doutor", "doutora", "dr", "dra", "secretaria",
    "gerente", "responsavel",
)  # fmt: skip
_PASSING = _lexicon("passa", "passar", "transfere", "transferir", "chama", "chamar")
_CAR = _lexicon("carro", "moto")
_WHERE = _lexicon("onde", "deixo", "deixar", "paro", "parar")
_NUMBER = _lexicon("numero", "telefone", "contato", "fixo")
_CALLING = _lexicon("ligar", "ligo", "ligacao")


def _revocation(words: tuple[str, ...], folded: str) -> bool:
    if _any(words, _WITHDRAWING):
        return True
    no_more = "nao" in words and "mais" in words  # "nao quero mais dar permissao"
    changed_mind = _said(folded, "mudei de ideia")  # "mudei de ideia sobre o consentimento"
    # Any form of cancelling, when no booking is named ("..., cancela ele").
    changed_mind = changed_mind or (_any(words, _CANCELLING) and not _any(words, _BOOKINGS))
    taken_back = _any(words, _TAKING_BACK) or no_more or changed_mind or _said(folded, "revogacao")
    taken_back = taken_back or _said(folded, "voltar atras", "volto atras")
    # The terms one accepted are consent given ("tinha aceitado os termos, quero voltar atrás").
    accepted_terms = "termos" in words and _any(words, _ACCEPTED)
    return (_any(words, _CONSENT_NOUNS) or accepted_terms) and taken_back


_ERASING = _lexicon("apag*", "exclu*", "delet*", "remov*")


def erasure_asked(folded: str) -> bool:
    """One's data or number asked to be erased ("apaga meu número", "quero meus dados
    excluídos"): data rights, even beside a revocation ("não quero mais receber
    mensagem"), since erasure ends the consent too."""
    words = tuple(folded.split())
    data = _any(words, _DATA) or _said(folded, *_OWN_DATA)
    return data and _any(words, _ERASING)


# A booking's details are asked of the booking, not of one's data.
_BOOKING_DATA = ("dados da minha consulta", "dados do meu agendamento", "dados da consulta")
_OWN_DATA = ("meu numero", "meu telefone", "meu email", "meu endereco")


# The patient giving data ("vou passar meu cpf na recepcao") asks nothing of them.
_GIVING = ("vou passar", "vou mandar", "vou enviar", "ja passei", "ja mandei", "ja enviei")


# One's record put right: a datum of one's own, or the record, with a word of its being
# wrong or changed ("meu endereço tá errado no cadastro", "meu telefone mudou").
_CHANGING = _lexicon("mud*", "troc*", "alter*")
_CORRECTING = _lexicon("errad*", "corrig*", "atualiz*", "incorret*", "alter*", "mudou", "mudei")
_OWN_DATUM = _lexicon("sobrenome", "endereco", "telefone", "email", "nascimento", "cpf", "rg")


def _data_rights(words: tuple[str, ...], folded: str) -> bool:
    if _said(folded, *_BOOKING_DATA, *_GIVING):
        return False
    data = _any(words, _DATA) or _said(folded, *_OWN_DATA)
    own = _any(words, _OWN_DATUM) or _said(folded, "meu nome")
    if _any(words, _ERASING) and _any(words, _OWN_DATUM) and not _any(words, _BOOKINGS):
        return True  # "apaguem tudo que tem meu aqui, nome telefone tudo"
    changed = _any(words, _CORRECTING) or (own and _any(words, _CHANGING))
    if (data or own or "sistema" in words) and changed:
        return not _any(words, _BOOKINGS)  # "o horário da consulta tá errado" is the booking's
    return data and _any(words, _DATA_ACTS)


# Changing a booking's date: a verb of changing with the date and the booking named
# ("mudar data da consulta", "trocar o dia do meu exame").
_WHEN_NOUNS = _lexicon("data", "dia")


_OWN_BOOKING = ("meu horario", "minha consulta", "meu agendamento", "meu exame", "meu retorno")
# One's booking handed over to a day: a verb of passing or changing, then "para" a day.
_HANDED_TO_DAY = re.compile(
    r"\b(?:pas+a|mud|troc)\w* .*\bpara (?:a |o )?(?:segunda|terca|quarta|quinta|sexta|sabado"
    r"|domingo|amanha|dia|semana|outr[oa])\b"
)


# A verb of changing right before what is changed ("trocar horario", "mudar a data").
_CHANGED_OUTRIGHT = re.compile(
    r"\b(?:mud|troc|alter)\w* (?:(?:o|a|de|meu|minha|do|da) )?(?:horario|data|dia|consulta"
    r"|agendamento|hora)\b"
)
_CHANGE_VERBS = _lexicon("mudar", "muda", "mude", "trocar", "troca", "troque", "alterar", "altera")


# A booking cancelled and another made ("cancelar a de amanhã mas marcar outra pra semana
# que vem"), or a booking that must be at another time ("precisa ser em outro horário").
_ANOTHER_BOOKED = re.compile(r"\bcancel\w*\b.*\b(?:marc|agend)\w* (?:um |uma )?(?:outr|nov)[oa]\b")
_MUST_BE_OTHER = re.compile(r"\b(?:precisa|precisaria|tem que|teria que) ser (?:em |n)?outr[oa]\b")


def _moving(words: tuple[str, ...], folded: str) -> bool:
    if _any(words, _PUSHING) and (_any(words, _BOOKINGS) or _any(words, _SERVICES)):
        return True
    if _CHANGED_OUTRIGHT.search(folded):
        return True  # "trocar horario", "mudar a data"
    if _said(folded, "marquei", "agendei") and _any(words, _CHANGE_VERBS):
        return True  # "marquei pra quinta mas confundi o dia ... da pra mudar?"
    if _ANOTHER_BOOKED.search(folded):
        return True
    if _MUST_BE_OTHER.search(folded) and _any(words, _BOOKINGS):
        return True
    if _any(words, _CHANGING) and _any(words, _WHEN_NOUNS) and _any(words, _BOOKINGS):
        return True
    if _said(folded, *_OWN_BOOKING) and _HANDED_TO_DAY.search(folded):
        return True  # "dá pra passar meu horário de amanhã pra segunda?"
    mine = bool({"minha", "meu"}.intersection(words))
    if _said(folded, "para frente", "para tras") and _any(words, _BOOKINGS) and mine:
        return True  # "jogar minha consulta pra frente"; "marcar mais pra frente" books
    if _EXISTING.search(folded) and _said(folded, "mais cedo", "mais tarde"):
        return True  # "tem como ser mais cedo a consulta de amanhã?"
    if _INSTEAD.search(folded) and ("ir" in words or _EXISTING.search(folded)):
        return True  # "posso ir na sexta em vez de quinta?"
    own = _said(folded, "meu horario", "minha consulta", "meu agendamento")
    will_miss = _said(folded, "nao vou poder", "nao vou conseguir")  # a booking one has
    cannot = own and _said(folded, "nao vai dar", "nao da", "nao posso")
    # What no longer suits is a booking one has ("aquele horário não vai dar mais").
    cannot = cannot or _said(folded, "nao vai dar mais", "nao da mais", "nao posso mais")
    return (will_miss or cannot) and bool({"outro", "outra", "depois"}.intersection(words))


# A booking one has, referred to ("a consulta de amanhã", "o horário que marquei"), or
# one's not making it in time ("não vou chegar a tempo"), wanted earlier or later.
_EXISTING = re.compile(
    r"\b(?:minha consulta|meu horario|meu agendamento|marquei|agendei|nao vou chegar"
    r"|nao vou conseguir chegar|nao chego|(?:a consulta|o horario) d[eao] (?:amanha|hoje"
    r"|segunda|terca|quarta|quinta|sexta|sabado|domingo|dia))\b"
)
# A day or a booking named as the one replaced ("em vez de quinta", "no lugar da consulta").
_INSTEAD = re.compile(
    r"\b(?:em vez|ao inves|no lugar) d[eao]s? (?:(?:minha|meu|a|o) )?(?:segunda|terca|quarta"
    r"|quinta|sexta|sabado|domingo|amanha|hoje|dia \d|consulta|horario)"
)


# A booking no longer needed ("meu filho melhorou, não precisa mais da consulta"); not
# something to do no longer needed ("não precisa mais confirmar?").
_NO_LONGER_NEEDED = re.compile(r"\bnao (?:\w+ )?precis\w* mais\b(?! \w+(?:ar|er|ir)\b)")


def _not_needed(words: tuple[str, ...], folded: str) -> bool:
    return _NO_LONGER_NEEDED.search(folded) is not None and _any(words, _BOOKINGS)


# Who will see one, or when one must be there: asked of a booking one has ("qual médico
# vai me atender?", "que horas tenho que estar aí?").
_ASKING = ("qual", "quem", "que horas", "que hora")
_OF_ONES_BOOKING = (
    "vai me atender", "vai atender", "me atende", "tenho que chegar", "tenho que estar",
    "preciso chegar", "devo chegar", "tenho que ir",
)  # fmt: skip


# Oneself said to be booked: "to agendado", "estou marcada", "fui agendado".
_BOOKED_SELF = re.compile(r"\b(?:eu )?(?:to|estou|fiquei|fui)\s+(?:agendad|marcad)[oa]s?\b")
_DESCRIBED = re.compile(r"\bque (?:ta|esta|ficou|foi) (?:marcad|agendad)[oa]s?\b")


def _lookup(words: tuple[str, ...], folded: str) -> bool:
    if _said(folded, *_BOOKING_DATA) or _said(folded, *_OWN_ASKED):
        return True
    if words[-1:] == ("mesmo",) and _said(folded, "que horas", "que dia", "qual dia"):
        return True  # "a que horas e amanha mesmo?": reminded of one's own
    if _BOOKED_SELF.search(folded) or checks_own_booking(folded):
        return True  # "eu to agendado pra quando?", "conferir meu agendamento"
    # A booking described ("a consulta ... que ta marcada pra segunda") is not looked up.
    folded = _DESCRIBED.sub(" ", folded)
    if _said(folded, *_ASKING) and _said(folded, *_OF_ONES_BOOKING):
        return True
    return _said(folded, *_LOOKUP_MARKS) and (_any(words, _BOOKINGS) or _any(words, _DAYS))


def _attending(words: tuple[str, ...], folded: str) -> bool:
    return _said(folded, *_ATTENDING) and _said(folded, *_ASSURED)


def _person(words: tuple[str, ...], folded: str) -> bool:
    if _any(words, _SPEAKING) and (_any(words, _PERSONS) or _any(words, _STAFF)):
        return True  # "falar com", "conversar direto com a dra Patrícia"
    if _said(folded, *_SOMEONE_THERE) and (_any(words, _ANSWERING) or "ai" in words):
        return True
    return _any(words, _PERSONS) and _any(words, _PASSING)


# What the clinic offers, asked ("vcs tem médico pra criança?", "vocês fazem exame de
# vista?"): a service or a professional after "vocês têm/fazem/atendem", with no booking
# or wish named (those book it).
_YOU_OFFER = re.compile(
    r"\b(?:voces?|a clinica|ai) (?:tem|teem|fazem|faz|atendem|atende|oferecem|trabalham com)\b"
)

_KIND_OF_CARE = re.compile(r"\bou (?:so |apenas |somente )?consultas?\b")
_TIMES_BOOKED = _lexicon("horario*", "vaga*", "agend*", "marc*", "consulta", "consultas")


def _clinic(words: tuple[str, ...], folded: str) -> bool:
    offered = _any(words, _SERVICES) or _any(words, _STAFF)
    # "vcs fazem cirurgia de catarata ou so consulta?": a kind of care, no booking (round 12).
    words = tuple(_KIND_OF_CARE.sub(" ", folded).split())
    booked = _any(words, _TIMES_BOOKED) or _any(words, _DAYS)  # "vcs tem pediatra amanhã?"
    if _YOU_OFFER.search(folded) and offered and not booked:
        return not _said(folded, *_WANTING)
    going_by_car = _said(folded, "de carro", "de moto") and not booked  # "leva ela de carro"
    if _any(words, _CAR) and (_any(words, _WHERE) or going_by_car):
        return True
    if "onde" in words and "fica" in words:
        return True
    # A call received ("recebi ligacao desse numero", round 12) asks for no number.
    asked_to_call = _said(folded, "me ligar", "me liga", "me ligue", "meu", "recebi", "ligaram")
    return _any(words, _NUMBER) and _any(words, _CALLING) and not asked_to_call


_BEING_SEEN = ("me atender", "me atenderem", "me encaixar", "me encaixarem")
_CAN_YOU = ("tem como", "pode", "podem", "consegue", "conseguem", "da para", "daria")


def _seen(words: tuple[str, ...], folded: str) -> bool:
    """Asking to be seen ("tem como me atender logo?"), not for a person to answer."""
    by_someone = "alguem" in words or _any(words, _PERSONS)
    return _said(folded, *_BEING_SEEN) and _said(folded, *_CAN_YOU) and not by_someone


# A clinic service or specialist named with a wish or an ask for it ("quero fazer um
# checkup", "tem horário pra exame de sangue?", "preciso passar com o cardio") books it;
# unless the price, the preparation or a result is what is asked.
_SERVICES = _lexicon(
    "exame", "exames", "checkup", "check", "ultrassom", "ultrasom", "eletro*", "cardio*",
    "dermato*", "nutri*", "gineco*", "pediatra", "ortoped*", "oftalm*", "psicolog*",
    "fisioterap*", "avaliacao", "raio", "mamografia", "endocrino*", "vacina", "cirurgi*",
)  # fmt: skip
_WANTING = (
    "quero", "queria", "gostaria", "preciso", "tem horario", "tem vaga", "tem como",
    "como agendo", "como marco", "passar com", "fazer um", "fazer uma", "da para fazer",
)  # fmt: skip
_ABOUT_IT = _lexicon(
    "preco", "valor", "custa", "quanto", "jejum", "preparo", "resultado*",
    # What one brings, whether an insurer is taken, what one wants to know: the clinic's.
    "levar", "pedido", "atende", "atendem", "aceita", "aceitam", "convenio", "plano", "saber",
    # A booking of the service cancelled or moved is the phrases' to read.
    "cancel*", "desmarc*", "remarc*", "reagend*", "adi*",
)  # fmt: skip


def _service_wanted(words: tuple[str, ...], folded: str) -> bool:
    wanted = _any(words, _SERVICES) and _said(folded, *_WANTING)
    return wanted and not _any(words, _ABOUT_IT)


# Matters of the world, no concern of the clinic ("vc viu o jogo ontem?", "quanto tá o
# dólar hj", "foi engano, msg pro meu irmão"): nothing asked of it, unless a word of the
# clinic is said too.
_WORLD = _lexicon(
    "jogo", "futebol", "campeonato", "dolar", "chover", "chuva", "bolao", "loteria",
    "novela", "engano", "sumida", "sumido", "rifa", "vaquinha", "bingo", "greve",
)  # fmt: skip
_CLINIC_WORDS = _lexicon(
    "marc*", "marq*", "agend*", "cancel*", "desmarc*", "remarc*", "consult*", "clinica",
    "dados",
    # Coming or not, a reason the world gives ("com essa chuva não vou conseguir ir").
    "ir", "vou", "irei", "comparec*", "falt*", "atras*", "cheg*",
)  # fmt: skip


def _elsewhere(words: tuple[str, ...], folded: str) -> bool:
    if not _any(words, _WORLD) or _any(words, _CLINIC_WORDS) or _any(words, _BOOKINGS):
        return False
    return not (_any(words, _SERVICES) or _any(words, _STAFF) or _any(words, _PERSONS))


RULES: tuple[tuple[Intent, Callable[[tuple[str, ...], str], bool]], ...] = (
    (Intent.UNKNOWN, _elsewhere),
    (Intent.REVOKE, _revocation),
    (Intent.LGPD, _data_rights),
    (Intent.RESCHEDULE, _moving),
    (Intent.CANCEL, _not_needed),
    (Intent.CONSULT, _lookup),
    (Intent.CONFIRM, _attending),
    (Intent.HELP, how_to_use_asked),  # "isso é robô? como que usa?" (round 8)
    (Intent.HUMAN, _person),
    (Intent.INFO, _clinic),
    (Intent.SCHEDULE, _seen),
    (Intent.SCHEDULE, _service_wanted),
)


def intent_by_rules(folded: str) -> Intent | None:
    """The intent of the first rule that holds for already folded, corrected text; None
    when none does (the phrases are tried then)."""
    words = tuple(folded.split())
    return next((intent for intent, holds in RULES if holds(words, folded)), None)
