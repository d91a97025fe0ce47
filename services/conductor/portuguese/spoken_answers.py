"""What wraps a consent or a confirmation in speech and in the written register without
conditioning or doubting it (round 8), added to the answers' lexicons (``consent``).

- Laughter ("kkk", "rsrs", "haha") and the tag "né" change no answer: "claro q sim kkk".
- Fillers of speech: "tipo", "tipo assim", "ali" ("eu li ali e tá tudo certo"), "minha
  fia" (the North-East's "minha filha"); "meus dado", the plural as speech says it.
- The written register's salutation and closing ("Prezados, ...", "Atenciosamente,
  Marlene."), "declaro estar ciente e de acordo": a letter's form, no condition.
- A minor's data given with one's own ("autorizo meus dados e os do meu filho, que ele é
  menor"): the parent's consent for the child, which the LGPD asks of the parent.
- The young's register: "tmj" changes nothing; "sussa", "de boas", "pode pá" are an
  acknowledgement (no consent alone, as "ok" is none).
- A no said as "nops", "deixa quieto", "tô fora".
- Round 10: the law or the notice named as what is accepted ("aceito os termos da lgpd",
  "autorizo o uso dos meus dados conforme informado"); "beleza" clipped ("bele", "blza").

Kept unread, as before: an acknowledgement alone ("ok", "tá bom"; "tá, pode" is a yes
since round 9, ``consent_permission``); a remark of one's own after a yes, which the
reader cannot weigh (trust in the clinic is read since round 14, ``consent_remarks``);
consent given by another person for the patient ("é a filha dela, ela autoriza").
"""

from __future__ import annotations

import re

from services.conductor.portuguese.answer_parts import phrases

NEUTRAL = phrases(
    "k", "kk", "rs", "rsrs", "haha", "hahaha", "hehe", "hihi", "ne", "neh", "tipo",
    "tipo asim", "asim", "ali", "minha fia", "meu fio", "prezados", "prezadas", "prezado",
    "prezada", "declaro", "atenciosamente", "cordialmente", "att", "tambem",
    "os do meu filho", "os da minha filha", "os dos meus filhos", "que ele e menor",
    "que ela e menor", "ele e menor", "ela e menor",
    # The plural said without its "s", as speech says it ("pode usar meus dado sim").
    "dado", "meus dado", "os dado", "dos meus dado", "dos dado", "o uso dos meus dado",
    # A friendly closing of the young ("aceito tmj"); the law or the terms named in the
    # written register ("autorizo ... conforme a LGPD", "os termos apresentados").
    "tmj", "tamo junto", "conforme a lgpd", "conforme a lei", "nos termos da lgpd",
    "de acordo com a lgpd", "apresentados", "descritos", "informados",
    # The law or the notice named as what is accepted ("aceito os termos da lgpd",
    # "autorizo ... conforme informado", round 10): the notice restated, no condition.
    "lgpd", "da lgpd", "a lgpd", "com a lgpd", "conforme informado", "conforme informada",
    "conforme o aviso", "conforme a mensagem", "conforme explicado",
    # Blessings of the elderly ("pode sim minha filha, Deus te abençoe").
    "deus te abencoe", "deus lhe abencoe", "deus abencoe voces", "fica com deus",
    "fique com deus", "va com deus",
    # Praise of the devout before an answer ("ô glória, pode sim", round 9).
    "gloria", "o gloria", "gloria a deus", "gracas a deus", "amem",
    # Round 11: the devout's greeting ("autorizo sim, paz do senhor"); Rio's "mermão"
    # (my brother) as a form of address; the notice's purposes restated in the written
    # register ("para os fins informados"); the person saying she is the patient herself,
    # whose consent it is to give ("autorizo sim, sou eu mesma a paciente").
    "paz do senhor", "a paz do senhor", "mermao", "meu irmao", "irmao",
    "para os fins informados", "pros fins informados", "para as finalidades informadas",
    "para os fins descritos", "para as finalidades descritas",
    "sou eu mesma a paciente", "sou eu mesmo o paciente", "sou eu a paciente",
    "sou eu o paciente", "eu sou a paciente", "eu sou o paciente", "a paciente sou eu",
    "o paciente sou eu", "eu mesma sou a paciente", "eu mesmo sou o paciente",
    # Round 13: the young's sighs and cries before or after an answer ("aff não", "ih não
    # dá não mds"): they change no answer.
    "aff", "af", "afs", "ih", "mds", "meu deus", "pqp", "aiai", "ai ai",
    # Round 16: Ceará's forms of address ("autorizo sim macho", "confirma sim mah"),
    # speech's "mesmo" ("é mermo, pode sim"), emphasis ("serve demais") and relief at
    # being seen ("simmm kkk finalmente"): they change no answer.
    "macho", "mah", "mermo", "e mermo", "e mesmo", "demais", "finalmente",
    # Blind set 31: an apology before the answer ("Desculpe, não poderei comparecer").
    "desculpe", "desculpa", "me desculpe", "me desculpa", "perdao", "sinto muito", "lamento",
    "mil desculpas",
    # Round 18: more forms of address, diminutives too ("tá autorizado maninho").
    "maninho", "maninha", "amigo", "amiga", "meu amigo", "minha amiga", "parceiro",
    "parceira", "brother", "bro", "irma", "minha irma",
    # The apology's "mas" turns to the answer, no condition ("Desculpe, mas não vou poder ir").
    "desculpe mas", "desculpa mas", "sinto muito mas", "me desculpe mas", "perdao mas",
    *(f"{sorry} {delay}" for sorry in ("desculpe", "desculpa", "me desculpe", "me desculpa",
      "foi mal") for delay in ("a demora", "pela demora")),
)  # fmt: skip
# "sussa", "de boas", "pode pá": the young's "ok", an acknowledgement, no consent alone.
# "bom demais": Minas' and the interior's "great" (round 9).
# "bele", "blza", "belezinha": "beleza" clipped or made small, as chat writes it (round 10).
ACK = phrases(
    "estar ciente", "sussa", "suave", "de boas", "pode pa", "bom demais", "bao demais",
    "bele", "blza", "belezinha", "beleza pura",
    # The North-East's "great" ("arretado, aceito", "massa, pode confirmar").
    "arretado", "arretada", "arretado demais", "massa", "top",
    # The South's "great" ("bah, tri, pode ser", round 11).
    "tri", "tri bom", "tri legal", "tri bem", "bah tri",
    # The North's "great" ("pai d'égua, serve sim", round 12).
    "pai d egua", "pai degua", "paidegua", "pai d egua demais",
    # The Spanish of the border and the coast ("sí, perfecto", round 13).
    "perfecto", "de acuerdo", "esta bien", "vale",
    # Round 16: Ceará's "for real" ("de rocha, pode"), the South's "go on" ("dale,
    # sim"), Minas' "bom" ("bão, pode confirma").
    "de rocha", "dale", "bao",
    # Round 18: "let's go" run together ("simbora", "vambora"): going on, as "bora" is.
    "simbora", "vambora", "vamo simbora", "vamos simbora", "bora simbora",
    # "go on" ("claro q sim, to no transito, vai la"): an acknowledgement, as "segue".
    "vai la", "pode ir", "vai em frente", "pode ir em frente", "segue em frente",
)  # fmt: skip
# Spanish's "sí", written without its accent as chat writes it ("si, autorizo", round 13).
YES = phrases("estar de acordo", "si", "claro que si", "si claro", "si si")
NO = phrases(
    "nop", "nops", "deixa quieto", "deixa pra la", "deixa para la", "to fora", "estou fora"
)

