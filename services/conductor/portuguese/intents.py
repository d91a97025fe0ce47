"""What a message asks for, in the words Brazilian patients use on WhatsApp."""

from __future__ import annotations

import re
from itertools import pairwise

from services.conductor.portuguese.addressed import without_salutation
from services.conductor.portuguese.asked_or_said import ANY_DAY, DAY_IF_FREE, asked_or_said
from services.conductor.portuguese.booking_rules import (
    booking_intent_after,
    booking_intent_before,
)
from services.conductor.portuguese.changed_mind import request_after_second_thoughts
from services.conductor.portuguese.clinic_questions import clinic_question
from services.conductor.portuguese.company_consent import company_revokes
from services.conductor.portuguese.consent import Revocation, revocation_in
from services.conductor.portuguese.english_requests import english_request
from services.conductor.portuguese.first_rules import intent_by_first_rules
from services.conductor.portuguese.further_rules import intent_by_further_rules
from services.conductor.portuguese.intent import Intent as Intent
from services.conductor.portuguese.intent_model import second_reading
from services.conductor.portuguese.intent_rules import erasure_asked, intent_by_rules
from services.conductor.portuguese.media_notes import only_media_note
from services.conductor.portuguese.name_labels import without_label
from services.conductor.portuguese.name_nicknames import nickname_only
from services.conductor.portuguese.name_relations import PATIENTS_RELATION, writers_relation
from services.conductor.portuguese.name_remarks import name_before_remark, spoken_name
from services.conductor.portuguese.name_repeats import (
    without_first_saying,
    without_short_form_after,
)
from services.conductor.portuguese.name_wraps import says_for_whom, unwrapped
from services.conductor.portuguese.names import looks_like_name, written_as_name
from services.conductor.portuguese.phrases import KNOWN_WORDS, PHRASES
from services.conductor.portuguese.refused_requests import without_refused
from services.conductor.portuguese.shorthand import written_out
from services.conductor.portuguese.slips import Slips
from services.conductor.portuguese.spanish_words import in_portuguese
from services.conductor.portuguese.text import fold, has_any
from services.conductor.portuguese.time_asked_free import time_asked_free
from services.conductor.portuguese.time_conditions import time_bounded
from services.conductor.portuguese.timed_specialty import names_a_time, without_specialty
from services.conductor.portuguese.when import parse_when
from services.conductor.portuguese.wrong_chat import greets_a_group

# A letter written long for emphasis ("Oii", "Bom diaaa", "cancelarrr") counts once, in
# the message and in the phrases alike ("pessoa" is matched as "pesoa" on both sides).
_ELONGATED = re.compile(r"([^\W\d_])\1+")


def _collapsed(folded: str) -> str:
    return _ELONGATED.sub(r"\1", folded)


