"""Writes on accounts: signing a community writer up."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from warta.apps.accounts.models import COMMUNITY_WRITERS


@transaction.atomic
def sign_up_writer(
    *, username: str, email: str, password: str, accepted_terms: bool, full_name: str = ""
) -> Any:
    """Create a community writer who accepted the terms; they get no admin access.

    Wagtail's own workflow emails are switched off for them: those link into the admin,
    which writers cannot open. Warta emails them in Indonesian instead (notifications.py).
    """
    if not accepted_terms:
        raise ValueError("Terms must be accepted")
    user = get_user_model().objects.create_user(
        username=username,
        email=email,
        password=password,
        first_name=full_name.strip()[:150],  # display_name shows it; no first/last split
        accepted_terms_at=timezone.now(),
    )
    group, _created = Group.objects.get_or_create(name=COMMUNITY_WRITERS)
    user.groups.add(group)
    disable_wagtail_notifications(user)
    return user


def disable_wagtail_notifications(user: Any) -> None:
    """Switch off Wagtail's moderation emails for ``user`` (they link into the admin)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.submitted_notifications = False
    profile.approved_notifications = False
    profile.rejected_notifications = False
    profile.updated_comments_notifications = False
    profile.save()
