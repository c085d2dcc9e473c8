"""With Redis as the shared cache, a publish seen by one process reaches every process.

Needs the Redis server of the machine (``.ci/run`` starts it); the test uses its own
database number and empties it before and after.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.cache import cache

from warta.apps.newsroom.tests.factories import make_article
from warta.apps.recommendations import indexing

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("WARTA_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
    cache.clear()
    indexing.reset()
    yield
    cache.clear()
    indexing.reset()


def _pool_ids() -> set[str]:
    return {article.id for article in indexing.current_pool().index.articles}


def _bump_in_another_process() -> None:
    """Run the real ``bump_pool_version`` in a fresh Python process, as an app server would."""
    code = (
        "import django; django.setup(); "
        "from warta.apps.recommendations.indexing import bump_pool_version; "
        "bump_pool_version()"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "warta.project.settings.test",
        "WARTA_REDIS_URL": REDIS_URL,
    }
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)


def test_a_publish_in_another_process_rebuilds_this_process_index(redis_cache, monkeypatch):
    first = make_article(title="Banjir di Demak")
    assert _pool_ids() == {str(first.pk)}

    # Published "elsewhere": this process hears nothing, so it keeps serving its index.
    monkeypatch.setattr(indexing, "bump_pool_version", lambda: None)
    second = make_article(title="Harga cabai turun")
    monkeypatch.undo()
    assert _pool_ids() == {str(first.pk)}

    _bump_in_another_process()
    assert _pool_ids() == {str(first.pk), str(second.pk)}


def test_the_version_lives_in_redis_not_in_the_process(redis_cache):
    before = indexing.pool_version()
    _bump_in_another_process()
    assert indexing.pool_version() == before + 1
