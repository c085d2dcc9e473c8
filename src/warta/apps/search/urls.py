from django.urls import path

from warta.apps.search import views

app_name = "search"
urlpatterns = [
    path("", views.search_page, name="article_search"),
    path("api/", views.search_api, name="article_search_api"),
    path("saran/", views.title_suggestions, name="title_suggest"),
]
