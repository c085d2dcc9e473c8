"""Load the demo newsroom: people, topics, pictures and the original articles in ``content/``.

Published pieces are created as pages; pieces in review go through the same
submission actions a real writer's piece does, so their timelines are real.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.images.models import Image

from warta.apps.accounts.models import ADMINS, COMMUNITY_WRITERS, EDITORS, User
from warta.apps.newsroom.models import ArticleKeyPoint, ArticlePage, SectionPage, Topic

CONTENT_DIR = Path(__file__).resolve().parent / "content"
DEMO_PASSWORD = "warta-demo-2026"  # noqa: S105 - demo accounts only, printed by `warta serve`
ADMIN_USERNAME = "admin"


@dataclass(frozen=True)
class DemoSummary:
    people: int
    published: int
    in_review: int
    skipped: bool = False


def read_articles() -> list[dict[str, Any]]:
    """Return the demo articles in file order."""
    return [
        json.loads(p.read_text("utf-8")) for p in sorted((CONTENT_DIR / "articles").glob("*.json"))
    ]


def read_people() -> dict[str, list[dict[str, str]]]:
    return json.loads((CONTENT_DIR / "people.json").read_text("utf-8"))


def is_loaded() -> bool:
    """Return True when the demo content is already in the database."""
    return User.objects.filter(username=ADMIN_USERNAME).exists()


def body_stream(blocks: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Convert the JSON body blocks into StreamField raw data."""
    stream: list[dict[str, Any]] = []
    for block in blocks:
        kind = block["type"]
        if kind == "paragraph":
            stream.append({"type": "paragraph", "value": f"<p>{escape(block['text'])}</p>"})
        elif kind == "subheading":
            stream.append({"type": "subheading", "value": block["text"]})
        elif kind == "quote":
            value = {
                "text": block["text"],
                "speaker": block["speaker"],
                "role": block.get("role", ""),
            }
            stream.append({"type": "quote", "value": value})
        elif kind == "source":
            stream.append({"type": "source", "value": {"text": block["text"], "url": ""}})
    return stream


