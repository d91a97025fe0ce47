"""Old events leave Redis for the archive once every consumer is done with them, and every
reader of the whole log still sees each event once, in order."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from redis.asyncio import Redis

from events import EventLog, Keyspace, MessageReceived
from events.archive import Archive, parse_id
from events.archiving import Archiver, ArchiverBusy, GroupProgress, horizon
from events.log import ArchiveNeeded
from services.actions.erasure import ErasureReason, erase_subject
from services.cli import archive as archive_cli
from services.projector.store import ReadModels
from services.runtime.embedded_redis import RedisServer
from services.runtime.settings import SettingsError
from tests.support.factories import message
from tests.support.kek import kek_env
from tests.support.projecting import caught_up, projecting, rebuilt_equals_live
from tests.support.whole_stack import Phone, Stack

LATER = 2**50  # milliseconds: every entry written now is older than this


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return Archive(tmp_path / "archive")


@pytest.fixture
def archived_log(redis: Redis, keyspace: Keyspace, archive: Archive) -> EventLog:
    return EventLog(redis, keyspace, archive=archive)


async def write(log: EventLog, chats: int = 6, each: int = 5) -> list[str]:
    """Messages of several chats; their entry ids, in the order written."""
    written = []
    for n in range(each):
        for chat in range(chats):
            result = await log.append(message(chat=f"chat-{chat}", message_id=f"m{chat}-{n}"))
            written.append(result.entry_id)
    return written


async def consume(redis: Redis, keyspace: Keyspace, group: str, *, ack_all: bool = True) -> None:
    """``group`` reads every entry; acknowledges them all, or all but each stream's last."""
    for partition in keyspace.all_partitions():
        stream = keyspace.stream(partition)
        await redis.xgroup_create(stream, group, id="0", mkstream=True)
        [[_, entries]] = await redis.xreadgroup(group, "c", {stream: ">"}) or [[None, []]]
        ids = [entry_id for entry_id, _ in entries]
        if ids and not ack_all:
            ids = ids[:-1]
        if ids:
            await redis.xack(stream, group, *ids)


async def archive_all(redis: Redis, keyspace: Keyspace, archive: Archive) -> int:
    """Archive whatever every group is done with, however recent; how many entries moved."""
    return sum((await Archiver(redis, keyspace, archive).run(LATER, keep_ms=0)).values())


async def everything(log: EventLog) -> list[tuple[str, object]]:
    return [(r.entry_id, r.envelope) async for r in log.scan()]


async def in_redis(redis: Redis, keyspace: Keyspace) -> int:
    return sum([await redis.xlen(keyspace.stream(p)) for p in keyspace.all_partitions()])


def test_the_horizon_stops_at_the_oldest_entry_some_group_still_needs() -> None:
    done = GroupProgress(last_delivered=(50, 0), oldest_pending=None)
    pending = GroupProgress(last_delivered=(60, 0), oldest_pending=(40, 2))
    behind = GroupProgress(last_delivered=(30, 1), oldest_pending=None)
    assert horizon(100, [done]) == (50, 1)
    assert horizon(100, [done, pending]) == (40, 2)
    assert horizon(100, [done, behind]) == (30, 2)
    assert horizon(20, [done]) == (20, 0)  # the time the log keeps in Redis
    assert horizon(100, []) == (0, 0)  # nobody reads it yet: keep everything


async def test_entries_done_with_by_every_group_leave_redis_and_stay_readable(
    redis: Redis, keyspace: Keyspace, archived_log: EventLog, archive: Archive
) -> None:
    await write(archived_log)
    before = await everything(archived_log)
    await consume(redis, keyspace, "a")
    await consume(redis, keyspace, "b")
    assert await archive_all(redis, keyspace, archive) == len(before) == 30
    assert await in_redis(redis, keyspace) == 0
    assert await everything(archived_log) == before