# A letter's closing, with the name signed after it: "Atenciosamente, Marlene.".
_SIGNED = re.compile(
    r"[\s,.;!]*\b(?:atenciosamente|cordialmente|att|grato|grata|abracos?)\b[\s,.;!]*"
    r"(?:[^\W\d_]+\s*){0,4}[.!]*\s*$",
    re.IGNORECASE,
)


# The name said in apposition after "Eu," as a declaration opens ("Eu, Bruno Dal Molin,
# autorizo."): the signer's, no condition (round 11). Written capitalised, as a name is.
_DECLARED_NAME = re.compile(
    r"^\s*(?P<eu>[Ee]u)\s*,\s*[A-ZÀ-Ý][\w'-]*(?:\s+(?:(?:d[aeo]s?|e)\s+)?[A-ZÀ-Ý][\w'-]*){0,4}"
    r"\s*,"
)
# An aside on the answer's delay ("sim (respondendo agora, tava em reunião)"): no part of
# the answer. One with a condition, a negation or a question in it stays, and is read.
_DELAY_ASIDE = re.compile(
    r"\((?=[^()]*\b(?:respondendo|demora|reuni[aã]o|ocupad[oa]|vi agora|s[oó] agora)\b)"
    r"(?![^()]*(?:\?|\b(?:se|mas|n[aã]o|n|s[oó] se)\b))[^()]*\)",
    re.IGNORECASE,
)


def unsigned(text: str) -> str:
    """``text`` without a letter's closing and the name signed after it, the name
    declared after "Eu," and an aside on the answer's delay."""
    text = _DELAY_ASIDE.sub(" ", _DECLARED_NAME.sub(r"\g<eu>", text))
    return _SIGNED.sub("", text)
