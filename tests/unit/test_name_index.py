"""Names into the blind index's tokens and keyed hashes."""

from __future__ import annotations

from services.domain.name_index import blinded, index_key, tokens_of

KEY = index_key(b"a chat key secret of this test")


def test_tokens_are_lower_case_without_accents_or_particles() -> None:
    assert tokens_of("Maria da Conceição dos Santos e Souza") == [
        "maria", "conceicao", "santos", "souza"
    ]  # fmt: skip


def test_a_search_without_particles_hashes_to_a_subset_of_the_full_name() -> None:
    assert set(blinded(KEY, "maria silva")) <= set(blinded(KEY, "Maria da Silva"))


def test_the_hashes_hold_no_token_in_clear() -> None:
    assert all("maria" not in digest for digest in blinded(KEY, "Maria"))


def test_the_index_key_differs_from_the_chat_key_secret() -> None:
    assert index_key(b"s") != b"s" and blinded(index_key(b"s"), "ana") != blinded(KEY, "ana")


def test_a_name_of_punctuation_alone_has_no_tokens() -> None:
    assert tokens_of(" - . ") == []
