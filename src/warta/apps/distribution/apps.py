from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DistributionConfig(AppConfig):
    """Feeds, sitemaps, structured data, the installable app and the read API."""

    name = "warta.apps.distribution"
    label = "distribution"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Distribusi")
