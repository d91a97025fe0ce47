"""What a message asks for, in the words Brazilian patients use on WhatsApp."""

from __future__ import annotations

import re
from enum import StrEnum

from services.conductor.portuguese.consent import Revocation, revocation_in
from services.conductor.portuguese.names import looks_like_name, written_as_name
from services.conductor.portuguese.shorthand import written_out
from services.conductor.portuguese.text import fold, has_any


class Intent(StrEnum):
    SCHEDULE = "schedule"
    CONSULT = "consult"
    CANCEL = "cancel"
    HUMAN = "human"
    LGPD = "lgpd"
    REVOKE = "revoke"
    HELP = "help"
    CONFIRM = "confirm"
    RESCHEDULE = "reschedule"
    INFO = "info"
    UNKNOWN = "unknown"


# Checked in this order, after a revocation: "cancelar a consulta de amanhã" is a
# cancellation, not a booking.
_PHRASES: tuple[tuple[Intent, tuple[str, ...]], ...] = (
    (Intent.LGPD, ("meus dados", "lgpd", "privacidade", "apagar dados", "excluir dados",
                   "dados pessoais")),
    (Intent.HUMAN, ("atendente", "humano", "humana", "pessoa", "recepcao", "recepcionista",
                    "falar com alguem")),
    (Intent.RESCHEDULE, ("remarcar", "reagendar", "mudar o horario", "mudar a consulta",
                         "trocar o horario", "trocar de horario", "adiar")),
    (Intent.CANCEL, ("cancelar", "cancela", "cancelo", "desmarcar", "desmarca", "desmarque",
                     "nao vou poder ir", "nao poderei ir")),
    (Intent.CONFIRM, ("confirmo", "confirmado", "confirmada", "confirmar", "confirmando",
                      "vou sim", "estarei la", "presenca confirmada")),
    (Intent.CONSULT, ("minhas consultas", "minha consulta", "meus agendamentos",
                      "meu agendamento", "tenho consulta", "ver consultas", "quando e minha",
                      "consultar")),
    (Intent.INFO, ("endereco", "onde fica", "como chegar", "localizacao", "estacionamento",
                   "horario de funcionamento", "horario de atendimento", "que horas abre",
                   "que horas fecha", "abre sabado", "funcionam", "quanto custa", "preco",
                   "valor da consulta", "valores", "convenio", "plano de saude", "aceita",
                   "aceitam", "atendem pelo", "atende pelo", "jejum", "preparo",
                   "exame de sangue", "telefone", "estacionar", "parar o carro")),
    (Intent.SCHEDULE, ("marcar", "agendar", "agenda", "agendamento", "consulta", "horario",
                       "horarios", "disponivel", "disponibilidade", "vaga")),
    (Intent.HELP, ("ajuda", "menu", "opcoes", "oi", "ola", "bom dia", "boa tarde", "boa noite",
                   "help")),
)  # fmt: skip

_OPTION = re.compile(r"^(?:a |o )?(?:opcao |numero |n )?(\d{1,2})(?:a|o)?$")
_NAME_INTRO = re.compile(
    r"^(?:(?:o )?meu nome (?:e|eh)|me chamo|eu me chamo|sou (?:a |o )?|eu sou (?:a |o )?|"
    r"pode me chamar de|aqui e (?:a |o )?)\s*",
)
# Letters in words joined by apostrophes (straight or typographic, U+2019) or hyphens.
_JOINERS = "'\u2019-"
_WORD = rf"[^\W\d_]+(?:[{_JOINERS}][^\W\d_]+)*"
_NAME = re.compile(rf"^{_WORD}(?: {_WORD}){{0,5}}$")


def intent_of(text: str) -> Intent:
    if revocation_in(text) is not Revocation.NONE:
        return Intent.REVOKE  # a stray "parar" is not one: see ``revocation_in``
    folded = written_out(fold(text))  # "qto custa" asks what "quanto custa" does
    for intent, phrases in _PHRASES:
        if has_any(folded, phrases):
            return intent
    return Intent.UNKNOWN


def chosen_option(text: str, count: int) -> int | None:
    """The 1-based option a reply like "2", "opção 2" or "o 2º" picks among ``count``."""
    match = _OPTION.match(fold(text).replace("º", "").replace("ª", ""))
    if match is None:
        return None
    number = int(match[1])
    return number if 1 <= number <= count else None


def name_in(text: str) -> str | None:
    """A person's name in a reply like "Maria Silva" or "meu nome é Maria", written as
    Portuguese writes names; None when the reply does not look like a name."""
    cleaned = " ".join(text.strip().strip(".!").split())
    introduced = _NAME_INTRO.sub("", fold(cleaned))
    if introduced != fold(cleaned):
        # Keep the original spelling and accents of the part after the introduction.
        cleaned = " ".join(cleaned.split()[-len(introduced.split()) :]) if introduced else ""
    if not 2 <= len(cleaned) <= 60 or not _NAME.match(cleaned) or not looks_like_name(cleaned):
        return None
    return written_as_name(cleaned)
