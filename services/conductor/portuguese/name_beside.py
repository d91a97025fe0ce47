"""What the writer says of themselves beside a name (round 15).

- Who the writer is, in a part of its own before the name: "sou a avó, Maria José ...",
  "é a mãe, Priscila ..." (round 18),
  "sou a guria que mandou msg ontem, bruna martins", "aqui quem fala é o neto, mas o
  nome dele é ...": the part is dropped, and the "mas" after it.
- Whose name is asked back, then answered: "o nome é do meu filho ou meu? o meu é
  Sandra Maria Pinto": "o meu é" introduces the writer's own name.
- What the writer works as, in a part of its own after the name: "é a Jaqueline de
  Paula Rocha, sou vigilante la do shopping".
- A filler said with a pause before the rest, as a voice is typed: "é... meu nome é ...",
  one or several ("é... então... meu nome é ...", round 16); "e" joining the name to what
  came before ("e o nome dele é joao vitor dos reis", round 16).
"""

from __future__ import annotations

import re

from services.conductor.portuguese.name_relations import RELATIONS, writers_work
from services.conductor.portuguese.text import fold

# Who writes, told by relation, by a description with what they did, or by their work.
_WRITER = re.compile(
    rf"^(?:e |eh )?(?:(?:eu )?sou|(?:aqui )?quem (?:fala|escreve|ta falando) (?:eh|e)"
    # A bare "é" before the article ("é a mãe, Priscila ...", round 18).
    r"|(?:e|eh)(?= (?:a|o) )) "
    rf"(?:a |o )?(?:{RELATIONS}\b.*"
    r"|(?:guria|guri|moca|moco|menina|menino|senhora|senhor|mulher|rapaz|paciente|mesma"
    r"|mesmo) (?:que|do|da|de|dos|das)\b.*)$"
)
# Fillers may follow one another ("é... então... meu nome é ...", round 16).
_PAUSED_FILLER = re.compile(r"^(?:(?:é|e|eh|ah|ahn|hum+|hm+|entao|então)\s*(?:\.{2,}|…)\s*)+", re.I)
# "o meu é ...": the writer's own name, after whose was asked.
_MINE = re.compile(r"(^|[,?.!;]\s*)(?:mas\s+)?o meu (?:é|e|eh)\s+", re.I)
_BUT_NAME = re.compile(r"^(?:mas|e)\s+(?=(?:o\s+)?(?:meu\s+)?nome\b)", re.I)
# A question of whose name it is, answered after it.
_WHOSE_ASKED = re.compile(r"^[^?]*\?+\s*(?=meu nome (?:é|e|eh)\s)", re.I)


def without_self_told(text: str) -> str:
    """``text`` without a filler, a part telling who the writer is, or a question of
    whose name, said before the name itself."""
    text = _BUT_NAME.sub("", _PAUSED_FILLER.sub("", text.strip()))  # "e o nome dele é ..."
    text = _MINE.sub(r"\1meu nome é ", text)
    if asked := _WHOSE_ASKED.match(text):
        text = text[asked.end() :]
    before, comma, work = text.rpartition(",")
    if comma and before.strip() and writers_work(work.strip()):
        text = before
    head, comma, rest = text.partition(",")
    if comma and rest.strip() and _WRITER.match(fold(head)):
        return _BUT_NAME.sub("", rest.strip())
    return text
