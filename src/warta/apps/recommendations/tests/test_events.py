"""Reading events: what the beacon records, for whom, and what it refuses."""

from __future__ import annotations

import pytest
from django.test import Client

from warta.apps.newsroom.tests.factories import make_article, make_user
from warta.apps.recommendations.conf import VISITOR_COOKIE, VISITOR_COOKIE_PATH
from warta.apps.recommendations.models import ReadingEvent
from warta.apps.recommendations.readers import hash_token
from warta.apps.recommendations.tests.helpers import SAME_ORIGIN, beacon, post_form, visitor_cookie

pytestmark = pytest.mark.django_db


def test_anonymous_read_sets_random_first_party_cookie_and_records(client):
    article = make_article()
    response = beacon(client, article.pk, 0)
    assert response.status_code == 204
    cookie = visitor_cookie(response)
    assert cookie is not None
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == VISITOR_COOKIE_PATH  # never sent to the cacheable pages
    event = ReadingEvent.objects.get()
    assert event.user is None
    assert event.article_id == article.pk
    # only a hash of the cookie is stored
    assert event.visitor == hash_token(cookie.value)
    assert cookie.value not in event.visitor


def test_second_beacon_keeps_one_row_with_the_deepest_depth(client):
    article = make_article()
    beacon(client, article.pk, 0)
    beacon(client, article.pk, 80)
    beacon(client, article.pk, 30)
    event = ReadingEvent.objects.get()
    assert event.depth == 80
    assert event.read_at >= event.first_read_at


def test_each_recorded_read_renews_the_cookie_with_the_same_value(client, settings):
    settings.WARTA_READING_HISTORY_DAYS = 30
    token = visitor_cookie(beacon(client, make_article().pk)).value
    response = beacon(client, make_article().pk)
    renewed = visitor_cookie(response)
    assert renewed is not None  # a regular reader's cookie never runs out while they read
    assert renewed.value == token  # same reader, same history
    assert renewed["max-age"] == 30 * 24 * 3600
    assert renewed["path"] == VISITOR_COOKIE_PATH
    assert renewed["httponly"]
    assert renewed["samesite"] == "Lax"
    assert set(ReadingEvent.objects.values_list("visitor", flat=True)) == {hash_token(token)}


def test_a_read_that_is_not_recorded_does_not_renew_the_cookie(client):
    beacon(client, make_article().pk)
    response = beacon(client, make_article(publish=False).pk)
    assert response.status_code == 204
    assert visitor_cookie(response) is None


def test_two_browsers_are_two_readers(client):
    article = make_article()
    other = Client()
    beacon(client, article.pk, 10)
    beacon(other, article.pk, 10)
    assert ReadingEvent.objects.count() == 2
    assert ReadingEvent.objects.values("visitor").distinct().count() == 2


def test_logged_in_read_is_keyed_to_the_account_and_sets_no_cookie(client):
    user = make_user()
    client.force_login(user)
    article = make_article()
    response = beacon(client, article.pk, 55)
    assert response.status_code == 204
    assert visitor_cookie(response) is None
    event = ReadingEvent.objects.get()
    assert event.user == user
    assert event.visitor == ""
    assert event.depth == 55


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_DNT": "1"}, {"HTTP_SEC_GPC": "1"}, {"HTTP_DNT": "1", "HTTP_SEC_GPC": "1"}],
    ids=["dnt", "gpc", "both"],
)
def test_do_not_track_and_gpc_record_nothing_and_set_no_cookie(client, headers):
    article = make_article()
    response = beacon(client, article.pk, 50, **headers)
    assert response.status_code == 204
    assert visitor_cookie(response) is None
    assert not ReadingEvent.objects.exists()


def test_dnt_is_honoured_for_logged_in_readers_too(client):
    client.force_login(make_user())
    article = make_article()
    beacon(client, article.pk, 50, HTTP_DNT="1")
    assert not ReadingEvent.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": ""},
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "null", "HTTP_SEC_FETCH_SITE": ""},
    ],
    ids=["cross-site", "foreign-origin", "sibling-subdomain", "null-origin"],
)
def test_cross_origin_beacons_are_ignored(client, headers):
    article = make_article()
    fetch_site = headers.pop("HTTP_SEC_FETCH_SITE")
    extra = {"HTTP_SEC_FETCH_SITE": fetch_site} if fetch_site else {}
    response = post_form(client, {"artikel": article.pk, "kedalaman": 5}, **headers, **extra)
    assert response.status_code == 204
    assert not ReadingEvent.objects.exists()
    assert visitor_cookie(response) is None


