"""The key-points engine ("Intinya sih..."): three short bullets traceable to the article.

Plain Python with no Django import. Typical use::

    from warta.engines.keypoints import ArticleInput, default_engine
    result = default_engine().extract(ArticleInput(title="...", text="..."))
    for point in result.points:
        print(point.text, point.source_sentences)
"""

from warta.engines.keypoints.engine import default_engine
from warta.engines.keypoints.extractive import BaselineEngine, ExtractiveEngine
from warta.engines.keypoints.types import (
    ArticleInput,
    EmptyArticleError,
    GenerativeBackendError,
    GenerativeConfig,
    KeyPoint,
    KeyPoints,
    KeyPointsConfig,
    KeyPointsEngine,
    KeyPointsError,
)

__all__ = [
    "ArticleInput",
    "BaselineEngine",
    "EmptyArticleError",
    "ExtractiveEngine",
    "GenerativeBackendError",
    "GenerativeConfig",
    "KeyPoint",
    "KeyPoints",
    "KeyPointsConfig",
    "KeyPointsEngine",
    "KeyPointsError",
    "default_engine",
]
