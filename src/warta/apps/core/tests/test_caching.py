"""Reader pages carry shared-cache headers for anonymous readers and only for them."""

from __future__ import annotations

import pytest
from django.test import override_settings

from warta.apps.newsroom.tests.factories import make_article, make_topic, make_user

pytestmark = pytest.mark.django_db


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def assert_shared(response) -> None:
    assert response.status_code == 200
    assert cache_control(response) == {"public", "max-age=60", "s-maxage=300"}
    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    # The page never read the session. (Vary names Cookie anyway: the language cookie picks
    # the language; see core/language.py. nginx keys on the language, not on cookies.)
    assert not response.wsgi_request.session.accessed


def assert_not_shared(response) -> None:
    directives = cache_control(response)
    assert "public" not in directives
    assert not any(d.startswith("s-maxage") for d in directives)


@pytest.fixture
def article():
    return make_article(title="Banjir rob rendam pesisir", topics=[make_topic("Banjir")])


def test_anonymous_article_is_shared_without_cookies(client, article):
    assert_shared(client.get(article.url))


@pytest.mark.parametrize("path", ["/", "/berita/", "/topik/banjir/"])
def test_anonymous_home_section_and_topic_are_shared(client, article, path):
    assert_shared(client.get(path))


def test_head_is_shared_like_get(client, article):
    assert_shared(client.head(article.url))


def test_unrelated_cookie_keeps_the_page_shared(client, article):
    client.cookies["pilihan_tema"] = "gelap"
    client.cookies["csrftoken"] = "x" * 32
    assert_shared(client.get(article.url))


def test_logged_in_reader_gets_a_private_page(client, article):
    client.force_login(make_user("pembaca"))
    response = client.get(article.url)
    assert response.status_code == 200
    assert cache_control(response) == {"private", "no-cache"}


def test_stale_session_cookie_alone_makes_the_page_private(client, article):
    client.cookies["sessionid"] = "kedaluwarsa"
    assert cache_control(client.get(article.url)) == {"private", "no-cache"}


def test_pending_flash_message_makes_the_page_private(client, article):
    client.cookies["messages"] = "pesan"
    assert_not_shared(client.get(article.url))


@override_settings(WARTA_PAGE_MAX_AGE=10, WARTA_PAGE_SHARED_MAX_AGE=120)
def test_lifetimes_come_from_settings(client, article):
    assert cache_control(client.get(article.url)) == {"public", "max-age=10", "s-maxage=120"}


def test_unknown_page_is_not_shared(client, article):
    response = client.get("/berita/tidak-ada-artikel-ini/")
    assert response.status_code == 404
    assert_not_shared(response)


def test_unknown_topic_is_not_shared(client, article):
    response = client.get("/topik/tidak-ada/")
    assert response.status_code == 404
    assert_not_shared(response)


def test_admin_is_not_shared_for_anyone(client, article):
    assert_not_shared(client.get("/admin/"))
    client.force_login(make_user("redaktur", is_superuser=True, is_staff=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert_not_shared(response)
    response = client.get(f"/admin/pages/{article.pk}/edit/preview/")
    assert_not_shared(response)


@pytest.mark.parametrize("path", ["/akun/masuk/", "/menulis/", "/untuk-anda/"])
def test_account_writing_and_for_you_areas_are_not_shared(client, path):
    assert_not_shared(client.get(path))


def test_unpublished_article_is_not_shared(client):
    draft = make_article(title="Belum terbit", publish=False)
    response = client.get(f"/berita/{draft.slug}/")
    assert response.status_code == 404
    assert_not_shared(response)


def test_password_protected_page_is_not_shared(client, article):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=article, restriction_type="password", password="r4h")
    response = client.get(article.url)
    assert response.status_code == 200
    assert_not_shared(response)
