import pytest
from django.test import RequestFactory

from warta.apps.core.views import page_not_found, server_error

pytestmark = pytest.mark.django_db


def test_unknown_url_renders_indonesian_404(client):
    response = client.get("/tidak/ada/halaman/ini/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_404_view_direct():
    response = page_not_found(RequestFactory().get("/x/"), Exception("x"))
    assert response.status_code == 404


def test_500_page_renders_without_database_or_context():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Terjadi gangguan" in response.content.decode()
