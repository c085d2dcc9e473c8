from typing import Any

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_workflow(sender: AppConfig, **kwargs: Any) -> None:
    # Like newsroom: run once, after the last app with models migrated (post_migrate is
    # only sent for those), when every permission and the site tree can exist.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1]:
        return
    from warta.apps.newsroom.setup import ensure_newsroom
    from warta.apps.submissions.workflow import ensure_community_workflow

    ensure_newsroom()  # idempotent; makes sure the section and groups exist first
    ensure_community_workflow()


def _page_published(sender: Any, instance: Any, revision: Any = None, **kwargs: Any) -> None:
    from warta.apps.submissions.actions import record_publication, record_schedule

    # Wagtail sends page_published also when a never-live page is only *scheduled* (go-live
    # in the future): the writer sees "scheduled" with the time, then "published" when the
    # scheduled run makes it live.
    if instance.live:
        record_publication(instance, getattr(revision, "user", None))
    else:
        record_schedule(instance, getattr(revision, "user", None))


def _page_logged(sender: Any, instance: Any, created: bool = False, **kwargs: Any) -> None:
    # Wagtail's "cancel scheduled publish" clears the revision's approval and logs it; this
    # log entry is its only signal (and the one that names the editor).
    if created and instance.action == "wagtail.schedule.cancel":
        from warta.apps.submissions.actions import record_unscheduling

        record_unscheduling(instance.page_id, instance.user)


def _workflow_cancelled(sender: Any, instance: Any, user: Any = None, **kwargs: Any) -> None:
    from warta.apps.submissions.actions import record_cancellation

    record_cancellation(instance.object_id, user)


class SubmissionsConfig(AppConfig):
    name = "warta.apps.submissions"
    label = "submissions"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Kiriman penulis")

    def ready(self) -> None:
        from django.db.models.signals import post_save
        from wagtail.models import PageLogEntry
        from wagtail.signals import page_published, workflow_cancelled

        post_migrate.connect(_ensure_workflow, dispatch_uid="warta-ensure-community-workflow")
        page_published.connect(_page_published, dispatch_uid="warta-submission-published")
        post_save.connect(
            _page_logged, sender=PageLogEntry, dispatch_uid="warta-submission-unscheduled"
        )
        workflow_cancelled.connect(_workflow_cancelled, dispatch_uid="warta-submission-cancelled")