async def test_an_entry_a_group_has_not_acknowledged_stays_in_redis(
    redis: Redis, keyspace: Keyspace, archived_log: EventLog, archive: Archive
) -> None:
    await write(archived_log)
    before = await everything(archived_log)
    await consume(redis, keyspace, "a")
    await consume(redis, keyspace, "b", ack_all=False)
    await archive_all(redis, keyspace, archive)
    used = [p for p in keyspace.all_partitions() if await redis.exists(keyspace.stream(p))]
    assert await in_redis(redis, keyspace) == len(used)  # each stream's last entry
    assert await everything(archived_log) == before


async def test_entries_newer_than_the_time_kept_in_redis_stay(
    redis: Redis, keyspace: Keyspace, archived_log: EventLog, archive: Archive
) -> None:
    written = await write(archived_log)
    await consume(redis, keyspace, "a")
    middle = parse_id(written[15])[0]
    await Archiver(redis, keyspace, archive).run(now_ms=middle + 1000, keep_ms=1000)
    assert await in_redis(redis, keyspace) == sum(1 for e in written if parse_id(e)[0] >= middle)


async def test_a_log_nobody_reads_yet_keeps_everything_in_redis(
    redis: Redis, keyspace: Keyspace, archived_log: EventLog, archive: Archive
) -> None:
    await write(archived_log)
    assert await archive_all(redis, keyspace, archive) == 0
    assert await in_redis(redis, keyspace) == 30


async def test_a_reader_halfway_through_misses_nothing_the_archiver_moves_meanwhile(
    redis: Redis, keyspace: Keyspace, archived_log: EventLog, archive: Archive
) -> None:
    await write(archived_log, chats=1, each=12)
    expected = [entry_id for entry_id, _ in await everything(archived_log)]
    await consume(redis, keyspace, "a")
    reading = archived_log.scan(batch=2)
    seen = [(await anext(reading)).entry_id for _ in range(3)]
    await archive_all(redis, keyspace, archive)
    seen += [record.entry_id async for record in reading]
    assert seen == expected


async def test_a_segment_written_just_before_a_crash_is_not_read_twice(
    redis: Redis, keyspace: Keyspace, archived_log: EventLog, archive: Archive
) -> None:
    await write(archived_log, chats=1, each=8)
    before = await everything(archived_log)
    stream = keyspace.stream(keyspace.partition_of("chat-0"))
    # The archiver wrote a segment and died before trimming the stream.
    archive.write(keyspace.partition_of("chat-0"), (await redis.xrange(stream))[:5])
    assert await everything(archived_log) == before
    await consume(redis, keyspace, "a")
    await archive_all(redis, keyspace, archive)
    assert await everything(archived_log) == before
    assert len(archive.segments(keyspace.partition_of("chat-0"))) == 1


async def test_a_conversation_history_reaches_into_the_archive(
    redis: Redis, keyspace: Keyspace, archived_log: EventLog, archive: Archive
) -> None:
    await write(archived_log, chats=3, each=4)
    await consume(redis, keyspace, "a")
    await archive_all(redis, keyspace, archive)
    await archived_log.append(message(chat="chat-1", message_id="m-new"))
    history = await archived_log.chat_history("chat-1")
    texts = [
        r.envelope.event.message_id
        for r in history
        if isinstance(r.envelope.event, MessageReceived)
    ]
    assert texts == ["m1-0", "m1-1", "m1-2", "m1-3", "m-new"]


@pytest.mark.parametrize(
    ("given", "told"), [(None, "set EVENT_ARCHIVE_DIR"), ("elsewhere", "holds less")]
)
async def test_a_reader_without_the_right_archive_is_told_where_to_look(
    redis: Redis,
    keyspace: Keyspace,
    archived_log: EventLog,
    archive: Archive,
    tmp_path: Path,
    given: str | None,
    told: str,
) -> None:
    await write(archived_log, chats=1, each=3)
    await consume(redis, keyspace, "a")
    await archive_all(redis, keyspace, archive)
    reader = EventLog(redis, keyspace, archive=Archive(tmp_path / given) if given else None)
    with pytest.raises(ArchiveNeeded, match=told):
        await everything(reader)


