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
from collections.abc import Iterable
from enum import StrEnum

from services.conductor.portuguese import spoken_answers as spoken
from services.conductor.portuguese.answer_delay import without_delay_remarked
from services.conductor.portuguese.answer_dictated import with_marks_written
from services.conductor.portuguese.answer_for_whom import without_whom_for
from services.conductor.portuguese.answer_parts import AnswerGrammar, Part, without_so_address
from services.conductor.portuguese.answer_parts import answer_words as _words
from services.conductor.portuguese.answer_parts import asks as _asks
from services.conductor.portuguese.answer_parts import phrases as _phrases
from services.conductor.portuguese.answer_reading import answer_of
from services.conductor.portuguese.answer_sentences import no_beside_question
from services.conductor.portuguese.consent_for_adult import for_an_adult
from services.conductor.portuguese.consent_guardian import without_guardian_said
from services.conductor.portuguese.consent_permission import PERMISSION
from services.conductor.portuguese.consent_relayed_no import relayed_refusal
from services.conductor.portuguese.consent_relayed_yes import relayed_yes
from services.conductor.portuguese.consent_remarks import without_courtesies, without_remarks
from services.conductor.portuguese.consent_scope import within_scope, without_asking_to_go_on
from services.conductor.portuguese.english_answers import all_english, english_answer
from services.conductor.portuguese.hedges import hedged
from services.conductor.portuguese.hurry_remarks import without_hurry
from services.conductor.portuguese.mistaken_key import after_slip
from services.conductor.portuguese.refusal_tails import (
    after_capaz,
    before_errand,
    capaz_that_refuses,
)
from services.conductor.portuguese.spanish_answers import in_portuguese
from services.conductor.portuguese.stop_messages import stop_of_messages_asked

