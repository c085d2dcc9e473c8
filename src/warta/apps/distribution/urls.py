"""Routes of the distribution app, included at the site root before Wagtail's pages."""

from django.urls import path, register_converter

from warta.apps.distribution.views import feeds, pwa, seo


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
]
