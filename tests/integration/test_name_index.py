"""The blind index of names, kept by the projector: a search without particles or
accents finds the registered name; a correction replaces it; an erasure leaves no entry
pointing at the subject; Redis never holds a name in clear."""

from __future__ import annotations

from datetime import UTC, datetime

from redis.asyncio import Redis

from events import EventLog, Keyspace, new_envelope
from events.schema import NameCorrected
from services.actions.correction import correct_name
from services.actions.erasure import ErasureReason, erase_subject
from services.actions.read_models import ReadModels
from services.domain.name_lookup import chats_named
from services.projector.name_index import GROUP
from tests.support.console import registered_patient
from tests.support.projecting import NAME_INDEX_KEY, caught_up, projecting


async def named(redis: Redis, keyspace: Keyspace, name: str) -> list[str]:
    return await chats_named(redis, keyspace, NAME_INDEX_KEY, name)


async def test_a_search_without_particles_or_accents_finds_the_registered_name(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat = await registered_patient(log, "5511987654321", "Maria da Conceição Silva",
                                    datetime.now(UTC))  # fmt: skip
    await registered_patient(log, "5511912345678", "Mariana Silva", datetime.now(UTC))
    async with projecting(redis, keyspace):
        await caught_up(redis, keyspace, GROUP)
    assert await named(redis, keyspace, "maria silva") == [chat]
    assert await named(redis, keyspace, "CONCEICAO") == [chat]


async def test_a_corrected_name_is_found_by_the_new_name_only(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat = await registered_patient(log, "5511987654321", "Maria Silva", datetime.now(UTC))
    async with projecting(redis, keyspace):
        await caught_up(redis, keyspace, GROUP)
        await correct_name(log, ReadModels(redis, keyspace), chat, "Maria Souza", "dora")
        await caught_up(redis, keyspace, GROUP)
    assert await named(redis, keyspace, "maria souza") == [chat]
    assert await named(redis, keyspace, "silva") == []


async def test_an_erased_patient_leaves_no_entry_in_the_index(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat = await registered_patient(log, "5511987654321", "Maria Silva", datetime.now(UTC))
    async with projecting(redis, keyspace):
        await caught_up(redis, keyspace, GROUP)
        assert await named(redis, keyspace, "maria silva") == [chat]
        await erase_subject(log, ReadModels(redis, keyspace), chat,
                            ErasureReason.SUBJECT_REQUEST, "dora")  # fmt: skip
        await caught_up(redis, keyspace, GROUP)
    assert await named(redis, keyspace, "maria silva") == []
    pointing = [key async for key in redis.scan_iter(match="wsm:{p*}:names:*")
                if chat.encode() in key or chat.encode() in b"".join(
                    await redis.zrange(key, 0, -1))]  # fmt: skip
    assert pointing == []


async def test_the_index_holds_no_name_in_clear(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await registered_patient(log, "5511987654321", "Maria Silva", datetime.now(UTC))
    async with projecting(redis, keyspace):
        await caught_up(redis, keyspace, GROUP)
    keys = [key async for key in redis.scan_iter(match="wsm:{p*}:names:*")]
    held = b" ".join([*keys, *[m for k in keys for m in await redis.zrange(k, 0, -1)]]).lower()
    assert keys and b"maria" not in held and b"silva" not in held


async def test_an_index_built_after_an_erasure_never_holds_the_erased_name(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat = await registered_patient(log, "5511987654321", "Maria Silva", datetime.now(UTC))
    await erase_subject(log, ReadModels(redis, keyspace), chat,
                        ErasureReason.SUBJECT_REQUEST, "dora")  # fmt: skip
    async with projecting(redis, keyspace):  # its group reads the whole log from the start
        await caught_up(redis, keyspace, GROUP)
    assert [key async for key in redis.scan_iter(match="wsm:{p*}:names:*")] == []


async def test_corrections_read_together_leave_the_last_name_alone_in_the_index(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat = await registered_patient(log, "5511987654321", "Maria Silva", datetime.now(UTC))
    for name in ("Maria Souza", "Maria Santos"):  # read with the registration, as one run
        await log.append(new_envelope(NameCorrected(name=name, requested_by="dora"), chat=chat,
                                      session="default"))  # fmt: skip
    async with projecting(redis, keyspace):
        await caught_up(redis, keyspace, GROUP)
    assert await named(redis, keyspace, "maria santos") == [chat]
    assert await named(redis, keyspace, "souza") == []
    assert await named(redis, keyspace, "silva") == []
