"""Indonesian text tools: sentence splitting, tokenising, stemming and search analysis.

Plain Python with no Django import, shared by the key-points engine and search.
"""

from warta.engines.text.analysis import analyze, is_stopword, stem, stopwords
from warta.engines.text.sentences import split_paragraphs, split_sentences
from warta.engines.text.tokens import WORD_PATTERN, tokenize, word_tokens

__all__ = [
    "WORD_PATTERN",
    "analyze",
    "is_stopword",
    "split_paragraphs",
    "split_sentences",
    "stem",
    "stopwords",
    "tokenize",
    "word_tokens",
]
