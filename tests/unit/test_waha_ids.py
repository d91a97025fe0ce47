"""WAHA's message ids: the chat they name, and the id of a sent message on every engine."""

from __future__ import annotations

from typing import Any

import pytest

from services.waha import message_ids
from services.waha.client import sent_message_id

CHAT = "5511988887777@c.us"


@pytest.mark.parametrize(
    ("message_id", "chat"),
    [
        (f"true_{CHAT}_3EB0AA", CHAT),
        ("false_123456789@lid_3EB0AA", "123456789@lid"),
        ("true_120363040000000000@g.us_3EB0AA_5511977776666@c.us", "120363040000000000@g.us"),
        ("3EB0AA", None),
        ("R1", None),
        ("maybe_x_y", None),
    ],
)
def test_the_chat_is_read_from_a_serialized_id(message_id: str, chat: str | None) -> None:
    assert message_ids.chat_of(message_id) == chat


def test_a_bare_id_is_serialized_in_its_chat_and_a_serialized_one_kept() -> None:
    assert message_ids.serialized(False, CHAT, "3EB0AA") == f"false_{CHAT}_3EB0AA"
    assert message_ids.serialized(False, CHAT, f"true_{CHAT}_X") == f"true_{CHAT}_X"


# The answers to POST /api/sendText: whatsapp-web.js's message (WEBJS), Baileys' message
# (NOWEB, sendText in src/core/engines/noweb/session.noweb.core.ts) and messageResponse
# (GOWS, src/core/engines/gows/session.gows.core.ts).
ANSWERS: dict[str, Any] = {
    "WEBJS": {"id": {"fromMe": True, "remote": CHAT, "id": "3EB0AA",
                     "_serialized": f"true_{CHAT}_3EB0AA"}, "body": "Olá"},
    "NOWEB": {"key": {"remoteJid": "5511988887777@s.whatsapp.net", "fromMe": True,
                      "id": "3EB0AA"}, "message": {"extendedTextMessage": {"text": "Olá"}},
              "messageTimestamp": "1764000000", "status": "PENDING"},
    "NOWEB, a device in the jid": {"key": {"remoteJid": "5511988887777:3@s.whatsapp.net",
                                           "fromMe": True, "id": "3EB0AA"}},
    "GOWS": {"id": f"true_{CHAT}_3EB0AA", "_data": {"conversation": "Olá"}},
}  # fmt: skip


@pytest.mark.parametrize("engine", ANSWERS)
def test_the_sent_id_is_read_from_every_engines_answer(engine: str) -> None:
    assert sent_message_id(ANSWERS[engine]) == f"true_{CHAT}_3EB0AA"


@pytest.mark.parametrize("answer", [None, [], {}, {"key": {"id": 5}}, {"key": "x"}, {"id": 3}])
def test_an_answer_without_an_id_gives_none(answer: Any) -> None:
    assert sent_message_id(answer) is None
