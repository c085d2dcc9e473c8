"""Template helpers for the reader pages: dateline, key-points disclosure, share links, and the
parts of a page (``{% remembered %}``) and of the frame around every page
(``{% remembered_frame %}``) that are rendered once per content version."""

from __future__ import annotations

from urllib.parse import quote

from django import template
from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader_tags import BlockNode
from django.urls import get_script_prefix
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site
from wagtail.rich_text import RichText

from warta.apps.newsroom.models import ArticlePage
from warta.apps.newsroom.versioning import FRAGMENT_SECONDS, content_version, remember

register = template.Library()


@register.simple_tag
def paragraph_with_dateline(value: RichText, page: ArticlePage, publication: object) -> SafeString:
    """Render the lead paragraph with "Kota, Publikasi - " in front, inside the same <p>."""
    name = getattr(publication, "publication_name", "Warta")
    dateline = format_html('<span class="dateline">{}, {} - </span>', page.dateline, name)
    html = str(value.__html__())
    if html.startswith("<p>"):
        return mark_safe(f"<p>{dateline}{html[3:]}")  # noqa: S308 - both parts already escaped
    if html.startswith("<p "):
        close = html.index(">") + 1
        return mark_safe(f"{html[:close]}{dateline}{html[close:]}")  # noqa: S308
    return mark_safe(f"<p>{dateline}</p>{html}")  # noqa: S308


DISCLOSURES = {
    ArticlePage.KEY_POINTS_GENERATED: _(
        "Disclaimer: Ringkasan ini dibuat dengan kecerdasan buatan (AI) dan telah diperiksa "
        "oleh editor."
    ),
    ArticlePage.KEY_POINTS_EDITED: _(
        "Disclaimer: Ringkasan ini dibuat dengan bantuan kecerdasan buatan (AI), lalu disunting "
        "dan diperiksa oleh editor."
    ),
    ArticlePage.KEY_POINTS_EDITOR: _("Ringkasan ini ditulis oleh editor."),
}


@register.simple_tag
def key_points_disclosure(page: ArticlePage) -> str:
    """Return the disclosure that matches who wrote the key points."""
    return str(DISCLOSURES.get(page.key_points_provenance(), ""))


SHARE_TARGETS = (
    ("WhatsApp", "whatsapp", "https://wa.me/?text={text}%20{url}"),
    ("X", "x", "https://x.com/intent/post?url={url}&text={text}"),
    ("Facebook", "facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    ("Telegram", "telegram", "https://t.me/share/url?url={url}&text={text}"),
    ("LinkedIn", "linkedin", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
)


@register.simple_tag(takes_context=True)
def share_links(context: template.Context, page: ArticlePage) -> list[dict[str, str]]:
    """Return plain share links (no third-party scripts) for the article's canonical URL."""
    request = context.get("request")
    url = quote(page.get_full_url(request) or "", safe="")
    text = quote(page.title, safe="")
    return [
        {"label": label, "slug": slug, "href": pattern.format(url=url, text=text)}
        for label, slug, pattern in SHARE_TARGETS
    ]


@register.simple_tag(takes_context=True)
def section_links(context: template.Context) -> list[dict[str, str]]:
    """Return the live sections for the navigation bar, in tree order (cached per version)."""
    from warta.apps.newsroom.models import SectionPage

    request = context.get("request")
    key = f"warta:newsroom:section-links:{content_version(request)}:{get_script_prefix()}"
    links = cache.get(key)
    if links is None:
        links = [
            {"title": section.title, "url": section.url or ""}
            for section in SectionPage.objects.live().order_by("path")
        ]
        cache.set(key, links, FRAGMENT_SECONDS)
    return links


@register.simple_tag(takes_context=True)
def article_rails(context: template.Context, page: ArticlePage) -> SafeString:
    """Render the article's picks and latest-in-section rails, cached per content version.

    They are the same for every reader of ``page`` until something is published,
    unpublished, moved, edited or restricted, which bumps the version. The key also
    carries the site (page URLs are relative to it), the language and the script prefix.
    """
    if page.pk is None:  # a preview of a page never saved
        return render_rails(context, page)
    site = Site.find_for_request(context["request"]) if context.get("request") else None
    key = (
        f"warta:newsroom:rails:{content_version(context.get('request'))}:{page.pk}:"
        f"{site.pk if site else ''}:{get_language()}:{get_script_prefix()}"
    )
    html = cache.get(key)
    if html is None:
        html = render_rails(context, page)
        cache.set(key, html, FRAGMENT_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by the autoescaping template below


def render_rails(context: template.Context, page: ArticlePage) -> SafeString:
    """Render ``newsroom/includes/article_rails.html`` with the page's rail lists."""
    rails = context.template.engine.get_template("newsroom/includes/article_rails.html")
    with context.push(**page.rails()):
        return mark_safe(rails.render(context))  # noqa: S308 - an autoescaping template


@register.tag
def remembered(parser: template.base.Parser, token: template.base.Token) -> RememberedNode:
    """Render the enclosed part of a page once per content version and keep it in memory.

    ``{% remembered "body" page %}...{% endremembered %}``: the part must depend only on
    ``page`` as published, what the content version covers (its author, editor, hero image,
    key points, topics, section, the publication settings) and the request's scheme, host, site,
    language and script prefix (links carry it), which are in the key. Previews and unsaved
    pages are rendered every time.
    """
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a name and a page")
    nodelist = parser.parse(("endremembered",))
    parser.delete_first_token()
    return RememberedNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]))


