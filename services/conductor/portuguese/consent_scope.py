"""What an answer to the privacy notice may say of the consent's scope without making the
yes unclear (LGPD, round 6).

Consent is given to the notice's purposes — scheduling, the consultation, its reminders —
and to nothing else. So a yes that narrows the use of the data to those purposes ("sim,
desde que seja só pra consulta", "aceito sim, mas só pra consulta", "se é pra marcar
consulta então aceito", "autorizo o uso dos meus dados para o agendamento") restates the
notice and is a clear yes; a yes that refuses what the notice does not ask ("pode usar
sim, só não quero receber propaganda") refuses nothing asked and is a clear yes too.
Every other condition or reservation still leaves the yes unclear: a limit in time
("aceito se for só hoje"), a use the reader cannot weigh ("desde que não vendam", "se
não passarem meus dados"), a doubt ("não entendo muito dessas coisas mas ...").

The phrases that say so are taken out of the message before it is read as an answer;
what remains must still be a clear yes (``consent``).
"""

from __future__ import annotations

import re
import unicodedata

# The notice's purposes, as patients name them.
_PURPOSES = (
    # "marca" is speech's "marcar" ("pra marca a consulta", round 16).
    r"(?:marcar|marca|agendar|remarcar|marcacao|agendamento|agendamentos|c[ou]nsulta|c[ou]nsultas"
    r"|atendimento|atendimentos|lembretes?|confirmac(?:ao|oes))"
)
# Kin named without a possessive, as the North-East and the family say ("de mainha").
_KIN = r"(?:mainha|painho|voinha|voinho|nene|mae|pai|vo|vovo|filho|filha)\b"
_DETERMINER = r"(?:(?:o|a|os|as|minha|minhas|meu|meus|da|das|do|dos|de)\s+)"
# What a visit may be said to be, which names no patient ("consulta de graça").
_NOT_WHOM = (
    r"(?:graca|novo|nova|hoje|amanha|retorno|rotina|urgencia|emergencia|manha|tarde|noite"
    r"|semana|mes|sim|nao|pode|mais|ninguem)"
)
# "mas só pra consulta", "desde que seja só pra consulta", "se é pra marcar consulta".
_PURPOSE_NAMED = re.compile(
    # "mas se é só pro agendamento" (round 18): the "mas" turns to the purpose.
    r"(?:\b(?:mas|(?:desde|contanto) (?:que|q) seja|(?:mas\s+)?se (?:e|eh|for)|so se for"
    r"|sendo)\s+)?"
    r"(?:\b(?:so|somente|apenas|exclusivamente|unicamente)\s+)?"
    # "p" and "p/" are chat's "pra" ("só p o atendimento", blind sets 21 to 24).
    rf"\b(?:pra|para|pro|p/|p(?=\s))\s*(?:fins?\s+(?:de|d[oa]s?)\s+)?{_DETERMINER}?{_PURPOSES}"
    # Two purposes joined ("para agendamento e atendimento", round 11).
    rf"(?:\s+(?:e\s+)?{_DETERMINER}?{_PURPOSES})?\b"
    # Whom the booking is for ("é pra marcar pro meu filho", round 8; "a consulta de
    # mainha", "do nenê", round 11).
    # The visit's kind as the purpose's object ("pra marcar meu pré natal", round 16).
    r"(?:\s+(?:(?:meu|minha|o|a)\s+)?(?:pre\s*-?\s*natal|prenatal|preventivo|retorno|exames?"
    r"|ultrassom|ultrassonografia|vacina|vacinas|check\s*-?\s*up"
    # A heart test named (blind set 35: "pra marcar o holter", "pra fazer o eco").
    r"|holter|eco|ecocardiograma|eletro|eletrocardiograma|mapa|ergometrico|teste\s+ergometrico"
    r"|fisio|fisioterapia)\b"
    r"|\s+(?:pra|para|pro|da|do|de)\s+(?:(?:o\s+|a\s+)?(?:meu|minha)\s+[^\W\d_]+"
    rf"|{_KIN}"
    # The child named ("pra marcar a consulta de Heitor"), not what the visit would be.
    rf"|(?!{_NOT_WHOM}\b)[^\W\d_]+(?=\s*(?:[,.;!]|$|\s(?:ta|ne|viu|pfv|por favor)\b))))?"
    # The purposes' limit said after them ("para agendamento e atendimento somente").
    r"(?:\s+(?:somente|apenas|so|exclusivamente|mesmo|msm)\b)?"
    # The limit said again after them ("... pra marcar a consulta, é só isso mesmo").
    r"(?:\s*,?\s+(?:e|eh)\s+so\s+isso(?:\s+(?:mesmo|msm))?\b)?"
    # The purpose kept with "só" and no "pra" ("propaganda não, só o agendamento", round 12).
    rf"|\b(?:so|somente|apenas|exclusivamente|unicamente)\s+{_DETERMINER}?{_PURPOSES}\b"
)
# "novidades", "divulgação": the clinic's news, no part of the notice (round 17).
_ADVERTISING = (
    r"(?:propagandas?|marketing|promoc(?:ao|oes)|publicidade|spam|ofertas?|anuncios?"
    r"|novidades|divulgac(?:ao|oes)|newsletter"
    # Round 18: "promo" clipped, and what is advertised named after it ("promo de botox").
    r"|promos?)(?:\s+de\s+(?!(?:ninguem|nada|voces|vcs)\b)[a-z]+)?"
)
_CARRIER = (
    r"(?:(?:essas?|esses?|as|os)\s+)?(?:mensage(?:m|ns)|msgs?|whats(?:app)?|zap|sms|e-?mails?"
    r"|notificac(?:ao|oes)|ligac(?:ao|oes))\s+(?:de\s+|com\s+)?"
)
# Advertising refused, which the notice does not ask ("só não quero receber propaganda").
_NOT_ASKED_REFUSED = re.compile(
    r"(?:\b(?:mas|so|porem)\s+)*"
    r"\b(?:(?:eu\s+)?(?:nao|n)\s+(?:quero|queria|aceito|autorizo|desejo)\s+(?:receber\s+)?"
    # What is refused others' sending ("só não quero que mandem promoção", round 12).
    r"(?:que\s+(?:me\s+)?(?:mandem|enviem|mande|envie|fiquem mandando)\s+)?"
    # What carries it named first ("só não quero mensagem de promoção", round 14).
    r"(?:(?:mensage(?:m|ns)|msgs?|sms|e-?mails?|notificac(?:ao|oes)|ligac(?:ao|oes))"
    r"\s+(?:de\s+|com\s+)?)?"
    r"|(?:nao|n)\s+(?:me\s+)?(?:mande|mandem|manda|envie|enviem|mandar|enviar)\s+"
    # What carries it named after the verb or "sem" ("só não me manda msg de marketing",
    # "sem whats de promoção", blind sets 21 to 24).
    rf"(?:{_CARRIER})?"
    rf"|sem\s+(?:{_CARRIER})?|nada\s+de\s+"
    # The sending refused ("nada de ficar mandando oferta no meu zap", round 16).
    r"(?:ficar\s+)?(?:(?:me\s+)?(?:mandando|enviando|mandar|enviar)\s+)?)"
    # What carries the second named too ("nem mensagem de promoção", blind set 31), and
    # the kind said at large ("nem essas coisa", blind set 35).
    rf"{_ADVERTISING}(?:\s+(?:e\s+nem|nem|e|ou)\s+(?:de\s+)?(?:{_CARRIER})?{_ADVERTISING})*\b"
    r"(?:\s+(?:e\s+nem|nem|e|ou)\s+(?:essas?|esses?|outras?|outros?)\s+coisas?\b)?"
    # Where it would be sent ("... no meu zap", "pro meu email").
    r"(?:\s+(?:no|pro|para\s+o|pelo|por)\s+(?:meu\s+)?(?:zap|whats(?:app)?|e-?mail|celular"
    r"|numero|telefone))?"
    # The negator said again at the end, as speech does ("só não me manda promoção não").
    r"(?:\s+(?:nao|n)\b)?"
    # The thing refused named first ("propaganda não", round 11), and more of its kind
    # with it ("promoção e essas coisa não manda", round 18).
    rf"|(?:\b(?:mas|so|porem)\s+)*\b{_ADVERTISING}"
    r"(?:\s+(?:e\s+nem|nem|e|ou)\s+(?:essas?|esses?|outras?|outros?)\s+coisas?)?\s+(?:nao|n)\b"
    # ... with the verb after it ("propaganda não quero", round 13; "não manda", 18).
    r"(?:\s+(?:quero|queria|aceito|autorizo|desejo|recebo|manda|mandem|mande|envia|enviem"
    r"|envie)\b(?:\s+(?:nao|n)\b)?)?"
)
# Agreement asked on the refusal alone ("sem marketing, ok?", round 18): the consent's
# question is answered, what is asked is only the refusal's.
_NOT_ASKED_REFUSED = re.compile(
    rf"(?:{_NOT_ASKED_REFUSED.pattern})"
    r"(?:\s*,?\s*(?:ok|okay|blz|beleza|certo|combinado|pode\s+ser|ta|ta\s+bom)\s*\?+)?"
)
# A refusal ending by asking to go on without consent or another way ("não aceito, pode
# ser sem isso?", "não quero, tem outro jeito de marcar?", "não, posso marcar por
# telefone?").
_WITHOUT_ASKED = re.compile(
    r"[\s,.;!]*(?:e |mas )?(?:(?:pode ser|tem como|da pra|da para|posso|consigo|seria)?"
    r"(?: \w+){0,3}? sem\b(?: (?:isso|isto|ele|ela|aceitar|autorizar|o consentimento))?"
    r"|(?:tem|teria|existe|ha) (?:algum |alguma )?(?:outro jeito|outra forma|outro modo"
    r"|outra maneira)(?: de \w+)?"
    # Another channel asked ("não, posso marcar por telefone?", round 11).
    r"|(?:posso|da pra|da para|tem como|consigo|pode ser|podemos|e)?(?: \w+){0,2}?"
    r" (?:por|pelo|via) (?:telefone|ligacao|email|e-mail|site)|(?: \w+){0,2}? pessoalmente"
    r"|(?: \w+){0,2}? ligando)[\s?]*\?"
    # The other channel offered after the question ("... sem isso? por telefone talvez",
    # round 13).
    r"(?:\s*(?:por|pelo|via) (?:telefone|ligacao|email|e-mail|site)"
    r"(?: (?:talvez|quem sabe|entao|mesmo))?[\s.?]*)?\s*$"
)


