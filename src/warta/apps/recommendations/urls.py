from django.urls import path

from warta.apps.recommendations import views

app_name = "recommendations"
urlpatterns = [
    path("untuk-anda/", views.for_you, name="for_you"),
    path("untuk-anda/terkait/<int:article_id>/", views.related_list, name="related_list"),
    path("untuk-anda/populer/", views.popular_list, name="popular_list"),
    path("untuk-anda/baca/", views.reading_record, name="reading_record"),
    path("untuk-anda/riwayat/", views.history_list, name="history_list"),
    path("untuk-anda/riwayat/hapus/", views.history_clear, name="history_clear"),
    path("untuk-anda/riwayat/<int:event_id>/hapus/", views.history_delete, name="history_delete"),
]
