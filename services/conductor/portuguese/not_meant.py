"""Times a message names that are not the one wanted, set aside before the time is read
(see ``when``): greetings ("boa tarde" names no afternoon), a day or an hour refused or
excepted, a day replaced, the hours one works, enters or leaves, a time said to be over.
The hour someone leaves or something else ends, followed by a wish for after it, is kept
as the start of the span wanted.

Already folded text, number words as digits, weekdays written out.
"""

from __future__ import annotations

import re

from services.conductor.portuguese.busy_days_after import busy_days_after_set_aside
from services.conductor.portuguese.busy_times import busy_set_aside
from services.conductor.portuguese.days import REFUSED_DAY, REFUSED_DAY_PART
from services.conductor.portuguese.days_refused_first import days_refused_first
from services.conductor.portuguese.days_told import days_told_set_aside
from services.conductor.portuguese.ends_elsewhere import elsewhere_set_aside
from services.conductor.portuguese.hour_moved_same_day import hour_moved_on_its_day
from services.conductor.portuguese.kept_bookings import kept_set_aside
from services.conductor.portuguese.kept_parts import kept_parts_set_aside
from services.conductor.portuguese.later_said import later_set_aside
from services.conductor.portuguese.minutes_to import minutes_to_read
from services.conductor.portuguese.moves_from_day import moved_from_day_set_aside
from services.conductor.portuguese.no_longer import no_longer_set_aside
from services.conductor.portuguese.number_after_refused_hour import number_after_refused_hour
from services.conductor.portuguese.other_appointments import other_appointments_set_aside
from services.conductor.portuguese.others_hours import others_hours_set_aside
from services.conductor.portuguese.past_hours import past_hours_set_aside
from services.conductor.portuguese.preferred_day import preferred_kept

