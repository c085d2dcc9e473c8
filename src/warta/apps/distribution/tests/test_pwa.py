import json

import pytest
from django.contrib.staticfiles import finders
from django.template import engines
from django.test import RequestFactory
from PIL import Image as PillowImage

pytestmark = pytest.mark.django_db


def test_manifest_makes_the_site_installable(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["name"] == "Warta"
    assert data["short_name"] == "Warta"
    assert data["start_url"] == "/"
    assert data["display"] == "standalone"
    assert data["lang"] == "id"
    assert data["theme_color"] == "#b3121f"
    maskable = {icon["sizes"] for icon in data["icons"] if icon["purpose"] == "maskable"}
    assert maskable == {"192x192", "512x512"}


@pytest.mark.parametrize("name", ["icon", "maskable"])
@pytest.mark.parametrize("size", [192, 512])
def test_icons_are_committed_pngs_of_the_declared_size(client, name, size):
    path = finders.find(f"distribution/icons/{name}-{size}.png")
    assert path, "run python -m warta.apps.distribution.artwork and commit the PNGs"
    with PillowImage.open(path) as image:
        assert (image.format, image.size) == ("PNG", (size, size))
        if name == "maskable":  # full bleed: no transparent corners to be cropped into view
            assert image.convert("RGBA").getpixel((0, 0))[3] == 255


def test_service_worker_is_served_from_the_root_uncached(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    source = response.content.decode()
    config = json.loads(source.split("const CONFIG = ", 1)[1].split(";\n", 1)[0])
    assert config["neverCache"] == ["/admin/", "/menulis/", "/akun/", "/untuk-anda/", "/api/"]
    assert config["precache"] == ["/", "/offline/"]
    assert config["offlineText"] == "Anda sedang offline"
    assert 'request.method !== "GET"' in source
    assert "private|no-store" in source


def test_service_worker_version_is_stable(client):
    assert client.get("/sw.js").content == client.get("/sw.js").content


def test_offline_page(client):
    response = client.get("/offline/")
    assert response.status_code == 200
    assert "Anda sedang offline" in response.content.decode()
    assert "public" in response["Cache-Control"]


def render(source):
    request = RequestFactory().get("/")
    return (
        engines["django"].from_string("{% load distribution_tags %}" + source).render({}, request)
    )


def test_pwa_head_links_manifest_icons_and_registration_script():
    html = render("{% pwa_head %}")
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert 'rel="apple-touch-icon"' in html
    assert '<meta name="theme-color" content="#b3121f">' in html
    assert 'src="/static/distribution/pwa.js" data-service-worker="/sw.js" defer' in html
    assert finders.find("distribution/pwa.js") and finders.find("distribution/pwa.css")


def test_install_prompt_is_hidden_until_the_browser_offers_it():
    html = render("{% install_prompt %}")
    assert "data-install-prompt hidden" in html
    assert "Baca lebih nyaman di aplikasi Warta" in html
    assert ">Pasang</button>" in html
    assert "data-install-ios hidden>Ketuk Bagikan lalu Tambahkan ke Layar Utama<" in html


def test_feed_links():
    html = render("{% feed_links %}")
    assert 'type="application/rss+xml" title="Warta (RSS)" href="/feed/rss/"' in html
    assert 'href="/feed/json/"' in html
