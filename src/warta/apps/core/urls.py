from django.urls import path

from warta.apps.core import views

app_name = "core"

urlpatterns = [
    path("bahasa/<slug:code>/", views.language_set, name="language_set"),
]
