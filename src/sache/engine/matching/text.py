"""Text normalisation for matching: sentences, tokens and lemmas per language.

Lexical relevance is computed over lemmas in the text's own language, so that
"muzeów", "muzeum" and "muzea" (Polish) or "technologies" and "technology"
(English) count as one term. Lemmas come from ``simplemma`` (Barbaresi 2023),
a dictionary lemmatiser that covers all eight languages of the product
(Croatian through its Serbo-Croatian dictionary); unknown languages fall back
to case-folded tokens.

Complexity: linear in the number of tokens; lemmas are memoised per
(language, token), so large corpora cost mostly dictionary look-ups.

References
----------
.. [1] A. Barbaresi, "Simplemma: a simple multilingual lemmatizer for
   Python", Zenodo, 2023. doi:10.5281/zenodo.4673264
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "SUPPORTED_LANGUAGES",
    "split_sentences",
    "tokenize",
    "lemmatize_tokens",
    "lemmas",
    "guess_language",
]

# Product languages first; simplemma's code for Croatian is the Serbo-Croatian "hbs".
SUPPORTED_LANGUAGES = ("pl", "en", "de", "hu", "it", "cs", "sk", "sl", "hr", "fr", "es", "pt", "nl")
_SIMPLEMMA_CODES = {"hr": "hbs", "sr": "hbs", "bs": "hbs"}

_SENTENCE_BOUNDARY = re.compile(r"(?<=[.!?;])\s+(?=[^\s\da-z])|\n\s*\n")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words that the BM25 idf does not discount enough in long queries;
# kept short on purpose: content words must never be dropped.
_STOP_WORDS = {
    "en": _words(
        "a an and are as at be been by can for from has have in into is it its of on or our "
        "that the their this to was were which will with we they these those also such than "
        "through within between both more new not all other how what who while would should "
        "could may over under about across towards well based using use used"
    ),
    "de": _words(
        "der die das und oder ein eine einer eines einem einen ist sind mit für von zu im in "
        "den dem des auf als auch wir unser unsere sich bei nach aus wie"
    ),
    "pl": _words("i w na z do się że to jest dla od o po a oraz lub przez nasz nasze nasza"),
    "it": _words("il lo la i gli le di da in con per su e o un una che del della dei delle è"),
    "hu": _words("a az és egy hogy is nem van vagy meg mint már csak"),
    "cs": _words("a v na s z do se že je pro od o po i nebo jako naše náš"),
    "sk": _words("a v na s z do sa že je pre od o po i alebo ako naše náš"),
    "sl": _words("in v na s z za do se da je ki od o po ali kot naš naša"),
    "hr": _words("i u na s sa za do se da je koji od o po ili kao naš naša"),
}


def split_sentences(text: str) -> list[str]:
    """Split a text into sentences (non-empty, stripped).

    Parameters
    ----------
    text : str

    Returns
    -------
    list of str

    Examples
    --------
    >>> split_sentences("We restore castles. Our AR guide works offline!  ")
    ['We restore castles.', 'Our AR guide works offline!']
    """
    return [part.strip() for part in _SENTENCE_BOUNDARY.split(text) if part and part.strip()]


def tokenize(text: str) -> list[str]:
    """Case-folded word tokens (letters and digits, inner hyphens kept).

    Examples
    --------
    >>> tokenize("3D-scanning of the Castle's façade")
    ['3d-scanning', 'of', 'the', "castle's", 'façade']
    """
    return [match.group(0).casefold() for match in _TOKEN.finditer(text)]


@lru_cache(maxsize=500_000)
def _lemma(token: str, language: str) -> str:
    import simplemma

    code = _SIMPLEMMA_CODES.get(language, language)
    try:
        return simplemma.lemmatize(token, lang=code).casefold()
    except ValueError:
        return token


def lemmatize_tokens(tokens: list[str], language: str) -> list[str]:
    """Lemmas of ``tokens`` in ``language``, without stop words and one-letter tokens.

    Parameters
    ----------
    tokens : list of str
        Output of :func:`tokenize`.
    language : str
        ISO 639-1 code; unknown codes leave tokens as they are.

    Returns
    -------
    list of str
    """
    stop_words = _STOP_WORDS.get(language, frozenset())
    out = []
    for token in tokens:
        if len(token) < 2 or token in stop_words:
            continue
        lemma = _lemma(token, language)
        if lemma in stop_words:
            continue
        out.append(lemma)
    return out


def lemmas(text: str, language: str = "en") -> list[str]:
    """Tokenise and lemmatise ``text`` written in ``language``.

    Examples
    --------
    >>> lemmas("Museums digitise their collections", "en")
    ['museum', 'digitise', 'collection']
    """
    return lemmatize_tokens(tokenize(text), language)


def guess_language(text: str, default: str = "en") -> str:
    """The language of ``text`` among those with stop-word lists here.

    Counts function words of each language in the first 2,000 characters:
    cheap, needs no dictionary, and is enough for records that arrive
    without a language code (the product always sends one).

    Examples
    --------
    >>> guess_language("Muzeum szuka partnera do digitalizacji zbiorów i dla szkół")
    'pl'
    """
    tokens = tokenize(text[:2000])
    best, best_hits = default, 0
    for language, stop_words in _STOP_WORDS.items():
        hits = sum(token in stop_words for token in tokens)
        if hits > best_hits:
            best, best_hits = language, hits
    return best
