from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from warta.apps.accounts import views as account_views
from warta.apps.newsroom import serving

urlpatterns = [
    # Ahead of the admin's own views, under the same names, so they get the account forms'
    # rate limits (accounts/views.py); Wagtail's reverse() and redirects lead here.
    path("admin/login/", account_views.AdminLoginView.as_view(), name="wagtailadmin_login"),
    path(
        "admin/password_reset/",
        account_views.AdminPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path("akun/", include("warta.apps.accounts.urls")),
    path("", include("warta.apps.core.urls")),  # /bahasa/<code>/: the language switch
    path("menulis/", include("warta.apps.submissions.urls")),
    path("cari/", include("warta.apps.search.urls")),
    path("", include("warta.apps.distribution.urls")),
    path("", include("warta.apps.recommendations.urls")),
    path("", include("warta.apps.newsroom.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's front-end URLs, except that pages are served by Wagtail's view with the site and
# route remembered per content version (newsroom/serving.py), under the same pattern and name.
urlpatterns += [
    *(url for url in wagtail_urls.urlpatterns if getattr(url, "name", "") != "wagtail_serve"),
    re_path(serve_pattern, serving.serve, name="wagtail_serve"),
]

handler404 = "warta.apps.core.views.page_not_found"
handler500 = "warta.apps.core.views.server_error"
