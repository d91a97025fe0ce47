"""Voice notes heard: the conductor built from its settings reads the recording from WAHA
with its API key and has it transcribed through the real groq SDK (a multipart upload to
a local server speaking Groq's wire format), then answers the words as if written."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

from redis.asyncio import Redis

from events import decode_entry, encode_entry, new_envelope
from events.schema import MediaInfo, VoiceNoteTranscribed
from events.sealing import new_subject_key
from services.conductor.deciding import MEDIA_UNSEEN, Decider
from services.conductor.main import build_decider
from services.conductor.settings import ConductorSettings
from services.conductor.transcription import Unheard
from services.waha.client import WahaClient
from tests.integration.test_dialogues import NOW
from tests.support.dialogue import Dialogue, registered_chat
from tests.support.fake_openai import FakeOpenAI, Slow, completion, tool_use_failed
from tests.support.kek import kek_env
from tests.support.log_capture import LogLines
from tests.support.voice_notes import WAHA_KEY, WahaFiles, opus_recording, wav_recording

# WAHA names its own base URL in ``media.url``; the conductor reads from WAHA_URL instead.
MEDIA_URL = "http://localhost:3000/api/files/default/false_5511987654321@c.us_3EB0AA.{ext}"
SAID = "quero marcar uma consulta amanhã de manhã"


@dataclass
class Voice:
    groq: FakeOpenAI
    waha: WahaFiles
    decider: Decider


@asynccontextmanager
async def hearing(
    redis: Redis, files: dict[str, bytes], script: list[object], transcripts: list[object],
    *, chunked: bool = False, **env: str,
) -> AsyncIterator[Voice]:  # fmt: skip
    groq, waha = FakeOpenAI(script, transcripts), WahaFiles(files, chunked=chunked)
    async with AsyncExitStack() as stack:
        groq_url = await stack.enter_async_context(groq.serving())
        waha_url = await stack.enter_async_context(waha.serving())
        settings = ConductorSettings.from_env({
            "GROQ_API_KEY": "test-key", "GROQ_MODEL": "test-model", "GROQ_BASE_URL": groq_url,
            "WAHA_URL": waha_url, "WAHA_API_KEY": WAHA_KEY, **env, **kek_env(),
        })  # fmt: skip
        client = WahaClient(waha_url, settings.waha_api_key)
        stack.push_async_callback(client.close)
        yield Voice(groq, waha, build_decider(settings, redis, waha=client))


def voice_note(ext: str = "ogg", mimetype: str = "audio/ogg; codecs=opus") -> MediaInfo:
    return MediaInfo(mimetype=mimetype, url=MEDIA_URL.format(ext=ext))


async def test_a_voice_note_is_transcribed_and_answered_as_if_written(redis: Redis) -> None:
    recording = wav_recording(1.0)
    files = {"false_5511987654321@c.us_3EB0AA.wav": recording}
    async with hearing(redis, files, [completion("Claro! Que horas?")], [SAID]) as voice:
        chat = registered_chat(voice.decider, NOW)
        note = voice_note("wav", "audio/wav")
        assert await chat.say("", media=note) == "Claro! Que horas?"
    [upload] = voice.groq.uploads
    assert upload.audio == recording
    assert upload.fields["model"] == "whisper-large-v3-turbo"
    assert upload.fields["language"] == "pt"
    assert upload.filename == "voice-note.wav"
    assert voice.groq.requests[0]["messages"][-1] == {"role": "user", "content": SAID}
    [heard] = chat.of_type(VoiceNoteTranscribed)
    assert heard.text == SAID  # type: ignore[attr-defined]
    assert ("user", SAID) in chat.state.dialogue


async def test_a_whatsapp_voice_note_in_ogg_opus_is_heard(redis: Redis) -> None:
    files = {"false_5511987654321@c.us_3EB0AA.ogg": opus_recording(12.0)}
    async with hearing(redis, files, [completion("Certo.")], [SAID]) as voice:
        chat = registered_chat(voice.decider, NOW)
        assert await chat.say("", media=voice_note()) == "Certo."
    [upload] = voice.groq.uploads
    assert upload.filename == "voice-note.ogg" and upload.content_type == "audio/ogg"


async def test_a_voice_note_before_consent_gets_the_consent_question_and_goes_nowhere(
    redis: Redis,
) -> None:
    files = {"false_5511987654321@c.us_3EB0AA.ogg": opus_recording(3.0)}
    async with hearing(redis, files, [], [SAID]) as voice:
        chat = Dialogue(voice.decider, NOW)
        await chat.say("oi")  # the privacy notice
        assert await chat.say("", media=voice_note()) == voice.decider.notice.reminder
    assert voice.waha.asked == [] and voice.groq.uploads == [] and voice.groq.requests == []


async def test_a_voice_note_longer_than_its_bound_is_not_sent(redis: Redis) -> None:
    files = {"false_5511987654321@c.us_3EB0AA.ogg": opus_recording(61.0)}
    async with hearing(redis, files, [], [SAID], VOICE_NOTE_MAX_SECONDS="60") as voice:
        chat = registered_chat(voice.decider, NOW)
        assert await chat.say("", media=voice_note()) == Unheard.TOO_LONG.value
    assert voice.groq.uploads == []


async def test_a_voice_note_larger_than_its_bound_is_not_read_whole(redis: Redis) -> None:
    files = {"false_5511987654321@c.us_3EB0AA.wav": wav_recording(2.0)}  # 32 kB
    async with hearing(redis, files, [], [SAID], VOICE_NOTE_MAX_BYTES="10000") as voice:
        chat = registered_chat(voice.decider, NOW)
        reply = await chat.say("", media=voice_note("wav", "audio/wav"))
    assert reply == Unheard.TOO_LONG.value
    assert voice.groq.uploads == []


async def test_a_voice_note_sent_without_its_length_stops_being_read_at_the_bound(
    redis: Redis,
) -> None:
    files = {"false_5511987654321@c.us_3EB0AA.wav": wav_recording(2.0)}  # 32 kB
    async with hearing(
        redis, files, [], [SAID], chunked=True, VOICE_NOTE_MAX_BYTES="10000"
    ) as voice:
        chat = registered_chat(voice.decider, NOW)
        reply = await chat.say("", media=voice_note("wav", "audio/wav"))
    assert reply == Unheard.TOO_LONG.value
    assert voice.groq.uploads == []


async def test_a_transcription_counts_in_the_turns_model_time(redis: Redis) -> None:
    files = {"false_5511987654321@c.us_3EB0AA.ogg": opus_recording(3.0)}
    slow: list[object] = [Slow(10, SAID)]
    async with hearing(redis, files, [], slow, GROQ_TURN_TIMEOUT_SECONDS="1") as voice:
        chat = registered_chat(voice.decider, NOW)
        started = time.monotonic()
        assert await chat.say("", media=voice_note()) == Unheard.UNAVAILABLE.value
    assert time.monotonic() - started < 3.0
    assert voice.groq.requests == []


async def test_a_transcription_that_fails_gets_a_request_to_write(redis: Redis) -> None:
    files = {"false_5511987654321@c.us_3EB0AA.ogg": opus_recording(3.0)}
    async with hearing(redis, files, [], [503, 503, 503]) as voice:
        chat = registered_chat(voice.decider, NOW)
        assert await chat.say("", media=voice_note()) == Unheard.UNAVAILABLE.value
    assert voice.groq.requests == []


async def test_a_media_url_outside_wahas_files_is_not_fetched(redis: Redis) -> None:
    async with hearing(redis, {}, [], [SAID]) as voice:
        chat = registered_chat(voice.decider, NOW)
        elsewhere = MediaInfo(mimetype="audio/ogg", url="http://elsewhere.invalid/x.ogg")
        assert await chat.say("", media=elsewhere) == Unheard.UNAVAILABLE.value
    assert voice.waha.asked == [] and voice.groq.uploads == []


async def test_a_media_url_that_is_no_url_is_not_fetched_and_fails_nothing(
    redis: Redis,
) -> None:
    async with hearing(redis, {}, [], [SAID]) as voice:
        chat = registered_chat(voice.decider, NOW)
        broken = MediaInfo(mimetype="audio/ogg", url="http://[::1/api/files/x.ogg")
        assert await chat.say("", media=broken) == Unheard.UNAVAILABLE.value
    assert voice.waha.asked == [] and voice.groq.uploads == []


async def test_without_the_wahas_key_nothing_is_heard(redis: Redis) -> None:
    files = {"false_5511987654321@c.us_3EB0AA.ogg": opus_recording(3.0)}
    async with hearing(redis, files, [], [SAID], WAHA_API_KEY="") as voice:
        chat = registered_chat(voice.decider, NOW)
        assert await chat.say("", media=voice_note()) == Unheard.UNAVAILABLE.value
    assert voice.groq.uploads == []


def test_the_transcript_is_stored_sealed_with_the_subjects_key() -> None:
    event = VoiceNoteTranscribed(message_id="m1", text=SAID, model="m", seconds=3.0)
    key = new_subject_key()
    fields = encode_entry(new_envelope(event, chat="c1", session="default"), key)
    assert SAID.encode() not in b"".join(fields.values())
    stored = {name.encode(): value for name, value in fields.items()}
    assert decode_entry("1-0", 0, stored, key).envelope.event == event
    assert decode_entry("1-0", 0, stored, None).envelope.event.text == ""  # type: ignore[union-attr]


async def test_a_recording_whose_length_cannot_be_read_is_not_sent(redis: Redis) -> None:
    files = {"false_5511987654321@c.us_3EB0AA.mp3": b"ID3\x04\x00\x00\x00\x00\x00\x00frames"}
    async with hearing(redis, files, [], [SAID]) as voice:
        chat = registered_chat(voice.decider, NOW)
        note = voice_note("mp3", "audio/mpeg")
        assert await chat.say("", media=note) == Unheard.UNAVAILABLE.value
    assert voice.groq.uploads == []


async def test_a_voice_note_waha_could_not_download_gets_a_request_to_write(
    redis: Redis,
) -> None:
    async with hearing(redis, {}, [], [SAID]) as voice:
        chat = registered_chat(voice.decider, NOW)
        failed = MediaInfo(mimetype="audio/ogg", url=None, error="download failed")
        assert await chat.say("", media=failed) == Unheard.UNAVAILABLE.value
    assert voice.waha.asked == [] and voice.groq.uploads == []


async def test_hearing_a_voice_note_leaves_no_word_nor_id_of_it_in_the_log(
    redis: Redis, log_lines: LogLines
) -> None:
    files = {"false_5511987654321@c.us_3EB0AA.ogg": opus_recording(3.0)}
    script: list[object] = [tool_use_failed(f"<function=book{{{SAID}}}>"), completion("Ok!")]
    async with hearing(redis, files, script, [SAID]) as voice:
        chat = registered_chat(voice.decider, NOW)
        assert await chat.say("", media=voice_note()) == "Ok!"
        missing = voice_note("wav", "audio/wav")  # WAHA answers 404
        assert await chat.say("", media=missing) == Unheard.UNAVAILABLE.value
    assert log_lines()  # the malformed call and the missing file were said
    for personal in (SAID, "5511987654321", "3EB0AA"):
        assert personal not in log_lines.text()


async def test_a_picture_when_voice_notes_are_heard_asks_for_writing_or_a_voice_note(
    redis: Redis,
) -> None:
    async with hearing(redis, {}, [], []) as voice:
        chat = registered_chat(voice.decider, NOW)
        picture = MediaInfo(mimetype="image/jpeg", url=MEDIA_URL.format(ext="jpeg"))
        assert await chat.say("", media=picture) == MEDIA_UNSEEN
    assert voice.waha.asked == [] and voice.groq.uploads == [] and voice.groq.requests == []
