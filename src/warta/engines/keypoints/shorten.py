"""Shorten a sentence into a bullet without losing a fact.

Only three kinds of text are removed, each of which carries no fact of the story:
a dateline in the lead ("Jakarta, CNN Indonesia -- "), a leading discourse connective
("Sementara itu,") and a trailing source citation (", dikutip dari Mercopress") or a
pronoun-only attribution after a quote (", katanya."). Named speakers are kept.
"""

from __future__ import annotations

import re

from warta.engines.keypoints.document import strip_dateline

_LEADING_CONNECTIVE = re.compile(
    r"^(?:sementara itu|selain itu|di sisi lain|di samping itu|dengan demikian|"
    r"oleh karena itu|oleh sebab itu|karena itu|untuk itu|namun demikian|meski demikian|"
    r"kendati demikian|walau demikian|meskipun demikian|lebih lanjut|lebih jauh|tak hanya itu|"
    r"tidak hanya itu|adapun|nah|sementara|namun|akan tetapi|tetapi|bahkan|lalu|kemudian)"
    r"\s*,\s+",
    re.I,
)
_TRAILING_CITATION = re.compile(
    r",?\s+(?:seperti |sebagaimana )?(?:dikutip|dilansir|mengutip|melansir|dilaporkan)"
    r"(?:\s+dari)?\s+[^,.;\"“”]{2,60}(?=[.!?]?[\"”’]?\s*$)",
    re.I,
)
_TRAILING_PRONOUN_ATTRIBUTION = re.compile(
    r"(?<=[,.!?][\"”’])\s*(?:kata|ujar|tutur|ucap|jelas|ungkap|papar|imbuh|tegas|terang|"
    r"lanjut|tambah|sebut)(?:nya|\s+(?:dia|ia|beliau))\s*(?=[.!?]?\s*$)",
    re.I,
)


def shorten(sentence: str, *, is_lead: bool = False) -> str:
    """Return ``sentence`` with fact-free framing removed (never adds a word).

    A dateline is only looked for in the article's lead sentence (``is_lead``): elsewhere
    "PT Bank Mandiri - ..." would be a subject, not a dateline.
    """
    text = sentence.strip()
    if is_lead:
        text = strip_dateline(text)
    match = _LEADING_CONNECTIVE.match(text)
    if match and len(text) - match.end() > 20:
        rest = text[match.end() :]
        text = rest[:1].upper() + rest[1:]
    cited = _TRAILING_CITATION.sub("", text)
    if cited != text:
        text = cited.rstrip(" ,") + ("" if cited.rstrip().endswith((".", "!", "?")) else ".")
        text = _fix_quote_end(text)
    pronoun = _TRAILING_PRONOUN_ATTRIBUTION.search(text)
    if pronoun:
        text = text[: pronoun.start()].rstrip()
        text = _fix_quote_end(text)
    return text


def _fix_quote_end(text: str) -> str:
    """Turn a dangling ``,"`` or ``,".`` at the end of a quote into ``."``."""
    text = re.sub(r",([\"”’])\.?$", r".\1", text)
    return re.sub(r"([\"”’])\.$", r"\1", text) if re.search(r"[.!?][\"”’]\.$", text) else text
