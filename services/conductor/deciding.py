"""Deciding a turn: the brain proposes, the tools dispose.

Every tool call and its result is recorded, tool effects (consent, bookings) are events,
and the reply is an event the outbox delivers. The consent step comes first and is
decided in code: while consent is not active, no message reaches the brain.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import Any

import msgspec
from opentelemetry import trace
from opentelemetry.trace import SpanKind

from events.metrics import trace_exemplar
from events.schema import (
    PROPOSED_CANCELLATION,
    AgentSelected,
    DomainEvent,
    PrivacyNoticeShown,
    ReplyRequested,
    ToolInvoked,
)
from events.spans import traced
from services.conductor.agents import SPECIALISTS, Agent, agent_for
from services.conductor.brain import (
    Brain,
    BrainRequest,
    ChatMessage,
    Facts,
    ToolCall,
)
from services.conductor.consent_step import ConsentStep, notice_due
from services.conductor.doubt_answers import doubt_asked
from services.conductor.metrics import ConductorMetrics
from services.conductor.no_shows import awaiting_confirmation
from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.intents import Intent, intent_of
from services.conductor.portuguese.when import parse_when
from services.conductor.privacy import PrivacyNotice
from services.conductor.tools import Toolbox, ToolOutcome
from services.conductor.tools.contract import Tool
from services.conductor.transcription import Transcriber, Unheard, hear, is_voice_note
from services.conductor.turn import Turn
from services.domain.conversation import Conversation, Proposal, Stage, evolve

log = logging.getLogger(__name__)
tracer = trace.get_tracer(__name__)

MAX_ROUNDS = 4
MAX_CALLS_PER_ROUND = 4
BRAIN_DOWN = (
    "Desculpe, estou com uma dificuldade técnica agora. Pode tentar de novo em alguns "
    "minutos? Se for urgente, ligue para a clínica."
)
TOO_MANY_STEPS = "Desculpe, não consegui concluir. Pode dizer de outro jeito?"
MEDIA_ONLY = "Ainda não consigo ouvir áudios nem ver imagens por aqui. Pode escrever, por favor?"
# With a transcriber, voice notes are heard: only pictures and files are not.
MEDIA_UNSEEN = (
    "Ainda não consigo ver imagens nem abrir arquivos por aqui. Pode escrever ou mandar um "
    "áudio, por favor?"
)
DEFAULT_TURN_BUDGET_S = 25


_OTHER_TIME = (Intent.UNKNOWN, Intent.SCHEDULE)


def _answering_agent(turn: Turn) -> Agent | None:
    """The specialist whose proposal the message answers (a yes, a no, another time),
    straight: "sim" alone tells a router nothing, the question it answers does."""
    proposal, state = turn.state.answering, turn.state
    text = turn.message.text
    if proposal is None and state.stage is Stage.REGISTERED and _doubt_answered(state, text):
        return SPECIALISTS["scheduling"]  # "sim" to "terça, 08/12 ou terça, 15/12?"
    if proposal is None or state.stage is not Stage.REGISTERED:
        return None
    if proposal.action == PROPOSED_CANCELLATION:
        return SPECIALISTS["appointments"] if confirmation_answer(text) is not None else None
    if confirmation_answer(text, proposal.start, turn.now.date()) is not None:
        return SPECIALISTS["scheduling"]
    if intent_of(text) in _OTHER_TIME and parse_when(text, turn.now.date()) is not None:
        return SPECIALISTS["scheduling"]  # "não, às 16h": another time
    return None  # something else ("cancelar a de amanhã"): the router reads it, it lapses


def _doubt_answered(state: Conversation, text: str) -> bool:
    """Whether ``text`` is a bare yes or no to the clinic's question about a time."""
    dialogue = state.dialogue
    if not dialogue or dialogue[-1] != ("user", text):
        dialogue = (*dialogue, ("user", text))
    return doubt_asked(dialogue) is not None and confirmation_answer(text) is not None


