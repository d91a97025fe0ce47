"""Which of the clinic's services and professionals a patient names: "um retorno", "a
nutricionista", "com a dra ana", "eletrocardiogrma" (typed in a hurry), or "quem estiver
livre". The words come from the clinic file's names and ids, so a clinic with other
services is understood without code."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from services.conductor.portuguese.text import fold, has_any
from services.domain.clinic_model import ClinicModel

# Words of a name that do not tell one service or professional from another.
_COMMON = frozenset({
    "a", "o", "as", "os", "e", "de", "da", "do", "das", "dos", "com", "para", "em", "na",
    "no", "consulta", "consultas", "clinica", "geral", "dr", "dra", "doutor", "doutora",
    "sr", "sra", "atendimento",
})  # fmt: skip
_ANYONE = (
    "quem estiver livre", "quem tiver livre", "quem estiver disponivel", "qualquer um",
    "qualquer uma", "qualquer profissional", "tanto faz", "quem puder", "o primeiro livre",
    "primeiro que tiver", "nao tenho preferencia", "sem preferencia",
    "qualquer",
)  # fmt: skip


def _distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap of neighbours) from ``a`` to ``b``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            row.append(cost)
        previous2, previous = previous, row
    return previous[-1]


# Words so common that they are never taken for a typo of a name ("primeiro" is not
# "primeira", as in "o primeiro horário").
_NEVER_TYPOS = frozenset({"primeiro", "primeira", "proximo", "proxima", "horario", "retornar"})


def _close(word: str, key: str) -> bool:
    """The same word, or a typo of it: one slip in five letters or more, two in nine."""
    if word == key:
        return True
    if word in _NEVER_TYPOS:
        return False
    allowed = 2 if len(key) >= 9 else 1 if len(key) >= 5 else 0
    return allowed > 0 and abs(len(word) - len(key)) <= allowed and _distance(word, key) <= allowed


def _keys(*names: str) -> frozenset[str]:
    """The telling words of names and ids ("primeira-consulta" -> "primeira")."""
    words = (w for name in names for w in fold(name.replace("-", " ").replace("_", " ")).split())
    return frozenset(w for w in words if w not in _COMMON and not w.isdigit())


def _named(text: str, keys: Mapping[str, frozenset[str]]) -> str | None:
    """The one id whose words the text has; None if none, or more than one, is named."""
    words = fold(text).split()
    found = {id_ for id_, its in keys.items() if any(_close(w, k) for w in words for k in its)}
    return found.pop() if len(found) == 1 else None


def _unique_keys(names: Iterable[tuple[str, frozenset[str]]]) -> dict[str, frozenset[str]]:
    """Each id's words, less the words another one has too ("consulta de ...")."""
    named = dict(names)
    shared = {w for id_, its in named.items() for o, others in named.items() if o != id_
              for w in its & others}  # fmt: skip
    return {id_: its - shared for id_, its in named.items()}


def service_in(text: str, model: ClinicModel) -> str | None:
    """The id of the one service the text names, or None."""
    keys = _unique_keys((s.id, _keys(s.id, s.name)) for s in model.services.values())
    return _named(text, keys)


def professional_in(text: str, model: ClinicModel) -> str | None:
    """The id of the one professional the text names (by name, id or what they do in the
    name's parenthesis: "a nutricionista"), or None."""
    keys = _unique_keys((p.id, _keys(p.id, p.name)) for p in model.professionals.values())
    return _named(text, keys)


def anyone_in(text: str) -> bool:
    """Whether the text leaves the professional to the clinic ("quem estiver livre")."""
    return has_any(fold(text), _ANYONE)
