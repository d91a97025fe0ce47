"""A yes said as a belief is a hedge, no answer (round 11).

"acho que sim", "creio que sim", "acho que pode", "sim, acho", "pode ser né": the person
says what they believe or lean to, not that they agree. The LGPD asks for an unambiguous
consent, so a hedged yes is asked again; a booking is confirmed only on a plain yes, so
a hedged one is asked again too. A belief that judges ("sim, acho ótimo") is no hedge,
and a hedged no ("acho que não") stays a no: nothing is kept or booked on it.
"""

from __future__ import annotations

from services.conductor.portuguese.answer_parts import clauses

# Verbs of believing, said before the answer ("acho que sim") or after it ("sim, acho").
_BELIEF = frozenset({"acho", "creio", "acredito", "penso", "imagino", "suponho"})
_NEGATORS = frozenset({"nao", "n", "nem", "num", "nunca"})
# A permission tagged with "né" asks for agreement rather than giving it ("pode ser né").
_TAGGED_PERMISSION = (("pode", "ser", "ne"), ("pode", "ne"), ("acho", "que", "pode"))


def hedged(text: str) -> bool:
    """Whether a clause of ``text`` says the answer as a belief or a tagged permission."""
    return any(_hedged_clause(words) for words in clauses(text))


def _hedged_clause(words: tuple[str, ...]) -> bool:
    if words in _TAGGED_PERMISSION or (words[-2:] == ("ser", "ne") and "pode" in words):
        return True
    for at, word in enumerate(words):
        if word not in _BELIEF:
            continue
        after = words[at + 1 :]
        if after[:1] == ("eu",):
            after = after[1:]  # "acho eu que sim", "sim, acho eu"
        if not after:
            return True  # "sim, acho"
        if after[0] == "que" and after[1:2] and after[1] not in _NEGATORS:
            return True  # "acho que sim", "creio que pode"
    return False