@dataclass(slots=True)
class _Run:
    """What a turn has decided so far."""

    turn: Turn
    events: list[DomainEvent]
    deadline: float
    """When the turn's model time runs out (the event loop's clock)."""

    def record(self, events: list[DomainEvent]) -> None:
        self.events += events
        state = self.turn.state
        for event in events:
            state = evolve(state, event)
        self.turn = replace(self.turn, state=state)


class Decider:
    """Decides turns with a brain and a toolbox."""

    def __init__(
        self,
        brain: Brain,
        toolbox: Toolbox,
        notice: PrivacyNotice,
        metrics: ConductorMetrics | None = None,
        *,
        turn_budget_s: float = DEFAULT_TURN_BUDGET_S,
        transcriber: Transcriber | None = None,
    ) -> None:
        self.brain = brain
        self.transcriber = transcriber
        self.turn_budget_s = turn_budget_s
        self.toolbox = toolbox
        self.notice = notice
        self.metrics = metrics
        self.model = str(getattr(brain, "model", type(brain).__name__))
        self.consent = ConsentStep(notice)

    async def decide(self, turn: Turn) -> list[DomainEvent]:
        message = turn.message
        # Every call to a model in the turn shares one budget: retries and tool rounds
        # never keep the person waiting past it.
        run = _Run(turn, [], asyncio.get_running_loop().time() + self.turn_budget_s)
        if notice_due(turn.state, self.notice, message.text):
            notice = PrivacyNoticeShown(
                policy_version=self.notice.version,
                notice_sha256=self.notice.sha256,
                purposes=self.notice.purposes,
                in_reply_to=message.message_id,
            )
            run.record([notice])
            return [*run.events, self._reply(run, self.notice.text)]
        voice_note = is_voice_note(message)
        if voice_note and self.transcriber and turn.state.consented:
            heard = await hear(self.transcriber, message, run.deadline)
            if isinstance(heard, Unheard):
                return [self._reply(run, heard.value)]
            run.record([heard])  # answered from here on as if written
            run.turn = replace(run.turn, message=msgspec.structs.replace(message, text=heard.text))
        elif not message.text.strip() and not (voice_note and not turn.state.consented):
            # Before consent a voice note goes to the consent step, which asks for it.
            return [self._reply(run, MEDIA_UNSEEN if self.transcriber else MEDIA_ONLY)]
        # The consent step first, in code: without active consent (or when the message
        # revokes it) no agent runs, so nothing the person wrote then reaches a model.
        text = await self.consent.answer(run.turn, partial(self._in_code, run))
        agent = _answering_agent(run.turn) or agent_for(run.turn.state)
        if text is None and agent is not None:
            text = await self._converse(run, agent)
        return [*run.events, self._reply(run, text or TOO_MANY_STEPS)]

    async def _converse(self, run: _Run, agent: Agent) -> str:
        messages = self._opening(run.turn)
        for _ in range(MAX_ROUNDS):
            request = BrainRequest(
                agent=agent.name,
                instructions=agent.instructions,
                messages=tuple(messages),
                tools=self.toolbox.specs(agent.tools),
                facts=self._facts(run.turn),
            )
            started = time.perf_counter()
            try:
                with traced(
                    tracer, f"chat {self.model}", kind=SpanKind.CLIENT,
                    attributes={"gen_ai.operation.name": "chat", "gen_ai.request.model": self.model,
                                "gen_ai.agent.name": agent.name},
                ):  # fmt: skip
                    async with asyncio.timeout_at(run.deadline):
                        reply = await self.brain.complete(request)
            except TimeoutError:
                log.warning("the turn's model time ran out; answering gracefully")
                if self.metrics:
                    self.metrics.llm_errors.labels(self.model).inc()
                return BRAIN_DOWN
            except Exception:
                log.exception("the brain failed; answering gracefully")
                if self.metrics:
                    self.metrics.llm_errors.labels(self.model).inc()
                return BRAIN_DOWN
            if self.metrics:
                elapsed = time.perf_counter() - started
                self.metrics.llm_seconds.labels(self.model).observe(elapsed, trace_exemplar())
            if not reply.tool_calls:
                return reply.text or TOO_MANY_STEPS
            calls = reply.tool_calls[:MAX_CALLS_PER_ROUND]
            messages.append(ChatMessage("assistant", reply.text, tool_calls=calls))
            for call in calls:
                outcome = await self._execute(run, call, agent.tools)
                messages.append(ChatMessage("tool", outcome.as_json(), tool_call_id=call.id))
            handed_over = [e for e in run.events if isinstance(e, AgentSelected)]
            if handed_over and agent.name not in SPECIALISTS:
                # The specialist starts afresh on the same message.
                agent = SPECIALISTS[handed_over[-1].agent]
                messages = self._opening(run.turn)
        return TOO_MANY_STEPS

    async def _in_code(
        self, run: _Run, tool: Tool[Any, Any], arguments: dict[str, Any]
    ) -> ToolOutcome[msgspec.Struct]:
        """Runs a tool the consent step chose, recorded like a call a brain proposed."""
        encoded = msgspec.json.encode(arguments).decode()
        call = ToolCall(f"{tool.name}-in-code", tool.name, encoded)
        return await self._execute(run, call, (tool.name,))

    async def _execute(
        self, run: _Run, call: ToolCall, allowed: tuple[str, ...]
    ) -> ToolOutcome[msgspec.Struct]:
        """Runs a call, proposed by the brain or by the consent step, and records it."""
        # A name the model made up is free text, and may carry a person's data: it is kept
        # out of the log, the traces and the metrics.
        known = call.name if call.name in self.toolbox.names else "unknown"
        with traced(
            tracer,
            f"execute_tool {known}",
            attributes={"gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": known},
        ) as span:
            outcome = await self.toolbox.run(call, allowed, run.turn)
            span.set_attribute("wsm.tool.ok", outcome.ok)
        if self.metrics:
            self.metrics.tool_calls.labels(known, "ok" if outcome.ok else "rejected").inc()
        invoked = ToolInvoked(
            call_id=call.id,
            tool=known,
            arguments=call.arguments[:2000],
            ok=outcome.ok,
            result=outcome.as_json(),
            in_reply_to=run.turn.message.message_id,
        )
        run.record([invoked, *outcome.events])
        return outcome

    @staticmethod
    def _opening(turn: Turn) -> list[ChatMessage]:
        """The recent dialogue, ending with the message being answered."""
        earlier = turn.state.dialogue
        if earlier and earlier[-1] == ("user", turn.message.text):
            earlier = earlier[:-1]  # the state already holds the current message
        history = [ChatMessage("user" if role == "user" else "assistant", text)
                   for role, text in earlier]  # fmt: skip
        return [*history, ChatMessage("user", turn.message.text)]

    def _facts(self, turn: Turn) -> Facts:
        local_now = self.toolbox.clinic.local(turn.now)
        state: Conversation = turn.state
        return Facts(
            now=local_now,
            today=local_now.date(),
            name=state.name,
            active_agent=state.agent,
            offered=tuple(self.toolbox.clinic.local(slot) for slot in state.offered),
            reminded=self._upcoming(state, state.reminded or awaiting_confirmation(state)),
            rescheduling=self._upcoming(state, state.rescheduling),
            proposal=self._local(state.answering),
        )

    def _local(self, proposal: Proposal | None) -> Proposal | None:
        """The proposal with its start on the clinic's wall clock."""
        if proposal is None:
            return None
        return msgspec.structs.replace(proposal, start=self.toolbox.clinic.local(proposal.start))

    def _upcoming(
        self, state: Conversation, appointment_id: str | None
    ) -> tuple[str, datetime] | None:
        """An upcoming appointment's id and local start, if it is one of them."""
        for upcoming in state.upcoming:
            if upcoming.appointment_id == appointment_id:
                return appointment_id, self.toolbox.clinic.local(upcoming.start)
        return None

    def _reply(self, run: _Run, text: str) -> ReplyRequested:
        turn = run.turn
        return ReplyRequested(
            reply_id=f"{turn.inbound_event_id}-reply",
            chat_id=turn.message.chat_id,
            text=text,
            in_reply_to=turn.message.message_id,
        )
