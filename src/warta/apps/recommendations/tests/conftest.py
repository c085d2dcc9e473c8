import pytest
from django.core.cache import cache

from warta.apps.recommendations import indexing


@pytest.fixture(autouse=True)
def fresh_pool(settings, tmp_path):
    """Start each test with no cached index or reader counts (the DB was rolled back)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.WARTA_POPULAR_CACHE_SECONDS = 0
    cache.clear()
    indexing.reset()
    yield
    cache.clear()
    indexing.reset()
