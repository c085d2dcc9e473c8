from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "warta.apps.submissions"
    label = "submissions"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Kiriman penulis"
