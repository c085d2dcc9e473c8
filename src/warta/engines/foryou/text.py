"""Turn article text into sparse TF-IDF rows stored as a CSR matrix in numpy arrays.

The recommender needs one cheap, dependency-free notion of "these two articles talk about the
same thing". TF-IDF over lower-cased word tokens, with the title counted twice, does that well
for news: titles name the people, places and events an article is about.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

#: Function words of Indonesian and English that say nothing about a story's subject.
_STOPWORD_TEXT = """
    ada adalah agar akan aku anda antara apa apakah atas atau bagi bahwa banyak baru bawah begitu
    beberapa belum bisa boleh bukan dalam dan dapat dari dengan di dia hal hanya harus hingga ia
    ialah ini itu jadi jika juga kalau kami kamu karena ke kemudian kepada ketika kita lagi lain
    lalu lebih maka masih mereka meski namun nya oleh pada para per pula saat saja sama sampai
    sangat satu saya sebagai sebelum sedang sejak sekarang selain seperti serta setelah sudah
    supaya tak tapi telah tentang tersebut tetapi tidak untuk waktu yaitu yakni yang
    a about after all also an and any are as at be been but by can could did do does for from
    had has have he her his how i if in into is it its just more most new no not of on one or
    our out over says said she so than that the their them then there these they this to up
    was we were what when which who will with would you your
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int32]


def tokenize(text: str) -> list[str]:
    """Return the lower-cased content words of ``text`` (stop words and 1-letter tokens dropped)."""
    return [
        token
        for token in _TOKEN.findall(text.lower())
        if len(token) > 1 and token not in STOPWORDS and not token.isdigit()
    ]


def document_terms(title: str, text: str) -> Counter[str]:
    """Return term counts of one article: the title counts twice, the body once."""
    counts = Counter(tokenize(title))
    counts.update(counts)  # title twice
    counts.update(tokenize(text))
    return counts


@dataclass(frozen=True, slots=True, eq=False)
class SparseRows:
    """Row-normalised TF-IDF rows in CSR layout (``indptr``, ``indices``, ``data``)."""

    indptr: npt.NDArray[np.int64]
    indices: IntArray
    data: FloatArray
    n_terms: int

    @property
    def n_rows(self) -> int:
        """Return the number of rows."""
        return int(self.indptr.shape[0] - 1)

    def dot(self, vector: FloatArray) -> FloatArray:
        """Return ``rows @ vector`` for a dense vector over the vocabulary."""
        products = self.data * vector[self.indices]
        out = np.zeros(self.n_rows, dtype=np.float32)
        lengths = np.diff(self.indptr)
        nonempty = lengths > 0
        if products.size:
            sums = np.add.reduceat(products, self.indptr[:-1][nonempty])
            out[nonempty] = sums
        return out

    def dot_rows(self, rows: npt.NDArray[np.intp], vector: FloatArray) -> FloatArray:
        """Return ``rows[rows_subset] @ vector`` without touching the other rows."""
        if rows.size * 4 >= self.n_rows:  # most rows: one pass over everything is cheaper
            whole: FloatArray = self.dot(vector)[rows]
            return whole
        positions, lengths = gather_positions(self.indptr, rows)
        out = np.zeros(rows.size, dtype=np.float32)
        nonempty = lengths > 0
        if positions.size:
            products = self.data[positions] * vector[self.indices[positions]]
            starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
            out[nonempty] = np.add.reduceat(products, starts[nonempty])
        return out

    def sum_rows(self, rows: Iterable[int], weights: Sequence[float] | None = None) -> FloatArray:
        """Return the (weighted) sum of some rows as a dense vector."""
        selected = np.fromiter(rows, dtype=np.intp)
        positions, lengths = gather_positions(self.indptr, selected)
        values = self.data[positions].astype(np.float64)
        if weights is not None:
            values *= np.repeat(np.asarray(weights, dtype=np.float64), lengths)
        summed = np.bincount(self.indices[positions], weights=values, minlength=self.n_terms)
        return summed.astype(np.float32)

    def row_dense(self, row: int) -> FloatArray:
        """Return one row as a dense vector."""
        return self.sum_rows([row])


def gather_positions(
    indptr: npt.NDArray[np.int64], rows: npt.NDArray[np.intp]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Return the flat positions of the given CSR rows' entries and each row's length."""
    starts = indptr[rows]
    lengths = indptr[rows + 1] - starts
    total = int(lengths.sum())
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return offsets + np.arange(total, dtype=np.int64), lengths


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Term -> column and the inverse document frequency of each column."""

    columns: dict[str, int]
    idf: tuple[float, ...]


def build_tfidf(documents: Sequence[Counter[str]]) -> tuple[Vocabulary, SparseRows]:
    """Return the vocabulary and L2-normalised TF-IDF rows (sublinear tf, smoothed idf)."""
    document_frequency: Counter[str] = Counter()
    for counts in documents:
        document_frequency.update(counts.keys())
    # Sorted so that column numbers do not depend on hash seeds: the index is deterministic.
    terms = sorted(term for term, df in document_frequency.items() if df >= 1)
    columns = {term: column for column, term in enumerate(terms)}
    n_docs = len(documents)
    idf = tuple(math.log((1 + n_docs) / (1 + document_frequency[term])) + 1.0 for term in terms)
    indptr = np.zeros(n_docs + 1, dtype=np.int64)
    all_indices: list[int] = []
    all_data: list[float] = []
    for row, counts in enumerate(documents):
        pairs = sorted(
            (columns[term], (1.0 + math.log(tf)) * idf[columns[term]])
            for term, tf in counts.items()
        )
        norm = math.sqrt(sum(weight * weight for _, weight in pairs)) or 1.0
        all_indices.extend(column for column, _ in pairs)
        all_data.extend(weight / norm for _, weight in pairs)
        indptr[row + 1] = len(all_indices)
    rows = SparseRows(
        indptr=indptr,
        indices=np.asarray(all_indices, dtype=np.int32),
        data=np.asarray(all_data, dtype=np.float32),
        n_terms=len(terms),
    )
    return Vocabulary(columns=columns, idf=idf), rows