# Greetings name a part of the day, and "dia", that are not the time meant: "boa tarde,
# amanhã às 9" is 9 in the morning, "bom dia 10h tem?" has no day 10.
_GREETING = re.compile(r"\bbo+m+ di+a+\b|\bbo+a+ (?:ta+rde+|no+i+te+)\b")
# The hours one works are the ones not meant ("a tarde eu trabalho", "trabalho a partir
# das 10"): set aside before the time is read.
_AT_WORK = re.compile(
    # "hoje a noite? trabalho o dia todo": working all day leaves the part before it wanted.
    r"\b(?:(?:de|a|pela|na parte da) (?:manha|tarde|noite),? (?:eu )?trabalho"
    r"(?! o dia (?:todo|inteiro)\b)"
    r"|trabalho (?:de|a|pela|na parte da) (?:manha|tarde|noite)"
    r"|trabalho (?:a partir|depois|antes|ate|das) (?:d[ae]s? |as? )?\d{1,2}(?::\d\d|h\d{0,2})?"
    r"|(?:entro|entra|saio|sai|termina|acaba|larga)(?: \w+){0,3}? "
    r"(?:(?:as|a|das) \d{1,2}(?::\d\d|h\d{0,2})?|\d{1,2}(?::\d\d|h\d{0,2})|(?:ao )?meio dia)"
    # Starting work at an hour written bare ("pego 8h no serviço", round 16).
    r"|(?:pego|pega|entro|entra) (?:as |a )?\d{1,2}(?::\d\d|h\d{0,2})? (?:no|na) "
    r"(?:servico|trabalho|trampo|plantao|turno|firma|loja|fabrica|escola)"
    # The hour one must be somewhere else ("tenho q estar no trabalho as 11", round 15).
    r"|(?:(?:tenho|tem) (?:que|q|de)|preciso|precisa) (?:estar|ta|tar|chegar|entrar) (?:no|na|em)"
    r"(?: \w+){1,3}? (?:as|a) \d{1,2}(?::\d\d|h\d{0,2})?)\b"
)
# A time the patient says is over ("hoje as 8 mas ja passou ne"): not the one meant.
_PASSED = re.compile(
    r"\b(?:(?:as|a|pras?|para) )?\d{1,2}(?::\d\d|h\d{0,2}| ?horas?)?,? (?:mas |que |e |so que )?"
    r"ja (?:passou|passaram)\b"
)
# Today said to be over for booking ("hoje já passou né? então amanhã às 9", "hoje não
# dá mais"): not the day meant (round 7).
_TODAY_PASSED = re.compile(
    r"\b(?:hoje|hj|oje)(?: \w+){0,2}? (?:ja (?:passou|era|foi)|nao da mais)\b"
)
# Cancelling names the booking's day as one the patient cannot make ("sexta nao vou
# poder, cancela minha consulta"): that day is the one meant, not a day refused.
_CANCELLING = re.compile(
    r"\b(?:cancel|desmarc|desist)\w*|\btir\w* (?:o )?(?:meu nome|minha consulta|meu horario)"
)
# An hour said and refused ("amanhã às 9 não dá, 10 pode?", "as 10 eu não posso", "9 da
# noite não, 9 da manhã", its part of the day with it) or
# excepted ("qualquer hora menos as 10"): not meant.
_REFUSED_HOUR = re.compile(
    r"\b(?:(?:menos|exceto|fora|tirando) )?(?:as |a |das )?(?<!dia )\d{1,2}"
    r"(?::\d\d|h\d{0,2}| ?horas?)?(?: e meia)?(?: (?:da|de) (?:manha|tarde|noite))?"
    # "às 14h ou era 15h? não lembro" doubts the hour, refusing none (round 16).
    r"(?: (?:eu|ele|ela|a gente|nos))? nao\b(?! (?:lembro|sei|tenho certeza|me lembro|recordo)\b)"
    r"|\b(?:menos|exceto|tirando) (?:as |a |das )?\d{1,2}(?::\d\d|h\d{0,2}| ?horas?)?\b"
)
_PART_THEN_NO = re.compile(r"\b(manha|tarde|noite) nao\b(?= (?:vou|vai|irei|iremos)\b)")
# A day or an hour named as the one replaced ("sexta em vez de quinta", "10h em vez de
# 9h") is not meant.
_INSTEAD_OF = re.compile(
    r"\b(?:em vez|ao inves|no lugar) d[eao]s? (?:(?:na|no|a|o|as) )?(?:segunda|terca|quarta"
    r"|quinta|sexta|sabado|domingo|amanha|hoje|dia \d{1,2}(?:/\d{1,2})?"
    r"|\d{1,2}(?::\d\d|h\d{0,2}| ?horas?))(?: feira)?(?!\w)"
)
# An hour of something else, then "after that" ("tenho exame as 8, depois disso posso"):
# the span wanted begins there.
# "até as 11, depois disso eu pego no trampo": the hour bounding a span stays its bound.
_AFTER_THAT = re.compile(
    r"\b(?:as |a )?(?<!ate )(?<!ate as )(?<!antes das )(?<!antes da )"
    r"(\d{1,2}(?::\d\d|h\d{0,2})?|meio dia)(?: [^\W\d]+){0,4}?,? (?:e |mas )?"
    r"depois (?:disso|dai)\b"
)
# The hour one leaves school or work, said with a wish for after it ("amanhã depois da
# escola? Ela sai meio dia"), is when the span wanted begins; said alone it is set aside
# (``_AT_WORK``).
_AFTER_EVENT = re.compile(r"\bdepois (?:d[aeo]s? |que |disso\b|dai\b)(?!\d|meio dia)")
_LEAVING = re.compile(
    r"\b(?:sai|saio|sair|termina|termino|acaba|acabo|larga|largo)(?: \w+){0,3}? "
    r"(?:as |a |ao |das |por volta d[ae]s? )?(\d{1,2}(?::\d\d|h\d{0,2})?|meio dia)\b"
)
# An hour named beside the one left ("saio às seis, então tipo umas sete da noite", round
# 14): the one wanted, so the hour left bounds nothing.
_HOUR_NAMED = re.compile(
    r"\b\d{1,2}(?::\d\d|h\d{0,2})(?!\w)|\b(?:as|a|pras?|umas|pelas) \d{1,2}\b(?!/)"
    r"|\b\d{1,2} (?:da|de) (?:manha|tarde|noite)\b"
)