def ensure_people() -> dict[str, User]:
    """Create the demo writers, editors and the admin, each in their group."""
    people = read_people()
    groups = {name: Group.objects.get(name=name) for name in (COMMUNITY_WRITERS, EDITORS, ADMINS)}
    users: dict[str, User] = {}
    roles = (("writers", COMMUNITY_WRITERS), ("staff_writers", EDITORS), ("editors", EDITORS))
    for key, group_name in roles:
        for person in people.get(key, []):
            user, created = User.objects.get_or_create(
                username=person["username"],
                defaults={
                    "email": person["email"],
                    "first_name": person["first_name"],
                    "last_name": person["last_name"],
                    "bio": person.get("bio", ""),
                    "accepted_terms_at": timezone.now(),
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.add(groups[group_name])
            users[user.username] = user
    admin, created = User.objects.get_or_create(
        username=ADMIN_USERNAME,
        defaults={"email": "admin@example.org", "first_name": "Admin", "last_name": "Warta"},
    )
    if created:
        admin.is_staff = admin.is_superuser = True
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    admin.groups.add(groups[ADMINS])
    users[ADMIN_USERNAME] = admin
    return users


def ensure_topics(slugs: set[str]) -> dict[str, Topic]:
    topics = {}
    for slug in sorted(slugs):
        name = slug.replace("-", " ").title()
        topics[slug], _ = Topic.objects.get_or_create(slug=slug, defaults={"name": name})
    return topics


def hero_image(article: dict[str, Any]) -> Image:
    """Draw and store the article's hero picture."""
    from warta.apps.demo.images import draw_picture

    hero = article["hero"]
    data = draw_picture(article["slug"], hero.get("palette", "blue"), hero.get("motif", "dots"))
    from io import BytesIO

    image = Image(title=hero["caption"][:255])
    image.file = ImageFile(BytesIO(data), name=f"{article['slug']}.png")
    image.save()
    return image


def key_points_for(page: ArticlePage, article: dict[str, Any], index: int) -> list[ArticleKeyPoint]:
    """Return key points: mostly from the engine (approved by the editor), some editor-written.

    Every fourth article uses the key points written by the editor in the content
    file, so the demo shows both disclosures readers can meet.
    """
    if index % 4 == 3:
        return [ArticleKeyPoint(sort_order=i, text=t) for i, t in enumerate(article["key_points"])]
    from warta.apps.keypoints.actions import key_point_rows
    from warta.apps.keypoints.adapters import article_input
    from warta.apps.keypoints.engines import configured_engine

    return key_point_rows(configured_engine().extract(article_input(page)))


def publish_article(
    article: dict[str, Any], index: int, users: dict[str, User], topics: dict[str, Topic]
) -> ArticlePage:
    """Create and publish one article page with its original publication time."""
    section = SectionPage.objects.get(slug=article["section"])
    author = users[article["author"]]
    editor = users[article["editor"]]
    page = ArticlePage(
        title=article["title"],
        slug=article["slug"],
        dateline=article["dateline"],
        hero_caption=article["hero"]["caption"],
        hero_credit=article["hero"]["credit"],
        hero_image=hero_image(article),
        body=body_stream(article["body"]),
        author=author,
        editor=editor,
        is_community=author.is_in_group(COMMUNITY_WRITERS),
        editors_pick=article.get("editors_pick", False),
        key_points_approved=True,
        key_points_approved_by=editor,
        owner=author,
    )
    section.add_child(instance=page)
    page.topics.set([topics[slug] for slug in article["topics"]])
    page.key_points.set(key_points_for(page, article, index))
    page.save_revision(user=editor).publish(user=editor)
    published_at = timezone.now() - timedelta(hours=article.get("hours_ago", 1))
    ArticlePage.objects.filter(pk=page.pk).update(
        first_published_at=published_at, last_published_at=published_at
    )
    return page


def stage_in_review(article: dict[str, Any], users: dict[str, User]) -> None:
    """Put a piece in its review state through the writers' real actions."""
    from warta.apps.submissions import actions
    from warta.apps.submissions.body_format import blocks_to_markup

    writer = users[article["author"]]
    editor = users[article["editor"]]
    if not writer.is_in_group(COMMUNITY_WRITERS):
        draft_staff_article(article, writer)
        return
    submission = actions.create_submission(
        writer,
        headline=article["title"],
        dateline=article["dateline"],
        body_markup=blocks_to_markup(body_stream(article["body"])),
        hero_caption=article["hero"]["caption"],
        hero_credit=article["hero"]["credit"],
        suggested_topics=", ".join(article["topics"]),
    )
    status = article["status"]
    if status == "draft":
        return
    actions.submit_submission(submission, writer)
    if status == "changes_requested":
        actions.request_changes(submission, editor, article["review_note"])


def draft_staff_article(article: dict[str, Any], writer: User) -> ArticlePage:
    """Save a staff writer's unfinished piece as an unpublished page in its section."""
    section = SectionPage.objects.get(slug=article["section"])
    page = ArticlePage(
        title=article["title"],
        slug=article["slug"],
        dateline=article["dateline"],
        body=body_stream(article["body"]),
        author=writer,
        owner=writer,
        live=False,
    )
    section.add_child(instance=page)
    page.save_revision(user=writer)
    return page


class DemoNotAllowedError(RuntimeError):
    """Raised where demo accounts (with a published password) must never be created."""


@transaction.atomic
def load_demo(*, reset: bool = False, log: Callable[[str], None] = print) -> DemoSummary:
    """Load the demo newsroom once; with ``reset`` remove demo articles first."""
    from django.conf import settings

    if not getattr(settings, "WARTA_ALLOW_DEMO", False):
        raise DemoNotAllowedError(
            "Konten demo tidak dimuat: pengaturan ini tidak mengizinkannya (WARTA_ALLOW_DEMO). "
            "Akun demo memakai kata sandi yang diketahui umum."
        )
    if is_loaded() and not reset:
        log("Konten demo sudah dimuat; dilewati. / Demo content already loaded.")
        return DemoSummary(people=0, published=0, in_review=0, skipped=True)
    articles = read_articles()
    if reset:
        ArticlePage.objects.filter(slug__in=[a["slug"] for a in articles]).delete()
    users = ensure_people()
    topics = ensure_topics({slug for a in articles for slug in a["topics"]})
    published = in_review = 0
    for index, article in enumerate(articles, start=1):
        log(f"[{index}/{len(articles)}] {article['title']}")
        if article["status"] == "published":
            publish_article(article, index, users, topics)
            published += 1
        else:
            stage_in_review(article, users)
            in_review += 1
    # Publication times were back-dated after publishing; index them as they now are.
    from warta.apps.search.indexing import rebuild_index

    rebuild_index()
    summary = DemoSummary(people=len(users), published=published, in_review=in_review)
    log(
        f"Selesai: {summary.people} akun, {published} artikel terbit, "
        f"{in_review} dalam proses. Kata sandi demo: {DEMO_PASSWORD}"
    )
    return summary
