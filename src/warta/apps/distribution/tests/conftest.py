import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Keep uploaded images and renditions out of the working tree."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def fresh_caches():
    """Forget cached renditions and site roots: ids repeat once a test's rows roll back."""
    for cache in caches.all(initialized_only=True):
        cache.clear()
    yield
