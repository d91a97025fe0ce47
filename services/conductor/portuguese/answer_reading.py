"""A whole answer read from its clauses (round 4): the first clause that answers carries
the answer; what follows may be a reason, a correction or a courtesy.

- Clauses before the answering one may only greet ("bom dia, sim").
- A clause opening with a no may go on in words of its own ("não está certo", "prefiro
  não passar nada por whatsapp"): a no. A clause opening with a yes must be all known
  words ("concordo em parte" is no answer).
- After a no, a clause of nothing but answer words counts ("não, aceito" is mixed); a
  reason or a correction ("não, errei o dia", "não, muda pra outro dia") keeps the no
  unless it holds a yes word or a verb of consent unnegated ("no, I said yes").
- After a yes, any negator, no-word or condition undoes it ("sim, não precisa"); a reason
  keeps it ("sim, está correto"). With ``courteous`` (consent, LGPD) a clause of words of
  its own after a yes must go on granting ("pode registrar", "estou ciente e concordo"):
  "sim, tenho diabetes" answers something else, "autorizo marcar" grants an unknown.
- Thanks for something ("valeu por explicar direitinho") is a courtesy wherever it
  stands; thinking it over ("deixa eu pensar...") keeps a no and makes a yes a doubt
  (round 6).
- A question anywhere leaves the message unread.
- A no's reason ("terça não dá porque eu trabalho e não tenho com quem deixar ele, só na
  segunda se tiver") is the reason's: a condition in it is no condition on the no.
"""

from __future__ import annotations

from collections.abc import Callable

from services.conductor.portuguese.answer_parts import (
    AnswerGrammar,
    Mixed,
    Part,
    asks,
    clause_says,
    clauses,
)

_NEGATING = (Part.NOT, Part.NO, Part.REFUSE)
# A bare yes after a negator in one clause is a no taken back ("não\nsim"), no agreement
# denied ("não tô de acordo"): no answer.
_BARE_YES = frozenset({"sim", "s", "uhum", "aham", "yes", "yeah", "yep", "isso"})
_NEGATOR_WORDS = frozenset({"nao", "n", "no", "not", "nem", "nunca", "never"})


def _taken_back(words: tuple[str, ...]) -> bool:
    """Whether a negator comes before a bare yes in the clause ("não sim")."""
    negator = next((i for i, word in enumerate(words) if word in _NEGATOR_WORDS), None)
    return negator is not None and bool(_BARE_YES.intersection(words[negator:]))


_ANSWERING = frozenset(Part) - {Part.SAID}
# Thanks for something ("valeu por explicar direitinho", "obrigada por avisar"): a
# courtesy, whatever is thanked for, unless it holds an answer word of its own.
_THANKS = frozenset({"obrigado", "obrigada", "brigado", "brigada", "valeu", "grato", "grata"})
_FOR = frozenset({"por", "pela", "pelo", "pelas", "pelos"})
# Thinking it over ("deixa eu pensar...", "deixa eu ver"): before a no, nothing; before
# or after a yes, a doubt.
# Round 18: any verb of checking or asking after "deixa eu" ("deixa eu checar a agenda do
# meu chefe", "deixe-me conferir"), not only "ver" and "pensar".
_CHECKING = ("pensar", "ver", "checar", "conferir", "olhar", "verificar", "consultar",
             "perguntar", "confirmar", "falar", "dar uma olhada")  # fmt: skip
_PONDERING = frozenset(
    {("pensando", "bem"), ("deixa", "eu", "pensar", "melhor"),
     *((*let, *verb.split()) for let in (("deixa", "eu"), ("deixe", "me"), ("deixa", "me"),
       ("deixe", "eu")) for verb in _CHECKING)}
)  # fmt: skip


_FILLERS = frozenset({"hm", "hmm", "hum", "humm", "ah", "ahn", "e", "entao", "bom", "olha"})


def _pondering(words: tuple[str, ...], grammar: AnswerGrammar) -> bool:
    """Whether the clause thinks it over, with whom or when said after it and no answer
    word ("deixa eu ver com meu marido primeiro", round 11)."""
    # Fillers before it ("hmm deixa eu ver com meu supervisor"): no part of the answer.
    lead = 0
    while lead < len(words) and words[lead] in _FILLERS:
        lead += 1
    words = words[lead:]
    opening = next((p for p in _PONDERING if words[: len(p)] == p), None)
    if opening is None:
        return False
    rest = grammar.loose_parts(words[len(opening) :])
    return all(part in (Part.SAID, None) for part in rest)


