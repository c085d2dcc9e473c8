from django.urls import path

from warta.apps.submissions import views

app_name = "submissions"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("baru/", views.submission_create, name="submission_create"),
    path("baru/simpan-otomatis/", views.submission_autosave, name="submission_autosave_new"),
    path("<int:pk>/", views.submission_detail, name="submission_detail"),
    path("<int:pk>/ubah/", views.submission_edit, name="submission_edit"),
    path("<int:pk>/kirim/", views.submission_submit, name="submission_submit"),
    path("<int:pk>/simpan-otomatis/", views.submission_autosave, name="submission_autosave"),
]
