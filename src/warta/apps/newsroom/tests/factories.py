"""Test data for the newsroom: published articles built the way editors publish them."""

from __future__ import annotations

import io
from datetime import datetime
from itertools import count
from typing import Any

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from warta.apps.accounts.models import User
from warta.apps.newsroom.models import ArticleKeyPoint, ArticlePage, SectionPage, Topic

_serial = count(1)


def make_user(username: str | None = None, **fields: Any) -> User:
    username = username or f"user{next(_serial)}"
    fields.setdefault("email", f"{username}@example.org")
    return User.objects.create_user(username=username, password="rahasia-kuat-123", **fields)


def make_image(width: int = 640, height: int = 360, title: str = "gambar uji") -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "#3c7dd9").save(buffer, format="PNG")
    image = Image(title=title)
    image.file = ImageFile(buffer, name=f"uji-{next(_serial)}.png")
    image.save()
    return image


def make_topic(name: str = "Banjir") -> Topic:
    slug = name.lower().replace(" ", "-")
    topic, _ = Topic.objects.get_or_create(slug=slug, defaults={"name": name})
    return topic


DEFAULT_BODY = [
    {
        "type": "paragraph",
        "value": "<p>Parlemen menyetujui rencana itu pada Senin (15/12/2025).</p>",
    },
    {"type": "subheading", "value": "Peru ditetapkan sebagai sekutu"},
    {"type": "paragraph", "value": "<p>Menteri luar negeri mengonfirmasi penetapan itu.</p>"},
    {
        "type": "quote",
        "value": {"text": "Ini gestur politik.", "speaker": "Hugo Rahman", "role": "Menteri"},
    },
    {"type": "source", "value": {"text": "dikutip dari Kantor Berita Contoh", "url": ""}},
    {"type": "subheading", "value": "Keadaan darurat di perbatasan"},
    {"type": "paragraph", "value": "<p>Pemerintah menetapkan keadaan darurat.</p>"},
]


def make_article(
    *,
    title: str | None = None,
    section: str = "berita",
    publish: bool = True,
    published_at: datetime | None = None,
    key_points: list[str] | None = None,
    generated: bool = True,
    approved: bool = True,
    topics: list[Topic] | None = None,
    **fields: Any,
) -> ArticlePage:
    """Create an article under ``section``; published unless ``publish`` is False."""
    n = next(_serial)
    parent = SectionPage.objects.get(slug=section)
    fields.setdefault("body", DEFAULT_BODY)
    fields.setdefault("dateline", "Jakarta")
    page = ArticlePage(
        title=title or f"Artikel uji {n}",
        slug=f"artikel-uji-{n}",
        key_points_approved=approved,
        live=False,
        **fields,
    )
    parent.add_child(instance=page)
    if topics:
        page.topics.set(topics)
    points = key_points if key_points is not None else ["Poin satu", "Poin dua", "Poin tiga"]
    page.key_points.set(
        [
            ArticleKeyPoint(sort_order=i, text=t, generated_text=t if generated else "")
            for i, t in enumerate(points)
        ]
    )
    revision = page.save_revision()
    if publish:
        revision.publish()
        if published_at:
            ArticlePage.objects.filter(pk=page.pk).update(
                first_published_at=published_at, last_published_at=published_at
            )
    page.refresh_from_db()
    return page