def _thanks_for(words: tuple[str, ...], loose: list[Part | None]) -> bool:
    """Whether the clause thanks for something and says nothing else."""
    start = 1 if words[:1] == ("muito",) else 0
    if len(words) < start + 2 or words[start] not in _THANKS or words[start + 1] not in _FOR:
        return False
    return all(part in (Part.SAID, None) for part in loose)


def _strong_yes(parts: list[Part]) -> bool:
    """Whether a clause holds a yes word or a verb of consent not under a negator."""
    negated = False
    for part in parts:
        if part in _NEGATING:
            negated = True
        elif part in (Part.YES, Part.VERB) and not negated:
            return True
    return False


def _permission_said(loose: list[Part | None]) -> bool:
    """Whether a clause with words of its own after a consent goes on granting: an
    acknowledgement or a verb of consent in it, and no unknown word after a yes or a verb
    of consent ("pode registrar", "estou ciente e concordo"; not "autorizo marcar")."""
    granting = [i for i, part in enumerate(loose) if part in (Part.YES, Part.VERB)]
    if granting and None in loose[granting[0] :]:
        return False
    return bool(granting) or Part.ACK in loose


_BECAUSE = frozenset({"porque", "pq", "pois", "porq"})


def _before_reason(
    words: tuple[str, ...], loose: list[Part | None], grammar: AnswerGrammar
) -> list[Part]:
    """The known parts of a clause; of a no, those before its reason ("terça não dá
    porque eu trabalho ... só na segunda se tiver"): a condition inside the reason is
    the reason's, not the answer's."""
    opening = next((part for part in loose if part in _ANSWERING), None)
    at = next((i for i, word in enumerate(words) if word in _BECAUSE), None)
    if opening in _NEGATING and at is not None:
        loose = grammar.loose_parts(words[:at])
    return [part for part in loose if part is not None]


def answer_of(
    text: str,
    grammar: AnswerGrammar,
    courteous: bool = False,
    changes: Callable[[tuple[str, ...]], bool] | None = None,
) -> set[Part] | None:
    """What the whole message says (YES, ACK, NO), or None when it is no clean answer:
    a question, no answering clause, a yes undone, a yes and a no at once. ``changes``
    tells a reason after a yes that changes what is answered (another time, a delay)."""
    if asks(text):
        return None
    said: set[Part] = set()
    lead: set[Part] | None = None
    pondered = False
    for words in clauses(text):
        if _taken_back(words):
            return None
        loose = grammar.loose_parts(words)
        if _pondering(words, grammar):
            pondered = True
            continue
        if _thanks_for(words, loose):
            continue
        known = [part for part in loose if part is not None]
        whole = len(known) == len(loose)
        try:
            says = clause_says(_before_reason(words, loose, grammar), grammar.soft_yes)
        except Mixed:
            says = None
        if lead is None:
            answering = [i for i, part in enumerate(loose) if part in _ANSWERING]
            if not answering:
                if not whole:
                    return None  # a message about something else
                continue  # a greeting before the answer
            if None in loose[: answering[0]] or says is None:
                return None
            if not whole and (loose[answering[0]] not in _NEGATING or says != {Part.NO}):
                return None  # only a no may go on in words of its own
            lead = says
            said |= says
        elif whole:
            if says is None:
                return None
            said |= says
        elif Part.NO in lead:
            if _strong_yes(known):
                return None  # "no, I said yes by mistake"
        elif any(part in (*_NEGATING, Part.IF) for part in known):
            return None  # "sim, se ..." "aceito, não precisa ..."
        elif changes is not None and changes(words):
            return None  # "sim, marca pra sexta", "ok, depois vejo"
        elif courteous and not _permission_said(loose):
            return None  # "sim, tenho diabetes", "sim, autorizo marcar": another matter
    if Part.NO in said and said & {Part.YES, Part.ACK}:
        return None  # "sim. não", "não, aceito"
    if pondered and said != {Part.NO}:
        return None  # "sim, deixa eu pensar": a doubt
    return said or None
