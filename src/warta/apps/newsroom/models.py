"""The content model: home, sections, topics and articles (Wagtail pages)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail.url_routing import RouteResult

from warta.apps.keypoints.panels import KeyPointSourcesPanel
from warta.apps.newsroom.blocks import ArticleBodyBlock
from warta.apps.newsroom.forms import ArticlePageForm

LIST_PAGE_SIZE = 12
#: The rendition list items show (``includes/article_list.html`` and the recommendation lists).
LIST_THUMBNAIL_SPEC = "fill-320x180|format-webp"


def thumbnail_prefetch() -> Prefetch:
    """Return the prefetch of list thumbnails, so a list costs no query per picture."""
    from wagtail.images import get_image_model

    renditions = get_image_model().get_rendition_model().objects
    return Prefetch(
        "hero_image__renditions", queryset=renditions.filter(filter_spec=LIST_THUMBNAIL_SPEC)
    )


@register_snippet
class Topic(models.Model):
    """A tag-like subject ("Banjir", "Pilkada") with its own listing page."""

    name = models.CharField(_("nama"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=False)
    description = models.CharField(_("deskripsi"), max_length=300, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("topik")
        verbose_name_plural = _("topik")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("newsroom:topic_detail", kwargs={"slug": self.slug})


class ArticleQuerySet(PageQuerySet):
    def published(self) -> ArticleQuerySet:
        """Return live, public articles, newest first."""
        return self.live().public().order_by("-first_published_at", "-pk")

    def picks(self) -> ArticleQuerySet:
        """Return articles editors marked as picks."""
        return self.filter(editors_pick=True)

    def for_listing(self) -> ArticleQuerySet:
        """Prefetch what list items show, so a list costs a fixed number of queries."""
        return self.select_related("hero_image", "author").prefetch_related("topics")

    def with_thumbnails(self) -> ArticleQuerySet:
        """Prefetch the list-thumbnail rendition (callers needing other sizes prefetch theirs)."""
        return self.prefetch_related(thumbnail_prefetch())


ArticleManager = PageManager.from_queryset(ArticleQuerySet)


def route_to_child(
    parent: Page, children: PageQuerySet, request: HttpRequest, path_components: list[str]
) -> RouteResult:
    """Route like ``Page.route``, but fetch the child as its specific type in one query.

    Wagtail fetches a child as a plain page, then again as its specific type. A child that
    ``children`` does not hold (another page type) is routed by Wagtail as before.
    """
    child = None
    if path_components:
        child = children.child_of(parent).filter(slug=path_components[0]).first()
    if child is None:
        return Page.route(parent, request, path_components)
    child._cached_parent_obj = parent  # as Wagtail does: get_parent() costs no query
    # Reader templates compare page.content_type; ContentType's cache saves the query.
    child.content_type = ContentType.objects.get_for_id(child.content_type_id)
    return child.route(request, path_components[1:])


class ReaderPage(Page):
    """A page readers are served (home, section, article), routed from memory when warm.

    ``serving.find_route`` evaluates the view restrictions once for a page it remembers; the
    page then answers Wagtail's restriction check from that list for as long as it is
    remembered, which is as long as the content version (restriction changes bump it) stays.
    """

    class Meta:
        abstract = True

    def remember_view_restrictions(self) -> None:
        """Evaluate this page's view restrictions now and answer from them from now on."""
        restrictions = super().get_view_restrictions()
        list(restrictions)  # fills the queryset's result cache: iterating costs no query
        self.__dict__["_remembered_view_restrictions"] = restrictions

    def get_view_restrictions(self) -> Any:
        remembered = self.__dict__.get("_remembered_view_restrictions")
        if remembered is not None:
            return remembered
        return super().get_view_restrictions()


class HomePage(ReaderPage):
    """The front page: latest, editor's picks, topics and the For You tab."""

    max_count = 1
    subpage_types = ["newsroom.SectionPage"]

    class Meta:
        verbose_name = _("beranda")

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        return route_to_child(self, SectionPage.objects.all(), request, path_components)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.published().for_listing().with_thumbnails()
        context["latest"] = articles[:10]
        context["picks"] = articles.picks()[:5]
        context["sections"] = SectionPage.objects.live().child_of(self)
        context["topics"] = Topic.objects.filter(articles__live=True).distinct()[:20]
        return context


