"""Idempotent creation of the site tree, the sections and the staff groups.

Run after every ``migrate`` (see ``apps.py``), so a fresh database is usable
without anyone clicking through the admin, and re-running changes nothing.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import GroupPagePermission, Locale, Page, Site

from warta.apps.accounts.models import ADMINS, COMMUNITY_WRITERS, EDITORS

DEFAULT_SECTIONS = [
    ("berita", "Berita", "Kabar terkini dari dalam dan luar negeri.", False),
    ("bisnis", "Bisnis", "Ekonomi, usaha, dan keuangan.", False),
    ("sport", "Sport", "Olahraga dari lapangan kampung sampai liga dunia.", False),
    ("tekno", "Tekno", "Teknologi dan sains sehari-hari.", False),
    ("hype", "Hype", "Hiburan, musik, dan budaya pop.", False),
    ("life", "Life", "Gaya hidup, kesehatan, dan keluarga.", False),
    ("komunitas", "Komunitas", "Tulisan warga, ditinjau redaksi.", True),
]

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
ADMIN_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "bulk_delete_page"]
EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("newsroom", "add_topic"),
    ("newsroom", "change_topic"),
]
ADMIN_EXTRA_PERMISSIONS = [
    ("newsroom", "delete_topic"),
    ("wagtailimages", "delete_image"),
    ("accounts", "add_user"),
    ("accounts", "change_user"),
    ("wagtailcore", "add_workflow"),
    ("wagtailcore", "change_workflow"),
    ("wagtailcore", "add_task"),
    ("wagtailcore", "change_task"),
    ("core", "change_publicationsettings"),
]


@transaction.atomic
def ensure_newsroom() -> None:
    """Create the home page, default sections and staff groups if they are missing."""
    from warta.apps.newsroom.models import HomePage, SectionPage

    ensure_default_locale()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        if root is None:
            root = Page.add_root(title="Root", slug="root")
        home = HomePage(title="Warta", slug="beranda")
        root.add_child(instance=home)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Warta"},
        )
        # Wagtail's own placeholder page is not part of Warta's tree.
        Page.objects.filter(depth=2).exclude(pk=home.pk).filter(content_type__model="page").delete()
        for slug, title, intro, is_community in DEFAULT_SECTIONS:
            home.add_child(
                instance=SectionPage(title=title, slug=slug, intro=intro, is_community=is_community)
            )
    ensure_groups(home)
    detach_default_workflow()


def detach_default_workflow() -> None:
    """Remove Wagtail's sample "Moderators approval" workflow from the root page.

    Its approvers are Wagtail's "Moderators" group, which Warta does not use; staff
    sections publish directly and the community section has its own review workflow.
    """
    from wagtail.models import WorkflowPage

    WorkflowPage.objects.filter(page__depth=1).delete()


def ensure_default_locale() -> None:
    """Create Wagtail's default locale if missing.

    Wagtail creates it in a data migration, which a database flush (as transactional
    tests do) removes without re-running, while ``post_migrate`` runs again.
    """
    from django.conf import settings

    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )


def ensure_groups(home: Page) -> None:
    """Create the Community writer, Editor and Admin groups with their permissions."""
    Group.objects.get_or_create(name=COMMUNITY_WRITERS)  # deliberately no admin access
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    admins, _ = Group.objects.get_or_create(name=ADMINS)
    editors.permissions.add(*permissions(EDITOR_MODEL_PERMISSIONS))
    admins.permissions.add(*permissions(EDITOR_MODEL_PERMISSIONS + ADMIN_EXTRA_PERMISSIONS))
    for group, codenames in ((editors, EDITOR_PAGE_PERMISSIONS), (admins, ADMIN_PAGE_PERMISSIONS)):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=home,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )


def permissions(pairs: list[tuple[str, str]]) -> list[Permission]:
    """Return the Permission rows for (app_label, codename) pairs."""
    return [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in pairs
    ]
