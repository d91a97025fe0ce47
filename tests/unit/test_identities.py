"""Which two ids make one person, and how the fold of them is recorded."""

from __future__ import annotations

from events.schema import IdentityLinked
from events.sealing import PERSONAL_FIELDS
from services.domain.identities import Link, Sighting, sighting

PHONE = "5511988887777@c.us"
LINKED = "204060801012141@lid"


def test_a_phone_number_and_a_linked_id_make_one_person_in_either_order() -> None:
    person = Sighting(phone_id=PHONE, linked_id=LINKED, source="webhook")
    assert sighting(PHONE, LINKED, "webhook") == person
    assert sighting(LINKED, "5511988887777:12@s.whatsapp.net", "webhook") == person


def test_two_ids_of_one_kind_or_a_missing_one_make_nobody() -> None:
    assert sighting(PHONE, "5511977776666@c.us", "webhook") is None
    assert sighting(LINKED, "", "webhook") is None
    assert sighting(None, LINKED, "webhook") is None


def test_a_group_or_something_not_a_chat_id_makes_nobody() -> None:
    assert sighting("120363040000000000@g.us", LINKED, "webhook") is None
    assert sighting("not an id", LINKED, "webhook") is None


def test_the_ids_a_fold_records_are_sealed_as_personal_data() -> None:
    assert sorted(PERSONAL_FIELDS[IdentityLinked].blanks) == ["chat_id", "linked_chat_id"]


def test_a_fold_is_recorded_in_the_chat_that_absorbs_the_other_once() -> None:
    person = Sighting(phone_id=PHONE, linked_id=LINKED, source="lids_api")
    link = Link(chat="c-kept", folded_chat="c-folded", sighting=person, pending_as="a b")
    envelope = link.envelope("default")
    assert envelope.chat == "c-kept"
    assert envelope.event == IdentityLinked(
        chat_id=PHONE, linked_chat_id=LINKED, folded_chat="c-folded", source="lids_api"
    )
    assert (
        link.idempotency_key
        == Link(
            chat="c-kept", folded_chat="c-folded", sighting=person, pending_as="b a"
        ).idempotency_key
    )
