"""The groq SDK's client, for Groq or for any server speaking the same OpenAI API.

The SDK puts ``openai/v1/`` after its base URL on every request (the paths in
groq/resources: ``/openai/v1/chat/completions``, ``/openai/v1/audio/transcriptions``;
joined in groq/_base_client.py, ``_prepare_url``). vLLM, Ollama and OpenAI serve that API
under ``/v1``: a base URL ending in ``/v1`` is taken as the API's root, and the SDK's
``openai/v1/`` after it is dropped from each request.
"""

from __future__ import annotations

import httpx
from groq import AsyncGroq, DefaultAsyncHttpxClient

SDK_PREFIX = "openai/v1/"


def groq_client(
    api_key: str, base_url: str | None, *, timeout_s: float, max_retries: int
) -> AsyncGroq:
    """A client reaching ``base_url`` (Groq's own when None) the way its server serves."""
    http_client = None
    root = api_root(base_url)
    if root is not None:

        async def to_root(request: httpx.Request) -> None:
            request.url = request.url.copy_with(path=served_path(request.url.path, root))

        http_client = DefaultAsyncHttpxClient(event_hooks={"request": [to_root]})
    return AsyncGroq(
        api_key=api_key,
        base_url=base_url,
        timeout=timeout_s,
        max_retries=max_retries,
        http_client=http_client,
    )


def api_root(base_url: str | None) -> str | None:
    """The path under which the API is served, when ``base_url`` names it (ends in /v1)."""
    if not base_url:
        return None
    path = httpx.URL(base_url).path.rstrip("/")
    return path if path == "/v1" or path.endswith("/v1") else None


def served_path(path: str, root: str) -> str:
    """``path`` as the SDK built it, under ``root``: ``/v1/openai/v1/chat/completions``
    becomes ``/v1/chat/completions``; a path elsewhere stays as it is."""
    built = f"{root}/{SDK_PREFIX}"
    return f"{root}/{path.removeprefix(built)}" if path.startswith(built) else path
