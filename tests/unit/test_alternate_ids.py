"""The second id of a person, read from each engine's own object in a webhook."""

from __future__ import annotations

import json
from typing import Any

from services.domain.identities import Sighting
from services.ingest.translate import parse_webhook
from services.waha.alternate_ids import sightings
from tests.support.linked_ids import (
    BOT_JID,
    BOT_LID,
    LINKED,
    PHONE,
    gows_message,
    gows_sent_from_phone,
    noweb_message,
)
from tests.support.waha import text_message

PERSON = Sighting(phone_id=PHONE, linked_id=LINKED, source="webhook")


def read(body: dict[str, Any]) -> tuple[Sighting, ...]:
    return sightings(parse_webhook(json.dumps(body).encode()))


def test_noweb_names_the_phone_number_beside_a_linked_id_in_remote_jid_alt() -> None:
    assert read(noweb_message("A1", "oi")) == (PERSON,)


def test_noweb_names_the_linked_id_beside_a_phone_number_as_well() -> None:
    body = noweb_message("A1", "oi", chat="5511988887777@s.whatsapp.net", alt=LINKED)
    assert read(body) == (PERSON,)


def test_gows_names_the_senders_other_id_in_sender_alt() -> None:
    assert read(gows_message("B1", "oi")) == (PERSON,)


def test_gows_names_the_recipients_other_id_for_what_the_clinic_sent() -> None:
    assert read(gows_sent_from_phone("B2", "bom dia")) == (PERSON,)


def test_a_webhook_without_a_second_id_reveals_nothing() -> None:
    assert read(noweb_message("A1", "oi", alt=None)) == ()
    assert read(text_message("C1")) == ()


def test_webjs_passes_no_second_id_whatever_its_data_holds() -> None:
    body = text_message("C1")
    body["payload"]["_data"] = {"key": {"remoteJid": LINKED, "remoteJidAlt": PHONE}}
    assert read(body) == ()


def test_a_group_reveals_nothing_of_its_members() -> None:
    body = gows_message("B3", "oi")
    body["payload"]["_data"]["Info"].update(Chat="120363040000000000@g.us", IsGroup=True)
    assert read(body) == ()


def test_the_business_own_ids_are_never_taken_for_a_persons() -> None:
    body = gows_message("B4", "oi", chat=BOT_LID, alt=BOT_JID)
    assert read(body) == ()


def test_an_engine_object_of_another_shape_reveals_nothing() -> None:
    body = noweb_message("A1", "oi")
    body["payload"]["_data"] = {"key": ["not", "an", "object"]}
    assert read(body) == ()
