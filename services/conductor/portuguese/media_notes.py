"""A sticker, a photo or an audio described in brackets instead of sent (round 13).

Exports and some keyboards put what a message held between brackets: "[figurinha de gato
confuso]", "[audio de 0:03 sem fala, so barulho de onibus]". Such a note says nothing
the patient wrote: no name, no request. Words outside the brackets are read as usual.
"""

from __future__ import annotations

import re
import unicodedata

_MEDIA = (
    r"(?:figurinha|sticker|adesivo|audio|mensagem de voz|foto|imagem|video|gif|arquivo"
    r"|documento|anexo|emoji|localizacao|contato|ligacao|chamada)"
)
_NOTE = re.compile(rf"^\s*[\[(<]\s*{_MEDIA}\b[^\])>]*[\])>]\s*$")


def only_media_note(text: str) -> bool:
    """Whether ``text`` is only a note in brackets of media sent, no words of the patient."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOTE.match(plain) is not None
