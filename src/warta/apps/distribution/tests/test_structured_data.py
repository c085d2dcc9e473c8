from datetime import datetime

import extruct
import jsonschema
import pytest
from django.template import engines
from django.test import RequestFactory
from PIL import Image as PillowImage

from warta.apps.core.models import PublicationSettings
from warta.apps.distribution.tests.factories import make_user, publish_article

pytestmark = pytest.mark.django_db

ISO_WIB = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$"
ABSOLUTE = r"^https?://"
NEWS_ARTICLE_SCHEMA = {
    "type": "object",
    "required": [
        "@context", "@type", "headline", "image", "datePublished", "dateModified", "author",
        "publisher", "locationCreated", "articleSection", "keywords", "inLanguage",
        "isAccessibleForFree", "mainEntityOfPage",
    ],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "NewsArticle"},
        "headline": {"type": "string", "minLength": 1, "maxLength": 110},
        "image": {
            "type": "array", "minItems": 3, "maxItems": 3,
            "items": {"type": "string", "pattern": ABSOLUTE},
        },
        "datePublished": {"type": "string", "pattern": ISO_WIB},
        "dateModified": {"type": "string", "pattern": ISO_WIB},
        "author": {
            "type": "array", "minItems": 1,
            "items": {
                "type": "object", "required": ["@type", "name", "url"],
                "properties": {
                    "@type": {"const": "Person"},
                    "name": {"type": "string", "minLength": 1},
                    "url": {"type": "string", "pattern": ABSOLUTE},
                },
            },
        },
        "publisher": {
            "type": "object", "required": ["@type", "name", "logo"],
            "properties": {
                "name": {"type": "string", "minLength": 1},
                "logo": {
                    "type": "object", "required": ["@type", "url"],
                    "properties": {
                        "@type": {"const": "ImageObject"},
                        "url": {"type": "string", "pattern": ABSOLUTE + r".*\.png$"},
                    },
                },
            },
        },
        "locationCreated": {
            "type": "object", "required": ["@type", "name"],
            "properties": {"@type": {"const": "Place"}, "name": {"type": "string"}},
        },
        "articleSection": {"type": "string", "minLength": 1},
        "keywords": {"type": "array", "items": {"type": "string"}},
        "inLanguage": {"const": "id"},
        "isAccessibleForFree": {"const": True},
    },
}  # fmt: skip


@pytest.fixture
def article():
    return publish_article(
        'Banjir rob "besar" </script> rendam pesisir',
        author=make_user("sari"),
        topics=("Banjir", "Semarang"),
    )


def render_head(article, **context):
    request = RequestFactory().get(article.url)
    source = (
        "{% load distribution_tags %}<html><head>{% article_meta page %}</head><body></body></html>"
    )
    html = engines["django"].from_string(source).render({"page": article, **context}, request)
    return html, extruct.extract(
        html,
        base_url=f"http://testserver{article.url}",
        syntaxes=["json-ld", "opengraph"],
        uniform=True,
    )


def test_json_ld_validates_against_the_required_properties(article):
    _, data = render_head(article)
    [item] = data["json-ld"]
    jsonschema.validate(item, NEWS_ARTICLE_SCHEMA)
    assert item["headline"] == article.title
    assert item["author"][0] == {
        "@type": "Person",
        "name": "Sari Wulandari",
        "url": f"http://testserver{article.author.get_absolute_url()}",
    }
    assert item["publisher"]["name"] == "Warta"
    assert item["locationCreated"]["name"] == "Semarang"
    assert item["articleSection"] == "Berita"
    assert item["keywords"] == ["Banjir", "Semarang"]
    assert item["mainEntityOfPage"]["@id"] == f"http://testserver{article.url}"
    published = datetime.fromisoformat(item["datePublished"])
    assert abs((published - article.first_published_at).total_seconds()) < 1


def test_images_come_in_16_9_4_3_and_1_1(article, settings):
    _, data = render_head(article)
    [item] = data["json-ld"]
    ratios = []
    for url, spec in zip(
        item["image"], ("fill-1200x675", "fill-1200x900", "fill-1200x1200"), strict=True
    ):
        assert spec in url
        with PillowImage.open(settings.MEDIA_ROOT / url.split("/media/")[1]) as image:
            ratios.append(round(image.width / image.height, 2))
    assert ratios == [1.78, 1.33, 1.0]


def test_script_content_cannot_break_out(article):
    html, data = render_head(article)
    assert "</script> rendam" not in html
    assert data["json-ld"][0]["headline"] == article.title


def test_open_graph_twitter_and_canonical(article):
    PublicationSettings.objects.update_or_create(
        site_id=1, defaults={"x_url": "https://x.com/wartaid"}
    )
    html, data = render_head(article)
    assert f'<link rel="canonical" href="http://testserver{article.url}">' in html
    [og] = data["opengraph"]
    assert og["@type"] == "article"
    assert og["og:url"] == f"http://testserver{article.url}"
    assert og["og:image"].startswith("http://testserver/media/images/")
    assert og["og:site_name"] == "Warta"
    assert og["article:published_time"].endswith("+07:00")
    assert og["article:section"] == "Berita"
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta name="twitter:site" content="@wartaid">' in html
    # The description is made of approved key points, never unapproved ones.
    assert "Banjir rob merendam tiga kelurahan." in og["og:description"]


def test_unapproved_key_points_stay_out_of_metadata():
    article = publish_article(
        approved=False, key_points=("Poin belum disetujui.",), with_image=False
    )
    html, data = render_head(article)
    assert "Poin belum disetujui" not in html
    assert "image" not in data["json-ld"][0]
    assert '<meta name="twitter:card" content="summary">' in html


def test_article_without_profile_page_still_validates_author_name(article):
    _, data = render_head(article)
    assert data["json-ld"][0]["author"][0]["name"] == "Sari Wulandari"


def test_logo_is_a_committed_png(client):
    from django.contrib.staticfiles import finders

    from warta.apps.distribution.artwork import LOGO_SIZE

    with PillowImage.open(finders.find("distribution/logo.png")) as logo:
        assert logo.format == "PNG"
        assert logo.size == LOGO_SIZE


def test_real_article_page_carries_the_metadata(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    data = extruct.extract(html, base_url=f"http://testserver{article.url}", syntaxes=["json-ld"])
    [item] = [i for i in data["json-ld"] if i.get("@type") == "NewsArticle"]
    assert item["headline"] == article.title
    assert item["datePublished"].endswith("+07:00")
    assert f'<link rel="canonical" href="http://testserver{article.url}">' in html


def test_draft_preview_renders_without_publication_time():
    article = publish_article(with_image=False)
    article.first_published_at = None
    article.last_published_at = None
    html, data = render_head(article)
    assert data["json-ld"][0]["datePublished"].endswith("+07:00")
