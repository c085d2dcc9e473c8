"""Small builders for distribution tests: users, images and published articles."""

from __future__ import annotations

import io
from datetime import datetime
from itertools import count

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from warta.apps.newsroom.models import ArticleKeyPoint, ArticlePage, SectionPage, Topic

_serial = count(1)


def make_user(username: str = "", **fields: object):  # type: ignore[no-untyped-def]
    """Create and return a user with a full name."""
    username = username or f"penulis{next(_serial)}"
    fields.setdefault("first_name", "Sari")
    fields.setdefault("last_name", "Wulandari")
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@warta.example", password="x", **fields
    )


def make_image(width: int = 480, height: int = 360, title: str = "Foto"):  # type: ignore[no-untyped-def]
    """Create and return a Wagtail image from a Pillow-drawn PNG."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), (30, 90, 160)).save(buffer, format="PNG")
    image_file = ImageFile(buffer, name=f"foto-{next(_serial)}.png")
    return get_image_model().objects.create(title=title, file=image_file)


def make_topic(name: str) -> Topic:
    """Return the topic called ``name``, creating it when missing."""
    topic, _ = Topic.objects.get_or_create(name=name, defaults={"slug": name.lower()})
    return topic


def publish_article(
    title: str = "Banjir rob rendam pesisir Semarang Utara",
    *,
    section: str = "berita",
    key_points: tuple[str, ...] = (
        "Banjir rob merendam tiga kelurahan.",
        "Ratusan warga mengungsi.",
        "Pemkot menyiagakan pompa air.",
    ),
    approved: bool = True,
    topics: tuple[str, ...] = ("Banjir",),
    author: object | None = None,
    with_image: bool = True,
    first_published_at: datetime | None = None,
    slug: str = "",
) -> ArticlePage:
    """Create an article under ``section``, publish it through Wagtail and return it."""
    parent = SectionPage.objects.get(slug=section)
    page = ArticlePage(
        title=title,
        slug=slug or f"artikel-{next(_serial)}",
        live=False,
        dateline="Semarang",
        body=[
            ("paragraph", RichText("<p>Air laut pasang merendam permukiman warga sejak pagi.</p>")),
            ("subheading", "Warga mengungsi"),
            ("paragraph", RichText("<p>Warga mengungsi ke balai kelurahan.</p>")),
        ],
        author=author,
        editor=None,
        key_points_approved=approved,
        key_points=[
            ArticleKeyPoint(text=text, generated_text=text, source_sentences=[index])
            for index, text in enumerate(key_points)
        ],
    )
    if with_image:
        page.hero_image = make_image()
        page.hero_caption = "Warga melintasi genangan rob"
        page.hero_credit = "Warta/Sari"
    parent.add_child(instance=page)
    page.topics.set([make_topic(name) for name in topics])
    page.save_revision().publish()
    if first_published_at is not None:
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=first_published_at, last_published_at=first_published_at
        )
    return ArticlePage.objects.get(pk=page.pk)
