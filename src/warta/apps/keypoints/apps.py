from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KeypointsConfig(AppConfig):
    name = "warta.apps.keypoints"
    label = "keypoints"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Poin kunci")
