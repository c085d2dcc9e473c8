"""Tags for page heads: ``{% article_meta page %}``, ``{% pwa_head %}``,
``{% install_prompt %}`` and ``{% feed_links %}``.

Load with ``{% load distribution_tags %}``. They read ``request`` (and, when
present, ``publication`` and ``section``) from the template context.
"""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from warta.apps.core.models import PublicationSettings
from warta.apps.distribution.structured_data import (
    article_metadata,
    news_article,
    open_graph,
    twitter_card,
)
from warta.apps.newsroom.models import ArticlePage, SectionPage, Topic

register = template.Library()

# The characters that could end a <script> element or start an HTML comment early.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def publication_from(context: template.Context) -> PublicationSettings:
    """Return the publication settings already in the context, else load them for the request."""
    publication = context.get("publication")
    if isinstance(publication, PublicationSettings):
        return publication
    return PublicationSettings.for_request(context["request"])


def json_ld(data: dict[str, Any]) -> SafeString:
    """Return ``data`` inside a JSON-LD script element that no string can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    escaped = text.translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))  # noqa: S308


@register.inclusion_tag("distribution/article_meta.html", takes_context=True)
def article_meta(context: template.Context, page: ArticlePage) -> dict[str, Any]:
    """Render canonical link, OpenGraph, Twitter card and NewsArticle JSON-LD for ``page``."""
    section = context.get("section")
    meta = article_metadata(
        context["request"],
        page,
        publication_from(context),
        section if isinstance(section, SectionPage) else None,
    )
    return {
        "meta": meta,
        "open_graph": open_graph(meta),
        "twitter_card": twitter_card(meta),
        "json_ld": json_ld(news_article(meta)),
    }


@register.inclusion_tag("distribution/pwa_head.html", takes_context=True)
def pwa_head(context: template.Context) -> dict[str, Any]:
    """Render the manifest link, icons, theme colour and service-worker registration."""
    return {"request": context.get("request")}


@register.inclusion_tag("distribution/install_prompt.html", takes_context=True)
def install_prompt(context: template.Context) -> dict[str, Any]:
    """Render the hidden "install the app" banner that pwa.js reveals when installable."""
    return {"publication": publication_from(context)}


@register.inclusion_tag("distribution/feed_links.html", takes_context=True)
def feed_links(context: template.Context, channel: object = None) -> dict[str, Any]:
    """Render <link rel="alternate"> feeds for the site, a section (page) or a topic."""
    if isinstance(channel, SectionPage):
        prefix, name = f"/feed/rubrik/{channel.slug}/", channel.title
    elif isinstance(channel, Topic):
        prefix, name = f"/feed/topik/{channel.slug}/", channel.name
    else:
        prefix, name = "/feed/", publication_from(context).publication_name
    return {"prefix": prefix, "name": name}