_COLLAPSED = tuple(
    (intent, tuple(_collapsed(phrase) for phrase in phrases)) for intent, phrases in PHRASES
)
_SLIPS = Slips.of(
    (phrase for _, phrases in _COLLAPSED for phrase in phrases),
    (_collapsed(word) for word in KNOWN_WORDS),
)
# Asking whether a time is free, or wanting one ("Amanhã 14h tem?"): a booking asked for.
_WANTS = (
    "tem", "teria", "tinha", "pode", "pode ser", "podia ser", "poderia ser", "da para",
    "daria", "consegue", "conseguem", "rola", "livre", "quero", "queria", "gostaria",
    "prefiro", "preferia", "bota", "me bota", "coloca", "me coloca", "me poe",
    "consigo", "conseguiria", "de preferencia", "preferencia",
    "so poso", "eu poso",  # the only time one can ("so posso segunda"), a letter once (round 14)
    "alias melhor", "ou melhor", "melhor as", "seria melhor",  # a time said better (round 14)
    # A need said with the time ("to precisando pra amanha as 4", "vou querer quinta").
    "preciso", "precisando", "precisava", "vou querer",
)  # fmt: skip
# Saying, after the time, that it suits ("dia 30 de tarde pra mim ta bom", "qualquer dia
# serve pra mim", ", qual tiver", "tanto faz") or asking for it kindly ("... 8h pfvr").
# Only at the end: "ta bom, ate amanha" and "por favor me responde hoje" want no time.
_SUITS = re.compile(
    r"\b(?:ta bom|fica bom|seria bom|serve(?: para mim)?|qual tiver|o que tiver|se tiver"
    r"|tanto faz|por favor|porfavor|pfv|pfvr|pf|ta otimo|seria otimo|fica otimo|perfeito"
    # Asked kindly at the end ("sábado pela manhã se possível"; letters written long once).
    r"|da certo|se posivel|se for posivel|se der|se puder|para mim da)(?: para mim)?$"
    # Leaving the choice to the clinic, anywhere ("amanhã ou depois, tanto faz, de tarde").
    r"|\b(?:tanto faz|voces que sabem|voces decidem|como voces preferirem)\b"
    # Any day of a span named ("semana que vem qualquer dia", round 12).
    r"|\bqualquer (?:dia|horario|hora)\b"
    rf"|{DAY_IF_FREE}"
)
# "amanhã meio dia, dá?", "amanhã 9h?": whether a time works, asked — a time with a
# question mark is a booking request (look-ups name their own words and are tried first).
_ASKS_IF_IT_WORKS = re.compile(r"\?")
# Any other form of these verbs asks what the verb does ("cancelaria", "remarquem",
# "reagendasse"); their participles and past ("cancelado", "desmarquei") are known words.
_ROOTS = {
    "cancel": "cancelar",
    "desmarc": "desmarcar",
    "remarc": "remarcar",
    "reagend": "reagendar",
    "remanej": "remarcar",  # "preciso remanejar a consulta dela" (round 18)
}
_KNOWN = frozenset(_collapsed(word) for word in KNOWN_WORDS)


def _rooted(word: str) -> str:
    if word in _KNOWN:
        return word
    return next((verb for root, verb in _ROOTS.items() if word.startswith(root)), word)


# Courtesies that name a request's word without asking for it: thanks "pela ajuda", a
# reply awaited ("aguardo retorno"), the service praised ("gostei do atendimento").
_COURTESY = re.compile(
    r"\b(?:(?:pela|pelo|pelas) (?:ajuda|atendimento|atencao|informacao|informacoes|retorno)"
    r"|aguardo (?:o |seu |um )?retorno|(?:me )?(?:da|de) um retorno"
    r"|desculp\w* (?:o|pelo|a|pela) (?:horario|hora|demora)$"
    r"|(?:gostei|adorei|amei)(?: muito)? do atendimento"
    r"|(?:otimo|bom|excelente|maravilhoso|pessimo|ruim)(?: o)? atendimento"
    r"|atendimento (?:foi|e|esta|ta) (?:otimo|bom|excelente|maravilhoso|pessimo|ruim|rapido))\b"
)
# "perto das 10" is about an hour, no place near the clinic ("consigo quarta perto das 10?").
_NEAR_AN_HOUR = re.compile(r"\bperto d(?:as|e) (?=\d)")
# "que eu vou" with what one goes to do or how ("logo cedo que eu vou de jejum fazer os
# exames") gives a reason; said alone or with "sim" it says one will come (round 7).
_GOING_FOR = re.compile(r"\bque eu vou (?=de |fazer |levar |trazer |com |a pe\b|precisar )")
# Fasting said as what one will do ("pois vou de jejum fazer os exames") asks nothing
# about it; asked ("vou de jejum?", "precisa ir em jejum?") it is a question (round 7).
_FASTING_SAID = re.compile(
    r"\b(?:vou|vai|estarei|to|estou|vou estar|vou ir) (?:de|em) jejum\b(?![^?]*\?)"
)
# A booking denied ("marquei nao mas queria ir dia 23", "ainda nao agendei") is none to
# look up (round 12).
_NOT_BOOKED = re.compile(r"\b(?:(?:ainda )?nao (?:marquei|agendei)|(?:marquei|agendei) nao)\b")


