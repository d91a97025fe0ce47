"""What is said around a name besides greetings and tags (round 11).

- A title before it: "Sr. Alcides Tonietto", "Sra. Terezinha de Jesus Melo", "Dona
  Cida", "Pr. Valdivino Gomes Teixeira", "Sgt. Roberto Alves" (a title after an
  introduction is dropped by the introduction itself).
- "é" typed without its accent before a lone capitalised name: "e Gilvan".
- "né?" asked in the middle, as a tag ("o nome e da minha filha ne? Isabelly Vitória").
- An aside in brackets: "Francisca de Assis Moura (escrevendo pela minha mae)".
- Words said twice in a row, as a voice typed in: "o meu nome e o meu nome e marinalva
  marinalva souza dos anjos"; a word said twice counts as a stammer only when two more
  words follow it ("Maria Maria" alone is left as written).
- A correction: what follows "ops", "digo", "quer dizer", "aliás" replaces what came
  before it ("Bruna Salles. Ops, Bruna Salles Cardoso"; "... Almeida ops Juliana ...",
  with no stop before "ops", round 18).
- A remark after the name in a sentence of its own ("Camila Ferraz Bittencourt.
  Desculpa a demora, tava em reuniao", "rodrigo tavares barbosa, tmj"): the name comes
  first, has two words or more, none a word of speech, is capitalised as a name (every
  word or none: "Agora nao, estou no trabalho" is a sentence), and every sentence after it
  is plainly no name; a sentence with a number is a remark ("Iracema Tavares Guimarães,
  tenho 72 anos", "Gilmar Pinheiro Nunes, servidor matrícula 45821", round 12).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from services.conductor.portuguese.name_beside import without_self_told
from services.conductor.portuguese.names import PARTICLES, looks_like_name
from services.conductor.portuguese.text import fold

# A pastor's, a teacher's or a priest's title too ("Pr. Valdivino Gomes Teixeira", round
# 16); "pra" and "pr" only with their full stop ("pra" is also "para").
_TITLE = re.compile(
    r"^(?:(?:sr|sra|srta|dr|dra)\.?|(?:pr|pra|prof|profa|sgt|sg|cb|sd|ten|cap|cel|maj)\.|dona|senhor|senhora|pastor"
    r"|pastora|padre|frei|professor|professora)\s+(?=[A-ZÀ-Ý])",
    re.I,
)
# Only a capital tells "e Gilvan" (é) from "e" joining a sentence.
_IS_BEFORE_NAME = re.compile(r"^(?:e|eh|é)\s+(?=[A-ZÀ-Ý][^\W\d_]+[.!]*$)")
_TAG_ASKED = re.compile(r"\s+n(?:e|é|eh)\s*\?\s+(?=\S)", re.I)
_ASIDE = re.compile(r"\s*\([^()]*\)\s*")
_SAID_TWICE = re.compile(r"\b((?:[^\W\d_]+\s+)+?[^\W\d_]+)\s+\1\b", re.I)
_WORD_TWICE = re.compile(r"\b([^\W\d_]{2,})\s+\1(?=(?:\s+[^\W\d_]+){2})", re.I)
_CORRECTION = re.compile(
    r"^(.*?)(?:[,.;!]\s*|\s+(?=digo\b|quer dizer\b|quis dizer\b|corrigindo\b|ops\b|oops\b))"
    r"(?:(?:ops|opa|oops|digo|quer dizer|quis dizer|alias|aliás|corrigindo)"
    r"\s*[,:.]?\s+)+",
    re.I,
)
_SENTENCES = re.compile(r"\s*[.,;!?]+\s*")
# Words a sentence carries and a name never does: articles, prepositions, pronouns.
_SPEECH_WORDS = frozenset({
    "a", "o", "os", "as", "um", "uma", "em", "no", "na", "nos", "nas", "pela", "pelo",
    "por", "com", "pra", "pro", "que", "eu", "me", "minha", "meu", "se", "mas", "nao", "sim",
    "agora", "depois", "pode", "ser", "ja", "so", "tambem", "aqui", "la", "ele", "ela",
})  # fmt: skip


def spoken_name(text: str) -> str:
    """``text`` without the title, aside, stammer or corrected slip around a name."""
    text = " ".join(_ASIDE.sub(" ", _TAG_ASKED.sub(", ", without_self_told(text))).split())
    text = _SAID_TWICE.sub(r"\1", text)
    text = _WORD_TWICE.sub(r"\1", text)
    if (slip := _CORRECTION.match(text)) and looks_like_name(slip[1]):
        text = text[slip.end() :]  # only a name is put right by a name
    text = _IS_BEFORE_NAME.sub("", text)
    return _TITLE.sub("", text)


def name_before_remark(text: str, read: Callable[[str], str | None]) -> str | None:
    """The name opening ``text`` when every sentence after it is a remark, read by
    ``read``; None otherwise."""
    sentences = [part for part in _SENTENCES.split(text.strip()) if part]
    if len(sentences) < 2 or len(sentences[0].split()) < 2 or _remark(sentences[0]):
        return None
    if _sentence_case(sentences[0]) or not all(_remark(s) for s in sentences[1:]):
        return None
    return read(sentences[0])


def _sentence_case(said: str) -> bool:
    """Whether ``said`` is capitalised as a sentence ("Agora nao"), not as a name, whose
    words are all capitalised or none ("Camila Ferraz", "rodrigo tavares")."""
    words = [word for word in said.split() if fold(word) not in PARTICLES]
    return words[0][:1].isupper() and any(word[:1].islower() for word in words[1:])


def _remark(sentence: str) -> bool:
    words = fold(sentence).split()
    if any(char.isdigit() for char in sentence):
        return True  # an age or a registration number (round 12): no name has digits
    return not looks_like_name(sentence) or any(word in _SPEECH_WORDS for word in words)
