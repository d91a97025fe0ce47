"""Where the groq SDK's requests go, for Groq and for servers serving the API under /v1."""

from __future__ import annotations

import pytest

from services.conductor.groq_client import api_root, served_path


@pytest.mark.parametrize(
    ("base_url", "root"),
    [
        (None, None),
        ("https://api.groq.com", None),
        ("http://vllm:8000/v1", "/v1"),
        ("http://ollama:11434/v1/", "/v1"),
        ("https://gateway.example/llm/v1", "/llm/v1"),
        ("https://api.groq.com/openai/v1", "/openai/v1"),
        ("http://host/v10", None),
    ],
)
def test_a_base_url_ending_in_v1_names_the_apis_root(
    base_url: str | None, root: str | None
) -> None:
    assert api_root(base_url) == root


def test_the_sdks_prefix_after_the_root_is_dropped() -> None:
    assert served_path("/v1/openai/v1/chat/completions", "/v1") == "/v1/chat/completions"
    assert (
        served_path("/openai/v1/openai/v1/audio/transcriptions", "/openai/v1")
        == "/openai/v1/audio/transcriptions"
    )


def test_a_path_elsewhere_is_left_as_it_is() -> None:
    assert served_path("/other/chat/completions", "/v1") == "/other/chat/completions"
