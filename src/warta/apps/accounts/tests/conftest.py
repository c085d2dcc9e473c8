import pytest
from django.core.cache import cache

from warta.apps.submissions.tests.conftest import editor, writer  # noqa: F401


@pytest.fixture(autouse=True)
def fresh_attempt_counters():
    """Start and end each test with no counted attempts: the counters live in the cache."""
    cache.clear()
    yield
    cache.clear()
