"""Sentence features for the learned salience scorer (numpy only, fast)."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from warta.engines.keypoints.document import Document, strip_dateline
from warta.engines.text import stopwords, word_tokens

FloatArray = npt.NDArray[np.float64]

_ATTRIBUTION = re.compile(
    r"\b(?:kata|ujar|tutur|ucap|jelas|ungkap|papar|imbuh|tegas|terang|lanjut|tambah|sebut)"
    r"(?:nya)?\b",
    re.I,
)
_CONNECTIVE = re.compile(
    r"^(?:sementara|selain|namun|tetapi|akan tetapi|meski|kendati|oleh karena|untuk itu|"
    r"dengan demikian|di sisi lain|sebelumnya|kemudian|lalu|adapun|menurut|dalam|pada|saat)\b",
    re.I,
)
_CITATION = re.compile(r"\b(?:dikutip|dilansir|mengutip|melansir|seperti dilaporkan)\b", re.I)
_DIGIT = re.compile(r"\d")
_REPORTED = re.compile(r"\b(?:mengatakan|menyatakan|menjelaskan|mengungkapkan|menuturkan|bahwa)\b")
_CAPITAL_WORD = re.compile(r"(?<!^)\b[A-Z][\w-]+")

#: Longest sentence (in words) that may become a bullet.
MAX_SENTENCE_WORDS = 80
#: Longest sentence (in characters) shown as a bullet when nothing better exists.
MAX_FALLBACK_CHARS = 600

FEATURE_NAMES: tuple[str, ...] = (
    *(f"pos_{i}" for i in range(8)),
    "pos_8plus",
    "rel_pos",
    "para_0",
    "para_1",
    "para_2",
    "para_3plus",
    "first_in_para",
    "log_words",
    "short",
    "long",
    "log_sentences",
    "centroid_sim",
    "first_sim",
    "title_sim",
    "centrality",
    "has_quote",
    "starts_quote",
    "attribution",
    "citation",
    "connective",
    "has_digit",
    "capital_ratio",
    "question",
    "had_dateline",
    "shared_words",
    "pos0_x_centroid",
    "relpos_x_centroid",
    "centroid_rank",
    "pos0_x_short",
    "para_sentences",
    "index_in_para",
    "last_in_para",
    "prev_centroid",
    "next_centroid",
    "first_name_overlap",
    "reported_speech",
    "from_end_0",
    "from_end_1",
    "rel_pos_sq",
)


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """Feature rows of the candidate sentences and the sentence indices they belong to."""

    candidates: tuple[int, ...]
    matrix: FloatArray
    tokens: tuple[tuple[str, ...], ...]  # content tokens of every candidate, for redundancy


def is_candidate(doc: Document, index: int) -> bool:
    """Return whether sentence ``index`` may become a bullet."""
    if doc.is_boilerplate[index]:
        return False
    # Four words at least; a run-on of more than 80 words (a list, a table row) is no bullet.
    return 4 <= len(doc.sentences[index].split()) <= MAX_SENTENCE_WORDS


def content_tokens(sentence: str) -> list[str]:
    """Return lowercase non-stopword words of ``sentence``."""
    stop = stopwords()
    return [t for t in word_tokens(sentence) if t not in stop and len(t) > 1]


def _unit_rows(counts: FloatArray) -> FloatArray:
    norms = np.sqrt((counts * counts).sum(axis=1, keepdims=True))
    norms[norms == 0] = 1.0
    result: FloatArray = counts / norms
    return result


def extract_features(doc: Document) -> SentenceFeatures:
    """Return the feature matrix of the candidate sentences of ``doc``."""
    candidates = [i for i in range(len(doc)) if is_candidate(doc, i)]
    if not candidates:
        return SentenceFeatures((), np.zeros((0, len(FEATURE_NAMES))), ())
    texts = [doc.sentences[i] for i in candidates]
    stripped = [strip_dateline(t) if k == 0 else t for k, t in enumerate(texts)]
    tokens = [content_tokens(t) for t in stripped]

    vocab: dict[str, int] = {}
    row_index: list[int] = []
    col_index: list[int] = []
    for position, toks in enumerate(tokens):
        for tok in toks:
            row_index.append(position)
            col_index.append(vocab.setdefault(tok, len(vocab)))
    n = len(candidates)
    counts = np.zeros((n, max(len(vocab), 1)))
    np.add.at(counts, (row_index, col_index), 1.0)
    doc_freq = (counts > 0).sum(axis=0).tolist()
    unit = _unit_rows(counts)
    centroid = unit.sum(axis=0)
    centroid_norm = float(np.sqrt((centroid * centroid).sum())) or 1.0
    centroid_arr = unit @ centroid / centroid_norm
    sims = unit @ unit.T
    centrality = ((sims.sum(axis=1) - 1.0) / max(n - 1, 1)).tolist()
    first_sim = sims[0].tolist()
    if doc.title:
        title_counts = np.zeros(counts.shape[1])
        for tok in content_tokens(doc.title):
            col = vocab.get(tok)
            if col is not None:
                title_counts[col] += 1.0
        norm = float(np.sqrt((title_counts * title_counts).sum())) or 1.0
        title_sim = (unit @ (title_counts / norm)).tolist()
    else:
        title_sim = [0.0] * n
    order = np.argsort(-centroid_arr, kind="stable")
    rank_arr = np.empty(n)
    rank_arr[order] = np.arange(n)
    rank = rank_arr.tolist()
    centroid_sim = centroid_arr.tolist()

    first_para = doc.paragraph_of[candidates[0]]
    para_sizes = Counter(doc.paragraph_of[i] for i in candidates)
    first_names = {w.lower() for w in _CAPITAL_WORD.findall(stripped[0])}
    seen_in_para: Counter[int] = Counter()
    rows: list[list[float]] = []
    log_n = math.log1p(n)
    last = max(n - 1, 1)
    previous_para = -1
    for k, index in enumerate(candidates):
        text = texts[k]
        words = len(text.split())
        para = doc.paragraph_of[index] - first_para
        toks = tokens[k]
        shared = sum(1 for tok in toks if doc_freq[vocab[tok]] > 1) / len(toks) if toks else 0.0
        capitals = len(_CAPITAL_WORD.findall(text))
        row = [0.0] * len(FEATURE_NAMES)
        row[min(k, 8)] = 1.0
        rel_pos = k / last
        row[9] = rel_pos
        row[10 + min(para, 3)] = 1.0
        row[14] = 1.0 if doc.paragraph_of[index] != previous_para else 0.0
        row[15] = math.log1p(words)
        short = 1.0 if words < 8 else 0.0
        row[16] = short
        row[17] = 1.0 if words > 40 else 0.0
        row[18] = log_n
        row[19] = centroid_sim[k]
        row[20] = first_sim[k]
        row[21] = title_sim[k]
        row[22] = centrality[k]
        row[23] = 1.0 if ('"' in text or "“" in text or "”" in text) else 0.0
        row[24] = 1.0 if text[:1] in "\"“'‘" else 0.0
        row[25] = 1.0 if _ATTRIBUTION.search(text) else 0.0
        row[26] = 1.0 if _CITATION.search(text) else 0.0
        row[27] = 1.0 if _CONNECTIVE.match(stripped[k]) else 0.0
        row[28] = 1.0 if _DIGIT.search(text) else 0.0
        row[29] = capitals / max(words, 1)
        row[30] = 1.0 if text.rstrip("\"”’' ").endswith("?") else 0.0
        row[31] = 1.0 if stripped[k] != text else 0.0
        row[32] = shared
        row[33] = row[0] * centroid_sim[k]
        row[34] = rel_pos * centroid_sim[k]
        row[35] = rank[k] / last
        row[36] = row[0] * short
        p_index = doc.paragraph_of[index]
        row[37] = min(para_sizes[p_index], 6) / 6
        row[38] = min(seen_in_para[p_index], 5) / 5
        row[39] = 1.0 if seen_in_para[p_index] + 1 == para_sizes[p_index] else 0.0
        seen_in_para[p_index] += 1
        row[40] = centroid_sim[k - 1] if k > 0 else 0.0
        row[41] = centroid_sim[k + 1] if k + 1 < n else 0.0
        names = {w.lower() for w in _CAPITAL_WORD.findall(text)}
        row[42] = len(names & first_names) / len(names) if (names and k > 0) else 0.0
        row[43] = 1.0 if _REPORTED.search(text) else 0.0
        row[44] = 1.0 if k == n - 1 else 0.0
        row[45] = 1.0 if k == n - 2 else 0.0
        row[46] = rel_pos * rel_pos
        rows.append(row)
        previous_para = p_index
    return SentenceFeatures(
        tuple(candidates), np.asarray(rows, dtype=np.float64), tuple(tuple(t) for t in tokens)
    )
