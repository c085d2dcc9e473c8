"""Stemming, stopwords and the search analyser, built on PySastrawi."""

from __future__ import annotations

import functools
from typing import Any

from warta.engines.text.tokens import tokenize

#: Words that Sastrawi's list lacks but that carry no meaning in news text.
_EXTRA_STOPWORDS = frozenset(
    {
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "ini",
        "itu",
        "pun",
        "lah",
        "kah",
        "nya",
        "pula",
        "tersebut",
        "juga",
        "sih",
        "kok",
        "dong",
        "deh",
        "ya",
        "tak",
        "nggak",
        "enggak",
        "gak",
        "udah",
    }
)


@functools.cache
def _sastrawi_stemmer() -> Any:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@functools.cache
def stopwords() -> frozenset[str]:
    """Return the Indonesian stopword set (Sastrawi's list plus a few colloquial words)."""
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    words = StopWordRemoverFactory().get_stop_words()
    return frozenset(w.lower() for w in words) | _EXTRA_STOPWORDS


def is_stopword(word: str) -> bool:
    """Return whether ``word`` (any case) is an Indonesian stopword."""
    return word.lower() in stopwords()


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Return the Indonesian root of ``word`` in lowercase (menetapkan -> tetap).

    Tokens holding a digit are returned lowercased as they are: a stemmer would break
    amounts and dates apart (``Rp1,5`` must stay one term).
    """
    lowered = word.lower()
    if not lowered or any(ch.isdigit() for ch in lowered):
        return lowered
    root: str = _sastrawi_stemmer().stem(lowered)
    return root or lowered


def analyze(text: str) -> list[str]:
    """Return the search terms of ``text``: lowercase, tokenise, drop stopwords, stem.

    Use the same function at index and at query time so that menetapkan, ditetapkan,
    penetapan and tetapkan all become ``tetap``.
    """
    stop = stopwords()
    terms: list[str] = []
    for token in tokenize(text.lower()):
        if token in stop:
            continue
        root = stem(token)
        if root:
            # The root may itself be a stopword ("tetap"); keep it, the surface word was not.
            terms.append(root)
    return terms
