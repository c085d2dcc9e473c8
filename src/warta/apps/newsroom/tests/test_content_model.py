from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from warta.apps.newsroom.models import ArticlePage, HomePage, SectionPage
from warta.apps.newsroom.tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db


def test_site_tree_and_sections_exist_after_migrate():
    home = HomePage.objects.get()
    slugs = list(SectionPage.objects.child_of(home).values_list("slug", flat=True))
    assert slugs == ["berita", "bisnis", "sport", "tekno", "hype", "life", "komunitas"]
    assert SectionPage.objects.get(slug="komunitas").is_community


def test_hero_image_requires_credit():
    page = make_article(publish=False)
    page.hero_image = make_image()
    page.hero_credit = "  "
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert "hero_credit" in caught.value.message_dict


def test_published_queryset_orders_newest_first_and_hides_drafts():
    first = make_article()
    second = make_article()
    draft = make_article(publish=False)
    published = list(ArticlePage.objects.published())
    assert published[:2] == [second, first]
    assert draft not in published


def test_body_items_number_subheadings_and_mark_the_lead():
    page = make_article()
    items = page.body_items()
    numbers = [n for _, n, _ in items if n is not None]
    leads = [b.block_type for b, _, lead in items if lead]
    assert numbers == [1, 2]
    assert leads == ["paragraph"]


def test_key_point_origin_is_derived_from_text():
    page = make_article(key_points=["Asli dari mesin"])
    point = page.key_points.get()
    assert point.origin == "generated"
    point.text = "Ditulis ulang"
    assert point.origin == "edited"
    point.generated_text = ""
    assert point.origin == "editor"


@pytest.mark.django_db(transaction=True)
def test_site_tree_is_recreated_after_a_flush():
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    assert HomePage.objects.count() == 1
    assert SectionPage.objects.filter(slug="komunitas", is_community=True).exists()


def test_staff_sections_have_no_workflow_and_community_has_review():
    berita = SectionPage.objects.get(slug="berita")
    komunitas = SectionPage.objects.get(slug="komunitas")
    assert berita.get_workflow() is None
    assert komunitas.get_workflow() is not None
