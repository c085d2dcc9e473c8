"""Wagtail's log-in and password forms for restricted content have the log-in limits, over HTTP.

/_util/login/ (pages restricted to logged-in readers or groups), /_util/authenticate_with_password/
(password-protected pages) and /dokumen/authenticate_with_password/ (password-protected document
collections) accepted any number of tries before accounts/restrictions.py.
"""

import pytest
from django.contrib.auth import views as auth_views
from django.contrib.auth.models import Group
from django.urls import URLResolver, get_resolver, resolve, reverse
from wagtail import views as wagtail_views
from wagtail.documents.views import serve as document_views
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from warta.apps.accounts import restrictions
from warta.apps.accounts.tests.test_throttling import LOGIN_REFUSED, PASSWORD, WRONG, fail_log_ins
from warta.apps.newsroom.tests.factories import make_article

pytestmark = pytest.mark.django_db
PAGE_LOGIN = "/_util/login/"
PAGE_PASSWORD = "rahasia-redaksi"
PASSWORD_REFUSED = "Terlalu banyak percobaan kata sandi. Coba lagi dalam 15 menit."
NO_ACCESS = "Akun Anda tidak punya akses ke halaman ini."


@pytest.fixture
def article():
    return make_article(title="Laporan khusus pelanggan")


def restrict(article, kind, **fields):
    return PageViewRestriction.objects.create(page=article, restriction_type=kind, **fields)


# Where the paths lead -------------------------------------------------------------------


def test_wagtails_paths_and_names_lead_to_the_limited_views():
    assert reverse("wagtailcore_login") == PAGE_LOGIN
    assert resolve(PAGE_LOGIN).func.view_class is restrictions.RestrictedPageLoginView
    path = reverse("wagtailcore_authenticate_with_password", args=[1, 2])
    assert path == "/_util/authenticate_with_password/1/2/"
    assert resolve(path).func is restrictions.page_password
    path = reverse("wagtaildocs_authenticate_with_password", args=[3])
    assert path == "/dokumen/authenticate_with_password/3/"
    assert resolve(path).func is restrictions.document_password


def every_view(patterns=None):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from every_view(pattern.url_patterns)
        else:
            yield pattern.callback


def test_no_path_reaches_a_password_check_without_limits():
    unlimited = {
        wagtail_views.authenticate_with_password,
        document_views.authenticate_with_password,
    }
    views = list(every_view())
    assert not unlimited & set(views)
    # Wagtail routes Django's own LoginView (what /_util/login/ was); every log-in here is ours.
    assert not [view for view in views if getattr(view, "view_class", None) is auth_views.LoginView]


# Log-in for restricted pages ------------------------------------------------------------


def page_log_in(client, username, password=WRONG, ip="127.0.0.1", next_url="/"):
    return client.post(
        f"{PAGE_LOGIN}?next={next_url}",
        {"username": username, "password": password, "next": next_url},
        REMOTE_ADDR=ip,
    )


def fail_page_log_ins(client, username, times, ip="127.0.0.1"):
    for _ in range(times):
        response = page_log_in(client, username, ip=ip)
        assert response.status_code == 200, "refused before the limit"
        assert response.context["form"].errors


def test_a_restricted_page_sends_readers_to_the_limited_log_in(client, article):
    restrict(article, "login")
    response = client.get(article.url)
    assert response.status_code == 302
    assert response["Location"] == f"{PAGE_LOGIN}?next={article.url}"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert f'name="next" value="{article.url}"' in page.content.decode()


def test_restricted_page_log_in_is_refused_with_429_after_five_failures(client, article, writer):
    restrict(article, "login")
    fail_page_log_ins(client, writer.username, 5)
    response = page_log_in(client, writer.username, password=PASSWORD, next_url=article.url)
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    html = response.content.decode()
    assert LOGIN_REFUSED in html
    assert f'value="{writer.username}"' in html
    assert PASSWORD not in html
    assert client.get(article.url).status_code == 302  # still not let in


def test_restricted_page_log_in_shares_the_counts_of_the_site_log_in(client, writer):
    fail_log_ins(client, writer.username, 3)
    fail_page_log_ins(client, writer.username, 2)
    assert page_log_in(client, writer.username, password=PASSWORD).status_code == 429
    assert page_log_in(client, writer.username, PASSWORD, ip="10.0.0.2").status_code == 302


def test_restricted_page_log_in_under_the_limit_returns_to_the_page(client, article, writer):
    restrict(article, "login")
    fail_page_log_ins(client, writer.username, 4)
    response = page_log_in(client, writer.username, password=PASSWORD, next_url=article.url)
    assert response.status_code == 302
    assert response["Location"] == article.url
    assert client.get(article.url).status_code == 200


