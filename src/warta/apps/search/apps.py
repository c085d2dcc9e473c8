from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Indonesian full-text search over published articles: index tables, queries, pages."""

    name = "warta.apps.search"
    label = "search"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Pencarian")

    def ready(self) -> None:
        from warta.apps.search import signals

        signals.connect()
