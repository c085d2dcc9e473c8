"""Key points on the site: generated in the background, traceable, approved by an editor."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from warta.apps.accounts.models import EDITORS
from warta.apps.keypoints.actions import fill_key_points
from warta.apps.keypoints.adapters import article_text
from warta.apps.newsroom.models import ArticlePage
from warta.apps.newsroom.tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def test_article_text_numbers_subheadings_like_the_reference_page():
    page = make_article(publish=False)
    text = article_text(page)
    assert "1. Peru ditetapkan sebagai sekutu" in text.splitlines()
    assert "2. Keadaan darurat di perbatasan" in text.splitlines()
    assert "<p>" not in text


def test_fill_key_points_generates_unapproved_traceable_points():
    page = make_article(publish=False, key_points=[], approved=False)
    fill_key_points(page.pk)
    draft = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    points = list(draft.key_points.all())
    assert points, "the engine produced no key points"
    assert not draft.key_points_approved
    assert draft.key_points_engine
    for point in points:
        assert point.origin == "generated"
        assert point.source_sentences
        assert point.source_excerpt
    text = article_text(draft)
    for point in points:
        for sentence in point.source_excerpt.splitlines():
            assert sentence in text


def test_fill_key_points_leaves_editor_written_points_alone():
    page = make_article(
        publish=False, key_points=["Tulisan editor"], generated=False, approved=False
    )
    fill_key_points(page.pk)
    draft = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert [p.text for p in draft.key_points.all()] == ["Tulisan editor"]


def test_fill_key_points_for_a_missing_page_is_a_no_op():
    assert fill_key_points(987654) is None


def test_editor_sees_sources_and_approval_records_the_editor(client):
    editor = make_user("editor1", first_name="Maya", last_name="Anggraini")
    editor.groups.add(Group.objects.get(name=EDITORS))
    page = make_article(publish=False, key_points=[], approved=False)
    fill_key_points(page.pk)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Asal poin kunci" in body
    assert "<mark>" in body and "dibuat mesin (AI)" in body


def test_body_edit_keeps_points_whose_sources_survive_and_regenerates_otherwise():
    page = make_article(publish=False, key_points=[], approved=False)
    fill_key_points(page.pk)
    first = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    revisions = first.revisions.count()

    fill_key_points(page.pk)  # nothing changed: no new revision
    assert ArticlePage.objects.get(pk=page.pk).revisions.count() == revisions

    first.body = [
        {"type": "paragraph", "value": "<p>Pemerintah kota membuka posko pengungsian baru.</p>"},
        {"type": "paragraph", "value": "<p>Sebanyak 300 warga mengungsi ke balai desa.</p>"},
    ]
    first.save_revision()
    fill_key_points(page.pk)
    second = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    texts = " ".join(p.source_excerpt for p in second.key_points.all())
    assert "posko pengungsian" in texts or "300 warga" in texts


def test_an_edited_bullet_is_never_overwritten():
    page = make_article(publish=False, key_points=[], approved=False)
    fill_key_points(page.pk)
    draft = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    point = draft.key_points.first()
    point.text = "Disunting editor"
    draft.body = [{"type": "paragraph", "value": "<p>Isi yang sama sekali baru.</p>"}]
    draft.save_revision()
    fill_key_points(page.pk)
    latest = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert "Disunting editor" in [p.text for p in latest.key_points.all()]


def test_approving_in_the_admin_form_keeps_provenance_and_records_the_editor(client):
    from wagtail.test.utils.form_data import (
        nested_form_data,
        querydict_from_html,
        rich_text,
        streamfield,
    )

    editor = make_user("editor2", first_name="Dimas", last_name="Prakoso")
    editor.groups.add(Group.objects.get(name=EDITORS))
    page = make_article(publish=False, key_points=[], approved=False)
    fill_key_points(page.pk)
    client.force_login(editor)
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["key_points_approved"] = "on"
    body = [
        (b["type"], rich_text(b["value"]) if b["type"] == "paragraph" else b["value"])
        for b in page.body.raw_data
    ]
    data.update(nested_form_data({"body": streamfield(body)}))
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    live = ArticlePage.objects.get(pk=page.pk)
    assert live.live and live.key_points_approved
    assert live.key_points_approved_by == editor
    points = list(live.key_points.all())
    assert points and all(p.origin == "generated" and p.source_excerpt for p in points)
    assert live.key_points_provenance() == ArticlePage.KEY_POINTS_GENERATED


def test_a_live_article_never_gets_unreviewed_points(client):
    page = make_article(key_points=["Poin yang sudah disetujui"], approved=True)
    draft = page.get_latest_revision_as_object()
    draft.key_points_approved = False
    draft.body = [{"type": "paragraph", "value": "<p>Isi baru yang belum ditinjau.</p>"}]
    draft.save_revision()
    fill_key_points(page.pk)
    live = ArticlePage.objects.get(pk=page.pk)
    assert [p.text for p in live.key_points.all()] == ["Poin yang sudah disetujui"]
    assert "Poin yang sudah disetujui" in client.get(live.url).content.decode()


def test_article_text_decodes_entities():
    page = make_article(
        publish=False,
        body=[{"type": "paragraph", "value": "<p>PT A &amp; B rugi Rp5&nbsp;juta.</p>"}],
    )
    assert article_text(page) == "PT A & B rugi Rp5 juta."
