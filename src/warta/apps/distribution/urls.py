"""Routes of the distribution app, included at the site root before Wagtail's pages."""

from django.urls import path, re_path, register_converter

from warta.apps.distribution.views import api, feeds, pwa, seo


class FeedFormatConverter:
    regex = "rss|atom|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FeedFormatConverter, "feedformat")

app_name = "distribution"
urlpatterns = [
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("sitemap.xml", seo.sitemap_index, name="sitemap_index"),
    path("sitemap-<slug:section>.xml", seo.sitemap_section, name="sitemap_section"),
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("sw.js", pwa.service_worker, name="service_worker"),
    path("offline/", pwa.offline, name="offline"),
    path("feed/<feedformat:fmt>/", feeds.site_feed, name="site_feed"),
    path("feed/rubrik/<slug:slug>/<feedformat:fmt>/", feeds.section_feed, name="section_feed"),
    path("feed/topik/<slug:slug>/<feedformat:fmt>/", feeds.topic_feed, name="topic_feed"),
    path("api/v1/artikel/", api.article_list, name="api_article_list"),
    path("api/v1/artikel/<int:pk>/", api.article_detail_view, name="api_article_detail"),
    path("api/v1/terbaru/", api.latest, name="api_latest"),
    path("api/v1/rubrik/", api.section_list, name="api_section_list"),
    path("api/v1/topik/", api.topic_list, name="api_topic_list"),
    re_path(r"^api/(?P<rest>.*)$", api.not_found, name="api_not_found"),
]