class RememberedNode(template.Node):
    def __init__(
        self,
        nodelist: template.NodeList,
        name: template.base.FilterExpression,
        page: template.base.FilterExpression,
    ) -> None:
        self.nodelist = nodelist
        self.name = name
        self.page = page

    def render(self, context: template.Context) -> SafeString:
        request = context.get("request")
        page = self.page.resolve(context)
        if (
            request is None
            or page is None
            or page.pk is None
            or getattr(request, "is_preview", False)
        ):
            return self.nodelist.render(context)
        key = ("fragment", self.name.resolve(context), page.pk, *place(request), get_language())
        return remember(request, key, lambda: self.nodelist.render(context))


def place(request: HttpRequest) -> tuple[str, str, int | None, str]:
    """Return the request's scheme, host, site (primary key) and script prefix.

    Rendered parts show links and absolute URLs built from these. Worked out once per
    request: ``get_host()`` validates the host on every call.
    """
    try:
        return request._warta_place  # type: ignore[attr-defined,no-any-return]
    except AttributeError:
        pass
    site = Site.find_for_request(request)
    request._warta_place = (  # type: ignore[attr-defined]
        request.scheme,
        request.get_host(),
        site.pk if site is not None else None,
        get_script_prefix(),
    )
    return request._warta_place  # type: ignore[attr-defined,no-any-return]


@register.tag
def remembered_frame(parser: template.base.Parser, token: template.base.Token) -> FrameNode:
    """Render the enclosed part of the frame around pages once per content version.

    ``{% remembered_frame "header" [value ...] %}...{% endremembered_frame %}``, for what
    ``base.html`` puts around every page (head links, header, navigation, footer). The part
    must depend only on what the content version covers (the publication settings, the
    sections), the request's site, language and script prefix, and the listed values, which
    are all in the key. It must never show the user, a CSRF token or messages, nor read the
    path or the query unless they are listed, and it must not set context variables that
    later parts read (on a hit nothing inside runs). Kept in the process's memory like
    ``{% remembered %}``.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a name and optional values")
    nodelist = parser.parse(("endremembered_frame",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(BlockNode):
        raise template.TemplateSyntaxError(f"{bits[0]} cannot hold a block: put it inside one")
    return FrameNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class FrameNode(template.Node):
    #: Django looks for the blocks of the base template on every render by walking all its
    #: nodes; a frame holds none (checked above), so the walk need not enter it.
    child_nodelists = ()

    def __init__(
        self, nodelist: template.NodeList, key: list[template.base.FilterExpression]
    ) -> None:
        self.nodelist = nodelist
        self.key = key

    def render(self, context: template.Context) -> SafeString:
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        _scheme, _host, site, script_prefix = place(request)
        key = (
            "frame",
            site,
            script_prefix,
            get_language(),
            *[value.resolve(context) for value in self.key],
        )
        return remember(request, key, lambda: self.nodelist.render(context))
