"""A model for the chaos soak: the OpenAI chat-completions wire (as Groq serves it),
answered by the offline brain, with a share of calls failing (HTTP 500/429) or stalling.

    python -m tests.support.chaos_model --port P [--fail-rate F] [--stall-rate S]
                                [--stall-seconds T] [--seed K]

The conductors reach it through the real ``groq`` client (``GROQ_BASE_URL``), so its
retries, timeouts and the conductor's graceful answer are what the soak exercises. What
the brain knows beyond the messages is read back from the system prompt the conductor
writes (``services.conductor.groq_brain.system_prompt``): now, the name, offered slots.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from aiohttp import web

from services.conductor.brain import BrainRequest, ChatMessage, Facts, ToolCall, ToolSpec
from services.conductor.offline_brain import OfflineBrain
from services.domain.conversation import Proposal
from services.runtime.cli_types import port
from tests.support.fake_openai import completion, tool_call

ZONE = ZoneInfo("America/Sao_Paulo")
AGENT_BY_TOOL = {
    "record_consent": "registration",
    "register_name": "registration",
    "transfer_to_agent": "router",
    "check_availability": "scheduling",
    "list_appointments": "appointments",
    "propose_cancellation": "appointments",
    "search_clinic_info": "info",
}
_NOW = re.compile(r"fuso da clínica; (\d{4}-\d\d-\d\dT\d\d:\d\d)\)")
_NAME = re.compile(r"^Nome do paciente: (.*)\.$", re.MULTILINE)
# services.conductor.groq_brain._proposed: what the last reply asked to confirm.
_PROPOSED = re.compile(
    r"se pode (marcar|remarcar|cancelar) a consulta (?:\(id ([0-9a-f]{1,64})\) )?.*?"
    r"\((\d{4}-\d\d-\d\dT\d\d:\d\d)\)"
)
_ACTIONS = {"marcar": "book", "remarcar": "reschedule", "cancelar": "cancel"}
_SLOT = re.compile(r"\((\d{4}-\d\d-\d\dT\d\d:\d\d)\)$", re.MULTILINE)


def brain_request(body: dict[str, Any]) -> BrainRequest:
    """The request the conductor's brain would have been given, from its wire form."""
    system, *rest = body["messages"]
    prompt = system["content"]
    tools = tuple(
        ToolSpec(t["function"]["name"], t["function"].get("description", ""),
                 t["function"].get("parameters", {}))
        for t in body.get("tools") or ()
    )  # fmt: skip
    agent = next((AGENT_BY_TOOL[t.name] for t in tools if t.name in AGENT_BY_TOOL), "router")
    now = datetime.fromisoformat(_NOW.search(prompt)[1]).replace(tzinfo=ZONE)  # type: ignore[index]
    named = _NAME.search(prompt)
    name = named[1] if named and named[1] != "ainda não informado" else None
    offered = prompt.split("Horários oferecidos", 1)[1] if "Horários oferecidos" in prompt else ""
    proposed = _PROPOSED.search(prompt)
    proposal = None
    if proposed:
        start = datetime.fromisoformat(proposed[3]).replace(tzinfo=ZONE)
        proposal = Proposal(
            action=_ACTIONS[proposed[1]], start=start, appointment_id=proposed[2] or ""
        )
    facts = Facts(
        now=now,
        today=now.date(),
        name=name,
        active_agent=None,  # not in the prompt; the soak's conversations need no follow-up
        offered=tuple(
            datetime.fromisoformat(s).replace(tzinfo=ZONE) for s in _SLOT.findall(offered)
        ),
        proposal=proposal,
    )
    messages = tuple(
        ChatMessage(
            role=m["role"],
            content=m.get("content"),
            tool_calls=tuple(
                ToolCall(c["id"], c["function"]["name"], c["function"]["arguments"])
                for c in m.get("tool_calls") or ()
            ),
            tool_call_id=m.get("tool_call_id"),
        )
        for m in rest
    )
    return BrainRequest(agent, prompt, messages, tools, facts)


class ChaosModel:
    def __init__(self, fail_rate: float, stall_rate: float, stall_s: float, seed: int) -> None:
        self.brain = OfflineBrain()
        self.fail_rate, self.stall_rate, self.stall_s = fail_rate, stall_rate, stall_s
        self.rng = random.Random(seed)
        self.heard: list[str] = []
        """Every request's body, as it reached the model: what a provider would see."""

    async def complete(self, request: web.Request) -> web.Response:
        self.heard.append(await request.text())
        roll = self.rng.random()
        if roll < self.fail_rate:
            status = self.rng.choice((429, 500, 503))
            return web.json_response({"error": {"message": "injected failure"}}, status=status)
        if roll < self.fail_rate + self.stall_rate:
            await asyncio.sleep(self.stall_s)
        reply = await self.brain.complete(brain_request(await request.json()))
        calls = [tool_call(c.name, c.arguments, c.id) for c in reply.tool_calls]
        return web.json_response(completion(reply.text, calls or None))

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/openai/v1/chat/completions", self.complete)
        return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=port, required=True)
    parser.add_argument("--fail-rate", type=float, default=0.0)
    parser.add_argument("--stall-rate", type=float, default=0.0)
    parser.add_argument("--stall-seconds", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    model = ChaosModel(args.fail_rate, args.stall_rate, args.stall_seconds, args.seed)
    web.run_app(model.app(), host="127.0.0.1", port=args.port, print=None)


if __name__ == "__main__":
    main()
