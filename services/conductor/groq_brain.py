"""A brain on Groq, or any OpenAI-compatible endpoint, with real tool calling.

The SDK retries 429 and 5xx with exponential backoff (``max_retries``) within a timeout;
when the model stays unreachable the conductor answers the person gracefully.
"""

from __future__ import annotations

from typing import Any

import groq
from groq import AsyncGroq

from events.schema import PROPOSED_BOOKING, PROPOSED_CANCELLATION, PROPOSED_MOVE
from services.conductor.brain import (
    BrainReply,
    BrainRequest,
    BrainUnavailable,
    ChatMessage,
    Facts,
    ToolCall,
)
from services.conductor.portuguese.speech import numbered, spoken
from services.domain.conversation import Proposal


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
        self._client = AsyncGroq(
            api_key=api_key, base_url=base_url, timeout=timeout_s, max_retries=max_retries
        )

    async def close(self) -> None:
        await self._client.close()

    async def complete(self, request: BrainRequest) -> BrainReply:
        messages = [
            {"role": "system", "content": system_prompt(request)},
            *(_wire(message) for message in request.messages),
        ]
        tools = [
            {
                "type": "function",
                "function": {
                    "name": tool.name,
                    "description": tool.description,
                    "parameters": tool.parameters,
                },
            }
            for tool in request.tools
        ]
        try:
            completion = await self._client.chat.completions.create(
                model=self.model,
                messages=messages,  # type: ignore[arg-type]
                tools=tools or None,  # type: ignore[arg-type]
                tool_choice="auto" if tools else None,
                temperature=0.2,
            )
        except groq.APIError as exc:
            # The SDK's text holds the model's answer (a failed generation repeats the
            # person's words) and the request's URL: the type and status say enough.
            reason = type(exc).__name__
            if isinstance(exc, groq.APIStatusError):
                reason += f" (HTTP {exc.status_code})"
            raise BrainUnavailable(reason) from None
        choice = completion.choices[0].message
        calls = tuple(
            ToolCall(call.id, call.function.name, call.function.arguments or "{}")
            for call in choice.tool_calls or ()
        )
        return BrainReply(text=choice.content, tool_calls=calls)


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
