from django.apps import AppConfig


class KeypointsConfig(AppConfig):
    name = "warta.apps.keypoints"
    label = "keypoints"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Poin kunci"