def _plain(text: str) -> str:
    """Lower case, no accents; punctuation kept (it parts an answer's clauses)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Round 18: the notice's own purpose asked back, then the yes said after it ("Sim. Só pra
# consulta msm né? então pode"): the notice answers the question ("só para o seu
# atendimento") and the yes after it stands. Ending the message, the question still
# asks, and the answer stays unread ("pode sim, é só pra consulta né?", round 14).
_PURPOSE_ASKED = re.compile(
    rf"(?:{_PURPOSE_NAMED.pattern})\s*,?\s*(?:ne|neh|certo|nao e|nao)\s*\?+(?=\s*[^\s?])"
)


def within_scope(text: str) -> str:
    """``text`` without what it says of the notice's own purposes or of what the notice
    does not ask; the rest is read as the answer."""
    plain = _PURPOSE_ASKED.sub(" , ", _plain(text))
    return _NOT_ASKED_REFUSED.sub(" ", _PURPOSE_NAMED.sub(" ", plain))


def speaks_of_scope(text: str) -> bool:
    """Whether ``text`` names the notice's own purposes or refuses what it does not ask."""
    plain = _plain(text)
    return bool(_PURPOSE_NAMED.search(plain) or _NOT_ASKED_REFUSED.search(plain))


def without_asking_to_go_on(text: str) -> str | None:
    """A refusal with the question whether one may go on without consent taken off ("não
    aceito, pode ser sem isso?" is "não aceito"); None when it ends with no such question."""
    plain = _plain(text)
    asked = _WITHOUT_ASKED.search(plain)
    if asked is None:
        return None
    # Asked twice over ("tem como marcar sem isso? por telefone?", round 12): each taken off.
    while (again := _WITHOUT_ASKED.search(plain[: asked.start()])) is not None:
        asked = again
    return plain[: asked.start()]
