"""The demo loader fills a fresh database with the original demo newsroom, once."""

from __future__ import annotations

import pytest

from warta.apps.demo.loader import load_demo, read_articles
from warta.apps.newsroom.models import ArticlePage
from warta.apps.submissions.models import Submission

pytestmark = pytest.mark.django_db


def test_demo_loads_once_with_every_state(client):
    lines: list[str] = []
    summary = load_demo(log=lines.append)
    articles = read_articles()
    assert len(articles) >= 30
    published = [a for a in articles if a["status"] == "published"]
    assert summary.published == len(published)
    assert ArticlePage.objects.live().count() == len(published)
    assert ArticlePage.objects.live().filter(key_points_approved=True).count() == len(published)
    statuses = set(Submission.objects.values_list("status", flat=True))
    assert {"submitted", "changes_requested", "draft"} <= {str(s) for s in statuses}
    assert lines[-1].startswith("Selesai")

    again = load_demo(log=lines.append)
    assert again.skipped
    assert ArticlePage.objects.live().count() == len(published)

    page = ArticlePage.objects.live().get(slug=published[0]["slug"])
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Intinya sih..." in response.content.decode()
    search = client.get("/cari/", {"q": "kebanjiran"})
    assert search.status_code == 200


def test_demo_is_refused_where_not_allowed(settings):
    from django.core.management import CommandError, call_command

    from warta.apps.accounts.models import User

    settings.WARTA_ALLOW_DEMO = False
    with pytest.raises(CommandError, match="WARTA_ALLOW_DEMO"):
        call_command("load_demo")
    assert not User.objects.filter(username="admin").exists()
