"""Small real recordings for the voice-note tests, and a local WAHA serving its files.

A WAV is written by the standard library's ``wave``. An Ogg Opus file is pages laid out
as RFC 3533 says (``OggS``, version 0, flags, granule position, serial, sequence,
checksum, segment count, lacing values, data), opening with the ``OpusHead`` packet of
RFC 7845 section 5.1; the checksum is left zero, as nothing here verifies it. WAHA serves
a message's media at ``/api/files/{session}/{message id}.{extension}`` behind its API key
(devlikeapro/waha src/core/media/local/MediaLocalStorage.ts, getStorageData).
"""

from __future__ import annotations

import io
import math
import secrets
import struct
import wave
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiohttp import web
from aiohttp.test_utils import TestServer

WAHA_KEY = secrets.token_hex(32)  # generated: a process refuses a key a reader could guess


def wav_recording(seconds: float, rate: int = 8000) -> bytes:
    """A mono 16-bit WAV of a 440 Hz tone lasting ``seconds``."""
    frames = int(seconds * rate)
    samples = (int(8000 * math.sin(2 * math.pi * 440 * n / rate)) for n in range(frames))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(2)
        recording.setframerate(rate)
        recording.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return buffer.getvalue()


def ogg_page(granule: int, packet: bytes, sequence: int, flags: int = 0) -> bytes:
    lacing = [255] * (len(packet) // 255) + [len(packet) % 255]
    header = struct.pack("<4sBBqIIIB", b"OggS", 0, flags, granule, 1, sequence, 0, len(lacing))
    return header + bytes(lacing) + packet


def opus_recording(seconds: float, pre_skip: int = 312) -> bytes:
    """An Ogg Opus file whose last granule position says it lasts ``seconds``."""
    head = b"OpusHead" + struct.pack("<BBHIhB", 1, 1, pre_skip, 48_000, 0, 0)
    tags = b"OpusTags" + struct.pack("<I", 4) + b"test" + struct.pack("<I", 0)
    end = pre_skip + int(seconds * 48_000)
    return (
        ogg_page(0, head, 0, flags=2)
        + ogg_page(0, tags, 1)
        + ogg_page(end // 2, b"\xfc" * 300, 2)
        + ogg_page(end, b"\xfc" * 40, 3, flags=4)
    )


class WahaFiles:
    """WAHA's files route: the recordings it holds, and the requests it was asked."""

    def __init__(self, files: dict[str, bytes], *, chunked: bool = False) -> None:
        """``chunked``: the files are sent without a length, in chunks."""
        self.files = files
        self.chunked = chunked
        self.asked: list[str] = []

    async def serve(self, request: web.Request) -> web.StreamResponse:
        self.asked.append(request.path)
        if request.headers.get("X-Api-Key") != WAHA_KEY:
            return web.json_response({"message": "Unauthorized", "statusCode": 401}, status=401)
        data = self.files.get(request.match_info["file"])
        if data is None:
            return web.json_response({"message": "Not Found", "statusCode": 404}, status=404)
        if not self.chunked:
            return web.Response(body=data, content_type="application/octet-stream")
        response = web.StreamResponse(headers={"Content-Type": "application/octet-stream"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        for start in range(0, len(data), 4096):
            await response.write(data[start : start + 4096])
        await response.write_eof()
        return response

    @asynccontextmanager
    async def serving(self) -> AsyncIterator[str]:
        app = web.Application()
        app.router.add_get("/api/files/{session}/{file}", self.serve)
        async with TestServer(app) as server:
            yield str(server.make_url("")).rstrip("/")