def test_beacon_without_origin_headers_is_ignored(client):
    article = make_article()
    post_form(client, {"artikel": article.pk, "kedalaman": 5})
    assert not ReadingEvent.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"artikel": "abc", "kedalaman": 5},
        {"artikel": 1, "kedalaman": 101},
        {"artikel": 1, "kedalaman": -1},
        {"artikel": 1},
        {"artikel": 1, "kedalaman": 5, "judul": "x"},
        {"artikel": [1, 2], "kedalaman": 5},
    ],
    ids=["not-a-number", "depth-high", "depth-low", "missing", "extra-field", "repeated"],
)
def test_beacon_accepts_nothing_but_the_two_numbers(client, data):
    article = make_article()
    if data.get("artikel") == 1:
        data["artikel"] = article.pk
    response = post_form(client, data, **SAME_ORIGIN)
    assert response.status_code == 400
    assert not ReadingEvent.objects.exists()


def test_beacon_rejects_query_string_and_large_bodies(client):
    article = make_article()
    response = post_form(
        client,
        {"artikel": article.pk, "kedalaman": 5},
        path=f"/untuk-anda/baca/?artikel={article.pk}",
        **SAME_ORIGIN,
    )
    assert response.status_code == 400
    response = client.post(
        "/untuk-anda/baca/", {"artikel": article.pk, "kedalaman": 5}, **SAME_ORIGIN
    )
    assert response.status_code == 400  # multipart: not what the beacon sends
    response = client.post(
        "/untuk-anda/baca/",
        "artikel=1&kedalaman=5&" + "x" * 200,
        content_type="application/x-www-form-urlencoded",
        **SAME_ORIGIN,
    )
    assert response.status_code == 400
    assert not ReadingEvent.objects.exists()


def padded_beacon_body(article_id: int, size: int) -> str:
    """Return a valid beacon body of exactly ``size`` bytes (the depth padded with zeros)."""
    head = f"artikel={article_id}&kedalaman="
    body = head + "5".rjust(size - len(head), "0")
    assert len(body.encode()) == size
    return body


# The documented limit (docs/foryou-site.md): 64 bytes is accepted, 65 is not.
@pytest.mark.parametrize(
    ("size", "status", "recorded"),
    [(63, 204, True), (64, 204, True), (65, 400, False)],
    ids=["just-under", "at-the-limit", "just-over"],
)
def test_beacon_size_limit_boundary(client, size, status, recorded):
    article = make_article()
    response = client.post(
        "/untuk-anda/baca/",
        padded_beacon_body(article.pk, size),
        content_type="application/x-www-form-urlencoded",
        **SAME_ORIGIN,
    )
    assert response.status_code == status
    assert ReadingEvent.objects.filter(article=article, depth=5).exists() is recorded


def test_beacon_is_post_only(client):
    assert client.get("/untuk-anda/baca/").status_code == 405


def test_unpublished_or_unknown_article_is_not_recorded(client):
    draft = make_article(publish=False)
    assert beacon(client, draft.pk, 5).status_code == 204
    assert beacon(client, 999999, 5).status_code == 204
    assert not ReadingEvent.objects.exists()


def test_malformed_visitor_cookie_is_replaced(client):
    article = make_article()
    client.cookies[VISITOR_COOKIE] = "<script>"
    response = beacon(client, article.pk, 5)
    assert visitor_cookie(response) is not None
    assert ReadingEvent.objects.get().visitor == hash_token(visitor_cookie(response).value)


def test_article_page_sets_no_cookie_and_carries_the_beacon(client):
    article = make_article()
    response = client.get(article.url)
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    assert 'data-reading-url="/untuk-anda/baca/"' in html
    assert "recommendations/reading.js" in html
