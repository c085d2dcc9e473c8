"""The editor readers see under "Tim Redaksi" is whoever published the article in the admin."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Revision
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from warta.apps.accounts.models import ADMINS, EDITORS
from warta.apps.newsroom.models import ArticlePage, SectionPage
from warta.apps.newsroom.tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def staff(group: str, first_name: str, last_name: str):
    user = make_user(first_name=first_name, last_name=last_name)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor():
    return staff(EDITORS, "Dimas", "Prakoso")


@pytest.fixture
def other_editor():
    return staff(EDITORS, "Rina", "Wulandari")


def _with_body(data, body):
    # The rendered StreamField is a JS widget, not plain inputs: post the body like the editor does.
    blocks = [
        (b["type"], rich_text(b["value"]) if b["type"] == "paragraph" else b["value"])
        for b in body.raw_data
    ]
    data.update(nested_form_data({"body": streamfield(blocks)}))
    return data


def publish_in_admin(client, user, page, **changes):
    """Post the real edit form with the Publish button, as ``user``."""
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data = _with_body(data, page.get_latest_revision_as_object().body)
    for field, value in changes.items():
        data[field] = value
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return ArticlePage.objects.get(pk=page.pk)


def editor_shown_to_readers(client, page) -> str:
    client.logout()
    html = client.get(page.url).content.decode()
    start = html.index('class="editor-name">') + len('class="editor-name">')
    return html[start : html.index("</dd>", start)]


def latest_revision_editor(page) -> int | None:
    return page.get_latest_revision().content.get("editor")


def test_editor_publishing_a_staff_article_is_credited(client, editor):
    page = make_article(publish=False)
    live = publish_in_admin(client, editor, page)
    assert live.live and live.editor == editor
    assert latest_revision_editor(live) == editor.pk
    assert live.live_revision.content["editor"] == editor.pk
    assert editor_shown_to_readers(client, live) == "Dimas Prakoso"


def test_editor_creating_and_publishing_in_one_go_is_credited(client, editor):
    section = SectionPage.objects.get(slug="berita")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["newsroom", "articlepage", section.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update({"title": "Banjir rob di Semarang", "slug": "banjir-rob-semarang"})
    data = _with_body(data, make_article(publish=False).body)
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    live = ArticlePage.objects.get(slug="banjir-rob-semarang")
    assert live.live and live.editor == editor
    assert latest_revision_editor(live) == editor.pk


def test_an_editor_already_named_is_not_overwritten(client, editor, other_editor):
    page = make_article(publish=False, editor=other_editor)
    live = publish_in_admin(client, editor, page)
    assert live.editor == other_editor
    assert latest_revision_editor(live) == other_editor.pk
    assert editor_shown_to_readers(client, live) == "Rina Wulandari"


def test_republishing_keeps_the_first_editor(client, editor, other_editor):
    page = make_article(publish=False)
    publish_in_admin(client, editor, page)
    live = publish_in_admin(client, other_editor, page, title="Judul diperbarui")
    assert live.title == "Judul diperbarui" and live.editor == editor
    assert latest_revision_editor(live) == editor.pk
    # Publishing that revision again without anyone (as a scheduled publish does) keeps it too.
    live.get_latest_revision().publish()
    assert ArticlePage.objects.get(pk=page.pk).editor == editor
    assert editor_shown_to_readers(client, live) == "Dimas Prakoso"


def test_admin_is_credited_too(client):
    admin = staff(ADMINS, "Sari", "Lestari")
    live = publish_in_admin(client, admin, make_article(publish=False))
    assert live.editor == admin


def test_an_editor_publishing_their_own_article_is_not_its_editor(client, editor):
    live = publish_in_admin(client, editor, make_article(publish=False, author=editor))
    assert live.live and live.editor is None
    assert editor_shown_to_readers(client, live) == "Redaksi Warta"


def test_a_staff_writer_who_may_publish_is_not_credited(client):
    # Setup creates no such group, but an admin may: writers in a section they publish.
    writers = Group.objects.create(name="Penulis staf")
    writers.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=writers,
            page=SectionPage.objects.get(slug="berita"),
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    writer = make_user(first_name="Budi", last_name="Santoso")
    writer.groups.add(writers)
    live = publish_in_admin(client, writer, make_article(publish=False, author=writer))
    assert live.live and live.editor is None


def test_scheduled_publishing_keeps_the_scheduling_editor(client, editor):
    page = make_article(publish=False)
    go_live = timezone.localtime() + timedelta(hours=1)
    scheduled = publish_in_admin(
        client, editor, page, go_live_at=go_live.strftime("%Y-%m-%d %H:%M")
    )
    assert not scheduled.live
    revision = Revision.objects.get(object_id=str(page.pk), approved_go_live_at__isnull=False)
    assert revision.content["editor"] == editor.pk
    # Let the go-live time pass.
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", verbosity=0)
    live = ArticlePage.objects.get(pk=page.pk)
    assert live.live and live.editor == editor


def test_bulk_publish_credits_the_publishing_editor(client, editor):
    page = make_article(publish=False)
    client.force_login(editor)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.post(f"{url}?id={page.pk}", {"include_descendants": ""})
    assert response.status_code == 302, response.content.decode()[:3000]
    live = ArticlePage.objects.get(pk=page.pk)
    assert live.live and live.editor == editor
    assert latest_revision_editor(live) == editor.pk
