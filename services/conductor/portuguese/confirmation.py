"""Whether a message answers "Posso confirmar?" with a yes or a no.

The sibling of the consent answer, read from its parts the same way (``answer_parts``):
a booking or a cancellation is carried out only on a message that is nothing but a yes
("sim, pode confirmar", "pode", "isso", "esse mesmo"); here an acknowledgement ("ok",
"blz", "fechou") is a yes too. A question ("e depois de amanhã às 10 e meia?"), a
correction ("não, às 16h") or a condition is no yes, and the proposal is changed or asked
again instead. A no may end by asking for another option ("esse dia não, tem outro?").
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from services.conductor.portuguese.answer_delay import without_delay_remarked
from services.conductor.portuguese.answer_dictated import with_marks_written
from services.conductor.portuguese.answer_emoji import emoji_answer
from services.conductor.portuguese.answer_for_whom import without_whom_for
from services.conductor.portuguese.answer_parts import AnswerGrammar, Part, asks
from services.conductor.portuguese.answer_parts import answer_words as _words
from services.conductor.portuguese.answer_parts import phrases as _phrases
from services.conductor.portuguese.answer_reading import answer_of
from services.conductor.portuguese.arrival_remarks import about_arriving, yes_then_lateness_asked
from services.conductor.portuguese.confirmation_asked import (
    another_named_asked,
    no_then_other_option_asked,
    no_then_professional_wished,
    other_option_asked,
)
from services.conductor.portuguese.confirmation_echo import yes_after_echo
from services.conductor.portuguese.confirmation_moved import move_asked
from services.conductor.portuguese.confirmation_reasons import (
    with_professional_apart,
    with_reason_apart,
)
from services.conductor.portuguese.confirmation_refusals import (
    no_then_another_asked,
    refused_by_what_fills_it,
    with_day_pointed,
)
from services.conductor.portuguese.confirmation_remarks import without_remarks
from services.conductor.portuguese.confirmation_sentences import (
    no_beside_question_without_hour,
    yes_beside_practical_question,
)
from services.conductor.portuguese.confirmation_taken_back import yes_taken_back
from services.conductor.portuguese.consent import (
    _CONDITION_WORDS,
    _NEGATIONS,
    _READING,
    _STEMS,
    CONSENT_PARTS,
    VERB_FORMS,
    _without_form_only,
)
from services.conductor.portuguese.consent_remarks import without_courtesies
from services.conductor.portuguese.english_answers import (
    all_english,
    english_answer,
    english_time_named,
)
from services.conductor.portuguese.hedges import hedged
from services.conductor.portuguese.hurry_remarks import without_hurry
from services.conductor.portuguese.mistaken_key import after_slip
from services.conductor.portuguese.other_time_asked import other_time_asked
from services.conductor.portuguese.proposal_dropped import proposal_dropped
from services.conductor.portuguese.proposal_named import with_proposal_pointed
from services.conductor.portuguese.proposal_weekday import with_proposal_weekday_pointed
from services.conductor.portuguese.refusal_tails import after_capaz
from services.conductor.portuguese.spanish_answers import in_portuguese
from services.conductor.portuguese.when import parse_when

# Any day serves to tell whether a correction names an hour.
_ANY_DAY = date(2026, 1, 5)

_CONFIRM = _phrases(
    "isso", "isso mesmo", "isso ai", "exato", "exatamente", "esse mesmo", "essa mesmo",
    "esse mesmo ai", "essa mesma", "confirmado", "confirmada", "confirmadissimo",
    "pode ser sim", "pode ser entao", "quero sim", "com certeza",
)  # fmt: skip
# Verbs of carrying the proposal out, said as permission: negated, a no.
_CARRY_OUT = _phrases(
    "pode marcar", "pode agendar", "pode cancelar", "pode confirmar", "pode reservar",
    "pode fazer", "pode mandar", "marca", "agenda", "marca sim",
    # "sim pode deixar marcado" (round 8).
    "pode deixar marcado", "deixa marcado", "pode deixar agendado", "deixa agendado",
)  # fmt: skip
# Verbs of suiting or being able ("me serve", "vai dar", "consigo"): negated, a no.
_SUITS = _phrases(
    "serve", "servem", "me serve", "me servem", "serve para mim", "da", "vai dar", "da certo",
    "consigo", "posso", "quero", "vou", "eu vou", "pode", "podem", "conseguir", "consegue",
    "poder", "ir",
    # The one booked going, in a relative's words ("mainha vai sim", round 10).
    "vai", "ela vai", "ele vai",
    # Speech's "dá" ("não rola", "rola sim", round 11).
    "rola",
)  # fmt: skip
_DECLINE = _phrases(
    "deixa", "deixa pra la", "esquece", "deixa quieto", "dispenso", "mudei de ideia",
    "deixa para depois", "fica para depois", "outra hora", "prefiro outro dia",
    "prefiro outro horario", "outro dia", "outro horario", "outra data", "nao precisa",
    "to trabalhando", "estou trabalhando", "vou estar trabalhando", "tenho compromisso",
    "to ocupado", "to ocupada", "estou ocupado", "estou ocupada", "quero outro horario",
    "quero outro dia", "queria outro horario", "queria outro dia", "prefiro outra data",
    # The proposal called wrong ("errado, era pra mainha", round 11).
    "errado", "ta errado", "esta errado", "errada", "ta errada",
    # The time called impossible ("terça é impossível pra mim").
    "impossivel", "e impossivel", "fica impossivel", "ta impossivel",
)  # fmt: skip
# The proposal pointed at ("pode marcar esse ai", "esse horario ta otimo", "confirma pra
# mim"), a pause before a no ("nao, pera"): no answer by themselves.
_POINTED = _phrases(
    "esse", "esse ai", "essa", "essa ai", "esse horario", "esse dia", "essa data", "essa hora",
    "nesse", "nessa", "neste", "nesta", "nesse horario", "nesse dia", "nessa data", "dia",
    "hora", "horario", "data", "para mim", "mim", "me", "pera", "espera", "perai",
    # What is confirmed named in the written register ("Confirmo o agendamento.", round 8).
    "o agendamento", "agendamento", "a consulta", "o horario", "a marcacao",
)  # fmt: skip
_STEMS_HERE = {**_STEMS, "confirm": Part.VERB}
_CONFIRMATION = AnswerGrammar.of(
    {
        **CONSENT_PARTS,
        Part.YES: CONSENT_PARTS[Part.YES] | _CONFIRM,
        Part.VERB: CONSENT_PARTS[Part.VERB] | _CARRY_OUT,
        # Going on to the booking is consent's acknowledgement, here a verb (round 16).
        Part.ACK: CONSENT_PARTS[Part.ACK] - _CARRY_OUT,
        Part.SOFT: CONSENT_PARTS[Part.SOFT] | _SUITS,
        Part.NO: CONSENT_PARTS[Part.NO] | _DECLINE,
        Part.SAID: (CONSENT_PARTS[Part.SAID] | _POINTED) - _CONFIRM,
    },
    _STEMS_HERE,
    ("confirmacao",),
    soft_yes=Part.ACK,
    verb_forms=(*VERB_FORMS, "confirmo", "confirmar", "confirma"),
)
# A no that asks for another option ends with the question: "esse dia não, tem outro?",
# "não, tem outro horário mais cedo?".
_ANOTHER_ASKED = re.compile(
    r"[\s,.;!]*(?:e |mas )?(?:tem |teria |tm |vc tem |voce tem |tem algum |tem alguma )?"
    r"(?:(?:outr[oa]s?|algum|alguma)(?: (?:dia|horario|data|hora|opcao|opcoes))?"
    r"(?: (?:mais cedo|mais tarde|antes|depois|mais pra frente|de manh[aã]|[aà] tarde"
    r"|de tarde|[aà] noite))?"
    # "Não. Tem mais cedo?": the earlier or later option asked alone (round 8).
    r"|(?<=tem )(?:mais cedo|mais tarde|antes|depois)|(?<=tem algo )(?:mais cedo|mais tarde))"
    r"\s*[?\uff1f]+\s*$",
    re.IGNORECASE,
)


# "agenda" after a determiner is one's diary, no verb of booking ("ainda não, preciso ver
# minha agenda": a no with its reason).
_AGENDA_NOUN = re.compile(r"\b(minha|sua|tua|nossa|a|na|da) agenda\b", re.IGNORECASE)


# After a yes, a reason that defers, doubts or offers another option changes the answer.
_DEFERRING = frozenset({"depois", "outro", "outra", "talvez", "duvida", "ou", "ainda"})


def _changes_the_yes(words: tuple[str, ...]) -> bool:
    """Whether a reason after a yes names a time ("sim, marca pra sexta") or defers,
    doubts or offers another ("ok, depois vejo", "pode ser, ou então quinta"); a remark
    on getting there keeps it ("vou de ônibus, talvez chegue antes", round 14)."""
    if about_arriving(words):
        return False
    if _DEFERRING.intersection(words):
        return True
    return parse_when(" ".join(words), _ANY_DAY) is not None


# A no, then the proposal asked to be dropped ("não, pode cancelar esse"): the cancelling
# carries the no out, no yes to it (round 7). Alone ("cancela, não quero mais") it could
# answer "Posso cancelar?" too, and stays unread.
_NO_THEN_DROPPED = re.compile(
    r"^\s*(?:nao|n)\b[^?]*?,\s*(?:(?:pode|podem) )?(?:cancelar|cancela|desmarcar|desmarca)"
    # What is dropped pointed at ("nao, cancela isso ai", blind set 32).
    r"(?: (?:esse|essa|ele|ela|entao|por favor|pfv|mesmo|msm|isso|isso ai|tudo|ai))*\s*[.!]*\s*$"
)


_CANCELLING = re.compile(r"\b(?:cancel|desmarc)\w*")


def _unaccented(text: str) -> str:
    """``text`` lower-cased without accents, its commas kept ("não, desmarca" is no "não
    desmarca")."""
    parts = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in parts if not unicodedata.combining(char))