# The hour of something else the patient or another does ("9h tenho call", "14h eu pego
# o menino", "ele pega o turno as 14"), said beside another hour or a part of the day:
# not the one wanted (rounds 11, 12). Said alone ("amanhã às 10 tenho consulta?") it may
# be the one asked about, and is kept; a verb with an hour on each side ("as 10 ele pega
# o turno as 14") leaves which is the event's unsaid, and both are kept (then asked).
# An errand that names its own hour ("as 9, tenho que estar no trabalho as 11") leaves
# the hour before it the one wanted (round 15).
_EVENT_VERB = (
    r"(?:tenho|pego|busco|levo|pega|busca|leva)\b"
    # "antes das 8, pego 8h no serviço": the verb's own hour follows it (round 16).
    r"(?! (?:as |a )?\d{1,2}(?::\d\d|h))"
    r"(?! (?:que|q|de) (?:estar|ta|tar|chegar|entrar) (?:no|na|em)(?: \w+){1,3}? (?:as|a) \d)"
)
_HOUR_BEFORE = re.compile(
    rf"\b(?:as |a )?\d{{1,2}}(?::\d\d|h\d{{0,2}})? (?:eu |ele |ela )?{_EVENT_VERB}"
)
_HOUR_AFTER = re.compile(
    r"\b(?:pego|busco|levo|pega|busca|leva)(?: \w+){0,4}? (?:as|a) \d{1,2}(?::\d\d|h\d{0,2})?(?!\w)"
)
_HOUR_SAID = re.compile(r"\b\d{1,2}(?::\d\d|h\d{0,2})(?!\w)|\b(?:as|a|pras?) \d{1,2}\b")
# Another's event ("ele pega o turno as 14") is set aside beside a part of the day too:
# one's own ("eu levo minha mae as 10, entao so a tarde") is left to be asked (round 6).
_ANOTHERS_VERB = re.compile(r"\b(?:pega|busca|leva)\b")
_PART_OF_DAY_SAID = re.compile(r"\b(?:manha|tarde|noite|cedo|cedinho|tardinha|noitinha)\b")


def _events_set_aside(folded: str) -> str:
    before, after = list(_HOUR_BEFORE.finditer(folded)), list(_HOUR_AFTER.finditer(folded))
    if {m.end() for m in before} & {m.start() + len(m[0].split()[0]) for m in after}:
        return folded
    without = _HOUR_AFTER.sub(" ", _HOUR_BEFORE.sub(" ", folded))
    others = any(_ANOTHERS_VERB.search(m[0]) for m in [*before, *after])
    kept = _HOUR_SAID.search(without) or (others and _PART_OF_DAY_SAID.search(without))
    return without if kept else folded


# The hour one sleeps, works or does something until ("dormindo ate as 14, da pra ser
# hoje umas 16h30?", "durmo ate as 11"), said beside another hour: the end of something
# else, no bound of the time wanted (round 12). Said alone it may bound it, and is kept.
_DOING_UNTIL = re.compile(
    r"\b(?:(?!quando\b)[a-z]+[aei]ndo|durmo|dorme)(?: \w+){0,2}? ate (?:as |a |das )?"
    r"\d{1,2}(?::\d\d|h\d{0,2}| ?horas?)?(?!\w)"
)


# An hour said to be too early or too late ("10h é muito cedo pra mim"), beside another.
_TOO_EARLY = re.compile(
    r"\b(?:as |a )?\d{1,2}(?::\d\d|h\d{0,2}| ?horas?)? (?:e|eh|fica|ta) (?:muito |mt |meio )?"
    r"(?:cedo|tarde)\b"
)


def _doings_set_aside(folded: str) -> str:
    without = _TOO_EARLY.sub(" ", _DOING_UNTIL.sub(" ", folded))
    return without if _HOUR_SAID.search(without) else folded


_WEEKDAY_WORD = r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)?"
# A weekday excepted ("qualquer dia menos quarta, que quarta tenho fisioterapia") is not
# meant, wherever it is named again; nor are the days of a span one is busy or works
# ("trabalho de segunda a sexta, só dá no sábado"): the day said outside them is (round 8).
_EXCEPTED_WEEKDAY = re.compile(
    rf"\b(?:menos|exceto|tirando|fora) (?:(?:a|o|na|no|as|os|nas|nos) )?({_WEEKDAY_WORD})\b"
)
_WEEKDAY_SPAN = re.compile(rf"\b(?:de|da|das) {_WEEKDAY_WORD} (?:a|ate|as) {_WEEKDAY_WORD}\b")


