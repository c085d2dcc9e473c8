from django.apps import AppConfig


class DistributionConfig(AppConfig):
    """Feeds, sitemaps, structured data, the installable app and the read API."""

    name = "warta.apps.distribution"
    label = "distribution"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Distribusi"
