"""The clinic's messages asked to stop: a revocation of consent (round 7).

The notice asks consent for the messages of scheduling (confirmations, reminders), so
asking them to stop takes it back, and the revocation is confirmed before it is done.
The line with a complaint is drawn by the form of the verb: a stop asked now ("para de me
mandar msg", "parem de enviar lembrete", "quero parar de receber mensagens", "chega de
mensagem", "não me mandem mais nada") is one; what happened ("parei de receber os
lembretes", "não me mandaram mais nada", "a mensagem chegou duas vezes", "vocês mandam
mensagem demais") is none, and is read as any other message.
"""

from __future__ import annotations

import re

# Compared as the answers' words are: folded, letters written long once ("desas").
_MESSAGES = (
    r"(?:mensage(?:m|ns)|msg|msgs|lembretes?|notificac(?:ao|oes)|avisos?|sms|zap"
    # The written register's word ("não desejo mais receber comunicações", round 9).
    r"|comunicac(?:ao|oes))"
)
_SENDING = r"(?:mandar|enviar|receber|me mandar|me enviar|ficar recebendo)"
_STOP_ASKED = re.compile(
    # A verb of stopping, asked now, with sending or receiving: "para de me mandar".
    rf"\b(?:para|pare|parem|parar|paras+em)\s+de\s+{_SENDING}\b"
    # "chega de mensagem", "chega desses lembretes".
    rf"|\bchega\s+(?:de|des+[ea]s?|dest[ea]s?)\s+(?:\w+\s+)?{_MESSAGES}\b"
    # "não me mandem mais nada", "não manda mais lembrete": not "não me mandaram mais".
    r"|\bnao\s+(?:me\s+)?(?:mand|envi)(?:e|em|a|ar)\s+mais\b"
    # "não quero receber mais lembrete", "para com essas mensagens".
    # "não quero lembrete" (round 8): receiving them refused outright.
    rf"|\bnao (?:quero|desejo) (?:mais )?(?:receber )?(?:mais )?(?:\w+ )?{_MESSAGES}\b"
    rf"|\b(?:para|pare|parem) com (?:\w+ )?{_MESSAGES}\b"
    # Anything at all refused ("nao quero mais receber nada de vcs", round 15).
    r"|\bnao (?:quero|desejo) (?:mais )?receber (?:mais )?nada\b"
    # "me tira da lista de mensagens": not the waiting list ("lista de espera").
    # "sai dessa lista", "quero sair da lista" (round 8).
    r"|\b(?:(?:tira|tire|tirem|remove|remova|removam)\w*|sai|sair|saia|saiam) (?:\w+ ){0,2}"
    r"d(?:a|es+a|est?a) lista\b(?! de espera)"
)
# A stop of sending asked needs what is sent ("para de me mandar msg"), or none named at
# all ("para de me mandar isso"): "para de mandar o boleto pro meu marido" names another.
_OTHER_SENT = re.compile(r"\b(?:boleto|fatura|cobranca|foto|fotos|exame|exames|resultado)\b")


def stop_of_messages_asked(folded: str) -> bool:
    """Whether the folded message asks the clinic's messages to stop."""
    return _STOP_ASKED.search(folded) is not None and _OTHER_SENT.search(folded) is None
