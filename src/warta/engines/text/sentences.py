"""Split Indonesian news text into paragraphs and sentences.

A rule-based splitter: it proposes a boundary after ``.``, ``!``, ``?`` or ``…`` (with any
closing quotes or brackets) when whitespace and a sentence-like start follow, then vetoes it
for abbreviations, initials and list numbers. Every line is its own block, so a numbered
sub-heading on its own line (``1. Peru ditetapkan ...``) is one sentence.
"""

from __future__ import annotations

import re

#: Abbreviations that always precede something (a name, a number): never a sentence end.
PREFIX_ABBREVIATIONS = frozenset(
    {
        "a.n",  # atas nama
        "u.p",  # untuk perhatian
        "an",
        "bpk",
        "brig",
        "dr",
        "dra",
        "drg",
        "drh",
        "drs",
        "gen",
        "h",
        "hj",
        "hlm",
        "ir",
        "jl",
        "jln",
        "kab",
        "kapt",
        "kec",
        "kel",
        "kh",
        "kol",
        "letjen",
        "mr",
        "mrs",
        "ms",
        "nn",
        "no",
        "ny",
        "pk",
        "prof",
        "prov",
        "rp",
        "sdr",
        "sdri",
        "st",
        "tgl",
        "tn",
        "vs",
        "yth",
    }
)

#: Abbreviations that follow something (degrees, "etc."): a sentence may end on them, so a
#: boundary is kept only when the next word starts with a capital letter and is not a
#: lowercase continuation.
SUFFIX_ABBREVIATIONS = frozenset(
    {
        "dll",
        "dsb",
        "dst",
        "dkk",
        "tbk",
        "s.h",
        "m.h",
        "s.e",
        "m.e",
        "m.m",
        "m.si",
        "s.si",
        "s.pd",
        "m.pd",
        "s.t",
        "m.t",
        "s.kom",
        "m.kom",
        "s.sos",
        "s.ip",
        "s.ag",
        "m.ag",
        "s.ked",
        "sp.a",
        "sp.og",
        "m.a",
        "ph.d",
        "m.sc",
        "b.sc",
        "s.ikom",
        "s.hum",
        "m.hum",
        "s.psi",
        "m.psi",
        "s.farm",
        "apt",
        "m.kes",
        "s.kep",
        "s.gz",
    }
)

#: Suffix abbreviations that, followed by a capital, are usually still inside the sentence
#: (a degree before the speaker's verb is lowercase, so a capital after it is ambiguous; we
#: keep going only for degrees followed by another degree or a comma-less title).
_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"

# A boundary candidate: terminal punctuation, optional closers, then whitespace.
_CANDIDATE = re.compile(r"(?:\.{3}|…|[.!?]+)[" + re.escape(_CLOSERS) + r"]*(?=\s)")
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}|[a-zA-Z])[.)]$")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u200b]+")


def split_paragraphs(text: str) -> list[str]:
    """Return the non-empty lines of ``text`` with inner whitespace collapsed.

    Each line is a paragraph (or a sub-heading); blank lines only separate them.
    """
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for line in normalised.split("\n"):
        cleaned = _SPACES.sub(" ", line).strip()
        if cleaned:
            out.append(cleaned)
    return out


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` in order; lines never join across a line break."""
    sentences: list[str] = []
    for paragraph in split_paragraphs(text):
        sentences.extend(_split_block(paragraph))
    return sentences


def _split_block(block: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _CANDIDATE.finditer(block):
        end = match.end()
        if not _is_boundary(block, start, match.start(), match.group(), end):
            continue
        piece = block[start:end].strip()
        if piece:
            pieces.append(piece)
        start = end
    rest = block[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def _next_word(block: str, pos: int) -> str:
    rest = block[pos:].lstrip()
    return rest.split(" ", 1)[0] if rest else ""


def _is_boundary(block: str, start: int, punct_start: int, punct: str, end: int) -> bool:
    """Return whether the candidate boundary ``block[punct_start:end]`` ends a sentence."""
    following = _next_word(block, end)
    if not following:
        return False
    first = following.lstrip(_OPENERS)
    lead = first[:1] or following[:1]
    if lead.islower():
        # Indonesian sentences start with a capital: "Apa kabar?" tanya dia.
        return False
    if not punct.startswith("."):
        return True
    if punct.startswith("..") or punct.startswith("…"):
        return True
    token = block[max(block.rfind(" ", start, punct_start) + 1, start) : punct_start]
    bare = token.lstrip(_OPENERS).lower()
    if not bare:
        return True
    # "1. Peru ditetapkan ..." at the start of a line is a list number, not a sentence.
    if _LIST_MARKER.match(block[start : punct_start + 1]):
        return False
    if bare in PREFIX_ABBREVIATIONS:
        return False
    if bare in SUFFIX_ABBREVIATIONS:
        # "beras, gula, dll. Harga naik" ends; "Budi, S.H., M.H. mengatakan" was caught above.
        return _looks_like_sentence_start(first)
    # Initials: "Susilo B. Yudhoyono", "A. Rahman".
    if len(bare) == 1 and bare.isalpha() and token[-1:].isupper():
        return False
    # Dotted abbreviations such as "S.H" or "a.n" that are not listed: keep inside.
    return not ("." in bare and len(bare) <= 6 and bare.replace(".", "").isalpha())


def _looks_like_sentence_start(word: str) -> bool:
    lead = word[:1]
    if not lead:
        return False
    if lead.isdigit():
        return True
    # A degree is often followed by another degree ("M.Si.") which we catch by its dot.
    return lead.isupper() and "." not in word.rstrip(".,")
