"""Readers choose English with the footer switch; cached reader pages stay right per language."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.test import override_settings

from warta.apps.newsroom.tests.factories import make_article, make_topic, make_user

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2025, 12, 17, 0, 59, tzinfo=UTC)  # 07:59 WIB


@pytest.fixture
def article():
    return make_article(
        title="Banjir rob rendam pesisir", topics=[make_topic("Banjir")], published_at=PUBLISHED
    )


def vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


def test_reader_page_is_indonesian_by_default(client, article):
    html = client.get(article.url).content.decode()
    assert '<html lang="id">' in html
    assert "Tim Redaksi" in html
    assert "17 Des 2025, 07:59 WIB" in html
    assert "Editorial Team" not in html


def test_english_cookie_shows_english_ui_and_dates(client, article):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(article.url)
    html = response.content.decode()
    assert response["Content-Language"] == "en"
    assert '<html lang="en">' in html
    for text in ("Editorial Team", "Share", "Copy link", "Topics", "Skip to content"):
        assert text in html
    assert "17 Dec 2025, 07:59 WIB" in html
    assert "Tim Redaksi" not in html
    assert "17 Des 2025" not in html
    # The article itself stays in its own language.
    assert "Banjir rob rendam pesisir" in html


def test_browser_language_is_used_without_a_cookie(client, article):
    html = client.get(article.url, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert "Editorial Team" in html


def test_the_cookie_wins_over_the_browser_language(client, article):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    html = client.get(article.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Tim Redaksi" in html


def test_the_proxy_choice_wins_over_cookie_and_browser(client, article):
    # nginx keys its cache on the language it sets here, so the page must be in that language
    # even when the request that fills the cache carries a different cookie.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(article.url, HTTP_ACCEPT_LANGUAGE="en", HTTP_X_WARTA_LANGUAGE="id")
    assert "Tim Redaksi" in response.content.decode()
    assert response["Content-Language"] == "id"


def test_an_unknown_proxy_language_falls_back_to_the_reader_choice(client, article):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(article.url, HTTP_X_WARTA_LANGUAGE="fr").content.decode()
    assert "Editorial Team" in html


@pytest.mark.parametrize("path", ["/", "/berita/", "/topik/banjir/"])
def test_listing_pages_follow_the_language(client, article, path):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(path).content.decode()
    assert "17 Dec 2025, 07:59 WIB" in html
    assert '<strong lang="en" aria-current="true">English</strong>' in html


@pytest.mark.parametrize("language", ["id", "en"])
def test_shared_page_varies_on_everything_that_picks_the_language(client, article, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(article.url)
    assert {"accept-language", "cookie", "x-warta-language"} <= vary(response)
    # The language cookie is not personal: the page stays shareable, and sets no cookie.
    assert "public" in response["Cache-Control"]
    assert not response.cookies


def test_english_and_indonesian_copies_differ_only_by_language(client, article):
    indonesian = client.get(article.url, HTTP_X_WARTA_LANGUAGE="id").content
    english = client.get(article.url, HTTP_X_WARTA_LANGUAGE="en").content
    assert indonesian != english
    # The same language gives the same bytes whoever asks (no token, nothing per reader).
    client.cookies["csrftoken"] = "x" * 32
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    assert client.get(article.url, HTTP_X_WARTA_LANGUAGE="en").content == english


def test_switch_in_a_cached_page_holds_no_token_or_user_data(client, article):
    html = client.get(f"{article.url}?utm_source=x&a=1").content.decode()
    assert "csrfmiddlewaretoken" not in html
    expected = f"/bahasa/en/?next=/berita/{article.slug}/%3Futm_source%3Dx%26a%3D1"
    assert f'href="{expected}"' in html


# --- the switch ---------------------------------------------------------------------


def test_switch_sets_the_cookie_and_goes_back(client, article):
    response = client.get("/bahasa/en/", {"next": article.url})
    assert response.status_code == 302
    assert response["Location"] == article.url
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert int(cookie["max-age"]) == 365 * 24 * 60 * 60
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    # The next page is English.
    assert "Editorial Team" in client.get(response["Location"]).content.decode()


def test_switch_back_to_indonesian(client, article):
    client.get("/bahasa/en/", {"next": "/"})
    client.get("/bahasa/id/", {"next": "/"})
    assert "Tim Redaksi" in client.get(article.url).content.decode()


def test_switch_keeps_the_query_string_of_next(client):
    response = client.get("/bahasa/en/", {"next": "/cari/?q=banjir&halaman=2"})
    assert response["Location"] == "/cari/?q=banjir&halaman=2"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "https:evil.example",
        "javascript:alert(1)",
        "http://testserver/berita/",  # same host but plain HTTP is fine; an absolute URL is not
        "berita/",  # relative: would resolve below /bahasa/
        "",
    ],
)
def test_switch_refuses_anything_but_a_path_on_this_site(client, target):
    response = client.get("/bahasa/en/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_switch_without_next_goes_home(client):
    response = client.get("/bahasa/en/")
    assert response["Location"] == "/"


@pytest.mark.parametrize("code", ["fr", "EN", "en-us", "xx"])
def test_switch_refuses_unknown_languages(client, code):
    response = client.get(f"/bahasa/{code}/", {"next": "/"})
    assert response.status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_switch_is_a_link_not_a_form(client):
    assert client.post("/bahasa/en/", {"next": "/"}).status_code == 405


@override_settings(LANGUAGE_COOKIE_SECURE=True)
def test_switch_cookie_follows_the_secure_setting(client):
    response = client.get("/bahasa/en/", secure=True)
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME]["secure"]


def test_switch_remembers_the_choice_for_a_signed_in_person(client):
    from wagtail.users.models import UserProfile

    person = make_user("penulis")
    client.force_login(person)
    client.get("/bahasa/en/", {"next": "/"})
    assert UserProfile.get_for_user(person).preferred_language == "en"


def test_writer_area_has_the_switch(client):
    client.force_login(make_user("penulis"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/menulis/").content.decode()
    assert "My writing" in html
    assert '<a href="/bahasa/id/?next=/menulis/"' in html


# --- the documented nginx set-up keys its cache on the same language ---------------------


def test_nginx_keys_the_cache_on_the_language_it_tells_the_app():
    from warta.apps.core.language import PROXY_LANGUAGE_HEADER

    conf = (settings.PACKAGE_DIR.parent.parent / "deploy" / "nginx" / "warta.conf").read_text()
    header = PROXY_LANGUAGE_HEADER.removeprefix("HTTP_").replace("_", "-").title()
    assert f"proxy_set_header {header} $warta_language;" in conf
    assert 'proxy_cache_key "$scheme://$host$request_uri $warta_language";' in conf
    # The reader's switch (the cookie) is part of the choice, the raw header is never the key.
    assert f'map "$cookie_{settings.LANGUAGE_COOKIE_NAME}|$http_accept_language"' in conf
    assert "$http_accept_language;" not in conf.split("proxy_cache_key", 1)[1].split("\n")[0]
