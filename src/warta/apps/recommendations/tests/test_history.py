"""The reader's history page: only their own rows, deletable one by one or all at once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from lxml import html as lxml_html

from warta.apps.newsroom.tests.factories import make_article, make_user
from warta.apps.recommendations.actions import purge_expired_reading_events
from warta.apps.recommendations.conf import VISITOR_COOKIE
from warta.apps.recommendations.models import ReadingEvent
from warta.apps.recommendations.tasks import purge_reading_history
from warta.apps.recommendations.tests.helpers import beacon

pytestmark = pytest.mark.django_db

HISTORY = "/untuk-anda/riwayat/"


def history_titles(response) -> list[str]:
    doc = lxml_html.fromstring(response.content)
    return [a.text for a in doc.cssselect(".history-item .item-title")]


def csrf_client() -> Client:
    return Client(enforce_csrf_checks=True)


def post_with_token(client: Client, path: str):
    """Submit a form of the history page the way a browser without JS does."""
    page = client.get(HISTORY)
    doc = lxml_html.fromstring(page.content)
    token = doc.cssselect("input[name=csrfmiddlewaretoken]")[0].get("value")
    return client.post(path, {"csrfmiddlewaretoken": token})


def test_history_lists_what_the_reader_read_newest_first_and_is_private(client):
    first = make_article(title="Pertama")
    second = make_article(title="Kedua")
    beacon(client, first.pk, 40)
    beacon(client, second.pk, 90)
    response = client.get(HISTORY)
    assert response.status_code == 200
    assert history_titles(response) == ["Kedua", "Pertama"]
    assert "90%" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_history_of_a_new_browser_is_empty(client):
    response = client.get(HISTORY)
    assert response.status_code == 200
    assert history_titles(response) == []
    assert "Riwayat baca Anda kosong" in response.content.decode()


def test_history_says_when_tracking_is_refused(client):
    response = client.get(HISTORY, HTTP_SEC_GPC="1")
    assert "tidak kami catat" in response.content.decode()


def test_delete_one_really_deletes_the_row():
    client = csrf_client()
    keep = make_article(title="Tetap")
    gone = make_article(title="Hapus saya")
    beacon(client, keep.pk)
    beacon(client, gone.pk)
    event = ReadingEvent.objects.get(article=gone)
    response = post_with_token(client, f"{HISTORY}{event.pk}/hapus/")
    assert response.status_code == 302
    assert not ReadingEvent.objects.filter(pk=event.pk).exists()
    assert list(ReadingEvent.objects.values_list("article_id", flat=True)) == [keep.pk]
    assert history_titles(client.get(HISTORY)) == ["Tetap"]


def test_delete_all_really_deletes_and_forgets_the_cookie():
    client = csrf_client()
    for _ in range(3):
        beacon(client, make_article().pk)
    other = Client()
    beacon(other, make_article().pk)
    response = post_with_token(client, f"{HISTORY}hapus/")
    assert response.status_code == 302
    assert ReadingEvent.objects.count() == 1  # only the other browser's row is left
    assert response.cookies[VISITOR_COOKIE]["max-age"] == 0


def test_logged_in_delete_all_keeps_other_accounts_rows():
    reader, other = make_user(), make_user()
    article = make_article()
    ReadingEvent.objects.create(
        user=other, article=article, first_read_at=timezone.now(), read_at=timezone.now()
    )
    client = csrf_client()
    client.force_login(reader)
    beacon(client, article.pk)
    post_with_token(client, f"{HISTORY}hapus/")
    assert list(ReadingEvent.objects.values_list("user", flat=True)) == [other.pk]


def test_logged_in_delete_all_also_deletes_what_this_browser_read_before_logging_in():
    client = csrf_client()
    beacon(client, make_article(title="Dibaca sebelum masuk").pk)  # anonymous: cookie set
    other_browser = Client()
    beacon(other_browser, make_article(title="Browser lain").pk)
    client.force_login(make_user())
    beacon(client, make_article(title="Dibaca setelah masuk").pk)
    assert ReadingEvent.objects.count() == 3

    response = post_with_token(client, f"{HISTORY}hapus/")

    assert response.status_code == 302
    remaining = ReadingEvent.objects.select_related("article").get()
    assert remaining.article.title == "Browser lain"
    assert response.cookies[VISITOR_COOKIE]["max-age"] == 0  # and the cookie is forgotten


def test_delete_forms_need_the_csrf_token():
    client = csrf_client()
    beacon(client, make_article().pk)
    event = ReadingEvent.objects.get()
    assert client.post(f"{HISTORY}{event.pk}/hapus/").status_code == 403
    assert client.post(f"{HISTORY}hapus/").status_code == 403
    assert ReadingEvent.objects.filter(pk=event.pk).exists()


def test_delete_is_post_only(client):
    beacon(client, make_article().pk)
    event = ReadingEvent.objects.get()
    assert client.get(f"{HISTORY}{event.pk}/hapus/").status_code == 405
    assert ReadingEvent.objects.exists()


def test_another_readers_history_is_never_visible_or_deletable():
    article = make_article(title="Rahasia orang lain")
    owner = Client()
    beacon(owner, article.pk)
    event = ReadingEvent.objects.get()

    stranger = Client()
    beacon(stranger, make_article(title="Punya saya").pk)
    assert "Rahasia orang lain" not in history_titles(stranger.get(HISTORY))
    assert stranger.post(f"{HISTORY}{event.pk}/hapus/").status_code == 404

    fresh = Client()  # no cookie at all
    assert fresh.post(f"{HISTORY}{event.pk}/hapus/").status_code == 404

    user = make_user()
    logged_in = Client()
    logged_in.force_login(user)
    assert "Rahasia orang lain" not in history_titles(logged_in.get(HISTORY))
    assert logged_in.post(f"{HISTORY}{event.pk}/hapus/").status_code == 404
    assert ReadingEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.parametrize("event_id", [2**63, 99999999999999999999999])
def test_deleting_an_id_too_large_for_any_event_is_404(client, event_id):
    beacon(client, make_article().pk)
    assert client.post(f"{HISTORY}{event_id}/hapus/").status_code == 404
    assert ReadingEvent.objects.exists()


def test_account_history_is_not_visible_to_an_anonymous_browser():
    user = make_user()
    client = Client()
    client.force_login(user)
    beacon(client, make_article(title="Bacaan akun").pk)
    event = ReadingEvent.objects.get()
    client.logout()
    assert history_titles(client.get(HISTORY)) == []
    assert client.post(f"{HISTORY}{event.pk}/hapus/").status_code == 404


def _age(event: ReadingEvent, days: int) -> None:
    then = timezone.now() - timedelta(days=days)
    ReadingEvent.objects.filter(pk=event.pk).update(first_read_at=then, read_at=then)


def test_expired_events_are_purged_by_the_command(settings):
    settings.WARTA_READING_HISTORY_DAYS = 30
    client = Client()
    old, fresh = make_article(), make_article()
    beacon(client, old.pk)
    beacon(client, fresh.pk)
    _age(ReadingEvent.objects.get(article=old), 31)
    call_command("purge_reading_history", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(ReadingEvent.objects.values_list("article_id", flat=True)) == [fresh.pk]


def test_default_retention_is_90_days():
    client = Client()
    article = make_article()
    beacon(client, article.pk)
    event = ReadingEvent.objects.get()
    _age(event, 89)
    assert purge_expired_reading_events() == 0
    _age(event, 91)
    assert purge_expired_reading_events() == 1


def test_purge_task_runs_through_the_task_backend(settings):
    settings.WARTA_READING_HISTORY_DAYS = 1
    client = Client()
    beacon(client, make_article().pk)
    _age(ReadingEvent.objects.get(), 2)
    result = purge_reading_history.enqueue()
    assert result.return_value == 1
    assert not ReadingEvent.objects.exists()


def test_history_page_purges_and_hides_expired_rows(settings):
    settings.WARTA_READING_HISTORY_DAYS = 7
    client = Client()
    beacon(client, make_article(title="Lama").pk)
    _age(ReadingEvent.objects.get(), 8)
    assert history_titles(client.get(HISTORY)) == []
    assert not ReadingEvent.objects.exists()