_OPTION = re.compile(r"^(?:a |o )?(?:opcao |numero |n )?(\d{1,2})(?:a|o)?$")
# Greetings may come first ("oi, sou a Ana"), and whom they are for after them ("bom dia
# moça tudo bem é a Jéssica", round 10); "eh" is how many type "é".
_NAME_INTRO = re.compile(
    r"^(?:(?:oi|ola|opa|eae|bom dia|boa tarde|boa noite|tudo bem|tudo bom|beleza"
    r"|(?<= )(?:moca|moco|senhora|senhor|querida|querido|doutora|doutor|gente|pessoal)) )*"
    r"(?:(?:o )?meu nome(?: (?:completo|todo))?(?: (?:eh|e)\b)?:?|nome(?: completo)?:"
    r"|o nome (?:eh|e) |aqui fala (?:a |o )?"
    r"|me chamo|eu me chamo|sou eu (?:a |o )?|sou (?!d[aeo] )(?:a |o )?"
    r"|eu sou (?!d[aeo] )(?:a |o )?|"
    r"pode me chamar (?:so |apenas )?de|aqui (?:eh|e) (?:a |o )?|(?:eh|e) (?:a |o |(?=\w+ \w))"
    # Whose name it is ("o nome dela é", "o nome do meu filho é").
    r"|(?:o )?nome(?: completo)? d(?:ela|ele|[oa] (?:(?:meu|minha) )?\w+)(?: (?:eh|e)\b|:)"
    # The patient's relation, then the name ("minha vó chama ...", round 12).
    rf"|{PATIENTS_RELATION}"
    r"|(?:aqui )?quem (?:fala|ta falando|esta falando|escreve|ta escrevendo) (?:eh|e) (?:a |o )?"
    r"|pode (?:colocar|por|botar)(?: ai)? (?:como |(?:no|em) nome d[aeo] )?"
    r"|(?:coloca|poe|bota) (?:no|em) nome d[aeo] "
    # The name asked to be written down ("registra como", "pode anotar:").
    r"|(?:pode )?(?:anotar|anota|registrar|registra|cadastrar|cadastra|coloca|bota|poe)"
    r"(?: ai)?(?: como)?:?)\s*"
    # A form of address before the name is no part of it ("eu sou a Dona Zilda").
    r"(?:(?:dona|seu|sr|sra)\.? )?",
)
# Letters in words joined by apostrophes (straight or typographic, U+2019) or hyphens.
_JOINERS = "'\u2019-"
_JOINERS_CHARS = "'\u2019\\-"
# An introduction in one part of a message set apart by commas ("me chamo Rosângela,
# prazer", "prazer, sou a Luana", "meu nome é Sueli, queria marcar"): the name is in it.
_PARTS = re.compile(r"\s*[,;?!]\s*")
# Whose name a booking goes in, the name itself in the next part; "sou de Caruaru" (where
# one is from) introduces no name.
# Whom the booking is for, said before the name ("é pro meu filho, Miguel Alves", "a
# consulta é pra minha mãe, Rosa", "sou eu mesmo, Osvaldo") likewise.
_WHOSE_NAME = re.compile(
    r"\b(?:no|em) nome d[aeo]\b"
    # After "mas" too ("o celular é meu mas a consulta é pra minha mae, ...", round 18).
    r"|(?:^|\bmas )(?:(?:a )?(?:consulta|vaga|horario|agendamento) )?(?:eh|e) (?:pro|pra|para) "
    r"(?:o |a )?(?:meu|minha|mim)\b|^(?:sou|e) eu(?: mesm[oa]| msm)?$"
    # "o nome e da minha filha ne? Isabelly Vitória" (round 11), "é o nome do meu filho ne?"
    r"|^(?:(?:o )?nome (?:eh|e)|(?:eh|e) o nome) d(?:ela|ele|[oa] (?:(?:meu|minha) )?\w+)(?: ne)?$"
)
# An article or a form of address before the name following whose it is ("sou eu, a
# Dona Cida") is no part of it.
_ARTICLE = re.compile(r"^(?:(?:a|o) )?(?:(?:dona|seu|sr|sra)\.? )?(?=\w)", re.IGNORECASE)
# Faces and other symbols around a name ("Eduarda Gomes 😊") are no part of it.
_SYMBOLS = re.compile(rf"[^\w\s{_JOINERS_CHARS},;:.!?]")
_WORD = rf"[^\W\d_]+(?:[{_JOINERS}][^\W\d_]+)*"
# An initial after the first name ("enzo m. barros", round 13).
_NAME = re.compile(rf"^{_WORD}(?: (?:{_WORD}|[^\W\d_]\.)){{0,5}}$")


