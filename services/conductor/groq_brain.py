"""A brain on Groq, or any OpenAI-compatible endpoint, with real tool calling.

The SDK retries 429 and 5xx with exponential backoff (``max_retries``, honouring
``retry-after``) within a timeout; when the model stays unreachable the conductor answers
the person gracefully. A tool call the model wrote malformed comes back from Groq as HTTP
400 with ``code: tool_use_failed`` and the model's text in ``failed_generation`` (Groq's
error body, ``{"error": {"message", "type": "invalid_request_error", "code",
"failed_generation"}}``, as Groq answers it: agno-agi/agno#4090, sipeed/picoclaw#748):
the model is asked once more with that text and what was wrong given back, and a second
failure is answered like a message not understood.
"""

from __future__ import annotations

import logging
from typing import Any

import groq

from events.schema import PROPOSED_BOOKING, PROPOSED_CANCELLATION, PROPOSED_MOVE
from services.conductor.brain import (
    BrainReply,
    BrainRequest,
    BrainUnavailable,
    ChatMessage,
    Facts,
    ToolCall,
    ToolSpec,
)
from services.conductor.groq_client import groq_client
from services.conductor.portuguese.speech import numbered, spoken
from services.domain.conversation import Proposal

log = logging.getLogger(__name__)

MALFORMED_CALL = (
    "Sua resposta anterior tentou chamar uma ferramenta num formato inválido, e a chamada "
    "foi recusada. Chame a ferramenta de novo usando tool_calls com argumentos JSON "
    "válidos, ou responda em texto."
)


class GroqBrain:
    def __init__(
        self,
        api_key: str,
        model: str,
        *,
        base_url: str | None = None,
        timeout_s: float = 20.0,
        max_retries: int = 3,
    ) -> None:
        self.model = model
        self._client = groq_client(api_key, base_url, timeout_s=timeout_s, max_retries=max_retries)

    async def close(self) -> None:
        await self._client.close()

    async def complete(self, request: BrainRequest) -> BrainReply:
        messages = [
            {"role": "system", "content": system_prompt(request)},
            *(_wire(message) for message in request.messages),
        ]
        # Without tools, neither ``tools`` nor ``tool_choice`` is sent: a null is refused
        # by some OpenAI-compatible servers.
        tooling: dict[str, Any] = {}
        if request.tools:
            tooling = {"tools": [_tool(tool) for tool in request.tools], "tool_choice": "auto"}
        try:
            completion = await self._answer(messages, tooling)
        except groq.APIError as exc:
            raise BrainUnavailable(_reason(exc)) from None
        if completion is None:
            return BrainReply()  # answered as a message not understood
        choice = completion.choices[0]
        if choice.finish_reason == "length":
            # Cut at the token limit: half a sentence (or half a tool call) is never sent.
            log.warning("the model's answer was cut at its length limit; not used")
            return BrainReply()
        calls = tuple(
            ToolCall(call.id, call.function.name, call.function.arguments or "{}")
            for call in choice.message.tool_calls or ()
        )
        return BrainReply(text=choice.message.content, tool_calls=calls)

    async def _answer(self, messages: list[dict[str, Any]], tooling: dict[str, Any]) -> Any:
        """The model's completion; a malformed tool call is given back to it once, with
        what was wrong; None when it writes one again."""
        try:
            return await self._create(messages, tooling)
        except groq.BadRequestError as exc:
            failed = failed_generation(exc.body)
            if failed is None:
                raise
        log.warning("the model wrote a malformed tool call; asking it once more")
        again = [*messages, {"role": "assistant", "content": failed},
                 {"role": "system", "content": MALFORMED_CALL}]  # fmt: skip
        try:
            return await self._create(again, tooling)
        except groq.BadRequestError as exc:
            if failed_generation(exc.body) is None:
                raise
        log.warning("the model wrote a malformed tool call again; not understood")
        return None

    async def _create(self, messages: list[dict[str, Any]], tooling: dict[str, Any]) -> Any:
        return await self._client.chat.completions.create(
            model=self.model,
            messages=messages,  # type: ignore[arg-type]
            temperature=0.2,
            **tooling,
        )


