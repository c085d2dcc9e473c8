"""Tell writers by email what the editors decided (sent after the transaction commits).

Emails are in the writer's language: the one they last chose with the language switch
(kept in their profile), else the site's (Indonesian).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.users.models import UserProfile

from warta.apps.core.language import is_supported
from warta.apps.submissions.models import SubmissionEvent

logger = logging.getLogger(__name__)

NOTIFIED_KINDS = {
    SubmissionEvent.Kind.CHANGES_REQUESTED: _("Editor meminta perbaikan tulisan Anda"),
    SubmissionEvent.Kind.REJECTED: _("Tulisan Anda tidak dapat kami terbitkan"),
    SubmissionEvent.Kind.SCHEDULED: _("Tulisan Anda dijadwalkan terbit"),
    SubmissionEvent.Kind.UNSCHEDULED: _("Jadwal terbit tulisan Anda dibatalkan"),
    SubmissionEvent.Kind.PUBLISHED: _("Tulisan Anda sudah terbit"),
}


def notify_writer(event_id: int) -> None:
    """Email the writer about event ``event_id`` if it is one they must hear about."""
    event = SubmissionEvent.objects.select_related("submission__writer").filter(pk=event_id).first()
    if event is None or event.kind not in NOTIFIED_KINDS or not event.submission.writer.email:
        return
    submission = event.submission
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    context = {
        "event": event,
        "submission": submission,
        "status_url": base_url + reverse("submissions:submission_detail", args=[submission.pk]),
    }
    try:
        with translation.override(writer_language(submission.writer)):
            send_mail(
                subject=str(NOTIFIED_KINDS[event.kind]),
                message=render_to_string("submissions/email/status_changed.txt", context),
                from_email=None,
                recipient_list=[submission.writer.email],
            )
    except Exception:  # a mail server outage must not undo an editor's decision
        logger.exception("Could not email writer about submission event %s", event_id)


def writer_language(writer: object) -> str:
    """Return the language ``writer`` chose (see ``core.views.language_set``), else the site's."""
    profile = UserProfile.objects.filter(user=writer).only("preferred_language").first()
    chosen = profile.preferred_language if profile else None
    return chosen if chosen and is_supported(chosen) else settings.LANGUAGE_CODE