def test_a_logged_in_reader_without_access_gets_the_form_and_a_note(client, article, writer):
    restriction = restrict(article, "groups")
    restriction.groups.set([Group.objects.create(name="Pelanggan")])
    client.force_login(writer)
    response = client.get(article.url)
    assert response.status_code == 302
    page = client.get(response["Location"])  # no redirect back to the page: that would loop
    assert page.status_code == 200
    assert NO_ACCESS in page.content.decode()
    assert NO_ACCESS not in client.get(PAGE_LOGIN).content.decode()  # no page to go back to


# Password-protected pages ---------------------------------------------------------------


def try_page_password(client, restriction, article, password, ip="127.0.0.1"):
    return client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.id, article.id]),
        {"password": password, "return_url": article.url},
        REMOTE_ADDR=ip,
    )


def test_page_password_is_refused_with_429_after_five_wrong_ones(client, article):
    restriction = restrict(article, "password", password=PAGE_PASSWORD)
    for _ in range(5):
        response = try_page_password(client, restriction, article, "tebakan")
        assert response.status_code == 200, "refused before the limit"
        assert response.context["form"].errors  # Wagtail checked it: wrong
    response = try_page_password(client, restriction, article, PAGE_PASSWORD)
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    html = response.content.decode()
    assert PASSWORD_REFUSED in html
    assert PAGE_PASSWORD not in html
    assert f'name="return_url" value="{article.url}"' in html  # the form, ready for later
    assert "Laporan khusus pelanggan" not in client.get(article.url).content.decode()


def test_page_password_under_the_limit_opens_the_page(client, article):
    restriction = restrict(article, "password", password=PAGE_PASSWORD)
    for _ in range(4):
        assert try_page_password(client, restriction, article, "tebakan").status_code == 200
    response = try_page_password(client, restriction, article, PAGE_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == article.url
    assert "Laporan khusus pelanggan" in client.get(article.url).content.decode()


def test_page_password_limit_is_per_address_so_others_still_get_in(client, article):
    restriction = restrict(article, "password", password=PAGE_PASSWORD)
    for _ in range(5):
        try_page_password(client, restriction, article, "tebakan", ip="203.0.113.66")
    assert (
        try_page_password(client, restriction, article, "x", ip="203.0.113.66").status_code == 429
    )
    response = try_page_password(client, restriction, article, PAGE_PASSWORD, ip="10.0.0.2")
    assert response.status_code == 302


def test_page_passwords_and_log_ins_share_the_address_count(client, settings, article, writer):
    settings.WARTA_LOGIN_FAILURES_PER_IP = 3
    restriction = restrict(article, "password", password=PAGE_PASSWORD)
    fail_log_ins(client, writer.username, 2)
    assert try_page_password(client, restriction, article, "tebakan").status_code == 200
    assert try_page_password(client, restriction, article, PAGE_PASSWORD).status_code == 429
    assert page_log_in(client, writer.username, password=PASSWORD).status_code == 429


def test_page_password_form_still_opens(client, article):
    restriction = restrict(article, "password", password=PAGE_PASSWORD)
    for _ in range(6):
        try_page_password(client, restriction, article, "tebakan")
    path = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, article.id])
    assert client.get(path).status_code == 200
    assert client.get(article.url).status_code == 200  # the password form, not the article


# Password-protected documents -----------------------------------------------------------


@pytest.fixture
def document_restriction():
    collection = Collection.get_first_root_node().add_child(name="Dokumen rahasia")
    return CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password=PAGE_PASSWORD
    )


def try_document_password(client, restriction, password, ip="127.0.0.1"):
    return client.post(
        reverse("wagtaildocs_authenticate_with_password", args=[restriction.id]),
        {"password": password, "return_url": "/dokumen/1/laporan.pdf"},
        REMOTE_ADDR=ip,
    )


def test_document_password_is_refused_with_429_after_five_wrong_ones(client, document_restriction):
    for _ in range(5):
        response = try_document_password(client, document_restriction, "tebakan")
        assert response.status_code == 200, "refused before the limit"
        assert response.context["form"].errors
    response = try_document_password(client, document_restriction, PAGE_PASSWORD)
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    assert PASSWORD_REFUSED in response.content.decode()
    response = try_document_password(client, document_restriction, PAGE_PASSWORD, ip="10.0.0.2")
    assert response.status_code == 302
    assert response["Location"] == "/dokumen/1/laporan.pdf"
