from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RecommendationsConfig(AppConfig):
    """The reader-facing For You, Related and Popular lists and first-party reading events.

    The algorithm is the ``warta.engines.foryou`` engine; this app stores reading events,
    feeds the engine a cached index of published articles and renders the fragments.
    """

    name = "warta.apps.recommendations"
    label = "recommendations"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Rekomendasi")

    def ready(self) -> None:
        from warta.apps.recommendations import signals

        signals.connect()
        post_migrate.connect(_schedule_purge, sender=self)


def _schedule_purge(**kwargs: Any) -> None:
    """Start (or mend) the nightly reading-history purge after each ``migrate``."""
    from warta.apps.recommendations.scheduling import ensure_purge_scheduled

    ensure_purge_scheduled()
