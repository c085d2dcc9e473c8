from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Indonesian full-text search over published articles: index tables, queries, pages."""

    name = "warta.apps.search"
    label = "search"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Pencarian"

    def ready(self) -> None:
        from warta.apps.search import signals

        signals.connect()