# A yes standing on its own.
_YES = _phrases(
    "sim", "claro", "claro que sim", "com certeza", "certamente", "positivo", "de acordo",
    "estou de acordo", "to de acordo", "tou de acordo", "pode sim", "quero sim", "s", "uhum",
    "aham", "dou meu consentimento", "dou o consentimento", "dou consentimento",
    # Round 9: leave given grants what was asked ("ok pode", "tá, pode", "blz pode ser").
    *PERMISSION,
    "yes", "yeah", "yep", "yup", "sure", "of course", "agreed",
)  # fmt: skip
# Leave given to keep or use the data ("pode registrar", "podem ficar com"), and "deixo"
# (I let): negated, a refusal.
_HANDLING = (
    "usar", "utilizar", "guardar", "salvar", "registrar", "cadastrar", "anotar", "armazenar",
    "tratar", "manter", "ficar com", "colocar", "botar",
    # Speech drops the infinitive's "r" ("sim pode usa meus dado", round 16).
    "usa", "utiliza", "guarda", "salva", "registra", "cadastra", "anota",
)  # fmt: skip
_PERMITS = _phrases(
    *(f"{leave} {verb}" for leave in ("pode", "podem") for verb in _HANDLING),
    "deixo", "eu deixo",
    # The consent said done ("está autorizado", "fica autorizado", round 18).
    *(f"{be} autorizad{o}" for be in ("esta", "fica", "estao", "ficam", "pode ficar")
      for o in ("o", "a", "os", "as")),
)  # fmt: skip
# A problem denied is no no ("não tem problema", "não me importo"): asked again at worst.
# Said with the negator again at its end ("não me importo não", "não tem problema nenhum
# não"), as speech repeats it, it is still denied in form only.
_DENIED = (
    "nao tem problema", "nao tem problema nenhum", "nao ha problema", "nao vejo problema",
    "nao me importo", "problema nenhum", "nenhum problema", "nao tenho nada contra",
    "nada contra", "nao tenho objecao", "sem objecao", "nao vejo a hora",
    "nao tenho nada a esconder", "nada a esconder",
)  # fmt: skip
# An acknowledgement: it goes with a yes or a no, and is no consent by itself ("ok").
_ACK = _phrases(
    "ok", "okay", "ta", "ta bom", "ta bem", "tudo bem", "tudo certo", "beleza", "blz",
    "certo", "tranquilo", "tranquila", "sem problema", "sem problemas",
    "combinado", "fechado", "fechou", "perfeito", "perfeitamente", "otimo", "show", "bora",
    "pode deixar",
    "de boa", "segue", "pode seguir", "pode continuar", "pode prosseguir",
    "numa boa", "certinho", "ta certinho", "ta certo",
    *_DENIED, *(f"{denied} nao" for denied in _DENIED if denied.startswith("nao ")),
    # Leave given freely ("fica à vontade", "manda ver", "show de bola").
    "fica a vontade", "fique a vontade", "fiquem a vontade", "pode ficar a vontade",
    "manda ver", "pode mandar ver", "manda bala", "vai fundo", "show de bola", "demorou",
    # Being informed, which consent rests on ("fiquei bem informada", "estou ciente").
    "ciente", "estou ciente", "to ciente", "fiquei ciente", "entendi", "entendido",
    "compreendi", "informada", "informado", "bem informada", "bem informado",
    "fiquei informada", "fiquei informado", "fiquei bem informada", "fiquei bem informado",
    # Going on to the booking ("autorizo sim macho pode marcar", round 16), as "pode
    # seguir": with a yes, no consent by itself.
    *(f"pode {verb}{what}" for verb in ("marcar", "agendar", "marca", "agenda")
      for what in ("", " a consulta", " minha consulta", " entao")),
    # In a hurry to go on (blind sets 32 and 33): "bora agendar logo", "pode seguir logo".
    *(f"{go} {verb}{soon}" for go in ("bora", "vamos", "pode")
      for verb in ("marcar", "agendar", "seguir", "continuar", "prosseguir")
      for soon in (" logo", " entao", " ja")),
    "bora marcar", "bora agendar", "vamos marcar", "vamos agendar", "segue logo",
)  # fmt: skip
# A negation in form only (a problem or an objection denied): no negation of the yes.
_FORM_ONLY = frozenset(phrase for phrase in _ACK if phrase[0] == "nao")
_NO = _phrases(
    "nunca", "jamais", "negativo", "nem pensar", "nada disso", "de jeito nenhum", "de jeito algum",
    "claro que nao", "deus me livre", "deus me defenda", "nem a pau", "nem morto",
    "nem morta", "never", "nope", "nah", "no way",
)  # fmt: skip
# A negator: a no alone, and turns what follows in its clause into one.
_NOT = _phrases(
    "nao", "nem", "prefiro nao", "melhor nao", "acho melhor nao", "acho que nao", "agora nao",
    "no", "not", "do not", "dont", "don t", "ainda nao", "por enquanto nao", "prefiro que nao",
    # "num" is how speech says "não" before a verb ("num dá", "num aceito não").
    "num",
)  # fmt: skip
# Verbs of ability or wish: negated, a no ("não quero"); unnegated, too weak for consent.
_ABLE = _phrases("quero", "queria", "posso", "vou", "gostaria", "desejo")
# Words that change nothing about a yes or a no: greetings, thanks, fillers, what is
# accepted ("os termos", "the notice", "meus dados"), forms of address. None of them is
# an answer on its own.
_NEUTRAL = _phrases(
    "entao", "por favor", "pfv", "pf", "obrigado", "obrigada", "obg", "oi", "ola", "bom dia",
    "boa tarde", "boa noite", "li", "e", "eu", "o", "a", "os", "as", "com", "isso", "aviso",
    "termos", "politica", "privacidade", "de privacidade", "do aviso", "tudo", "senhora",
    "senhor", "meus dados", "os meus dados", "dos meus dados", "dados", "os dados",
    "dos dados", "informacoes", "minhas informacoes", "o uso", "uso", "de dados", "nada",
    "cadastro", "meu cadastro", "o cadastro", "tratamento", "o tratamento", "meu numero",
    "meu nome", "meu telefone", "meu whatsapp", "as mensagens", "minhas mensagens",
    "que", "usar", "usem", "guardem", "guardar", "passar", "na verdade", "muito obrigado",
    "muito obrigada", "brigado", "brigada", "valeu", "vlw", "grato", "grata", "agradeco",
    "pela atencao", "pela ajuda", "pela explicacao", "por avisar", "pelo aviso",
    "pela informacao", "pelas informacoes", "pelo retorno", "pelo contato", "pra mim",
    "para mim", "mesmo assim", "viu", "tchau", "ate mais", "ate logo",
    "deus abencoe", "doutora", "doutor", "dra", "dr", "moca", "moco", "querida", "querido",
    "minha filha", "meu filho", "minha querida", "meu querido", "minha flor", "meu bem",
    "minha senhora", "meu senhor", "filha", "fia", "a vontade", "direitinho",
    "acho que", "olha", "ai", "mais", "por mim", "de voces", "isso ai",
    # Emphasis: "concordo plenamente", "autorizo totalmente".
    "plenamente", "totalmente", "completamente", "inteiramente", "mesmo", "nisso",
    # The notice pointed at ("como diz aí"); going on with what it is for.
    "como diz ai", "como esta ai", "como ta ai", "conforme diz ai", "com o agendamento",
    # Round 16: the clinic's own words recalled ("... so pro atendimento como vcs falaram").
    "como voces falaram", "como voces disseram", "como voces explicaram", "como falaram",
    "como foi dito", "como foi explicado", "como voce falou", "como a senhora falou",
    "com a marcacao", "com o atendimento", "com o cadastro",
    "infelizmente",
    # An oath for emphasis ("só não me manda promoção não pelo amor de Deus", blind set 33).
    "pelo amor de deus", "pelo amor de deus ne",
    # A reminder asked, negated in form only ("não esquece de me avisar"): no answer.
    "nao esquece", "nao esqueca", "nao esquecam", "nao deixa de", "nao deixe de",
    # Fillers before an answer ("hum, prefiro não", "ah tá"); a while ("por enquanto").
    "hum", "hmm", "hm", "ah", "ahn", "bom", "oxe", "poxa", "por enquanto", "por",
    # Interjections of the regions ("vixe, não", "eita, esse dia não dá"); kind asking.
    "vixe", "eita", "uai", "pfvr", "por gentileza", "ixi", "ixe", "xi", "putz", "opa", "afe",
    "bah", "tche", "oxente", "oxi", "ue", "egua", "visse", "mano", "mana", "vei", "guria",
    "guri", "painho", "mainha", "meu rei", "minha rainha", "sinhora", "sinhor",
    # The data named in full ("os meus dados pessoais", "dados de saúde").
    "pessoais", "de saude", "de uso", "termos de uso", "condicoes", "as condicoes",
    "please", "thanks", "thank you", "hi", "hello", "i", "the", "to", "with", "and", "it",
    "terms", "notice", "policy", "privacy", "all", "i read",
)  # fmt: skip
# A yes on a condition or with a reservation is not a yes ("sim, se não passarem meus
# dados", "yes but only for today").
_CONDITIONS = frozenset(
    {"se", "mas", "porem", "contanto", "desde", "caso", "exceto", "menos", "somente",
     "apenas", "so", "if", "but", "unless", "only", "except", "provided", "however"}
)  # fmt: skip
# As the answers' words are compared: letters written long once ("unless" is "unles").
_CONDITION_WORDS = frozenset(word for (word,) in _phrases(*_CONDITIONS))
# The stems of the verbs of consent and refusal, in any form ("autorizar", "concordamos",
# "prefiro não autorizar"), and of their English kin.
_STEMS = {
    "aceit": Part.VERB, "autoriz": Part.VERB, "concord": Part.VERB, "consint": Part.VERB,
    "consent": Part.VERB, "permit": Part.VERB, "accept": Part.VERB, "agree": Part.VERB,
    "authori": Part.VERB, "discord": Part.REFUSE, "recus": Part.REFUSE,
    "desautoriz": Part.REFUSE, "refus": Part.REFUSE, "declin": Part.REFUSE,
    "disagree": Part.REFUSE,
}  # fmt: skip
# Nouns that begin as those verbs do: no answer ("autorizacao", "consentimento").
_NOUNS = (
    "consentimento", "consentimentos", "autorizacao", "autorizacoes", "aceitacao",
    "permitido", "concordancia",
)  # fmt: skip
CONSENT_PARTS: dict[Part, frozenset[tuple[str, ...]]] = {
    Part.YES: _YES | spoken.YES, Part.VERB: _PERMITS, Part.ACK: _ACK | spoken.ACK,
    Part.NO: _NO | spoken.NO, Part.NOT: _NOT, Part.SOFT: _ABLE,
    Part.SAID: _NEUTRAL | spoken.NEUTRAL, Part.IF: _phrases(*_CONDITIONS),
    # "nego" (I deny), as "recuso": a stem would take "negócio" too (round 18).
    Part.REFUSE: _phrases("nego", "eu nego", "negado"),
}  # fmt: skip
# The forms a slip is put right to ("autoriso", "concrodo").
VERB_FORMS = (
    "aceito", "aceitar", "autorizo", "autorizar", "concordo", "concordar", "consinto",
    "discordo", "recuso", "desautorizo", "permito",
)  # fmt: skip
_CONSENT = AnswerGrammar.of(CONSENT_PARTS, _STEMS, _NOUNS, soft_yes=None, verb_forms=VERB_FORMS)
# Any of these anywhere makes a message something other than consent.
_NEGATIONS = frozenset(
    {"nao", "n", "num", "nem", "nunca", "jamais", "no", "not", "nope", "nah", "never", "dont",
     "don"}
)  # fmt: skip
# "Não li" ("I haven't read it"), "não sei", "não tenho certeza" say nothing of consent:
# with a verb of reading or knowing, a no is not a refusal.
_READING = frozenset(
    {"li", "read", "sei", "certeza", "sure", "know", "entendi", "lembro", "understand"}
)
Lexicon = dict[str, frozenset[tuple[str, ...]]]


