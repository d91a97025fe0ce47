"""Sending through WAHA: text messages, plus the read and typing indicators; finding a
reply WAHA already took, so that a redelivered one is not sent twice; and asking for a
session's status."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any, NamedTuple
from urllib.parse import quote

import aiohttp
from yarl import URL

log = logging.getLogger(__name__)

# Answers a later attempt may not get: timeouts, rate limits, a WAHA restarting or overloaded.
RETRYABLE = frozenset({408, 425, 429, 500, 502, 503, 504})
# How far back in a chat a reply already sent is looked for; a reply is that chat's latest.
RECENT_MESSAGES = 50
CHAT_MESSAGES = "GET /api/{session}/chats/{chatId}/messages"
CHATS_OVERVIEW = "GET /api/{session}/chats/overview"
SESSIONS = "GET /api/sessions"
SESSION = "GET /api/sessions/{session}"
STATUS_NAME = re.compile(r"[A-Z][A-Z_]{0,31}")


class WahaError(Exception):
    """WAHA did not take the message.

    Its text names the route (``GET /api/{session}/chats/{chatId}/messages``, never the
    path with the chat in it), WAHA's status or the failure's type, and nothing WAHA or
    aiohttp said: WAHA's error bodies and aiohttp's errors may repeat the request, and
    this text goes into logs and into the recorded ``ReplyFailed``.
    """


class WahaRejected(WahaError):
    """WAHA refused the request itself (4xx): retrying would not help."""


class WahaUnauthorized(WahaRejected):
    """WAHA refused this client's ``X-Api-Key`` (401): the two do not share one key."""


class SessionNotWorking(WahaRejected):
    """WAHA did not send: the session was not WORKING (422 after WAHA's own 5 s wait,
    src/core/abc/manager.abc.ts, waitUntilStatus). Sending again once it works is safe."""

    def __init__(self, route: str, status: str) -> None:
        super().__init__(f"{route}: HTTP 422, session {status}")
        self.status = status


class SentMessage(NamedTuple):
    """A message WAHA already holds as sent, with its id when WAHA gives one."""

    waha_message_id: str | None


class MediaTooLarge(WahaRejected):
    """The media is larger than the caller takes: not read further."""


