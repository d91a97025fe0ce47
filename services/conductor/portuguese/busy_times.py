"""A day or a part of the day told as busy, beside the one wanted (round 16).

"remarca o atestado da minha filha pra dia 4 de tarde pfv, ela tem prova de manha": the
morning is named for what fills it, not as the time wanted; "sexta de tarde que quinta
tenho dentista", "porque terça eu levo minha mãe na hemodiálise ... quarta dia 2 à
tarde": Thursday and Tuesday are the days taken. Such a day or part of the day is set aside
when another one is named outside it; told alone ("ela tem aula de manhã") it is read as
before. A booking asked for in the same words ("tem consulta de manhã?") is no activity.

Already folded text, weekdays written out.
"""

from __future__ import annotations

import re

_ACTIVITY = (
    r"(?:prova|provas|aula|aulas|escola|colegio|curso|trabalho|servico|reuniao|compromisso"
    r"|dentista|fisioterapia|fisio|terapia|academia|faculdade|plantao|hemodialise|natacao"
    r"|ingles|creche|igreja|culto|treino|estagio)"
)
# "ela tem prova de manhã", "tenho aula à tarde": the part of the day the activity fills.
_BUSY_PART = re.compile(
    rf"\b(?:eu |ele |ela |a gente |nos )?(?:tenho|tem|temos|faco|faz) (?:uma |um |a |o )?"
    rf"{_ACTIVITY} (?:de |a |pela |na parte da )(manha|tarde|noite)\b"
)
# Round 18: what one is doing then, said with a gerund ("to vendendo na feira de manha",
# "vou estar trabalhando a tarde"); a wish or a need so said is none ("to querendo").
_DOING_PART = re.compile(
    r"\b(?:eu |ele |ela |a gente )?(?:to|tou|estou|ta|esta|vou estar|vou ta|fico)"
    r" (?!(?:querendo|precisando|podendo|conseguindo|preferindo|pensando|procurando)\b)"
    r"[a-z]+ndo\b(?: (?!(?:nao|mas|so|tem|pode)\b)[a-z]+){0,6}?"
    r" (?:de |a |pela |na parte da )(manha|tarde|noite)\b"
)
_PART = re.compile(r"\b(?:manha|tarde|noite)\b")
_DAY = r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo|amanha|hoje)"
# "que quinta tenho dentista", "pq sexta ela trabalha": the day given as the reason.
_BUSY_DAY = re.compile(
    rf"\b(?:que|pq|porque|pois) (?:na |no |de )?({_DAY})(?: feira)? (?:eu |ele |ela )?"
    r"(?:tenho|tem|trabalho|trabalha|estudo|estuda|to|ta|estou|esta|vou|vai|levo|leva|busco"
    r"|busca|pego|pega|faco|faz)\b"
    # "que sexta eu vou poder", "pq quinta to livre": the day one can make, no reason.
    r"(?! (?:poder|conseguir|livre|de folga|folga|folgad[ao]|disponivel)\b)"
)
# The reason said with its day last ("sexta dia 27 de manhã porque eu desço da fazenda
# na quinta", round 18): what happens that day, not a wish for it ("pq só posso na quinta").
_BUSY_DAY_LAST = re.compile(
    r"\b(?:que|pq|porque|pois) (?:eu |ele |ela |a gente )?"
    r"(?!(?:so|posso|pode|consigo|consegue|quero|quer|prefiro|prefere|da|tenho folga|to livre"
    r"|vem|na|no|nas|nos|de|se|tiver|tem)\b)"  # "semana que vem na quarta" is the day wanted
    # Within the one clause: "porque tenho feira, se tiver na quarta" wishes for Wednesday.
    r"[a-z]+(?: (?!so\b|posso\b|consigo\b|se\b|tiver\b|mas\b|e\b|entao\b|ai\b)\w+){0,4}?"
    rf" (?:na|no) ({_DAY})(?: feira)?\b"
)
_DAY_NAMED = re.compile(rf"\b{_DAY}\b|\bdia \d|\d/\d")


def busy_set_aside(folded: str) -> str:
    """``folded`` without the days and parts of the day told as busy, when another is
    named outside them."""
    told = [*_BUSY_PART.finditer(folded), *_DOING_PART.finditer(folded)]
    for found in sorted(told, key=lambda found: found.start(), reverse=True):
        without = folded[: found.start(1)] + folded[found.end(1) :]
        if _PART.search(without):
            folded = without
    days = {m.span(1) for p in (_BUSY_DAY, _BUSY_DAY_LAST) for m in p.finditer(folded)}
    for start, end in sorted(days, reverse=True):  # the last first, the others' places kept
        without = folded[:start] + folded[end:]
        if _DAY_NAMED.search(without):
            folded = without
    return folded
