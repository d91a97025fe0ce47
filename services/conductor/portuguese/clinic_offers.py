"""What the clinic offers, and what one may do after its care, asked (round 18).

Already folded text (no accents, no punctuation), doubled letters written once. A
question about the clinic, though a word of booking ("disponíveis", "atendem") or a
person ("alguém especializado") is said, when the patient asks:

- whether the clinic does something, the plural verb alone saying who: "fazem
  microagulhamento?", "realizam teste ergométrico?" ("faz" alone is also speech: "faz
  tempo", "faz sentido");
- which of a kind it has or who works there: "quais vacinas vocês têm disponíveis?",
  "quais psicólogos atendem aí? tem alguém especializado em ansiedade?";
- what one may do after the care: "pode dirigir depois de dilatar a pupila?", "posso
  comer depois da anestesia?".

The line: times and free places asked ("quais horários vocês têm?", "quais dias
atendem?") are bookings; a day named, or a verb of booking, moving or cancelling, leaves
the message to the other rules.
"""

from __future__ import annotations

import re

# "fazem favor", "fazem falta": speech, no care.
_DONE = re.compile(
    r"^(?:voces )?(?:fazem|realizam|oferecem|aplicam)"
    r" (?!(?:o |um |uma )?(?:favor|mal|bem|diferenca|falta|sentido|isso|ideia|quanto|tempo)\b)"
    r"[^\W\d_]+(?: [^\W\d_]+){0,3}$"
)
# Times are bookings; the assistant's own options are help ("quais opções tem?").
_TIMES = r"(?:horarios?|vagas?|dias?|datas?|horas?|turnos?|periodos?|opcao|opcoes|funcoes)"
_WHICH_THEY_HAVE = re.compile(
    rf"^(?:\w+ )?quais (?!{_TIMES}\b)[^\W\d_]+ (?:voces )?"
    r"(?:tem|atendem|aplicam|oferecem|trabalham)\b(?! que\b)"
)
_AFTER_CARE = re.compile(
    r"\b(?:pode|pos+o|da pra|consigo|precisa evitar)"
    r" (?:ir )?(?:dirigir|trabalhar|comer|beber|tomar banho|malhar|nadar|treinar|viajar"
    r"|amamentar|pegar sol|voltar a trabalhar|voltar pra casa sozinh[oa]) (?:logo )?"
    r"(?:depois|apos) d[aeo]\b"
)
_WHEN_OR_BOOKING = re.compile(
    r"\b(?:hoje|amanha|segunda|terca|quarta|quinta|sexta|sabado|domingo|semana|manha|tarde"
    r"|noite|marc\w*|agend\w*|remarc\w*|desmarc\w*|cancel\w*|mudar|trocar"
    # A consultation done there is booked ("fazem consulta ai?", round 14).
    r"|consultas?|horarios?|vagas?)\b|\d"
)


def clinic_offer_asked(folded: str) -> bool:
    """Whether ``folded`` asks what the clinic does or has, or what one may do after its
    care."""
    if _WHEN_OR_BOOKING.search(folded):
        return False
    rules = (_DONE, _WHICH_THEY_HAVE, _AFTER_CARE)
    return any(rule.search(folded) for rule in rules)