class WahaClient:
    """WAHA's HTTP API, as the conductor uses it; one connection pool per client."""

    def __init__(
        self,
        base_url: str,
        api_key: str | None,
        *,
        attempts: int = 4,
        backoff_s: float = 0.5,
        timeout_s: float = 10.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.attempts = attempts
        self.backoff_s = backoff_s
        headers = {"X-Api-Key": api_key} if api_key else {}
        self._session = aiohttp.ClientSession(
            headers=headers, timeout=aiohttp.ClientTimeout(total=timeout_s)
        )

    async def close(self) -> None:
        """Close the connection pool; the client cannot be used afterwards."""
        await self._session.close()

    async def send_text(
        self, session: str, chat_id: str, text: str, reply_to: str | None = None
    ) -> str | None:
        """Send a message; WAHA's id for it, when WAHA says. Retries transient failures."""
        body: dict[str, Any] = {"session": session, "chatId": chat_id, "text": text}
        if reply_to:
            body["reply_to"] = reply_to
        answer = await self._post("/api/sendText", body, attempts=self.attempts)
        return sent_message_id(answer)

    async def sent_reply(self, session: str, chat_id: str, reply_to: str) -> SentMessage | None:
        """A message this number already sent in the chat quoting ``reply_to`` (the message
        it answers), among the chat's latest; None if there is none.

        Each inbound message gets one reply, quoting it, so such a message is that reply.
        Raises :class:`WahaError` when WAHA cannot say.
        """
        params = {"limit": str(RECENT_MESSAGES), "downloadMedia": "false"}
        messages = await self._get(_messages_path(session, chat_id), params, CHAT_MESSAGES)
        wanted = message_id_only(reply_to)
        for message in messages if isinstance(messages, list) else ():
            if isinstance(message, dict) and message.get("fromMe"):
                quoted = message.get("replyTo")
                quoted_id = quoted.get("id") if isinstance(quoted, dict) else quoted
                if isinstance(quoted_id, str) and message_id_only(quoted_id) == wanted:
                    return SentMessage(sent_message_id(message))
        return None

    async def working_sessions(self) -> list[str]:
        """The names of the sessions WAHA runs and reports WORKING (``GET /api/sessions``
        lists the sessions that are not STOPPED, each with its ``name`` and ``status``:
        devlikeapro/waha src/api/sessions.controller.ts, src/structures/sessions.dto.ts).
        Raises :class:`WahaError` when WAHA cannot say."""
        sessions = await self._get("/api/sessions", {}, SESSIONS)
        return [
            session["name"]
            for session in (sessions if isinstance(sessions, list) else ())
            if isinstance(session, dict)
            and session.get("status") == "WORKING"
            and isinstance(session.get("name"), str)
        ]

    async def chats_overview(self, session: str, limit: int) -> list[Any]:
        """The ``limit`` chats with the latest messages, newest first, each with its ``id``
        and ``lastMessage`` (WAHA's ChatSummary: devlikeapro/waha src/api/chats.controller.ts,
        ``getChatsOverview``, sorted by last message; src/structures/chats.dto.ts).
        Raises :class:`WahaError` when WAHA cannot say."""
        path = f"/api/{quote(session, safe='')}/chats/overview"
        overview = await self._get(path, {"limit": str(limit), "offset": "0"}, CHATS_OVERVIEW)
        return overview if isinstance(overview, list) else []

    async def messages_since(
        self, session: str, chat_id: str, since_s: int, limit: int
    ) -> list[Any]:
        """The chat's latest ``limit`` messages, both ways, sent at ``since_s`` (epoch
        seconds) or later, without downloading media (``GetChatMessagesQuery`` and
        ``GetChatMessagesFilter`` in devlikeapro/waha src/structures/chats.dto.ts; the
        controller sorts by timestamp, newest first, unless told otherwise).
        Raises :class:`WahaError` when WAHA cannot say."""
        params = {"limit": str(limit), "offset": "0", "downloadMedia": "false",
                  "sortBy": "timestamp", "sortOrder": "desc",
                  "filter.timestamp.gte": str(since_s)}  # fmt: skip
        messages = await self._get(_messages_path(session, chat_id), params, CHAT_MESSAGES)
        return messages if isinstance(messages, list) else []

    async def session_status(self, session: str) -> str:
        """The session's status as WAHA reports it (``GET /api/sessions/{session}``, whose
        answer is a SessionInfo: src/structures/sessions.dto.ts): STOPPED, STARTING,
        SCAN_QR_CODE, WORKING or FAILED (src/structures/enums.dto.ts, WAHASessionStatus).
        Raises :class:`WahaError` when WAHA cannot say."""
        info = await self._get(f"/api/sessions/{quote(session, safe='')}", {}, SESSION)
        status = _status_name(info.get("status")) if isinstance(info, dict) else None
        if status is None:
            raise WahaError(f"{SESSION}: no status in the answer")
        return status

    async def mark_seen(self, session: str, chat_id: str, message_id: str | None) -> bool:
        """Mark the person's message read; best effort (one attempt), True if WAHA took it.

        The body is WAHA's ``SendSeenRequest`` (devlikeapro/waha,
        src/structures/chatting.dto.ts): NOWEB and GOWS mark read only the messages named
        in ``messageIds`` (src/core/utils/convertors.ts, ExtractMessageKeysForRead, skips
        the business's own); WEBJS marks the whole chat read.
        """
        body: dict[str, Any] = {"session": session, "chatId": chat_id}
        if message_id is not None:
            body["messageIds"] = [message_id]
        return await self._indicate("/api/sendSeen", body)

    async def start_typing(self, session: str, chat_id: str) -> bool:
        """Show "typing…" in the chat until :meth:`stop_typing` (WAHA keeps it on:
        src/api/chatting.controller.ts calls it an infinite action); best effort."""
        return await self._indicate("/api/startTyping", {"session": session, "chatId": chat_id})

    async def stop_typing(self, session: str, chat_id: str) -> bool:
        """Stop showing "typing…" in the chat; best effort."""
        return await self._indicate("/api/stopTyping", {"session": session, "chatId": chat_id})

    async def download_media(self, url: str, max_bytes: int) -> bytes:
        """The bytes of a message's media, as WAHA keeps it.

        A message's ``media.url`` is WAHA's base URL, ``/api/files/``, the session and the
        file, served behind the API key (devlikeapro/waha src/core/media/local/:
        MediaLocalStorageConfig.filesURL, MediaLocalStorage.getStorageData). It is read
        from this client's WAHA whatever host the URL names, so the key never goes
        elsewhere; a URL outside WAHA's files is refused. Raises :class:`MediaTooLarge`
        past ``max_bytes``, :class:`WahaError` when WAHA cannot give it.
        """
        try:
            named = URL(url)
        except ValueError:
            raise WahaRejected(f"{FILES}: not a URL") from None
        if not named.raw_path.startswith(FILES_PATH) or ".." in named.raw_path.split("/"):
            raise WahaRejected(f"{FILES}: not one of WAHA's files")
        target = URL(self.base_url + named.raw_path_qs, encoded=True)
        try:
            async with self._session.get(target) as response:
                if response.status == 401:
                    raise WahaUnauthorized(f"{FILES}: HTTP 401")
                if response.status >= 300:
                    refused = WahaRejected if response.status < 500 else WahaError
                    raise refused(f"{FILES}: HTTP {response.status}")
                too_large = MediaTooLarge(f"{FILES}: larger than {max_bytes} bytes")
                if (response.content_length or 0) > max_bytes:
                    raise too_large
                data = bytearray()
                async for chunk in response.content.iter_chunked(64 * 1024):
                    data += chunk
                    if len(data) > max_bytes:
                        raise too_large
                return bytes(data)
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise WahaError(f"{FILES}: {type(exc).__name__}") from None

    async def _indicate(self, path: str, body: dict[str, Any]) -> bool:
        # ChatRequest (session, chatId) for both typing routes: devlikeapro/waha,
        # src/structures/chatting.dto.ts. An indicator never holds a reply back for long.
        try:
            await self._post(path, body, attempts=1)
        except WahaError as exc:
            log.info("WAHA indicator failed: %s", exc)
            return False
        return True

    async def _get(self, path: str, params: dict[str, str], route: str) -> Any:
        """WAHA's JSON answer; its error text names ``route`` only (the path may hold a chat)."""
        try:
            async with self._session.get(self.base_url + path, params=params) as response:
                if response.status == 401:
                    raise WahaUnauthorized(f"{route}: HTTP 401")
                if response.status == 422 and (status := await _not_working(response)):
                    raise SessionNotWorking(route, status)
                if response.status >= 300:
                    raise WahaError(f"{route}: HTTP {response.status}")
                return await response.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            raise WahaError(f"{route}: {type(exc).__name__}") from None

    async def _post(self, path: str, body: dict[str, Any], *, attempts: int) -> Any:
        url = self.base_url + path
        for attempt in range(1, attempts + 1):
            try:
                async with self._session.post(url, json=body) as response:
                    if response.status < 300:
                        try:
                            return await response.json(content_type=None)
                        except ValueError:
                            raise WahaError(f"POST {path}: an answer that is not JSON") from None
                    if response.status == 401:
                        raise WahaUnauthorized(f"POST {path}: HTTP 401")
                    if response.status == 422 and (status := await _not_working(response)):
                        raise SessionNotWorking(f"POST {path}", status)
                    if response.status not in RETRYABLE:
                        raise WahaRejected(f"POST {path}: HTTP {response.status}")
                    failure: str = f"POST {path}: HTTP {response.status}"
            except (aiohttp.ClientError, TimeoutError) as exc:
                failure = f"POST {path}: {type(exc).__name__}"
            if attempt < attempts:
                await asyncio.sleep(self.backoff_s * 2 ** (attempt - 1))
        raise WahaError(f"{failure} (after {attempts} attempts)")


async def _not_working(response: aiohttp.ClientResponse) -> str | None:
    """The session's status when a 422 is WAHA's "session is not WORKING" (its body names
    the ``status`` and the ``expected`` ones: src/core/abc/manager.abc.ts,
    waitUntilStatus); None for a 422 of another cause, which is final."""
    try:
        body = await response.json(content_type=None)
    except (aiohttp.ClientError, ValueError):
        return None
    if isinstance(body, dict) and isinstance(body.get("expected"), list):
        return _status_name(body.get("status")) or "UNKNOWN"
    return None


def _status_name(value: object) -> str | None:
    """A session status as WAHA spells them (WORKING, SCAN_QR_CODE…); None for anything
    else, which is not repeated into a log line or an error."""
    if isinstance(value, str) and STATUS_NAME.fullmatch(value):
        return value
    return None


def _messages_path(session: str, chat_id: str) -> str:
    return f"/api/{quote(session, safe='')}/chats/{quote(chat_id, safe='')}/messages"


def sent_message_id(answer: Any) -> str | None:
    """WAHA's serialized id of a message it answered with, on every engine, or None.

    GOWS answers ``{"id": "true_…", "_data": …}`` (messageResponse in
    src/core/engines/gows/session.gows.core.ts), WEBJS whatsapp-web.js's message, its id
    an object with ``_serialized``; NOWEB Baileys' message, whose id is ``key.id`` in the
    chat ``key.remoteJid`` (sendText in src/core/engines/noweb/session.noweb.core.ts),
    serialized here as WAHA serializes it (buildMessageId, toCusFormat).
    """
    if not isinstance(answer, dict):
        return None
    identifier = answer.get("id")
    if isinstance(identifier, dict):
        identifier = identifier.get("_serialized") or identifier.get("id")
    if isinstance(identifier, str):
        return identifier
    key = answer.get("key")
    if not isinstance(key, dict):
        return None
    bare, chat = key.get("id"), key.get("remoteJid")
    if not (isinstance(bare, str) and bare and isinstance(chat, str) and "@" in chat):
        return None
    user, _, server = chat.partition("@")
    if server == "s.whatsapp.net":
        chat = f"{user.split(':')[0]}@c.us"
    return f"{str(key.get('fromMe') is True).lower()}_{chat}_{bare}"


def message_id_only(message_id: str) -> str:
    """The message's own id within a serialized WAHA id ("false_5511…@c.us_3EB0…" gives
    "3EB0…"), as WAHA quotes it in ``replyTo``; an id already bare is itself."""
    parts = message_id.split("_")
    return parts[2] if len(parts) >= 3 and parts[0] in ("true", "false") else message_id


# Where WAHA serves the media it downloaded (MediaLocalStorageConfig.filesUri).
FILES = "GET /api/files/{session}/{file}"
FILES_PATH = "/api/files/"