class SectionPage(ReaderPage):
    """A rubric such as Berita, Bisnis or Komunitas; articles live under it."""

    intro = models.CharField(_("pengantar"), max_length=250, blank=True)
    is_community = models.BooleanField(
        _("rubrik komunitas"),
        default=False,
        help_text=_("Artikel di rubrik ini ditulis penulis komunitas dan ditinjau redaksi."),
    )

    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["newsroom.ArticlePage"]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("is_community")]

    class Meta:
        verbose_name = _("rubrik")
        verbose_name_plural = _("rubrik")

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        # The article page shows its author, editor and hero image: fetch them with it.
        articles = ArticlePage.objects.select_related("author", "editor", "hero_image")
        return route_to_child(self, articles, request, path_components)

    @classmethod
    def community(cls) -> SectionPage | None:
        """Return the section community writers publish in (``komunitas`` first)."""
        return (
            cls.objects.filter(slug="komunitas", is_community=True).first()
            or cls.objects.filter(is_community=True).first()
        )

    def articles(self) -> ArticleQuerySet:
        """Return this section's published articles, newest first."""
        return ArticlePage.objects.published().child_of(self).for_listing().with_thumbnails()

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.articles(), LIST_PAGE_SIZE)
        context["page_obj"] = paginator.get_page(request.GET.get("halaman"))
        return context