def intent_of(text: str) -> Intent:
    """What ``text`` asks for; UNKNOWN when it asks for nothing named (a bare time is
    read by the agent under way, see ``offline_brain.follows_up``)."""
    if only_media_note(text):
        return Intent.UNKNOWN  # "[figurinha de gato confuso]": nothing written (round 13)
    # "qto custa" asks what "quanto custa" does; "consuta" is "consulta"; "necesito un
    # turno" asks what "preciso uma consulta" does (round 13).
    folded = _COURTESY.sub(" ", without_refused(in_portuguese(written_out(fold(text)))))
    folded = _NEAR_AN_HOUR.sub("por volta das ", _GOING_FOR.sub("pois vou ", folded))
    folded = without_salutation(_FASTING_SAID.sub(" ", _NOT_BOOKED.sub(" ", folded)))
    folded = " ".join(_rooted(w) for w in _SLIPS.corrected(_collapsed(folded).split()))
    # Read in Portuguese too ("no quiero recibir más mensajes", round 17).
    said = (text, in_portuguese(fold(text)))
    if any(revocation_in(s) is not Revocation.NONE for s in said) or company_revokes(folded):
        # A stray "parar" is not one (see ``revocation_in``); an erasure asked beside it is
        # the stronger request.
        return Intent.LGPD if erasure_asked(folded) else Intent.REVOKE
    if (meant := request_after_second_thoughts(text)) is not None:
        return intent_of(meant)  # "queria remarcar... ah quer saber, cancela" (round 11)
    ruled = (
        english_request(text)  # "Can I speak to a real person?" (round 16)
        or clinic_question(folded)
        or intent_by_first_rules(folded)
        or booking_intent_before(folded)
        or intent_by_rules(folded)
        or intent_by_further_rules(folded)
        or booking_intent_after(folded)
    )
    if ruled is not None:
        return ruled  # content words combined (``intent_rules``), before whole phrases
    *requests, (_, greetings) = _COLLAPSED
    rest = without_specialty(folded)
    if rest != folded and names_a_time(rest) and not any(has_any(rest, p) for _, p in requests):
        return Intent.SCHEDULE  # "quarta às 18h com a nutricionista" (round 9)
    for intent, phrases in requests:
        if has_any(folded, phrases):
            read = asked_or_said(intent, folded, text)
            return Intent.SCHEDULE if read is Intent.INFO and time_asked_free(text) else read
    if _wants_a_time(folded, text):
        return Intent.SCHEDULE  # "boa noite! amanhã às 8 tem?": more than a greeting
    greets = has_any(folded, greetings) and not greets_a_group(folded)  # round 9
    ruled = Intent.HELP if greets else Intent.UNKNOWN
    return second_reading(text, ruled)  # the intent model, where the rules found nothing


def _wants_a_time(folded: str, text: str) -> bool:
    wants = has_any(folded, _WANTS) or _SUITS.search(folded) is not None or time_bounded(folded)
    wants = wants or _ASKS_IF_IT_WORKS.search(text) is not None
    return wants and parse_when(text, ANY_DAY) is not None


def chosen_option(text: str, count: int) -> int | None:
    """The 1-based option a reply like "2", "opção 2" or "o 2º" picks among ``count``."""
    match = _OPTION.match(fold(text).replace("º", "").replace("ª", ""))
    if match is None:
        return None
    number = int(match[1])
    return number if 1 <= number <= count else None


def name_in(text: str) -> str | None:
    """A person's name in a reply like "Maria Silva" or "meu nome é Maria", written as
    Portuguese writes names; None when the reply does not look like a name, or gives a
    nickname alone ("Duda", "Dona Cida", round 16)."""
    if only_media_note(text) or nickname_only(text):
        return None
    return _name_given(text)


