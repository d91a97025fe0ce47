"""The offline brain measured on the labelled corpus of patient messages (``wsm eval``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from services.cli.eval import load, report
from services.conductor.evaluation import (
    LABELS,
    CorpusError,
    Evaluation,
    evaluate,
    read_corpus,
)

CORPUS = Path(__file__).parents[1] / "corpus"
REFERENCE = b'{"reference": "2026-11-24T09:00:00"}\n'
ANSWERING = b'{"reference": "2026-11-24T09:00:00", "proposal": "2026-12-01T10:00:00"}\n'


def corpus_of(*lines: str) -> bytes:
    return REFERENCE + "\n".join(lines).encode()


def test_the_corpus_holds_at_least_300_labelled_messages() -> None:
    examples = [e for c in load(CORPUS) for e in c.examples]
    assert len(examples) >= 300
    assert {e.label for e in examples} <= LABELS


KINDS = ("answers", "intents", "names", "times")
TUNING_FILES = (
    *KINDS,
    *(f"blind{number}_{kind}" for number in range(1, 43) for kind in KINDS),
    "round3_answers",
    "round3_intents",
    *(f"round10_{kind}" for kind in KINDS),
)


def test_the_messages_read_while_tuning_are_all_in_the_tuned_share() -> None:
    # Their misses were read and listed (docs/corpus.md): none of them is unseen any more.
    examples = [e for name in TUNING_FILES for e in load(CORPUS / f"{name}.jsonl")[0].examples]
    assert not any(e.held_out for e in examples)


@cache
def corpus_evaluation() -> Evaluation:
    # Read once for the tests below: the corpus holds over ten thousand messages.
    return evaluate(load(CORPUS))


def wrong_bookings() -> set[str]:
    evaluation = corpus_evaluation()
    wrong = evaluation.tuned.wrong_bookings + evaluation.held_out.wrong_bookings
    return {r.example.text for r in wrong}


# Reading the whole corpus (over ten thousand messages) takes longer than a test's usual
# limit on a busy machine.
WHOLE_CORPUS = pytest.mark.timeout(180)


@WHOLE_CORPUS
def test_the_corpus_leads_to_no_wrong_booking() -> None:
    assert wrong_bookings() == set()


@WHOLE_CORPUS
def test_the_report_gives_both_shares_apart_with_the_wrong_bookings() -> None:
    lines = report(corpus_evaluation(), misses=False)
    assert lines[0].startswith("tuned share: ")
    assert any(line.startswith("held-out share: ") for line in lines)
    assert any(line.strip().startswith("slots ") for line in lines)
    assert lines[-1] == f"wrong bookings: {len(wrong_bookings())}"


def test_a_time_read_other_than_meant_is_a_wrong_booking() -> None:
    corpus = read_corpus(corpus_of(
        '{"text": "amanha as 15h", "label": "schedule",'
        ' "slot": {"day": "2026-11-25", "at": "16:00:00"}}'
    ), "test")  # fmt: skip
    evaluation = evaluate([corpus])
    assert evaluation.wrong_bookings == 1
    assert evaluation.tuned.slot_accuracy == (0, 1)


def test_an_exact_time_read_where_none_was_meant_is_a_wrong_booking() -> None:
    corpus = read_corpus(corpus_of('{"text": "amanha as 15h", "label": "schedule"}'), "test")
    assert evaluate([corpus]).wrong_bookings == 1


def test_a_message_left_in_doubt_is_no_wrong_booking() -> None:
    # "as 3" could be 3 in the morning or the afternoon: the brain asks, proposes nothing.
    corpus = read_corpus(corpus_of(
        '{"text": "amanha as 3", "label": "schedule",'
        ' "slot": {"day": "2026-11-25", "at": "15:00:00"}}'
    ), "test")  # fmt: skip
    evaluation = evaluate([corpus])
    assert evaluation.wrong_bookings == 0
    assert evaluation.tuned.slot_accuracy == (0, 1)


def test_an_ambiguous_message_is_right_only_when_it_is_asked_about() -> None:
    corpus = read_corpus(corpus_of(
        '{"text": "amanha as 3", "label": "schedule", "slot": {"ask": true}}',
        '{"text": "amanha as 15h", "label": "schedule", "slot": {"ask": true}}',
    ), "test")  # fmt: skip
    assert evaluate([corpus]).tuned.slot_accuracy == (1, 2)


def test_accuracy_is_counted_per_label_and_the_held_out_share_apart() -> None:
    corpus = read_corpus(corpus_of(
        '{"text": "quero cancelar", "label": "cancel"}',
        '{"text": "oi", "label": "cancel", "held_out": true}',
        '{"text": "sim, aceito", "label": "consent_yes", "held_out": true}',
        '{"text": "maria das dores", "label": "name", "name": "Maria das Dores"}',
    ), "test")  # fmt: skip
    evaluation = evaluate([corpus])
    assert evaluation.tuned.per_label == {"cancel": (1, 1), "name": (1, 1)}
    assert evaluation.held_out.per_label == {"cancel": (0, 1), "consent_yes": (1, 1)}


def test_a_bare_time_in_a_booking_under_way_is_read_as_that_booking() -> None:
    corpus = read_corpus(corpus_of(
        '{"text": "amanha as 15h", "label": "schedule", "context": "booking",'
        ' "slot": {"day": "2026-11-25", "at": "15:00:00"}}'
    ), "test")  # fmt: skip
    assert evaluate([corpus]).tuned.label_accuracy == (1, 1)


def test_a_bare_time_out_of_any_conversation_asks_for_nothing_named() -> None:
    corpus = read_corpus(corpus_of(
        '{"text": "amanha as 15h", "label": "schedule",'
        ' "slot": {"day": "2026-11-25", "at": "15:00:00"}}'
    ), "test")  # fmt: skip
    assert evaluate([corpus]).tuned.label_accuracy == (0, 1)


def test_a_booking_under_way_does_not_make_a_message_without_a_time_a_booking() -> None:
    corpus = read_corpus(
        corpus_of('{"text": "obrigada", "label": "schedule", "context": "booking"}'), "test"
    )
    assert evaluate([corpus]).tuned.label_accuracy == (0, 1)


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"", "empty"),
        (b'{"text": "oi", "label": "help"}\n', "not a reference line"),
        (REFERENCE + b'{"text": "oi", "label": "greeting"}\n', "test:2: unknown label"),
        (REFERENCE + b'{"text": "oi"\n', "test:2:"),
        (REFERENCE + b'{"text": "Ana", "label": "name"}\n', "test:2: a name example"),
        (REFERENCE + b'{"text": "oi", "label": "help", "slot": {"at": "25h"}}\n', "test:2:"),
        (REFERENCE + b'{"text": "oi", "label": "help", "context": "lunch"}\n', "test:2:"),
    ],
)
def test_a_malformed_corpus_is_refused_saying_where(content: bytes, said: str) -> None:
    with pytest.raises(CorpusError, match=said):
        read_corpus(content, "test")


def labelled(line: str) -> bool:
    corpus = read_corpus(corpus_of(line), "test")
    return evaluate([corpus]).tuned.label_accuracy == (1, 1)


def test_an_answer_labelled_unread_is_right_only_when_left_unread() -> None:
    assert labelled('{"text": "sim, se nao passarem pra ninguem", "label": "consent_unread"}')
    assert not labelled('{"text": "sim", "label": "consent_unread"}')
    assert labelled('{"text": "quem ta falando?", "label": "confirm_unread"}')


def test_a_reply_labelled_no_name_is_right_only_when_no_name_is_read() -> None:
    assert labelled('{"text": "pra que?", "label": "no_name"}')
    assert not labelled('{"text": "Maria da Silva", "label": "no_name"}')


def test_an_answer_to_a_proposal_reads_its_hour_on_the_day_proposed() -> None:
    corpus = read_corpus(
        ANSWERING + b'{"text": "nao, pode ser as 14h?", "label": "confirm_no",'
        b' "slot": {"day": "2026-12-01", "at": "14:00:00"}}',
        "test",
    )
    evaluation = evaluate([corpus])
    assert evaluation.tuned.slot_accuracy == (1, 1)
    assert evaluation.wrong_bookings == 0


def test_a_yes_naming_the_proposal_again_is_no_wrong_booking() -> None:
    # The yes books the proposal, which is what the patient meant by its day and hour.
    corpus = read_corpus(ANSWERING + b'{"text": "sim, terca as 10", "label": "confirm_yes"}', "t")
    assert evaluate([corpus]).wrong_bookings == 0


def test_an_answer_naming_another_hour_than_meant_is_a_wrong_booking() -> None:
    corpus = read_corpus(
        ANSWERING + b'{"text": "sim, mas as 11 seria melhor", "label": "confirm_unread"}', "t"
    )
    assert evaluate([corpus]).wrong_bookings == 1
