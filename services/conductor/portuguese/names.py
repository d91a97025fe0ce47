"""Whether an answer looks like a person's name, and how Portuguese writes one.

The checks reject what people type when they do not give a name (keyboard mash, laughter,
"não sei", a sentence) and are loose enough for the names Brazilians really carry:
Portuguese, indigenous (Tainá, Ubirajara, Kauã), and foreign (Yui, Nguyen, Krzysztof).
Letters outside a-z (Cyrillic, Japanese…) are not judged by the vowel rules at all.
"""

from __future__ import annotations

import re

from services.conductor.portuguese.name_accents import accented
from services.conductor.portuguese.name_sentences import SENTENCE_WORDS
from services.conductor.portuguese.text import fold

PARTICLES = frozenset({"da", "de", "do", "das", "dos", "e"})
"""Words that join a name's parts and stay lower-case unless they start it."""

_JOINER = re.compile(r"([-'\u2019])")
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# Four keys in a row, either way: no name in use has one ("Yui" has three).
_ROW_RUNS = frozenset(
    row[i : i + 4] for line in _ROWS for row in (line, line[::-1]) for i in range(len(row) - 3)
)
_VOWELS = "aeiouy"
_CONSONANT_RUN = re.compile(r"[b-df-hj-np-tv-xz]{5,}")  # "Schmidt" has four
# Letters written together for one sound count as one consonant ("Hirschfeld", "Szczepański").
_ONE_SOUND = re.compile(r"tsch|sch|ch|sh|th|ph|ck|sz|cz|rz|lh|nh")
_REPEATED = re.compile(r"(.{1,3})\1\1")  # "hahaha", "kkk", "blablabla"; "Lulu" repeats twice
_ASCII_WORD = re.compile(r"^[a-z]+$")
# Keys of one row struck at random ("asdkjaslkd", round 14): six letters or more of one
# row with three consonants running is no name ("Petry" is of one row, but short).
_ROW_MASH = re.compile(r"[b-df-hj-np-tv-xz]{3}")
_ABBREVIATIONS = frozenset({"jr"})  # "João Silva Jr"

# Words that are never part of a name: requests, greetings, laughter, placeholders.
_NEVER_IN_NAMES = frozenset({
    "quero", "queria", "gostaria", "preciso", "marcar", "agendar", "consulta", "consultas",
    "horario", "amanha", "hoje", "obrigado", "obrigada", "valeu", "vlw", "blz", "beleza",
    "teste", "testando", "test", "qwerty", "asdf", "fulano", "ciclano", "sicrano", "beltrano",
    "anonimo", "anonima", "cliente", "paciente", "usuario", "nome", "voce", "vc", "pq",
    "porque", "oque", "haha", "hehe", "kkk", "rsrs", "bot", "robo", "null", "undefined",
    "admin", "xyz", "abc", "asd", "minha", "meu", "minhas", "meus", "mae", "to", "ta", "estou",
    "mesmo", "mesma", "pra", "pro", "mim", "pai", "avo", "marido", "esposa", "esposo",
    "responsavel",
    # Words of speech around a name, never one ("então é isso", round 8).
    "isso", "entao", "ne", "oxe", "oxente", "visse",
    # Whose one is ("sou o filho dela, Carlos": the patient's name is not said).
    "dela", "dele",
    # A question back ("por que precisa disso?", round 11).
    "que", "disso",
    # It was said before ("ja falei ontem", round 13).
    "falei", "disse", "mandei", "passei", "ontem",
    # A request in Spanish ("quiero un turno", round 13).
    "quiero", "necesito", "turno", "cita", "hola", "buenos", "buenas",
    # A refusal is no name ("nao vou dar", "prefiro nao informar", round 14).
    "nao", "prefiro", "posso",
    # A question asked instead ("oi, quanto custa o botox?"), or what others call one ("me
    # chamam de Tiquinho"): no name given (round 15).
    "quanto", "quantos", "qual", "quais", "custa", "onde", "quando", "me", "chamam",
    # What one always has, no name ("o de sempre kkk", "como sempre", round 17).
    "sempre",
    # Thanks shortened (round 18: "obg").
    "obg", "obgd", "obgda", "obgdo",
}) | SENTENCE_WORDS  # fmt: skip
# Whole answers that are no name, though each word may be one somewhere ("Nada", "Sim").
_NOT_A_NAME = frozenset({
    "sim", "nao", "oi", "ola", "ok", "nada", "ninguem", "nenhum", "nao sei", "sei la",
    "tanto faz", "prefiro nao dizer", "nao quero dizer", "bom dia", "boa tarde", "boa noite",
    "tudo bem", "eu", "ela", "ele", "rs",
    # Words of endearment one is called by, no name ("nega", round 15).
    "nega", "nego", "neguinha", "neguinho", "nega veia",
    # "e aí" greets (round 18).
    "e ai", "eai", "eae", "e ae",
})  # fmt: skip


def looks_like_name(name: str) -> bool:
    """Whether ``name`` (letters, spaces, hyphens, apostrophes) could be a person's name."""
    folded = fold(name)
    if folded in _NOT_A_NAME:
        return False
    words = folded.split()
    if not any(len(word) >= 2 for word in words):
        return False
    return all(_plausible(word) for word in words)


def _plausible(word: str) -> bool:
    if word in _NEVER_IN_NAMES or _REPEATED.search(word):
        return False
    if not _ASCII_WORD.match(word) or word in _ABBREVIATIONS or word in PARTICLES:
        return True
    if len(word) >= 2 and not any(letter in _VOWELS for letter in word):
        return False
    if _CONSONANT_RUN.search(_ONE_SOUND.sub("x", word)):
        return False
    if len(word) >= 6 and any(set(word) <= set(row) for row in _ROWS) and _ROW_MASH.search(word):
        return False
    return not any(word[i : i + 4] in _ROW_RUNS for i in range(len(word) - 3))


def written_as_name(name: str) -> str:
    """``name`` capitalised as Portuguese writes names: "MARIA DAS DORES" and "maria das
    dores" become "Maria das Dores"; a spelling with inner capitals ("McDonald") is kept;
    the accents of common names typed without them are restored ("JOSE" is "José")."""
    words = name.split()
    return " ".join(
        word.lower() if index and word.lower() in PARTICLES else _capitalised(accented(word))
        for index, word in enumerate(words)
    )


def _capitalised(word: str) -> str:
    parts = _JOINER.split(word)
    return "".join(part if _JOINER.match(part) else _part(part) for part in parts)


def _part(part: str) -> str:
    if part.islower() or part.isupper():
        return part[:1].upper() + part[1:].lower()
    return part[:1].upper() + part[1:]  # mixed case: the person's own spelling
