"""Body blocks of an article: what an Indonesian news story is made of."""

import html

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link"]


def rich_text_to_plain(source: object) -> str:
    """Return rich-text HTML as plain text with entities decoded ("A &amp; B" -> "A & B")."""
    return " ".join(html.unescape(strip_tags(str(source))).split())


class SubheadingBlock(blocks.CharBlock):
    """A sub-heading; the page numbers them 1., 2., ... in order."""

    class Meta:
        icon = "title"
        label = _("Subjudul bernomor")
        max_length = 160


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Kutipan"), max_length=1200)
    speaker = blocks.CharBlock(label=_("Narasumber"), max_length=120)
    role = blocks.CharBlock(label=_("Jabatan/peran"), max_length=160, required=False)

    class Meta:
        icon = "openquote"
        label = _("Kutipan")
        template = "newsroom/blocks/quote.html"


class SourceBlock(blocks.StructBlock):
    """A cited source, e.g. "dikutip dari Anadolu Agency"."""

    text = blocks.CharBlock(label=_("Sumber"), max_length=200)
    url = blocks.URLBlock(label=_("Tautan"), required=False)

    class Meta:
        icon = "link"
        label = _("Sumber kutipan")
        template = "newsroom/blocks/source.html"


class InlineImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Gambar"))
    caption = blocks.CharBlock(label=_("Keterangan"), max_length=250, required=False)
    credit = blocks.CharBlock(label=_("Kredit foto"), max_length=120)

    class Meta:
        icon = "image"
        label = _("Gambar")
        template = "newsroom/blocks/image.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("Paragraf"))
    subheading = SubheadingBlock()
    quote = QuoteBlock()
    source = SourceBlock()
    image = InlineImageBlock()
