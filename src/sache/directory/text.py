"""Text folding for search: lower case, no diacritics, in every language of the hub.

"Łańcut" and "lancut" must meet, so letters that Unicode does not decompose
(ł, đ, ø, ß, ...) are mapped by hand after NFKD has removed combining marks.
"""

from __future__ import annotations

import re
import unicodedata

_UNDECOMPOSABLE = str.maketrans(
    {"ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th"}
)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# Combining marks left by NFKD decomposition (the blocks the hub's languages use).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its diacritics.

    >>> fold("Łańcut, Győr, Přemyšl, Straße")
    'lancut, gyor, premysl, strasse'
    """
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    return _COMBINING.sub("", decomposed).casefold()


def tokens(text: str) -> list[str]:
    """Folded word tokens of ``text``.

    >>> tokens("Muzeum-Zamek w Łańcucie!")
    ['muzeum', 'zamek', 'w', 'lancucie']
    """
    return _TOKEN.findall(fold(text))
