from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from warta.apps.accounts import restrictions
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
    # Wagtail's document URLs, with the password form of a protected collection replaced
    # (same path and name) by one with the log-in limits (accounts/restrictions.py).
    path(
        "dokumen/",
        include(
            [
                *(
                    url
                    for url in wagtaildocs_urls.urlpatterns
                    if getattr(url, "name", "") != "wagtaildocs_authenticate_with_password"
                ),
                path(
                    "authenticate_with_password/<int:restriction_id>/",
                    restrictions.document_password,
                    name="wagtaildocs_authenticate_with_password",
                ),
            ]
        ),
    ),
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

# Wagtail's front-end URLs, under Wagtail's paths and names, with three views replaced: the
# log-in for restricted pages and the password form of protected pages get the log-in limits
# (accounts/restrictions.py), and pages are served by Wagtail's view with the site and route
# remembered per content version (newsroom/serving.py). Wagtail's own patterns for them are
# dropped, so no path reaches the unlimited views.
REPLACED_WAGTAIL_URLS = {
    "wagtailcore_login",
    "wagtailcore_authenticate_with_password",
    "wagtail_serve",
}
urlpatterns += [
    *(
        url
        for url in wagtail_urls.urlpatterns
        if getattr(url, "name", "") not in REPLACED_WAGTAIL_URLS
    ),
    path("_util/login/", restrictions.RestrictedPageLoginView.as_view(), name="wagtailcore_login"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        restrictions.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # Last: its pattern would match the two paths above too.
    re_path(serve_pattern, serving.serve, name="wagtail_serve"),
]

handler404 = "warta.apps.core.views.page_not_found"
handler500 = "warta.apps.core.views.server_error"