class ArticlePage(ReaderPage):
    """One news story, with every part of the reference page."""

    KEY_POINTS_GENERATED = "generated"
    KEY_POINTS_EDITED = "edited"
    KEY_POINTS_EDITOR = "editor"

    dateline = models.CharField(_("kota dateline"), max_length=60, default="Jakarta")
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar utama"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("keterangan gambar"), max_length=250, blank=True)
    hero_credit = models.CharField(
        _("kredit gambar"),
        max_length=120,
        blank=True,
        help_text=_("Wajib bila ada gambar, mis. 'unsplash.com/saz26' atau 'Warta/Nama'."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("isi"))
    topics = ParentalManyToManyField(
        Topic, verbose_name=_("topik"), blank=True, related_name="articles"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penulis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="authored_articles",
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("editor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="edited_articles",
    )
    is_community = models.BooleanField(_("tulisan komunitas"), default=False)
    editors_pick = models.BooleanField(_("pilihan editor"), default=False)
    key_points_approved = models.BooleanField(
        _("poin kunci disetujui editor"),
        default=False,
        help_text=_("Poin kunci hanya tampil untuk pembaca setelah disetujui editor."),
    )
    key_points_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    key_points_engine = models.CharField(max_length=80, blank=True, editable=False)
    recommendation_boost = models.FloatField(
        _("dorong"),
        default=0.0,
        validators=[MinValueValidator(-3.0), MaxValueValidator(3.0)],
        help_text=_("Tambahan skor rekomendasi, -3 sampai 3 (negatif menurunkan)."),
    )
    recommendation_bury = models.BooleanField(
        _("benamkan"),
        default=False,
        help_text=_("Tampilkan di bawah semua artikel lain di Untuk Anda, Terkait dan Populer."),
    )
    recommendation_pin = models.PositiveSmallIntegerField(
        _("sematkan di posisi"),
        null=True,
        blank=True,
        # For You shows 10 articles (recommendations.feeds.FOR_YOU_LIMIT): a later slot
        # would never be seen.
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_(
            "Posisi tetap di Untuk Anda, 1 sampai 10 (1 = paling atas). Kosongkan bila tidak."
        ),
    )
    recommendation_exclude = models.BooleanField(
        _("jangan rekomendasikan"),
        default=False,
        help_text=_("Tidak pernah muncul di Untuk Anda, Terkait maupun Populer."),
    )

    objects = ArticleManager()

    base_form_class = ArticlePageForm
    parent_page_types = ["newsroom.SectionPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("dateline"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption"), FieldPanel("hero_credit")],
            heading=_("Gambar utama"),
        ),
        MultiFieldPanel(
            [
                KeyPointSourcesPanel(heading=_("Asal poin kunci")),
                InlinePanel("key_points", max_num=5, label=_("Poin")),
                FieldPanel("key_points_approved"),
            ],
            heading=_("Intinya sih... (poin kunci)"),
        ),
        FieldPanel("body"),
        FieldPanel("topics"),
    ]
    promote_panels = [
        *Page.promote_panels,
        FieldPanel("editors_pick"),
        FieldPanel("author"),
        FieldPanel("editor"),
        FieldPanel("is_community"),
        MultiFieldPanel(
            [
                FieldPanel("recommendation_boost"),
                FieldPanel("recommendation_bury"),
                FieldPanel("recommendation_pin"),
                FieldPanel("recommendation_exclude"),
            ],
            heading=_("Rekomendasi"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("body"),
        index.FilterField("editors_pick"),
    ]

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikel")

    def clean(self) -> None:
        super().clean()
        if self.hero_image_id and not self.hero_credit.strip():
            raise ValidationError({"hero_credit": _("Kredit gambar wajib diisi.")})

    def publish(self, revision: Any, user: Any = None, **kwargs: Any) -> Any:
        """Publish ``revision``, first crediting the publishing editor if none is named."""
        from warta.apps.newsroom.publishing import credit_publishing_editor

        credit_publishing_editor(revision, user)
        return super().publish(revision, user=user, **kwargs)

    @property
    def section(self) -> SectionPage | None:
        parent = self.get_parent()
        return parent.specific if parent else None  # type: ignore[return-value]

    def visible_key_points(self) -> list[ArticleKeyPoint]:
        """Return key points readers may see: none until an editor approved them."""
        if not self.key_points_approved:
            return []
        return list(self.key_points.all())

    def key_points_provenance(self) -> str:
        """Return who wrote the key points: generated, edited (generated then edited), editor."""
        origins = {point.origin for point in self.key_points.all()}
        if not origins:
            return ""
        if origins == {ArticleKeyPoint.ORIGIN_GENERATED}:
            return self.KEY_POINTS_GENERATED
        if origins == {ArticleKeyPoint.ORIGIN_EDITOR}:
            return self.KEY_POINTS_EDITOR
        return self.KEY_POINTS_EDITED

    def body_items(self) -> list[tuple[Any, int | None, bool]]:
        """Return (block, sub-heading number or None, is_lead) for each body block.

        Sub-headings are numbered 1, 2, ... in order; the lead is the first paragraph,
        the one the dateline ("Jakarta, Warta - ") is printed in front of.
        """
        items: list[tuple[Any, int | None, bool]] = []
        counter = 0
        lead_seen = False
        for block in self.body:
            number = None
            is_lead = False
            if block.block_type == "subheading":
                counter += 1
                number = counter
            elif block.block_type == "paragraph" and not lead_seen:
                is_lead = lead_seen = True
            items.append((block, number, is_lead))
        return items

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        if self.pk is not None:
            # The template, the disclosure and the metadata each read these: fetch them once.
            prefetch_related_objects([self], "key_points", "topics")
        section = self.get_parent()
        context["section"] = section.specific if section else None
        return context

    def rails(self) -> dict[str, Any]:
        """Return the picks and the latest in this article's section, shown beside it.

        Built only when the cached rails (``{% article_rails %}``) are missing: ``.public()``
        costs a query even before the lists are read.
        """
        published = ArticlePage.objects.published().exclude(pk=self.pk)
        section = self.get_parent()
        return {
            "latest_in_section": published.child_of(section)[:5] if section else [],
            "picks": published.picks()[:5],
        }


class ArticleKeyPoint(Orderable):
    """One "Intinya sih..." bullet, traceable to the sentences it came from."""

    ORIGIN_GENERATED = "generated"
    ORIGIN_EDITED = "edited"
    ORIGIN_EDITOR = "editor"
    ORIGIN_CHOICES = [
        (ORIGIN_GENERATED, _("dibuat mesin (AI)")),
        (ORIGIN_EDITED, _("dibuat mesin, disunting editor")),
        (ORIGIN_EDITOR, _("ditulis editor")),
    ]

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="key_points")
    text = models.CharField(_("poin"), max_length=400)
    generated_text = models.CharField(max_length=600, blank=True, editable=False)
    source_sentences = models.JSONField(default=list, blank=True, editable=False)
    source_excerpt = models.TextField(_("kalimat sumber"), blank=True, editable=False)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("poin kunci")

    def get_origin_display(self) -> str:
        """Return the provenance label shown to editors."""
        return str(dict(self.ORIGIN_CHOICES)[self.origin])

    @property
    def origin(self) -> str:
        """Return where this bullet's words come from, derived so no save path can miss it."""
        if not self.generated_text:
            return self.ORIGIN_EDITOR
        if self.text.strip() != self.generated_text.strip():
            return self.ORIGIN_EDITED
        return self.ORIGIN_GENERATED


class ContentVersion(models.Model):
    """The newsroom content version, where processes that share no cache read it.

    One row, bumped after every commit that changes what a reader page shows and read again
    by each process at most once a second (``versioning.STORED_VERSION_SECONDS``), not on every
    request. With a cache shared by every process (Redis) the version lives there instead and
    this row is not used.
    """

    value = models.BigIntegerField()

    def __str__(self) -> str:
        return str(self.value)
