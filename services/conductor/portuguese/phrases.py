"""The phrases that say what a message asks for, by intent, in the order they are tried.

Written as ``intents`` compares them: folded, shorthand written out ("pra" is "para",
"vc" is "voce"). The order settles a message that holds phrases of two intents: a
cancellation names the consultation it cancels ("cancelar a consulta de amanhã"), a
booking may name the consultation it is for ("agendar ... pra minha consulta de
retorno"), so the stronger signs come first and the words every request shares last.
"""

from __future__ import annotations

from services.conductor.portuguese.intent import Intent

_LGPD = (
    "meus dados", "dados meus", "quais dados", "que dados", "lgpd", "privacidade",
    "apagar dados", "excluir dados", "dados pessoais", "informacoes pessoais",
    "protecao de dados", "titular dos dados", "apagar meu cadastro", "excluir meu cadastro",
    "apaga meu cadastro", "apagar minha conta", "excluir minha conta", "portabilidade",
    "os dados", "dados que", "dados sobre mim", "informacoes sobre mim", "minhas informacoes",
    "voces guardam", "guardam sobre mim", "sabem sobre mim", "tem sobre mim",
    "voces tem de mim", "informacoes minhas", "tudo sobre mim", "apaguem meus",
    "apaguem minhas", "apagar tudo", "apaga tudo",
)  # fmt: skip
_HUMAN = (
    "atendente", "atendentes", "humano", "humana", "quero uma pessoa", "pessoa de verdade",
    "pessoa real", "recepcao", "recepcionista", "falar com alguem", "alguem ai", "tem alguem",
    "alguem me atende", "alguem para falar", "alguem responde", "ninguem responde",
    "ninguem atende", "robo", "robozinho", "bot", "secretaria", "secretario",
    "gente de verdade", "ser humano", "com gente", "falar com a doutora", "falar com o doutor",
    "falar com o medico", "falar com a medica", "falar com a dra", "falar com o dr", "me liga",
    "me ligar", "me ligue", "ligar para mim", "ligue para mim", "telefonar para mim",
    "falar direto com", "com uma pessoa", "com alguem", "com um humano", "conversar com",
    "responsavel", "gerente", "supervisor", "falar com o dono", "uma maquina",
    "quero falar com", "preciso falar com", "gostaria de falar com", "queria falar com",
    "alguem da clinica", "chama alguem", "alguem da recepcao", "ninguem me responde",
    "ninguem me atende", "alguma pessoa", "pessoa para me atender", "pessoa para falar",
)  # fmt: skip
_RESCHEDULE = (
    "remarcar", "remarca", "remarque", "remarcacao", "reagendar", "reagenda", "reagende",
    "reagendamento", "mudar o horario", "mudar de horario", "mudar meu horario",
    "mudar a consulta", "mudar minha consulta", "mudar o dia", "mudar de dia", "mudar a data",
    "trocar o horario", "trocar de horario", "trocar meu horario", "trocar o dia",
    "trocar de dia", "trocar a data", "trocar a consulta", "trocar minha consulta",
    "passar minha consulta", "passar a consulta", "passar para outro dia",
    "consulta para outro dia", "trocar para", "mudar para", "passar para",
    "transferir minha consulta", "transferir a consulta",
    # Round 9: moved to another week or day ("consigo transferir pra outra semana?").
    "transferir para outra", "transferir para outro", "transfere para outra",
    "transfere para outro", "adiar", "adia", "antecipar",
    "adiantar minha consulta", "adiantar a consulta", "jogar para", "joga para",
    "empurrar para", "empurra para", "troca para", "muda para", "troca minha consulta",
    "muda minha consulta", "para outro dia", "deixar para outro dia",
)  # fmt: skip
_CANCEL = (
    "cancelar", "cancela", "cancelo", "cancele", "cancelamento", "desmarcar", "desmarca",
    "desmarque", "nao vou poder ir", "nao poderei ir", "nao vou conseguir ir",
    # Asked in the passive ("a consulta de amanhã pode ser cancelada", round 8).
    "pode ser cancelada", "pode ser cancelado", "pode ser desmarcada", "pode ser desmarcado",
    "nao vou conseguir comparecer", "nao vou poder comparecer", "nao poderei comparecer",
    "nao vou comparecer", "nao consigo ir", "nao posso ir", "nao irei", "nao vou mais",
    "nao vou mais precisar", "nao preciso mais da consulta", "pode tirar",
    "tirar minha consulta", "tira minha consulta", "desisto da consulta",
    "desistir da consulta", "nao da para ir", "nao da para eu ir", "nao tenho como ir",
    "nao vou ter como ir", "esquece a consulta", "nao conseguirei ir",
    "nao conseguirei comparecer", "nao consigo comparecer", "nao posso comparecer",
    "vou faltar", "vou ter que faltar", "faltar na consulta", "tira meu nome", "tirar meu nome",
    "nao quero mais a consulta", "nao quero mais consulta", "nao vai dar para ir",
    "nao vai dar para eu ir", "nao vai rolar",
)  # fmt: skip
# Asking what is booked, before the scheduling words a look-up uses too ("marquei",
# "marcada", "meu agendamento").
_LOOKUP = (
    "minhas consultas", "meus agendamentos", "tenho consulta", "ver consultas",
    "quando e minha", "quando e a minha", "ta marcada", "esta marcada", "ta marcado",
    "esta marcado", "ficou marcada", "ficou marcado", "foi marcada", "foi marcado",
    "coisa marcada", "algo marcado", "consulta marcada", "horario marcado", "horarios marcados",
    "ta confirmada", "esta confirmada", "ta confirmado", "esta confirmado", "foi confirmada",
    "foi confirmado", "foi cancelada", "foi cancelado", "marquei", "agendei", "nao lembro",
    "esqueci o horario", "esqueci o dia", "esqueci quando", "que horas e minha",
    "que horas e a minha", "que dia e minha", "que dia e a minha", "que dia ficou",
    "qual dia ficou", "que horas ficou", "para quando ficou", "pode ver para mim",
    "ver para mim", "minha proxima consulta", "meus horarios", "consulta no meu nome",
    "no meu nome", "tenho uma consulta", "horario da minha", "dia da minha", "data da minha",
    "hora da minha", "quais consultas", "que consultas", "consultas eu tenho", "tenho retorno",
    "retorno marcado", "exame marcado", "consultar meus", "consultar minhas", "consultar minha",
    "consultar meu", "consultar se", "consultar o dia", "consultar o horario", "ficou agendado",
    "ficou agendada", "ta agendado", "ta agendada", "esta agendado", "esta agendada",
    "foi agendado", "foi agendada", "tenho alguma consulta", "eu tenho consulta",
    "ver meu agendamento", "ver minha consulta", "ver meus", "ver minhas", "ta de pe",
    "esta de pe", "continua de pe", "continua marcada", "continua marcado", "ainda ta marcada",
    "ainda esta marcada", "horario da consulta", "data da consulta", "dia da consulta",
    "me lembra", "me lembrar", "horario ficou", "para quando ficou", "ficou para quando",
    "foi remarcada", "foi remarcado", "remarcada para quando", "remarcado para quando",
    "to marcado", "to marcada", "estou marcado", "estou marcada", "marcado para quando",
    "marcada para quando", "quando e meu", "quando e o meu", "meu retorno e",
    "tenho algum agendamento", "tenho agendamento", "tenho um agendamento", "ta mantida",
    "ta mantido", "esta mantida", "esta mantido", "continua mantida", "so confirmando",
)  # fmt: skip
# Saying one will be there; a bare "confirmado" may ask ("tá confirmado?"), after look-ups.
_ATTENDING = (
    "confirmo", "confirmando", "vou sim", "estarei la", "presenca confirmada", "estarei ai",
    "pode confirmar minha presenca", "que eu vou", "vou comparecer", "vou estar la",
    "vou estar ai", "estarei presente", "irei sim", "sim vou", "pode contar comigo",
    "conta comigo", "pode contar com a gente", "conta com a gente", "eu irei",
    "vou estar presente", "confirmadissimo", "confirmadissima",
)  # fmt: skip
_CONFIRM = ("confirmado", "confirmada", "confirmar")
# Questions about the clinic, asked in words no booking uses.
_ASKED_INFO = (
    "endereco", "onde fica", "onde voces ficam", "como chegar", "localizacao", "qual a rua",
    "ponto de referencia", "estacionamento", "estacionar", "parar o carro", "manobrista",
    "valet",  # round 18
    "horario de funcionamento", "horario de atendimento", "que horas abre", "que horas fecha",
    "ate que horas", "funcionam", "funciona ate", "funciona de", "funciona no", "funciona aos",
    "que horas funciona", "quanto custa", "quanto ta", "quanto esta", "quanto e", "quanto sai",
    "quanto fica", "quanto cobra", "quanto cobram", "quanto pago", "preco", "precos", "valor",
    # Speech's "que" after "quanto" ("quanto que é a consulta", round 9).
    "quanto que e", "quanto que custa", "quanto que fica", "quanto que ta", "quanto que sai",
    "valores", "pix", "cartao", "debito", "credito", "dinheiro", "parcelar", "parcela",
    "pagamento", "pagar", "aceita", "aceitam", "atendem pelo", "atende pelo", "jejum",
    "preparo", "exame de sangue", "telefone", "email", "e mail", "site", "instagram",
    "documentos", "levar na consulta", "carteirinha", "encaminhamento", "pedido medico",
    "acompanhante", "acessibilidade", "cadeira de rodas", "especialidades",
    "quanto tempo demora", "onde voces", "fica onde", "bairro", "estaciona", "estaciono",
    "quanto tempo", "quanto dura", "duracao", "cobrado", "cobrada", "cobram", "cobra", "gratis",
    "gratuito", "de graca", "perto do", "perto de", "voces ficam", "qual o numero",
    "numero de voces", "numero da clinica", "numero de telefone", "cep", "horario de voces",
    "horario da clinica", "como chego", "de onibus", "de metro", "horario voces atendem",
    "horario que voces atendem", "horario voces abrem", "horario que voces abrem", "sem comer",
    "sem beber", "ficar em jejum", "sai quanto", "fica quanto", "custa quanto",
)  # fmt: skip
_BOOK = (
    "marcar", "marca", "marque", "marcacao", "agendar", "agenda", "agende", "agendamento",
    "encaixar", "encaixa", "encaixe", "encaixo", "reservar", "horario", "horarios",
    "disponivel", "disponibilidade", "vaga", "vagas", "uma consulta", "consulta com",
    "marcar com", "ir no medico", "ir ao medico", "ir na medica", "me consultar",
    "ser atendido", "ser atendida",
)  # fmt: skip
_OWN = ("minha consulta", "meu agendamento", "meu atendimento", "meu horario")
# Named alone, an insurer or a specialty asks whether the clinic takes or has it; where
# it is ("onde é", "fica em") after a look-up ("minha consulta fica em que dia?").
INSURERS = (
    "unimed", "hapvida", "amil", "bradesco", "bradesco saude", "sulamerica", "sul america",
    "notredame", "notre dame", "intermedica", "golden cross", "porto seguro", "porto saude",
    "cassi", "geap", "ipsemg", "iamspe", "prevent senior", "care plus", "omint", "allianz",
    "mediservice", "saude caixa", "postal saude", "cabesp", "sompo", "leve saude",
)  # fmt: skip
"""Health insurers, named by patients for how a booking is paid."""
_NAMED_INFO = (
    *INSURERS, "particular", "atende",
    "atendem", "pediatra", "dermatologista", "cardiologista", "ginecologista", "ortopedista",
    "oftalmologista", "psicologo", "psicologa", "nutricionista", "fisioterapia", "exames",
    "fisioterapeuta", "endocrinologista", "neurologista", "urologista", "otorrino",
    "chegar", "levar", "onde e", "fica em", "convenio", "convenios", "plano de saude", "plano",
    "whatsapp", "abre", "abrem", "fecha", "fecham", "aberto", "abertos", "rua", "avenida",
    "referencia", "perto", "longe", "predio", "andar", "elevador", "wifi", "banheiro", "vacina",
    "vacinas", "ultrassom", "raio x", "eletrocardiograma", "atestado", "laudo", "resultado",
    "resultados", "medicos", "quem atende", "qual medico", "que medico", "especialista",
    "especialidade", "nota fiscal", "recibo", "reembolso", "desconto", "feriado",
    "teleconsulta", "online", "por video", "telemedicina", "domicilio", "domiciliar", "chegada",
    "idade", "documento", "rg", "cpf", "sus", "documentacao",
)  # fmt: skip
# Asking how the service works, before the words it may name ("o atendimento", "esse
# whatsapp").
_HOW = (
    "como funciona", "o que voce faz", "o que voce pode fazer", "o que voces fazem",
    "o que voce sabe fazer", "o que voce consegue fazer", "o que voces sabem fazer",
    "o que voces conseguem fazer", "uma ajudinha", "explica como", "me explica como",
    # Not knowing how to use it ("não sei mexer nisso", round 8).
    "nao sei mexer", "nao sei usar", "nao sei como usa", "nao sei como funciona",
    "como eu faco as coisas", "como faco as coisas", "como que faco as coisas",
)  # fmt: skip
_ANY_BOOKING = (
    "consulta", "retorno", "preciso de atendimento", "quero atendimento", "atendimento para",
    "avaliacao", "check up", "primeira consulta",
)  # fmt: skip
_HELP = (
    "ajuda", "ajudar", "menu", "opcoes", "oi", "oie", "ola", "opa", "e ai", "eai", "eae",
    "e ae", "salve", "paz do senhor", "bom dia", "boa tarde", "boa noite", "help", "como funciona",
    "o que voce faz", "o que voces fazem", "o que voce pode fazer", "o que da para fazer",
    "o que posso fazer", "como usar", "como usa", "como uso", "como eu uso", "como que eu uso",
    "como que usa", "como que uso", "inicio", "comecar",
    "alo", "hey", "hello", "hi", "quem e voce", "quem fala", "com quem eu falo", "com quem falo",
)  # fmt: skip

