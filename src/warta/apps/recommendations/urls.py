from django.urls import path, register_converter
from django.urls.converters import IntConverter

from warta.apps.recommendations import views


class BoundedIntConverter(IntConverter):
    """A non-negative int no larger than the id column; a larger one does not match (404).

    Without the bound, ``/untuk-anda/terkait/99999999999999999999999/`` reached the database
    and SQLite raised OverflowError (a 500).
    """

    maximum = 2**63 - 1  # BigAutoField: reading events

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > self.maximum:
            raise ValueError(value)  # Django's router: no match
        return number


class PageIdConverter(BoundedIntConverter):
    maximum = 2**31 - 1  # AutoField: Wagtail pages, so articles


register_converter(PageIdConverter, "recs_page_id")
register_converter(BoundedIntConverter, "recs_row_id")

app_name = "recommendations"
urlpatterns = [
    path("untuk-anda/", views.for_you, name="for_you"),
    path(
        "untuk-anda/terkait/<recs_page_id:article_id>/",
        views.related_list,
        name="related_list",
    ),
    path("untuk-anda/populer/", views.popular_list, name="popular_list"),
    path("untuk-anda/baca/", views.reading_record, name="reading_record"),
    path("untuk-anda/riwayat/", views.history_list, name="history_list"),
    path("untuk-anda/riwayat/hapus/", views.history_clear, name="history_clear"),
    path(
        "untuk-anda/riwayat/<recs_row_id:event_id>/hapus/",
        views.history_delete,
        name="history_delete",
    ),
]
