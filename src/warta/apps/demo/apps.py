from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "warta.apps.demo"
    label = "demo"
    default_auto_field = "django.db.models.BigAutoField"
