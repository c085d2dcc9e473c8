from django.urls import path

from warta.apps.newsroom import views

app_name = "newsroom"
urlpatterns = [
    path("topik/<slug:slug>/", views.topic_detail, name="topic_detail"),
]
