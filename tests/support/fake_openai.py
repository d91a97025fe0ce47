"""A local server speaking the OpenAI chat-completions and audio-transcriptions wire format
as Groq serves it, answering scripted completions and keeping the requests it received.

Error bodies are Groq's: ``{"error": {"message", "type", "code"}}`` (Groq's docs, Errors),
``tool_use_failed`` with the model's text in ``failed_generation`` for a malformed tool
call (as quoted from Groq's answers in agno-agi/agno#4090 and sipeed/picoclaw#748), and a
429 ``rate_limit_exceeded`` with ``retry-after`` in seconds (Groq's docs, Rate Limits).
A transcription is the SDK's multipart upload (groq/resources/audio/transcriptions.py:
fields ``model``, ``language``, ``response_format``, ``temperature`` and the ``file``
part) answered with ``{"text": …, "x_groq": {"id": …}}`` (Groq's docs, Speech to Text).
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, web
from aiohttp.test_utils import TestServer

GROQ_ROOT = "/openai/v1"  # where the groq SDK sends every request, under its base URL
OPENAI_ROOT = "/v1"  # where vLLM, Ollama and OpenAI serve the same API


def tool_call(name: str, arguments: str, call_id: str = "call_1") -> dict[str, Any]:
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}


def completion(
    content: str | None = None,
    calls: list[dict[str, Any]] | None = None,
    finish_reason: str | None = None,
) -> Any:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if calls:
        message["tool_calls"] = calls
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1764000000,
        "model": "test-model",
        "choices": [{"index": 0, "message": message,
                     "finish_reason": finish_reason or ("tool_calls" if calls else "stop")}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }  # fmt: skip


@dataclass(frozen=True)
class Failure:
    """An error answer: status, Groq's JSON body and headers."""

    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Slow:
    """``answer``, after ``seconds``."""

    seconds: float
    answer: Any


def tool_use_failed(generation: str) -> Failure:
    """Groq's answer to a tool call the model wrote malformed."""
    return Failure(400, {"error": {
        "message": "Failed to call a function. Please adjust your prompt. "
                   "See 'failed_generation' for more details.",
        "type": "invalid_request_error",
        "code": "tool_use_failed",
        "failed_generation": generation,
    }})  # fmt: skip


def rate_limited(retry_after_s: int) -> Failure:
    """Groq's answer past a rate limit, saying when to come back."""
    return Failure(429, {"error": {
        "message": "Rate limit reached for model `test-model` on tokens per minute (TPM). "
                   f"Please try again in {retry_after_s}s.",
        "type": "tokens",
        "code": "rate_limit_exceeded",
    }}, {"retry-after": str(retry_after_s)})  # fmt: skip


def _status(status: int) -> Failure:
    return Failure(
        status, {"error": {"message": "Service Unavailable", "type": "internal_server_error"}}
    )


@dataclass(frozen=True)
class Upload:
    """A transcription request as received: its form fields and its file."""

    fields: dict[str, str]
    filename: str | None
    content_type: str | None
    audio: bytes


class FakeOpenAI:
    def __init__(self, script: list[Any], transcripts: list[Any] | None = None) -> None:
        """``script``: completions to answer in turn, or HTTP statuses, :class:`Failure`s
        or :class:`Slow` answers; ``transcripts``: the texts (or failures) to answer
        transcriptions with."""
        self.script = iter(script)
        self.transcripts = iter(transcripts or [])
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.paths: list[str] = []
        self.uploads: list[Upload] = []
        self._ids = itertools.count()

    async def complete(self, request: web.Request) -> web.Response:
        self.requests.append(await request.json())
        self.headers.append(dict(request.headers))
        self.paths.append(request.path)
        return await _answer(next(self.script), web.json_response)

    async def transcribe(self, request: web.Request) -> web.Response:
        self.paths.append(request.path)
        fields: dict[str, str] = {}
        filename = content_type = None
        audio = b""
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            assert isinstance(part, BodyPartReader)  # the SDK's form nests nothing
            if part.name == "file":
                filename, content_type = part.filename, part.headers.get("Content-Type")
                audio = bytes(await part.read())
            elif part.name:
                fields[part.name] = await part.text()
        self.uploads.append(Upload(fields, filename, content_type, audio))

        def transcript(text: Any) -> web.Response:
            return web.json_response({"text": text, "x_groq": {"id": f"req_{next(self._ids)}"}})

        return await _answer(next(self.transcripts), transcript)

    @asynccontextmanager
    async def serving(self, root: str = GROQ_ROOT) -> AsyncIterator[str]:
        """The server's base URL, with the API served under ``root``."""
        app = web.Application()
        app.router.add_post(f"{root}/chat/completions", self.complete)
        app.router.add_post(f"{root}/audio/transcriptions", self.transcribe)
        async with TestServer(app) as server:
            yield str(server.make_url("")).rstrip("/")


async def _answer(answer: Any, success: Any) -> web.Response:
    if isinstance(answer, Slow):
        await asyncio.sleep(answer.seconds)
        answer = answer.answer
    if isinstance(answer, int):
        answer = _status(answer)
    if isinstance(answer, Failure):
        return web.json_response(answer.body, status=answer.status, headers=answer.headers)
    response: web.Response = success(answer)
    return response