def _first_line_apart(text: str) -> str:
    """``text`` with its first line set apart as a clause when it is a whole answer by
    itself ("pode ser\nvou levar os exames antigos", round 14): a line break joins a
    burst's words ("de\nacordo") only where the first line answers nothing alone."""
    first, newline, rest = text.partition("\n")
    if not newline or not rest.strip() or confirmation_answer(first) is None:
        return text
    return f"{first}, {rest}"


def confirmation_answer(
    text: str, proposed: datetime | None = None, today: date | None = None
) -> bool | None:
    """True for a plain yes to a proposal, False for a plain no, None for anything else
    (a question, a correction, a condition, an unrelated message). Given the proposal's
    start and the day it is read on, its own day and hour said again point at it
    ("dia 1 às 10 tá ótimo", ``proposal_named``). Plain English is read too ("that
    works, thanks!", ``english_answers``)."""
    text = with_marks_written(text)  # "Sim vírgula pode confirmar ponto" (round 18)
    if all_english(text):
        return english_answer(text, consent=False)  # "that works, thanks!", "no problem"
    if yes_taken_back(text, confirmation_answer):
        return None  # "sim... quer dizer, peraí" (round 17)
    answer = _portuguese_answer(in_portuguese(text), proposed, today)  # "Sí, está bien el martes"
    if answer is True and english_time_named(text):
        return None  # "yes please, thursday at 3pm": another time, maybe (round 16)
    return answer


