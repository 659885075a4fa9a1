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


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its diacritics.

    >>> fold("Łańcut, Győr, Přemyšl, Straße")
    'lancut, gyor, premysl, strasse'
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return stripped.casefold()


def tokens(text: str) -> list[str]:
    """Folded word tokens of ``text``.

    >>> tokens("Muzeum-Zamek w Łańcucie!")
    ['muzeum', 'zamek', 'w', 'lancucie']
    """
    return _TOKEN.findall(fold(text))
