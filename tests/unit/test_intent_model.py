"""The intent model's second reading: consulted only where the rules found nothing named,
used only when sure, never for revocations, confirmations, consent or names."""

from __future__ import annotations

from datetime import datetime

import pytest

from services.conductor.evaluation import Corpus, Example
from services.conductor.portuguese import intent_model
from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer
from services.conductor.portuguese.intent_model import IntentModel, measuring
from services.conductor.portuguese.intent_model_training import train
from services.conductor.portuguese.intents import Intent, intent_of, name_in

REFERENCE = datetime(2026, 11, 24, 9)
# Words no rule names: the rules leave it unknown.
UNNAMED = "esquece aquilo que eu falei la atras"


def model_saying(label: str, *texts: str) -> IntentModel:
    """A model that learnt ``texts`` as ``label``, and one message of every other intent."""
    examples = [Example(text, label) for text in texts for _ in range(3)]
    examples += [Example(f"mensagem numero {n}", i.value) for n, i in enumerate(Intent)]
    return train([Corpus(REFERENCE, tuple(examples))])


class Refusing(IntentModel, frozen=True):
    """A model that fails the test if it is ever asked."""

    def guess(self, text: str) -> tuple[Intent, float]:
        raise AssertionError(f"the model was consulted on {text!r}")


REFUSING = Refusing(("unknown",), (1,), {})


def test_a_message_the_rules_leave_unknown_takes_the_models_intent() -> None:
    with measuring(None):
        assert intent_of(UNNAMED) is Intent.UNKNOWN
    with measuring(model_saying("human", UNNAMED)):
        assert intent_of(UNNAMED) is Intent.HUMAN


def test_the_models_intent_below_the_threshold_is_not_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = model_saying("human", UNNAMED)
    monkeypatch.setattr(intent_model, "THRESHOLD", model.guess(UNNAMED)[1] + 1e-9)
    with measuring(model):
        assert intent_of(UNNAMED) is Intent.UNKNOWN


def test_an_intent_the_rules_name_is_never_overridden() -> None:
    with measuring(model_saying("cancel", "quero marcar uma consulta amanha")):
        assert intent_of("quero marcar uma consulta amanha") is Intent.SCHEDULE


def test_a_revocation_the_rules_found_is_never_overridden() -> None:
    revocation = "nao quero mais que vcs usem meus dados"
    with measuring(model_saying("schedule", revocation)):
        assert intent_of(revocation) is Intent.REVOKE


def test_the_model_never_says_a_revocation() -> None:
    with measuring(model_saying("revoke", UNNAMED)):
        assert intent_of(UNNAMED) is Intent.UNKNOWN


def test_the_model_never_says_a_confirmation() -> None:
    with measuring(model_saying("confirm", UNNAMED)):
        assert intent_of(UNNAMED) is Intent.UNKNOWN


def test_a_greeting_stays_a_request_for_help() -> None:
    with measuring(model_saying("info", "boa tarde pessoal")):
        assert intent_of("boa tarde pessoal") is Intent.HELP


def test_a_time_is_left_to_the_agent_under_way() -> None:
    bare_time = "e depois de amanha as 10 e meia"
    with measuring(model_saying("cancel", bare_time)):
        assert intent_of(bare_time) is Intent.UNKNOWN


def test_an_option_picked_is_left_to_the_agent_under_way() -> None:
    with measuring(model_saying("cancel", "a opcao 2")):
        assert intent_of("a opcao 2") is Intent.UNKNOWN


@pytest.mark.parametrize("text", ["Pessoal", "tudo certo"])
def test_a_word_or_two_are_left_to_the_rules(text: str) -> None:
    with measuring(REFUSING):
        assert intent_of(text) is Intent.UNKNOWN


def test_consent_confirmation_answers_and_names_are_read_without_the_model() -> None:
    with measuring(REFUSING):
        consent_answer("pode registrar meus dados sim")
        confirmation_answer("pode ser, confirmo sim")
        name_in("oi oi, Gabriel aqui")


@pytest.mark.parametrize(
    "text", ["meu cachorro fugiu de casa", "vou fazer um bolo de cenoura", "que musica boa essa"]
)
def test_an_off_topic_message_stays_unknown(text: str) -> None:
    assert intent_of(text) is Intent.UNKNOWN


def test_the_shipped_model_reads_a_person_asked_for_in_words_no_rule_names() -> None:
    assert intent_of("cansei de mandar msg pra maquina, tem gente ai?") is Intent.HUMAN
