"""Who readers see as the article's editor ("Tim Redaksi — Editor") after it is published.

The community review task names its editor itself (``submissions.actions.approve_and_publish``).
Staff sections publish directly, so the editor who publishes is credited here, before the
revision goes live: publishing copies the revision to the live page, so writing the editor
into the revision puts it on the live page too, and a later publish of that revision keeps it.
Called from ``ArticlePage.publish`` (bulk publish, workflow approval, ``revision.publish``)
and from the ``before_publish_page`` hook (the page editor's Publish button, which publishes
through Wagtail's action without calling ``ArticlePage.publish``).
"""

from __future__ import annotations

from typing import Any

from warta.apps.accounts.models import ADMINS, EDITORS


def is_editorial_staff(user: Any) -> bool:
    """Return True for an active editor, admin or superuser."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name__in=[EDITORS, ADMINS]).exists()


def credit_publishing_editor(revision: Any, user: Any) -> bool:
    """Name ``user`` the editor in ``revision`` (about to be published by them) if none is set.

    Only an editor or admin is credited, and never for an article they wrote themselves:
    the credit tells readers someone other than the writer checked it. An editor already
    named is kept. The latest revision gets the editor too when it is a newer one, so
    publishing it later (e.g. at its go-live time, with no user) does not drop the credit.
    Returns whether the editor was set.
    """
    content = revision.content
    if content.get("editor") is not None or not is_editorial_staff(user):
        return False
    if content.get("author") == user.pk:
        return False
    content["editor"] = user.pk
    revision.save(update_fields=["content"])
    latest = revision.content_object.get_latest_revision()
    if latest is not None and latest.pk != revision.pk and latest.content.get("editor") is None:
        latest.content["editor"] = user.pk
        latest.save(update_fields=["content"])
    return True