def consent_answer(text: str) -> bool | None:
    """True for an unambiguous yes, False for an unambiguous no, None for anything else
    (a question, a condition, a yes negated, an unrelated message). Read from its parts
    (``answer_parts``): an acknowledgement alone ("ok", "pode ser") is no consent. What
    it says of the notice's own purposes, or of what the notice does not ask, is no
    condition (``consent_scope``); a yes said as a belief ("acho que sim") is none
    (``hedges``)."""
    text = with_marks_written(text)  # "sim vírgula autorizo ponto" (round 18)
    text = after_slip(text) or text  # "nao pera, apertei errado kkk SIM pode"
    # "yes, I authorize", "no problem" (round 16): a message all in English is read as such.
    if all_english(text):
        return english_answer(text, consent=True)
    answer = _whole_answer(in_portuguese(text))  # "Sí, autorizo. Pero no me manden ..."
    if answer is True and (for_an_adult(text) or relayed_yes(text)):
        return None  # "é pra minha mae que ta com 60 anos" (round 16), "mainha autoriza" (18)
    return None if answer is True and hedged(text) else answer


def _whole_answer(text: str) -> bool | None:
    if capaz_that_refuses(text):
        return False  # "capaz que eu vou autorizar, nao" (round 17)
    if relayed_refusal(text):
        return False  # "minha mãe não quer não, ..." (round 14)
    for refusal in (before_errand(text), after_capaz(text)):
        if refusal is not None and _whole_answer(refusal) is False:
            return False  # "não, só queria saber se aceitam unimed", "capaz! não autorizo"
    text = without_whom_for(spoken.unsigned(without_so_address(text)))
    text = without_guardian_said(text)  # "..., sou a mãe dela" (round 13)
    text = without_remarks(text)  # "pode sim, eu confio em vcs" (round 14)
    text = without_courtesies(text)  # "Autorizo, desde já agradeço a atenção." (round 17)
    text = without_hurry(text)  # "sim sim, to com pressa kkkk" (round 16)
    text = without_delay_remarked(text)  # "autorizo sim kkk demorou pra chegar a msg" (18)
    if no_beside_question(text, lambda sentence: _answer(within_scope(sentence))):
        return False  # "pra que vcs querem meus dados? não autorizo não" (round 8)
    unasked = without_asking_to_go_on(text)
    if unasked is not None:
        # "não aceito, pode ser sem isso?": a refusal, whatever the answer to the question.
        return False if _answer(unasked) is False else None
    return _answer(within_scope(text))