def _weekdays_set_aside(folded: str) -> str:
    for excepted in {match[1] for match in _EXCEPTED_WEEKDAY.finditer(folded)}:
        folded = re.sub(rf"\b{excepted}\b", " ", folded)
    return _WEEKDAY_SPAN.sub(" ", folded)


# A weekday refused ("sexta 10h kkk brincadeira, sexta não dá") is not meant wherever it
# is named, as a weekday excepted is not (round 11).
_WEEKDAY_NAME = re.compile(r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)\b")


def _refused_days_set_aside(folded: str) -> str:
    # Every weekday of a list refused together ("segunda e terça não dá", round 14).
    refused = {m[0] for r in REFUSED_DAY.finditer(folded) for m in _WEEKDAY_NAME.finditer(r[0])}
    folded = REFUSED_DAY.sub("nao", folded)  # a day cancelled is the booking's: kept
    for weekday in refused:
        folded = re.sub(rf"\b{weekday}(?: feira)?\b(?! nao\b)", " ", folded)
    return folded


# A span of weeks, months or years ("entre 20 e 24 semanas" of a pregnancy, "de 2 a 5
# anos") is no hour: "20 e 24" would read 20:24.
_COUNTED = re.compile(
    r"\b(?:(?:entre|de|dos|das) )?\d{1,2} (?:e|a|ou) \d{1,2} (?:semanas|meses|anos)\b"
)


# The hour one's ride arrives, given as the reason of a no ("não consigo, o ônibus da
# fazenda só chega meio dia", round 17): why the time proposed cannot be, not a time
# wanted. Beside a yes ("sim, chego às 11") it stays, and the yes is left unread.
_RIDE_ARRIVES = re.compile(
    r"\b(?:chego|chega)(?: (?:la|aqui|ai|na cidade))? (?:so )?(?:(?:as|a|ao) )?"
    r"(?:\d{1,2}(?::\d\d|h\d{0,2})?|meio dia)\b"
)
_CANNOT = re.compile(r"\bnao (?:consigo|posso|da|vai dar|vou conseguir|rola)\b")


def _ride_set_aside(folded: str) -> str:
    return _RIDE_ARRIVES.sub(" ", folded) if _CANNOT.search(folded) else folded


def set_aside(folded: str) -> str:
    """``folded`` without the times it names that are not the one wanted."""
    folded = _COUNTED.sub(" ", number_after_refused_hour(minutes_to_read(folded)))
    folded = later_set_aside(others_hours_set_aside(_ride_set_aside(folded)))
    folded = other_appointments_set_aside(past_hours_set_aside(no_longer_set_aside(folded)))
    folded = moved_from_day_set_aside(hour_moved_on_its_day(folded))
    folded = kept_set_aside(busy_set_aside(busy_days_after_set_aside(folded)))
    folded = kept_parts_set_aside(folded)
    folded = preferred_kept(elsewhere_set_aside(_GREETING.sub(" ", folded)))
    folded = _events_set_aside(_weekdays_set_aside(folded))
    folded = days_told_set_aside(_doings_set_aside(folded))
    if not _CANCELLING.search(folded):
        folded = REFUSED_DAY_PART.sub("nao", days_refused_first(folded))
        folded = _refused_days_set_aside(folded)
        folded = _REFUSED_HOUR.sub("nao", folded)
    else:
        # "tira a de sexta de manhã, não vou mais": the part of the day is the booking's,
        # the "não" the going's (round 12).
        folded = _PART_THEN_NO.sub(r"\1 ", folded)
    folded = _INSTEAD_OF.sub(" ", folded)
    folded = _AFTER_THAT.sub(lambda m: "a partir das " + m[1].replace("meio dia", "12h"), folded)
    leaving = _LEAVING.search(folded) if _AFTER_EVENT.search(folded) else None
    if leaving:
        folded = folded[: leaving.start()] + " " + folded[leaving.end() :]
    folded = _TODAY_PASSED.sub(" ", _PASSED.sub(" ", _AT_WORK.sub(" ", folded)))
    if leaving and not _HOUR_NAMED.search(folded):
        # Read apart from the words of work, which set their own hours aside.
        folded += " a partir das " + ("12h" if leaving[1] == "meio dia" else leaving[1])
    return folded