PHRASES: tuple[tuple[Intent, tuple[str, ...]], ...] = (
    (Intent.LGPD, _LGPD),
    (Intent.HUMAN, _HUMAN),
    (Intent.RESCHEDULE, _RESCHEDULE),
    (Intent.CANCEL, _CANCEL),
    (Intent.CONFIRM, _ATTENDING),
    (Intent.CONSULT, _LOOKUP),
    (Intent.CONFIRM, _CONFIRM),
    (Intent.INFO, _ASKED_INFO),
    (Intent.SCHEDULE, _BOOK),
    (Intent.CONSULT, _OWN),
    (Intent.HELP, _HOW),
    (Intent.INFO, _NAMED_INFO),
    (Intent.SCHEDULE, _ANY_BOOKING),
    (Intent.HUMAN, ("alguem",)),
    (Intent.HELP, _HELP),
)
"""Each intent's phrases, in the order they are tried; the first found wins. The last are
greetings, which a time asked for outweighs (see ``intents``)."""

# Words a patient writes that are no slip of a phrase's word, though they look like one:
# "cancelado" is not "cancela", "pessoal" not "pessoa".
KNOWN_WORDS = frozenset({
    "marcado", "marcada", "marcados", "marcadas", "agendado", "agendada", "cancelado",
    "cancelada", "remarcado", "remarcada", "desmarcado", "desmarcada", "confirma",
    "pessoal", "pessoas", "obrigado", "obrigada", "amanha", "semana", "segunda", "terca",
    "quarta", "quinta", "sexta", "sabado", "domingo", "manha", "tarde", "noite", "hoje",
    "depois", "antes", "quero", "queria", "gostaria", "preciso", "precisa", "posso", "poderia",
    "podia", "consegue", "consigo", "voce", "voces", "minha", "minhas", "nosso", "nossa",
    "favor", "tudo", "todos", "obrigadao", "valeu", "beleza", "certo", "entao", "agora",
    "ainda", "sobre", "outro", "outra", "medico", "medica", "doutor", "doutora", "filho",
    "filha", "marido", "esposa", "mae", "pai", "clinica", "consultorio", "exame", "receita",
    "atestado", "trabalho", "dados", "mensagem", "mensagens", "numero", "nome", "horas",
    "fazer", "falar", "saber", "ajudem", "ajude", "abrir", "fechar", "marcou", "agendou",
    "aceito", "aceitamos", "atendeu", "atendido", "atendida", "cancelou", "esquece",
    "precisam", "marcos", "algum", "alguns", "algumas", "marcaram", "marcamos", "marcando",
    "agendaram", "agendamos", "agendando", "cancelaram", "cancelamos", "cancelando",
    "remarcaram", "desmarcaram", "confirmaram", "confirmei", "direito", "perdido", "pronto",
    "liguei", "remarquei", "desmarquei", "cancelei", "confirmou",
    # The shin, no slip of "cancela" ("to com dor na canela", round 17).
    "canela", "canelas",
    # A voice note cut, no slip of "cobrado" ("desculpa o audio cortado", round 17).
    "cortado", "cortada",
})  # fmt: skip