async def test_erasing_a_subject_shreds_their_archived_events_too(
    redis: Redis, keyspace: Keyspace, archived_log: EventLog, archive: Archive
) -> None:
    await archived_log.append(message(chat="chat-9", text="moro na rua Pitangueiras"))
    await consume(redis, keyspace, "a")
    await archive_all(redis, keyspace, archive)
    [before] = await archived_log.chat_history("chat-9")
    assert before.envelope.event.text == "moro na rua Pitangueiras"  # type: ignore[union-attr]
    models = ReadModels(redis, keyspace)
    await erase_subject(archived_log, models, "chat-9", ErasureReason.SUBJECT_REQUEST, "dpo")
    shredded, _erasure = await archived_log.chat_history("chat-9")
    assert shredded.erased and shredded.envelope.event.text != "moro na rua Pitangueiras"  # type: ignore[union-attr]
    segments = b"".join(p.read_bytes() for p in archive.directory.rglob("*.seg"))
    assert b"Pitangueiras" not in segments


async def test_only_one_archiver_works_at_a_time(
    redis: Redis, keyspace: Keyspace, archive: Archive
) -> None:
    await redis.set(keyspace.archiver(), "someone-else")
    with pytest.raises(ArchiverBusy):
        await archive_all(redis, keyspace, archive)


async def test_read_models_rebuilt_from_an_archived_log_equal_the_live_ones(
    stack: Stack, redis: Redis, keyspace: Keyspace, archive: Archive
) -> None:
    http, sim_url, _ = stack
    log = EventLog(redis, keyspace, archive=archive)
    async with projecting(redis, keyspace):
        phone = Phone(http, sim_url, "5511977770077")
        for text in ("oi", "sim", "Olga", "marcar amanhã às 15h", "sim"):
            await phone.say(text)
        await caught_up(redis, keyspace, "conductor", "outbox")
        assert await archive_all(redis, keyspace, archive)
        await phone.say("minhas consultas")
        await caught_up(redis, keyspace, "conductor", "outbox")
    await rebuilt_equals_live(redis, log)


async def test_wsm_archive_needs_an_archive_directory(redis_server: RedisServer) -> None:
    with pytest.raises(SettingsError, match="EVENT_ARCHIVE_DIR"):
        await archive_command({"REDIS_URL": redis_server.url, **kek_env()})


async def test_wsm_archive_moves_what_is_older_than_the_days_kept(
    redis_url: str, redis: Redis, keyspace: Keyspace, log: EventLog, tmp_path: Path
) -> None:
    await write(log, chats=2, each=2)
    await consume(redis, keyspace, "a")
    env = {
        "REDIS_URL": redis_url,
        "PARTITIONS": str(keyspace.partitions),
        "EVENT_ARCHIVE_DIR": str(tmp_path / "cli-archive"),
        "EVENTS_IN_REDIS_DAYS": "1",
        **kek_env(),
    }
    assert await archive_command(env) == f"moved 0 entries to {env['EVENT_ARCHIVE_DIR']}"
    assert await in_redis(redis, keyspace) == 4


async def archive_command(env: dict[str, str]) -> str:
    out = io.StringIO()
    assert await archive_cli.archive(env, out, io.StringIO()) == 0
    return out.getvalue().strip()


async def test_an_archive_path_that_is_a_file_is_refused(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    (tmp_path / "not-a-folder").write_text("")
    env = {"REDIS_URL": redis_server.url, "EVENT_ARCHIVE_DIR": str(tmp_path / "not-a-folder")}
    with pytest.raises(SettingsError, match="must be a directory"):
        await archive_cli.archive(env, io.StringIO(), io.StringIO())


async def test_a_segment_that_cannot_be_written_leaves_its_entries_in_redis(
    redis: Redis, keyspace: Keyspace, log: EventLog, tmp_path: Path
) -> None:
    await write(log, chats=2, each=2)
    await consume(redis, keyspace, "a")
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    for partition in keyspace.all_partitions():  # files where the folders should go
        (blocked / f"p{partition}").write_text("")
    with pytest.raises(OSError):
        await archive_all(redis, keyspace, Archive(blocked))
    assert await in_redis(redis, keyspace) == 4
