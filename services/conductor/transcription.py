"""Voice notes heard: the recording read from WAHA, held to the bounds on its size and
length, and transcribed with Groq's speech-to-text through the ``groq`` SDK
(``audio.transcriptions.create``: a multipart upload of the file with the model and the
language, answered with the text; groq/resources/audio/transcriptions.py).

Only a consented person's voice note comes here (``Decider.decide``): before consent the
consent step answers it in code, and no recording goes to any model.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

import groq
from groq import AsyncGroq
from opentelemetry import trace
from opentelemetry.trace import SpanKind

from events.schema import MediaInfo, MessageReceived, VoiceNoteTranscribed
from events.spans import traced
from services.conductor.audio_length import audio_seconds
from services.waha.client import MediaTooLarge, WahaClient, WahaError

log = logging.getLogger(__name__)
tracer = trace.get_tracer(__name__)

DEFAULT_MODEL = "whisper-large-v3-turbo"
GROQ_MAX_BYTES = 25_000_000  # the largest file Groq's speech-to-text takes as an upload


class Unheard(StrEnum):
    """Why a voice note was not heard, as the person is told."""

    TOO_LONG = (
        "Seu áudio é longo demais para eu ouvir por aqui. Pode mandar um áudio mais curto "
        "ou escrever, por favor?"
    )
    UNAVAILABLE = "Não consegui ouvir seu áudio agora. Pode escrever, por favor?"
    NOT_UNDERSTOOD = "Não consegui entender seu áudio. Pode repetir ou escrever, por favor?"


class NotHeard(Exception):
    def __init__(self, unheard: Unheard) -> None:
        super().__init__(unheard.name)
        self.unheard = unheard


@dataclass(frozen=True, slots=True)
class VoiceNoteRules:
    """The bounds a voice note is held to before it is transcribed, and the model."""

    max_bytes: int = 2_000_000
    max_seconds: int = 180
    model: str = DEFAULT_MODEL
    language: str = "pt"


@dataclass(frozen=True, slots=True)
class Heard:
    text: str
    seconds: float


class Transcriber(Protocol):
    model: str

    async def transcribe(self, media: MediaInfo) -> Heard:
        """The voice note's words; raises :class:`NotHeard`."""
        ...


def is_voice_note(message: MessageReceived) -> bool:
    """A message that is a recording and nothing written."""
    media = message.media
    audio = media is not None and (media.mimetype or "").lower().startswith("audio/")
    return audio and not message.text.strip()


async def hear(
    transcriber: Transcriber, message: MessageReceived, deadline: float
) -> VoiceNoteTranscribed | Unheard:
    """The transcript of ``message``'s voice note, heard by ``deadline`` (the event loop's
    clock), or why it was not."""
    assert message.media is not None
    try:
        async with asyncio.timeout_at(deadline):
            heard = await transcriber.transcribe(message.media)
    except NotHeard as exc:
        return exc.unheard
    except TimeoutError:
        log.warning("the turn's model time ran out while transcribing a voice note")
        return Unheard.UNAVAILABLE
    return VoiceNoteTranscribed(
        message_id=message.message_id,
        text=heard.text,
        model=transcriber.model,
        seconds=round(heard.seconds, 1),
    )


class GroqTranscriber:
    """Voice notes read from WAHA and transcribed by Groq."""

    def __init__(self, client: AsyncGroq, waha: WahaClient, rules: VoiceNoteRules) -> None:
        self._client = client
        self._waha = waha
        self.rules = rules
        self.model = rules.model

    async def transcribe(self, media: MediaInfo) -> Heard:
        if not media.url:  # WAHA could not download it (``media.error``)
            raise NotHeard(Unheard.UNAVAILABLE)
        try:
            audio = await self._waha.download_media(media.url, self.rules.max_bytes)
        except MediaTooLarge:
            raise NotHeard(Unheard.TOO_LONG) from None
        except WahaError as exc:
            log.warning("a voice note could not be read from WAHA: %s", exc)
            raise NotHeard(Unheard.UNAVAILABLE) from None
        seconds = audio_seconds(audio)
        if seconds is None:
            # Its length cannot be told, so its bound cannot be held: it is not sent.
            log.info("a voice note of a format whose length is not read here: not heard")
            raise NotHeard(Unheard.UNAVAILABLE)
        if seconds > self.rules.max_seconds:
            raise NotHeard(Unheard.TOO_LONG)
        mimetype = (media.mimetype or "audio/ogg").split(";")[0].strip().lower()
        # A neutral name: the person's file name goes nowhere; the extension tells Groq
        # the format.
        upload = (f"voice-note.{_EXTENSIONS.get(mimetype, 'ogg')}", audio, mimetype)
        try:
            with traced(
                tracer, f"transcription {self.model}", kind=SpanKind.CLIENT,
                attributes={"gen_ai.operation.name": "transcription",
                            "gen_ai.request.model": self.model},
            ):  # fmt: skip
                transcript = await self._client.audio.transcriptions.create(
                    file=upload,
                    model=self.model,
                    language=self.rules.language,
                    response_format="json",
                    temperature=0.0,
                )
        except groq.APIError as exc:
            # The SDK's text may repeat the request: the type and status say enough.
            status = f" (HTTP {exc.status_code})" if isinstance(exc, groq.APIStatusError) else ""
            log.warning("a voice note was not transcribed: %s%s", type(exc).__name__, status)
            raise NotHeard(Unheard.UNAVAILABLE) from None
        text = transcript.text.strip()
        if not text:
            raise NotHeard(Unheard.NOT_UNDERSTOOD)
        return Heard(text, seconds)


# The formats Groq's speech-to-text takes (flac, mp3, mp4, mpeg, mpga, m4a, ogg, wav, webm:
# the SDK's ``file`` documentation), by the type WAHA gives.
_EXTENSIONS = {
    "audio/ogg": "ogg",
    "audio/opus": "ogg",
    "audio/mpeg": "mp3",
    "audio/mp3": "mp3",
    "audio/mp4": "m4a",
    "audio/aac": "m4a",
    "audio/x-m4a": "m4a",
    "audio/wav": "wav",
    "audio/x-wav": "wav",
    "audio/wave": "wav",
    "audio/webm": "webm",
    "audio/flac": "flac",
}
