"""The privacy notice shown before anything else happens, versioned and hashed, and the
short reminder of it that later messages before consent get."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

PURPOSES = (
    "agendamento, consulta e cancelamento de consultas",
    "envio de confirmações e lembretes pelo WhatsApp",
    "tratamento de dado de saúde (a especialidade e o motivo da consulta) para o atendimento",
)
LEGAL_BASIS = "consentimento (LGPD art. 7º, I, e art. 11, I)"

NOTICE = """Olá! Antes de começarmos, precisamos do seu consentimento (LGPD).

*Aviso de privacidade* (versão {version})
Para atender você por aqui, a clínica trata seu número de WhatsApp, seu nome e as mensagens desta conversa, para:
{purposes}

*Atenção:* informações sobre consultas são *dados de saúde*, um dado pessoal sensível; só os trataremos com o seu consentimento específico, para as finalidades acima.

Você pode revogar o consentimento a qualquer momento escrevendo *revogar consentimento*, e pedir acesso, correção ou exclusão dos seus dados escrevendo *meus dados*.

Você concorda? Responda *SIM* para aceitar ou *NÃO* para recusar."""  # noqa: E501

REMINDER = """Antes de continuar, preciso do seu consentimento ao *aviso de privacidade* (versão {version}) que enviei acima: a clínica trata seu nome, seu número e as mensagens desta conversa, inclusive *dados de saúde*, para agendar e lembrar suas consultas. Para ler o aviso de novo, escreva *aviso*.

Para continuar, responda *SIM* para aceitar ou *NÃO* para recusar."""  # noqa: E501


@dataclass(frozen=True, slots=True)
class PrivacyNotice:
    version: str
    text: str
    purposes: tuple[str, ...] = PURPOSES
    legal_basis: str = LEGAL_BASIS

    @classmethod
    def current(cls, version: str) -> PrivacyNotice:
        bullets = "\n".join(f"• {purpose}" for purpose in PURPOSES)
        return cls(version=version, text=NOTICE.format(version=version, purposes=bullets))

    @property
    def reminder(self) -> str:
        """What a message before consent gets once the notice was shown in full: short,
        naming the notice's version, with the yes/no question."""
        return REMINDER.format(version=self.version)

    @property
    def sha256(self) -> str:
        """Identifies the exact text shown, for the consent evidence."""
        return hashlib.sha256(self.text.encode()).hexdigest()
