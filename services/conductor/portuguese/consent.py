"""Whether a message answers the consent question, or asks to revoke consent.

Consent is the legal basis for health data (LGPD art. 11), so it is read from the shape of
the whole message, not from a word found in it: a message is consent only when every one
of its words belongs to an affirmative answer ("Sim, aceito", "ok, aceito!", "I agree"),
a refusal only when every word belongs to a negative one ("não", "I refuse"). A question,
a condition, a negation of a yes or any other word makes it unclear, and the person is
asked again: asking twice costs a message, a consent read into a "no" costs the person.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from enum import StrEnum

from services.conductor.portuguese.shorthand import written_out
from services.conductor.portuguese.text import fold

# Runs of a letter written long for emphasis ("siiim", "nãooo"): each phrase word is
# matched as a pattern in which every letter may repeat.
_ELONGATED = re.compile(r"(\w)\1+")
# Text faces (":)", ";-D", "=P") carry no answer; their letters must not read as words.
_EMOTICON = re.compile(r"[:;=][-'^]?[()\[\]DPpOo3|/\\*]+")
_NOT_LETTERS = re.compile(r"[\W_]+")


def _collapsed(text: str) -> str:
    return " ".join(_ELONGATED.sub(r"\1", word) for word in text.split())


def _phrases(*written: str) -> frozenset[tuple[str, ...]]:
    return frozenset(
        tuple(_ELONGATED.sub(r"\1", w) for w in written_out(_collapsed(p)).split()) for p in written
    )


_YES = _phrases(
    "sim", "aceito", "eu aceito", "aceito sim", "concordo", "eu concordo",
    "concordo sim", "autorizo", "eu autorizo", "autorizo sim", "consinto", "eu consinto",
    "de acordo", "estou de acordo", "to de acordo", "pode sim", "claro", "claro que sim",
    "com certeza", "certamente", "positivo", "quero sim", "s",
    "yes", "yeah", "yep", "yup", "sure", "of course", "i agree", "agree", "agreed",
    "i accept", "accept", "accepted", "i consent", "consent",
)  # fmt: skip
_NO = _phrases(
    "nao", "nao aceito", "eu nao aceito", "nao concordo", "eu nao concordo",
    "nao autorizo", "eu nao autorizo", "nao consinto", "nao quero", "eu nao quero",
    "recuso", "eu recuso", "nunca", "negativo", "jamais", "de jeito nenhum", "nem pensar",
    "claro que nao", "agora nao", "prefiro nao",
    "no", "nope", "nah", "never", "i refuse", "refuse", "i decline", "decline",
    "i do not accept", "i don t accept", "i dont accept", "i do not agree", "i don t agree",
    "i dont agree", "i do not consent", "i don t consent", "i dont consent",
)  # fmt: skip
# Words that change nothing about a yes or a no: greetings, thanks, "ok", what is
# accepted ("os termos", "the notice"). None of them is an answer on its own.
_NEUTRAL = _phrases(
    "ok", "okay", "ta", "pode ser", "ta bom", "ta bem", "tudo bem", "beleza", "blz", "pode",
    "entao",
    "por favor", "pfv", "pf", "obrigado", "obrigada", "obg", "oi", "ola", "bom dia",
    "boa tarde", "boa noite", "certo", "li", "e", "eu", "o", "a", "os", "as", "com", "isso",
    "aviso",
    "termos", "politica", "privacidade", "de privacidade", "do aviso", "tudo",
    "please", "thanks", "thank you", "hi", "hello", "i", "the", "to", "with", "and", "it",
    "terms", "notice", "policy", "privacy", "all", "i read",
)  # fmt: skip
# A yes on a condition or with a reservation is not a yes ("sim, se não passarem meus
# dados", "yes but only for today").
_CONDITIONS = frozenset(
    {"se", "mas", "porem", "contanto", "desde", "caso", "exceto", "menos", "somente",
     "apenas", "so", "if", "but", "unless", "only", "except", "provided", "however"}
)  # fmt: skip
# Any of these anywhere makes a message something other than consent.
_NEGATIONS = frozenset(
    {"nao", "n", "nem", "nunca", "jamais", "no", "not", "nope", "nah", "never", "dont", "don"}
)  # fmt: skip
# "Não li" ("I haven't read it") says nothing of consent: with these, a no is not a refusal.
_READING = frozenset({"li", "read"})
_QUESTION = ("?", "¿", "\u061f", "\u2e2e")  # and the Arabic and reversed question marks
Lexicon = dict[str, frozenset[tuple[str, ...]]]
_ANSWERS: Lexicon = {"yes": _YES, "no": _NO}


def consent_answer(text: str) -> bool | None:
    """True for an unambiguous yes, False for an unambiguous no, None for anything else
    (a question, a condition, a yes negated, an unrelated message)."""
    if _asks(text):
        return None
    words = _words(text)
    if not words or _CONDITIONS.intersection(words):
        return None
    kinds = _parse(words, _ANSWERS, _NEUTRAL)
    if kinds is None:
        return None  # some words are neither an answer nor neutral
    if "yes" in kinds and "no" not in kinds and not _NEGATIONS.intersection(words):
        return True
    if "no" in kinds and "yes" not in kinds and not _READING.intersection(words):
        return False
    return None


class Revocation(StrEnum):
    """What a message says about revoking consent."""

    CLEAR = "clear"
    """Nothing but a request to revoke ("revogar consentimento", "descadastrar")."""
    UNCONFIRMED = "unconfirmed"
    """Possibly a request to revoke ("parar", "como faço para revogar?"): ask first."""
    NONE = "none"


_REVOKE = _phrases(
    "revogar", "revogo", "revogar consentimento", "revogar o consentimento",
    "revogar meu consentimento", "revogo meu consentimento", "revogo o consentimento",
    "retiro meu consentimento", "retiro o consentimento", "retirar consentimento",
    "retirar meu consentimento", "retirar o consentimento", "cancelar meu consentimento",
    "cancelar o consentimento", "cancelar consentimento", "cancela meu consentimento",
    "cancela o consentimento", "cancelo meu consentimento", "retira meu consentimento",
    "tira meu consentimento", "tirar meu consentimento", "retiro minha autorizacao",
    "retirar minha autorizacao", "revogo minha autorizacao", "revogar minha autorizacao",
    "cancelo minha autorizacao", "cancelar minha autorizacao", "descadastrar", "me descadastrar",
    "me descadastre", "descadastre", "descadastra", "nao quero mais que usem meus dados",
    "nao quero mais que voces usem meus dados", "nao quero mais que usem minhas informacoes",
    "nao quero mais que voces usem minhas informacoes", "nao quero que usem meus dados",
    "nao quero que voces usem meus dados", "parem de usar meus dados",
    "nao quero mais receber mensagens", "nao quero receber mais mensagens",
    "nao quero mais receber mensagem", "nao quero receber mensagem",
    "parem de me mandar mensagens", "parem de mandar mensagens",
    "nao autorizo mais", "nao autorizo mais o uso dos meus dados",
    "revoke", "revoke consent", "revoke my consent", "withdraw my consent",
    "withdraw consent", "i withdraw my consent", "opt out",
)  # fmt: skip
# Words that may mean "stop talking to me" but, alone in a longer message, mean anything
# ("Onde posso parar o carro?"): only a message of nothing else asks for a confirmation.
_STOP = _phrases("parar", "pare", "para", "stop", "sair", "chega", "unsubscribe")
_REVOKE_NEUTRAL = _NEUTRAL | _phrases("quero", "eu quero", "gostaria de", "i want to", "agora")
_REVOCATIONS: Lexicon = {"revoke": _REVOKE, "stop": _STOP}
_LONGEST = max(len(p) for p in _YES | _NO | _NEUTRAL | _REVOKE | _REVOKE_NEUTRAL)


def revocation_in(text: str) -> Revocation:
    """Whether ``text`` asks to revoke consent: clearly, possibly (to be confirmed), or not."""
    words = _words(text)
    mentioned = any(_contains(words, phrase) for phrase in _REVOKE)
    shape = _parse(words, _REVOCATIONS, _REVOKE_NEUTRAL)
    plain = not _asks(text) and not _CONDITIONS.intersection(words)
    if shape is not None and "revoke" in shape and "stop" not in shape and plain:
        return Revocation.CLEAR
    if mentioned or (shape is not None and shape and shape <= {"stop"}):
        return Revocation.UNCONFIRMED
    return Revocation.NONE


def _asks(text: str) -> bool:
    """Whether the message has a question mark, in any of its written forms
    (the full-width one too)."""
    shown = unicodedata.normalize("NFKC", text)
    return any(mark in shown for mark in _QUESTION)


def _words(text: str) -> tuple[str, ...]:
    """The words of a message, shorthand written out ("n" is "não", "vcs" "vocês")."""
    plain = _NOT_LETTERS.sub(" ", fold(_EMOTICON.sub(" ", unicodedata.normalize("NFKC", text))))
    # Collapsed before shorthand is written out, so that "nn" is "n", that is "não".
    return tuple(_ELONGATED.sub(r"\1", w) for w in written_out(_collapsed(plain)).split())


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(words[i : i + size] == phrase for i in range(len(words) - size + 1))


def _parse(
    words: tuple[str, ...], lexicon: Lexicon, neutral: frozenset[tuple[str, ...]]
) -> set[str] | None:
    """The kinds of phrase (the lexicon's keys) the message is made of, reading the longest
    known phrase at each point; None when some words belong to no known phrase."""
    kinds: set[str] = set()
    at = 0
    while at < len(words):
        for size in range(min(_LONGEST, len(words) - at), 0, -1):
            piece = words[at : at + size]
            kind = _kind(piece, lexicon.items(), neutral)
            if kind is not None:
                if kind:
                    kinds.add(kind)
                at += size
                break
        else:
            return None
    return kinds


def _kind(
    piece: tuple[str, ...],
    lexicon: Iterable[tuple[str, frozenset[tuple[str, ...]]]],
    neutral: frozenset[tuple[str, ...]],
) -> str | None:
    """The kind of a known phrase ("" for a neutral one), or None for an unknown one."""
    for kind, phrases in lexicon:
        if piece in phrases:
            return kind
    return "" if piece in neutral else None