def _name_given(text: str) -> str | None:
    said_once = without_short_form_after(without_first_saying(spoken_name(without_label(text))))
    plain = unwrapped(" ".join(_SYMBOLS.sub(" ", said_once).split()))
    parts = _PARTS.split(plain)
    for said, after in pairwise(parts):
        # "pode colocar no nome da minha mãe, Tereza da Silva": the name follows whose it is.
        if _WHOSE_NAME.search(fold(said)) and (name := _name_of(_ARTICLE.sub("", after))):
            return name
    introduced = [
        p
        for p in parts
        if _introduces(p)
        and not _WRITE_DOWN.fullmatch(fold(p))
        and not says_for_whom(p)
        and not writers_relation(p)
    ]
    # Only one introduction gives a name; the other says what one does ("aqui é o lucas
    # gabriel nunes, sou goleiro do time sub 20", round 17).
    named = [name for part in introduced if (name := _name_of(part))]
    if len(parts) > 1 and len(named) == 1:
        return named[0]
    # The other parts only greet ("Joana Silva, boa tarde"): the one left is the name.
    said = [part for part in parts if part and fold(part) not in _GREETINGS]
    # A part that only asks the name to be written down ("Ana Clara Ribeiro, pode anotar").
    said = [part for part in said if not _WRITE_DOWN.fullmatch(fold(part))]
    if len(parts) > 1 and len(said) == 1 and (name := _name_of(said[0])):
        return name
    return _name_of(plain) or name_before_remark(plain, _name_of)


_WRITE_DOWN = re.compile(
    r"(?:pode )?(?:anotar|anota|colocar|coloca|registrar|registra|cadastrar|cadastra)"
    r"(?: ai)?(?: por favor)?"
)
_GREETINGS = frozenset({
    "oi", "ola", "oi oi", "bom dia", "boa tarde", "boa noite", "tudo bem", "prazer",
    "obrigado", "obrigada", "tudo bem com voce",
    # A company's letter opens on its addressees ("Prezados, o nome ...", round 13).
    "prezados", "prezadas", "prezado", "prezada",
})  # fmt: skip


def _introduces(part: str) -> bool:
    folded = fold(part)
    return _NAME_INTRO.sub("", folded) != folded or _NAME_THEN_HERE.match(folded) is not None


# A request or a word about oneself going on after the name ("me chamo Camila e queria
# marcar", "meu nome e raimunda nonata sou paciente antiga"): no part of it.
_REQUEST_AFTER = re.compile(
    r"\s+(?:e\s+)?(?:eu\s+)?(?:quero|queria|gostaria|preciso|precisava|tenho|vou|estou|to"
    r"|sou|moro)\b.*$",
    re.IGNORECASE,
)
# The name said first, then that it is the one speaking ("Gabriel aqui", "Carla dos Anjos
# Moreira aqui, boa tarde", "aqui e o Zé" is an introduction before the name).
_NAME_THEN_HERE = re.compile(
    r"^(?:(?:oi|ola|bom dia|boa tarde|boa noite) )*(.+?) (?:aqui|falando|que fala"
    # The name, then asked to be written down ("jessica priscila rodrigues pode anotar").
    r"|(?:pode )?(?:anotar|anota|colocar|coloca|registrar|registra|cadastrar)(?: ai)?)$"
)


def _name_of(said: str) -> str | None:
    if writers_relation(said):
        return None  # "sou cuidadora", "eu sou a neta": who writes, no name (round 12)
    cleaned = " ".join(said.strip().strip(".!").split())
    if here := _NAME_THEN_HERE.match(fold(cleaned)):
        # Keep the original spelling of the words before "aqui".
        start = len(fold(cleaned)[: here.start(1)].split())
        cleaned = " ".join(cleaned.split()[start : start + len(here[1].split())])
    introduced = _NAME_INTRO.sub("", fold(cleaned))
    if introduced != fold(cleaned):
        # Keep the original spelling and accents of the part after the introduction,
        # counting the words the introduction took as folded ("Sant'Ana" may fold apart).
        cleaned = _after_words(cleaned, len(fold(cleaned)) - len(introduced))
        cleaned = _REQUEST_AFTER.sub("", cleaned)
    if not 2 <= len(cleaned) <= 60 or not _NAME.match(cleaned) or not looks_like_name(cleaned):
        return None
    return written_as_name(cleaned)


def _after_words(said: str, taken: int) -> str:
    """``said`` without its first words, those that make the first ``taken`` characters of
    its folded form."""
    words = said.split()
    kept = len(words)
    for at in range(1, len(words) + 1):
        if len(fold(" ".join(words[:at]))) + 1 >= taken:  # the space after them
            kept = at
            break
    return " ".join(words[kept:])
