"""Editors' boost, bury, pin and exclude, set on the article and seen through the site."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.test import Client

from warta.apps.newsroom.models import ArticlePage
from warta.apps.newsroom.tests.factories import make_article, make_topic, make_user
from warta.apps.recommendations import feeds
from warta.apps.recommendations.tests.helpers import beacon, distinct_body, listed, reasons

pytestmark = pytest.mark.django_db

FOR_YOU = "/untuk-anda/?fragmen=1"
POPULAR = "/untuk-anda/populer/?fragmen=1"


def some_articles(n: int, **fields):
    return [make_article(title=f"Artikel {i}", body=distinct_body(i), **fields) for i in range(n)]


def read_by(article, readers: int) -> None:
    for _ in range(readers):
        beacon(Client(), article.pk, 60)


@pytest.mark.parametrize("slot", [1, 3])
def test_pinned_article_takes_its_slot_in_for_you(client, slot):
    articles = some_articles(6)
    for article in articles[:3]:
        read_by(article, 2)
    pinned = make_article(
        title="Disematkan redaksi", recommendation_pin=slot, body=distinct_body(40)
    )
    response = client.get(FOR_YOU)
    titles = listed(response)
    assert titles[slot - 1] == pinned.title
    assert reasons(response)[slot - 1] == "Pilihan redaksi"


def test_the_last_slot_editors_may_pin_is_the_last_slot_readers_see(client):
    field = ArticlePage._meta.get_field("recommendation_pin")
    last = max(v.limit_value for v in field.validators if isinstance(v, MaxValueValidator))
    some_articles(3 * last)  # enough distinct ones to fill the feed past near-duplicates
    pinned = make_article(
        title="Disematkan paling bawah", recommendation_pin=last, body=distinct_body(40)
    )
    titles = listed(client.get(FOR_YOU))
    assert len(titles) == feeds.FOR_YOU_LIMIT
    assert titles[last - 1] == pinned.title  # shown, not silently dropped
    field.run_validators(last)
    with pytest.raises(ValidationError):
        field.run_validators(last + 1)  # a slot nobody would see is refused in the admin


def test_pinned_article_keeps_its_slot_for_a_reader_with_history():
    flood = make_topic("Banjir")
    read = make_article(title="Banjir di Bekasi", topics=[flood], body=distinct_body(1))
    for i in range(4):
        make_article(title=f"Banjir {i}", topics=[flood], body=distinct_body(i + 10))
    pinned = make_article(title="Disematkan", recommendation_pin=1, body=distinct_body(30))
    client = Client()
    client.force_login(make_user())
    beacon(client, read.pk, 100)
    assert listed(client.get(FOR_YOU))[0] == pinned.title


def test_excluded_article_appears_nowhere(client, monkeypatch):
    flood = make_topic("Banjir")
    source = make_article(title="Banjir di Bekasi", topics=[flood], body=distinct_body(1))
    make_article(title="Banjir lain", topics=[flood], body=distinct_body(2))
    excluded = make_article(
        title="Jangan direkomendasikan",
        topics=[flood],
        editors_pick=True,
        recommendation_exclude=True,
        recommendation_pin=1,  # exclude wins over pin
        recommendation_boost=3.0,  # and over boost
        body=distinct_body(1),  # as close to the source as it gets
    )
    read_by(excluded, 5)
    read_by(source, 1)
    related_url = f"/untuk-anda/terkait/{source.pk}/?fragmen=1"
    for url in (FOR_YOU, POPULAR, related_url, "/untuk-anda/", "/untuk-anda/populer/"):
        assert excluded.title not in listed(client.get(url)), url

    beacon(client, source.pk, 100)  # a reader with history, too
    assert excluded.title not in listed(client.get(FOR_YOU))

    # and in the fallbacks, when the engine has nothing to say
    monkeypatch.setattr(feeds, "recommend", lambda *a, **k: [])
    monkeypatch.setattr(feeds, "related", lambda *a, **k: [])
    monkeypatch.setattr(feeds, "popular", lambda *a, **k: [])
    for url in (FOR_YOU, POPULAR, related_url):
        shown = listed(client.get(url))
        assert shown, url
        assert excluded.title not in shown, url


def test_excluded_article_still_has_related_on_its_own_page(client):
    flood = make_topic("Banjir")
    excluded = make_article(title="Dikecualikan", topics=[flood], recommendation_exclude=True)
    other = make_article(title="Banjir lain", topics=[flood])
    response = client.get(f"/untuk-anda/terkait/{excluded.pk}/?fragmen=1")
    assert listed(response) == [other.title]


def test_buried_article_sinks_below_the_rest(client):
    buried = make_article(title="Dibenamkan", recommendation_bury=True, body=distinct_body(1))
    plain = make_article(title="Biasa", body=distinct_body(2))
    read_by(buried, 5)
    read_by(plain, 1)
    assert listed(client.get(POPULAR)) == [plain.title, buried.title]
    titles = listed(client.get(FOR_YOU))
    assert titles.index(plain.title) < titles.index(buried.title)


def test_boost_lifts_an_article(client):
    articles = some_articles(5)
    boosted = articles[0]  # the oldest: last without the boost
    baseline = listed(client.get(FOR_YOU))
    assert baseline[-1] == boosted.title
    boosted.recommendation_boost = 3.0
    boosted.save_revision().publish()
    assert listed(client.get(FOR_YOU))[0] == boosted.title


def test_admin_edit_form_has_the_rekomendasi_panel():
    admin = make_user(is_superuser=True, is_staff=True)
    article = make_article()
    client = Client()
    client.force_login(admin)
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rekomendasi" in html
    for name in (
        "recommendation_boost",
        "recommendation_bury",
        "recommendation_pin",
        "recommendation_exclude",
    ):
        assert f'name="{name}"' in html
