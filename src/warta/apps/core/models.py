"""Publisher-wide settings editable in the admin (Pengaturan > Publikasi)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class PublicationSettings(BaseSiteSetting):
    """Name shown in datelines, the community notice and social links ("Follow Us")."""

    publication_name = models.CharField(_("nama publikasi"), max_length=80, default="Warta")
    tagline = models.CharField(
        _("slogan"), max_length=160, blank=True, default="Berita komunitas, diperiksa redaksi."
    )
    community_notice = models.CharField(
        _("catatan artikel komunitas"),
        max_length=300,
        default=(
            "Artikel ini ditulis oleh penulis komunitas kami dan telah ditinjau dengan saksama "
            "oleh tim redaksi."
        ),
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    tiktok_url = models.URLField(_("TikTok"), blank=True)

    panels = [
        FieldPanel("publication_name"),
        FieldPanel("tagline"),
        FieldPanel("community_notice"),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("x_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("tiktok_url"),
            ],
            heading=_("Ikuti kami"),
        ),
    ]

    class Meta:
        verbose_name = _("pengaturan publikasi")

    def social_links(self) -> list[tuple[str, str]]:
        """Return (label, url) pairs for the configured social accounts, in display order."""
        pairs = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("TikTok", self.tiktok_url),
        ]
        return [(label, url) for label, url in pairs if url]
