"""Every process sees a new content version promptly, with or without a shared cache.

Without Redis each process has its own local-memory cache, so the version is a database
row; a publish in one gunicorn worker must still reach pages remembered by another, within
``STORED_VERSION_SECONDS`` (the clock is a fake one here: nothing is timed).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from lxml import html as lxml_html

from warta.apps.newsroom import versioning
from warta.apps.newsroom.models import ArticlePage, ContentVersion
from warta.apps.newsroom.tests.factories import make_article, make_image, make_topic

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("WARTA_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def headline(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return lxml_html.fromstring(response.content).cssselect("h1.headline")[0].text_content()


def _database_url() -> str:
    """Return a ``WARTA_DATABASE_URL`` for the test database this test runs on."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    return f"postgres://{settings['USER']}{password}@{settings['HOST']}{port}/{settings['NAME']}"


def _republish_in_another_process(page_id: int, title: str) -> None:
    """Publish a new headline from a fresh Python process, as another gunicorn worker would.

    It has its own local-memory cache (no ``WARTA_REDIS_URL``) and its own remembered pages.
    """
    code = (
        "import django, sys; django.setup(); "
        "from warta.apps.newsroom.models import ArticlePage; "
        "page = ArticlePage.objects.get(pk=int(sys.argv[1])).get_latest_revision_as_object(); "
        "page.title = sys.argv[2]; page.save_revision().publish()"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"WARTA_REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "warta.project.settings.test"
    env["WARTA_DATABASE_URL"] = _database_url()
    subprocess.run(
        [sys.executable, "-c", code, str(page_id), title], env=env, check=True, timeout=180
    )


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    cache.clear()
    yield
    cache.clear()


# the other process must see this test's rows, so they are committed
@pytest.mark.django_db(transaction=True)
def test_a_publish_in_another_process_shows_here_within_a_second(client, clock):
    assert not versioning.is_cache_shared()
    page = make_article(title="Judul lama")
    assert headline(client, page.url) == "Judul lama"
    assert headline(client, page.url) == "Judul lama"  # now answered from this process's memory

    _republish_in_another_process(page.pk, "Judul baru dari proses lain")
    assert ArticlePage.objects.get(pk=page.pk).title == "Judul baru dari proses lain"

    clock.advance(versioning.STORED_VERSION_SECONDS)
    assert headline(client, page.url) == "Judul baru dari proses lain"


def test_the_row_is_read_again_once_a_second_not_on_every_page(client, clock):
    page = make_article(title="Judul lama")
    client.get(page.url)

    def queries_of_one_page() -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        return [q["sql"] for q in queries.captured_queries]

    clock.advance(versioning.STORED_VERSION_SECONDS - 0.01)
    assert queries_of_one_page() == []
    clock.advance(0.01)
    (read,) = queries_of_one_page()
    assert "newsroom_contentversion" in read
    assert queries_of_one_page() == []

    # what another process's publish leaves behind: new rows and a bumped row, nothing here
    ArticlePage.objects.filter(pk=page.pk).update(title="Judul baru")
    ContentVersion.objects.update(value=F("value") + 1)
    clock.advance(versioning.STORED_VERSION_SECONDS)
    assert headline(client, page.url) == "Judul baru"


def test_the_row_is_bumped_only_after_commit(django_capture_on_commit_callbacks, clock):
    page = make_article()
    seen_here = versioning.content_version()
    stored = versioning.stored_version()
    with django_capture_on_commit_callbacks() as callbacks:
        ArticlePage.objects.get(pk=page.pk).save_revision().publish()
        # this process sees the change at once; no other may until it is committed, and the
        # row is not written (and locked) while the transaction is open
        assert versioning.content_version() != seen_here
        assert versioning.stored_version() == stored
    seen_before_commit = versioning.content_version()
    for callback in callbacks:
        callback()
    assert versioning.stored_version() > stored
    # and this process reads the committed row at once, without waiting for the clock
    assert versioning.content_version() != seen_before_commit


def test_a_missing_row_is_created_with_a_new_value():
    before = versioning.stored_version()
    ContentVersion.objects.all().delete()
    after = versioning.stored_version()
    assert after != before
    assert ContentVersion.objects.get().value == after
    versioning.bump_content_version()
    assert versioning.stored_version() == after + 1


def test_with_a_shared_cache_the_version_is_kept_there(redis_cache, client):
    assert versioning.is_cache_shared()
    page = make_article(topics=[make_topic("Banjir")], hero_image=make_image(), hero_credit="W")
    stored = versioning.stored_version()
    client.get(page.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    assert len(queries) == 0, "\n".join(q["sql"][:120] for q in queries.captured_queries)

    before = versioning.content_version()
    ArticlePage.objects.get(pk=page.pk).save_revision().publish()
    assert versioning.content_version() != before
    assert versioning.stored_version() == stored  # the row is not used
