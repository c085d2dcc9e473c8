from typing import Any

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_newsroom(sender: AppConfig, **kwargs: Any) -> None:
    # post_migrate fires once per app; wait for the last one so that every app's
    # permissions (created by the same signal) exist before groups reference them.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1]:
        return
    from warta.apps.newsroom.setup import ensure_newsroom

    ensure_newsroom()


def _schedule_publishing(**kwargs: Any) -> None:
    """Start (or mend) the every-minute scheduled publishing after each ``migrate``."""
    from warta.apps.newsroom.scheduling import ensure_publishing_scheduled

    ensure_publishing_scheduled()


class NewsroomConfig(AppConfig):
    name = "warta.apps.newsroom"
    label = "newsroom"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Redaksi")

    def ready(self) -> None:
        post_migrate.connect(_ensure_newsroom, dispatch_uid="warta-ensure-newsroom")
        post_migrate.connect(_schedule_publishing, sender=self)
        from wagtail.signals import page_published

        from warta.apps.newsroom import versioning
        from warta.apps.newsroom.scheduling import page_scheduled

        versioning.connect()
        page_published.connect(page_scheduled, dispatch_uid="warta-newsroom-page-scheduled")