def failed_generation(body: object) -> str | None:
    """The model's text of a malformed tool call, when Groq refused one for that
    (``tool_use_failed``); None for any other error. The SDK's ``body`` is the ``error``
    object of the answer, or the whole answer."""
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        body = body["error"]
    if not isinstance(body, dict) or body.get("code") != "tool_use_failed":
        return None
    failed = body.get("failed_generation")
    return failed if isinstance(failed, str) else ""


def _reason(exc: groq.APIError) -> str:
    # The SDK's text holds the model's answer (a failed generation repeats the person's
    # words) and the request's URL: the type and status say enough.
    reason = type(exc).__name__
    if isinstance(exc, groq.APIStatusError):
        reason += f" (HTTP {exc.status_code})"
    return reason


def _tool(tool: ToolSpec) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": tool.name,
            "description": tool.description,
            "parameters": tool.parameters,
        },
    }


def system_prompt(request: BrainRequest) -> str:
    """The agent's instructions and what the conductor knows, for the model."""
    return f"{request.instructions}\n\n{_facts(request.facts)}"


def _facts(facts: Facts) -> str:
    lines = [
        f"Agora: {spoken(facts.now)} (fuso da clínica; {facts.now:%Y-%m-%dT%H:%M}).",
        f"Nome do paciente: {facts.name or 'ainda não informado'}.",
    ]
    if facts.reminded:
        appointment_id, start = facts.reminded
        lines.append(
            f"Um lembrete da consulta de {spoken(start)} (id {appointment_id}) foi enviado; "
            "a resposta do paciente pode ser sobre ela."
        )
    if facts.rescheduling:
        appointment_id, start = facts.rescheduling
        lines.append(
            f"O paciente está remarcando a consulta de {spoken(start)} (id {appointment_id}): "
            "proponha o novo horário com propose_appointment e esse id; só no sim dele, "
            "reschedule_appointment."
        )
    if facts.proposal:
        lines.append(_proposed(facts.proposal))
    if facts.offered:
        shown = numbered([f"{spoken(s)} ({s:%Y-%m-%dT%H:%M})" for s in facts.offered])
        lines.append(f"Horários oferecidos na mensagem anterior:\n{shown}")
    return "\n".join(lines)


_CARRY_OUT = {
    PROPOSED_BOOKING: "marcar a consulta de {when} ({at}): se ele disser que sim, chame "
    "book_appointment com start {at}",
    PROPOSED_MOVE: "remarcar a consulta (id {id}) para {when} ({at}): se ele disser que sim, "
    "chame reschedule_appointment com esse id e start {at}",
    PROPOSED_CANCELLATION: "cancelar a consulta (id {id}) de {when} ({at}): se ele disser que "
    "sim, chame cancel_appointment com esse id",
}


def _proposed(proposal: Proposal) -> str:
    """What the last reply asked the person to confirm, and how to carry it out on a yes."""
    carry_out = _CARRY_OUT.get(proposal.action, "")
    what = carry_out.format(
        when=spoken(proposal.start), at=f"{proposal.start:%Y-%m-%dT%H:%M}",
        id=proposal.appointment_id,
    )  # fmt: skip
    return (
        f"Sua última mensagem perguntou ao paciente se pode {what}. Qualquer outra resposta "
        "(não, outro horário, uma pergunta) não confirma nada."
    )


def _wire(message: ChatMessage) -> dict[str, Any]:
    wire: dict[str, Any] = {"role": message.role, "content": message.content}
    if message.tool_calls:
        wire["tool_calls"] = [
            {"id": c.id, "type": "function", "function": {"name": c.name, "arguments": c.arguments}}
            for c in message.tool_calls
        ]
    if message.tool_call_id:
        wire["tool_call_id"] = message.tool_call_id
    return wire
