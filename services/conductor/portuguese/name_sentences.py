"""Words that make an answer to "como você se chama?" a sentence, never a name.

Prepositions, time words and verbs in the first person are in no name people carry (none
of the corpus's names has one), while a patient who misreads the question answers with
them: "moro em manaus", "trabalho de noite", "faz preventivo ai?". Such an answer is asked
again instead of being registered as "Moro Em Manaus". The particles of names (da, de,
do, das, dos, e) and single letters (an initial) are not among them.
"""

from __future__ import annotations

SENTENCE_WORDS = frozenset({
    # Prepositions, articles and conjunctions that no name joins with.
    "em", "nos", "nas", "num", "numa", "com", "sem", "por", "pelo", "pela", "para", "ao",
    "aos", "um", "uma", "uns", "umas", "mas", "ou", "ja", "tambem", "tb", "muito", "mais",
    "agora", "depois", "antes",
    # Times of the day and of the week.
    "noite", "tarde", "manha", "semana", "hora", "horas", "cedo",
    # Verbs in the first person, as one tells where one lives, works or goes.
    "moro", "trabalho", "tenho", "vou", "fui", "faco", "estudo", "fico", "chego", "saio",
    "acho", "sei", "vim", "venho", "sou", "esqueci", "lembro", "consigo", "pago", "uso",
    "tomo", "sinto", "nasci", "moramos", "trabalhamos", "somos", "estamos",
    # Verbs of a question about the clinic ("faz preventivo ai?", "atende unimed", "tem
    # vaga"), and a title alone ("e o senhor?").
    "faz", "fazem", "tem", "pode", "podem", "ser", "atende", "atendem", "aceita", "aceitam",
    "depende", "vaga", "esta", "estao", "era", "foi", "vai", "vem", "quer", "senhor",
    "senhora",
})  # fmt: skip