def _answer(text: str) -> bool | None:
    words = _words(text)
    said = answer_of(text, _CONSENT, courteous=True)
    if said is None:
        return None
    if Part.YES in said and Part.NO not in said:
        # LGPD: no negation and no condition anywhere in a consent.
        meant = _without_form_only(words)
        if _NEGATIONS.intersection(meant) or _CONDITION_WORDS.intersection(meant):
            return None
        return True
    if said == {Part.NO} and not _READING.intersection(_before_reason(words)):
        return False
    return None


# A no's reason ("prefiro que não, porque não sei pra onde vão esses dados"): a verb of
# knowing in it is the reason's, not the answer's (round 14).
_BECAUSE = frozenset({"porque", "pq", "pois", "porq"})


def _before_reason(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words before a reason is given."""
    at = next((i for i, word in enumerate(words) if word in _BECAUSE), len(words))
    return words[:at]


def _without_form_only(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words without the negations in form only ("não tem problema")."""
    kept: list[str] = []
    at = 0
    while at < len(words):
        # The longest that is there: "não me importo não" whole, its last "não" too.
        size = max((len(p) for p in _FORM_ONLY if words[at : at + len(p)] == p), default=0)
        kept.extend(words[at : at + 1] if size == 0 else ())
        at += size or 1
    return tuple(kept)


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
_REVOKE_NEUTRAL = _NEUTRAL | _phrases(
    "quero", "eu quero", "gostaria de", "i want to", "agora", "ok", "okay", "ta", "pode ser",
    "ta bom", "ta bem", "tudo bem", "beleza", "blz", "pode", "certo",
)  # fmt: skip
_REVOCATIONS: Lexicon = {"revoke": _REVOKE, "stop": _STOP}
# Any form of a verb of taking back said of consent ("revoga meu consentimento", "tiro
# minha permissão", "cancela minha autorização de uso de dados"): asked about first.
_TAKING_BACK = re.compile(
    r"\b(?:revog|retir|tir|cancel|remov|suspend)\w* (?:(?:o|a|meu|minha) ){0,2}"
    r"(?:consentimento|autorizacao|permis+ao)\b"
)
_LONGEST = max(len(p) for p in _REVOKE | _REVOKE_NEUTRAL)


def revocation_in(text: str) -> Revocation:
    """Whether ``text`` asks to revoke consent: clearly, possibly (to be confirmed), or not."""
    words = _words(text)
    mentioned = any(_contains(words, phrase) for phrase in _REVOKE)
    mentioned = mentioned or _TAKING_BACK.search(" ".join(words)) is not None
    # The clinic's messages asked to stop ("para de me mandar msg"): confirmed first.
    mentioned = mentioned or stop_of_messages_asked(" ".join(words))
    shape = _parse(words, _REVOCATIONS, _REVOKE_NEUTRAL)
    plain = not _asks(text) and not _CONDITIONS.intersection(words)
    if shape is not None and "revoke" in shape and "stop" not in shape and plain:
        return Revocation.CLEAR
    if mentioned or (shape is not None and shape and shape <= {"stop"}):
        return Revocation.UNCONFIRMED
    return Revocation.NONE


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