def _portuguese_answer(
    text: str, proposed: datetime | None = None, today: date | None = None
) -> bool | None:
    """The answer read in Portuguese (``confirmation_answer``)."""
    text = _first_line_apart(after_slip(text) or text)  # "não, apertei errado, pode sim"
    if (rest := after_capaz(text)) is not None and confirmation_answer(
        rest, proposed, today
    ) is False:
        return False  # "capaz, terça é impossível pra mim"
    if proposed is not None and proposal_dropped(text):
        return False  # "cancela, nao quero mais" to a booking proposed (round 16)
    if proposed is not None and today is not None and other_time_asked(text, proposed, today):
        return False  # "tem como ser na quarta 02/12 as 14h?" (round 16)
    if (thumb := emoji_answer(text)) is not None:
        return thumb  # "👍" alone, as "ok" (round 14)
    if move_asked(text) or another_named_asked(text):
        return False  # "troca pra 11h", "tem outro?" (round 14)
    if proposed is not None and today is not None:
        text = with_proposal_pointed(text, proposed, today)
        text = with_proposal_weekday_pointed(text, proposed, today)  # "terça tá bom"
    text = without_hurry(without_remarks(text, proposed))  # "confirma sim, terça to de folga"
    text = without_delay_remarked(text)  # "sim, a mensagem só chegou agora" (round 18)
    text = without_courtesies(text)  # "sim, pode confirmar, obrigada desde já" (round 17)
    text = with_professional_apart(with_reason_apart(text))  # "... que eu vou levar meu avô"
    text = with_day_pointed(without_whom_for(text), proposed)
    if _NO_THEN_DROPPED.match(_unaccented(text)) or refused_by_what_fills_it(text):
        return False  # "não, às 10 eu trabalho" (round 11)
    if no_then_another_asked(text, confirmation_answer):
        return False  # "não, tem dia 3?" (round 11)
    if other_option_asked(text) or no_then_professional_wished(text, confirmation_answer):
        return False  # "não pode ser mais tarde?", "não, queria com a Dra." (round 12)
    if no_then_other_option_asked(text, confirmation_answer):
        return False  # "não consigo nesse horário, mais cedo tem? tipo 8h" (round 13)
    if asks(text) and yes_beside_practical_question(text, confirmation_answer):
        return True  # "Sim. Preciso levar algum exame?" (round 9)
    if asks(text) and yes_then_lateness_asked(text, confirmation_answer):
        return True  # "pode, mas se eu atrasar vcs esperam?" (round 14)
    if asks(text) and yes_after_echo(text, confirmation_answer):
        return True  # "ué, clinico geral? tá bom, pode confirmar msm" (round 18)
    if asks(text) and no_beside_question_without_hour(text, confirmation_answer):
        return False  # "Não. Pode ser de tarde?" (round 9)
    another = _ANOTHER_ASKED.search(text)
    said_first = text[: another.start()] if another else text
    if another and asks(said_first):
        return None
    said_first = _AGENDA_NOUN.sub(r"\1 compromissos", said_first)
    words = _words(said_first)
    said = answer_of(said_first, _CONFIRMATION, changes=_changes_the_yes)
    if said is None:
        return None
    if said == {Part.NO}:
        # "não, às 16h", "não, prefiro quinta às 14h": a no, and the hour named is the new
        # request (round 14; rounds 11 to 13 left it unread). Beside a cancelling it is
        # another matter ("não, cancela a de amanhã às 10h").
        hour = parse_when(said_first, _ANY_DAY)
        timed = hour is not None and hour.at is not None
        if (timed and _CANCELLING.search(_unaccented(said_first))) or _READING.intersection(words):
            return None
        return False
    if _CONDITION_WORDS.intersection(words):
        return None
    # A problem denied is no negation ("não tem problema nenhum, pode marcar", round 16).
    meant = _without_form_only(words)
    if another is None and not _NEGATIONS.intersection(meant) and Part.NO not in said:
        return not hedged(said_first) or None  # "acho que sim": asked again (round 11)
    return None
