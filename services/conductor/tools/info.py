"""The info agent's one tool: a search of the clinic's own text, which is all it may
answer from."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import msgspec

from services.conductor.tools.contract import Resources, Tool, ToolOutcome
from services.conductor.turn import Turn

# Argument Structs carry no docstring: it would become part of the schema a model sees.


class SearchClinicInfo(msgspec.Struct, forbid_unknown_fields=True):
    question: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]


class Passage(msgspec.Struct, frozen=True):
    """A section of the clinic's text: its heading and its text."""

    title: str = msgspec.field(name="titulo")
    text: str = msgspec.field(name="texto")


class InfoFound(msgspec.Struct, frozen=True):
    """The sections that answer the question, best first; none when nothing does."""

    passages: list[Passage] = msgspec.field(name="trechos")


async def search_clinic_info(
    arguments: SearchClinicInfo, turn: Turn, resources: Resources
) -> ToolOutcome[InfoFound]:
    """The sections of the clinic's text that answer the question."""
    # Off the event loop: on a large clinic file a search takes a tenth of a second, which
    # every other chat would wait for.
    found = await asyncio.to_thread(resources.knowledge.search, arguments.question)
    return ToolOutcome(InfoFound([Passage(s.title, s.text) for s in found]))


SEARCH_CLINIC_INFO = Tool(
    "search_clinic_info",
    "Busca no texto da clínica (endereço, horários, valores, convênios, preparo "
    "de exames) os trechos que respondem à pergunta; lista vazia se nada responde.",
    SearchClinicInfo,
    InfoFound,
    search_clinic_info,
)
TOOLS: tuple[Tool[Any, Any], ...] = (SEARCH_CLINIC_INFO,)
