"""What may wrap a name said in speech without being part of it (round 8).

- Greetings before it, one or several, set apart by a comma or a full stop ("oi boa
  tarde, Kauã Ribeiro Mendes", "Bom dia. Edson Aurélio Cavalcanti", "boa tarde moça,
  Irene Batista", "e aí mana, é Cleide ...").
- A filler or an interjection opening the message ("então meu nome é ...", "oxe, é
  Cícera ...").
- A tag closing it: "né" and what follows it ("... dos Santos né com V"), "visse",
  "viu", Minas' "sô", laughter ("kkk", "rsrs", "haha"); thanks, a form of address or
  "às ordens" in a part of their own ("É Josefa Maria, minha filha", "... Obrigada.");
  another name one is called by ("José Antônio mas pode me chamar de Zé"); saying it
  again ("sou eu a Luzia Gomes de novo", round 10); thanks shortened ("obg"), an asking
  "tá", a dictated "ponto" (round 18).
- Whom the booking is for, said in its own part after the name ("o nome é Lucas
  Gabriel Teixeira, é pro meu filho de 8 anos"): no second introduction.

The line: only words no name carries are dropped, and only at the ends of the message;
a name in the middle of a sentence is not looked for.
"""

from __future__ import annotations

import re
import unicodedata

from services.conductor.portuguese.text import fold

# "e aí" greets as "oi" does (round 18: "e ai mana, é Cleide Ferreira Cardoso").
_GREETING = r"(?:oi|ola|opa|e ai|eai|eae|bom dia|boa tarde|boa noite|tudo bem|tudo bom)"
# Whom the greeting is for ("boa tarde moça, Irene Batista", "e aí mana,").
_ADDRESS = (
    r"(?:moca|moco|senhora|senhor|querida|querido|doutora|doutor|gente|pessoal|dona|mana|mano"
    r"|amiga|amigo)"
)
_OPENING = re.compile(
    rf"^(?:{_GREETING}\s*)+(?:{_ADDRESS}\s*)?[,.!]+\s+"
    # The Northeast's "macho", "vixe" (round 16: "macho é damião ferreira do nascimento").
    r"|^(?:entao|oxe|oxente|bah|uai|ah|eh entao|pois entao|macho|vixe|eita)\s*,?\s+(?=\S)",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"(?:^|\s+)(?:(?:ne|neh)\b.*|visse|viu|(?:k{2,}|(?:rs)+|(?:ha){2,}|(?:he){2,})\w*)\s*[.!]*$"
    # Saying it again ("sou eu a Luzia Gomes de novo", round 10).
    r"|,?\s+(?:aqui\s+)?(?:de novo|novamente|outra vez)\s*[.!]*$"
    # What is said after the name in a part of its own: thanks, a form of address, "às
    # ordens" ("Meu nome é Fernanda Costa. Obrigada.", "É Josefa, minha filha").
    r"|\s*[,.!]+\s*(?:muito )?(?:obrigad[oa]|brigad[oa]|grat[oa]|valeu|as ordens|minha filha"
    r"|minha fia|moca|moco|querida|querido|minha querida|meu bem|minha flor)\s*[.!]*$"
    # Another name one is called by, after "mas" ("... mas pode me chamar de Zé").
    r"|\s+mas\s+(?:pode|podem|todo mundo|me)\b.*$"
    # Asked kindly, or said to be oneself, after it (round 16: "raimunda nonata de jesus
    # pfv", "é a tereza cristina dos anjos, sou eu msm", "Emily Carter, I'm the patient").
    r"|\s*[,.!]?\s+(?:pfv|pfvr|pf|por favor)\s*[.!]*$"
    r"|\s*[,.!]+\s*(?:sou eu|e eu|eh eu)(?: mesm[oa]| msm| propri[oa])?\s*[.!]*$"
    r"|\s*[,.!]+\s*(?:i['\u2019]?m|i am|it['\u2019]?s me)(?: the patient)?\s*[.!]*$"
    # The South's "tchê" and the city's "mano", "véi" calling the listener (round 17: "bah
    # é Jorge Rodrigues da Rosa tchê", "é gabriel souza de lima mano"); no name ends so.
    r"|,?\s+(?:tche|mano|mana|vei|veio|brother|parca)\s*[.!]*$"
    # Round 18: thanks shortened, with no comma ("raimunda de souza lima obg"); an asking
    # "tá" ("... teixeira mendes tá"); a full stop dictated to a voice typer ("... da silva
    # ponto"). No name ends in any of them.
    r"|,?\s+(?:obg|obgd|obgda|obgdo|obrigad[oa]|brigad[oa]|valeu|vlw|ta|tah|ponto(?: final)?)"
    r"\s*[.!]*$",
    re.IGNORECASE,
)
# Minas' "sô" (senhor) closing the message, told from "só" by its circumflex.
_SIR = re.compile(r"\s+s\u00f4\s*[.!]*$", re.IGNORECASE)
# "é pro meu filho de 8 anos": whom the booking is for, no name introduced.
# "e a marcação é pra minha vizinha": the booking named first (round 12).
_FOR_WHOM = re.compile(
    r"^(?:e )?(?:(?:a |o )?(?:marcacao|consulta|vaga|horario|agendamento|ficha) )?"
    r"(?:eh|e) (?:pro|pra|para) (?:o |a )?(?:meu|minha|mim)\b"
)


def unwrapped(plain: str) -> str:
    """``plain`` without the greetings, fillers and tags around a name said in speech."""
    while (opening := _OPENING.match(_unaccented(plain))) is not None and opening.end():
        plain = plain[opening.end() :]
    plain = _SIR.sub("", plain)
    closing = _CLOSING.search(_unaccented(plain))
    return plain[: closing.start()] if closing else plain


def _unaccented(text: str) -> str:
    """``text`` without accents, letter for letter (the same length, punctuation kept)."""
    return "".join(unicodedata.normalize("NFKD", c)[0] for c in text)


def says_for_whom(part: str) -> bool:
    """Whether a part of a message only says whom the booking is for."""
    return _FOR_WHOM.search(fold(part)) is not None
