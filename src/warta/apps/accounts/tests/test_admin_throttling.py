"""The Wagtail admin's log-in and password reset share the account forms' limits, over HTTP."""

import pytest
from django.core import mail
from django.urls import resolve, reverse

from warta.apps.accounts import views
from warta.apps.accounts.tests.test_throttling import (
    LOGIN_REFUSED,
    PASSWORD,
    RESET_REFUSED,
    WRONG,
    fail_log_ins,
    request_reset,
)

pytestmark = pytest.mark.django_db
ADMIN_LOGIN = "/admin/login/"
ADMIN_RESET = "/admin/password_reset/"
ADMIN_HOME = "/admin/"
ADMIN_PAGES = "/admin/pages/"
ADMIN_WRONG_PASSWORD = "tidak cocok"  # Wagtail's wrong-password message


def admin_log_in(client, username, password=WRONG, ip="127.0.0.1", **extra):
    data = {"username": username, "password": password, **extra}
    return client.post(ADMIN_LOGIN, data, REMOTE_ADDR=ip)


def fail_admin_log_ins(client, username, times, ip="127.0.0.1"):
    for _ in range(times):
        response = admin_log_in(client, username, ip=ip)
        assert response.status_code == 200, "refused before the limit"
        assert ADMIN_WRONG_PASSWORD in response.content.decode()


def in_the_admin(client):
    return client.get(ADMIN_HOME).status_code == 200


def test_admin_login_urls_lead_to_the_limited_views():
    assert reverse("wagtailadmin_login") == ADMIN_LOGIN
    assert reverse("wagtailadmin_password_reset") == ADMIN_RESET
    assert resolve(ADMIN_LOGIN).func.view_class is views.AdminLoginView
    assert resolve(ADMIN_RESET).func.view_class is views.AdminPasswordResetView


def test_admin_login_is_refused_with_429_after_five_failures_and_keeps_the_username(client, editor):
    fail_admin_log_ins(client, editor.username, 5)
    response = admin_log_in(client, editor.username, password="tebakan-keenam")
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    html = response.content.decode()
    assert LOGIN_REFUSED in html
    assert f'value="{editor.username}"' in html
    assert "tebakan-keenam" not in html
    assert ADMIN_WRONG_PASSWORD not in html  # the password was not even checked
    assert 'class="login-form"' in html  # Wagtail's own log-in page, shown again


def test_refused_admin_login_does_not_accept_the_right_password(client, editor):
    fail_admin_log_ins(client, editor.username, 5)
    assert admin_log_in(client, editor.username, password=PASSWORD).status_code == 429
    assert not in_the_admin(client)
    assert client.get(ADMIN_LOGIN).status_code == 200  # the form still opens


def test_site_failures_count_towards_the_admin_login(client, editor):
    fail_log_ins(client, editor.username, 3)
    fail_admin_log_ins(client, editor.username, 2)
    assert admin_log_in(client, editor.username, password=PASSWORD).status_code == 429


def test_admin_failures_count_towards_the_site_login(client, editor):
    fail_admin_log_ins(client, editor.username, 5)
    response = client.post(
        reverse("accounts:login"), {"username": editor.username, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert LOGIN_REFUSED in response.content.decode()


def test_both_forms_share_the_ip_counter(client, settings, editor):
    settings.WARTA_LOGIN_FAILURES_PER_IP = 3
    fail_log_ins(client, "satu", 1, ip="10.0.0.1")
    fail_admin_log_ins(client, "dua", 2, ip="10.0.0.1")
    assert admin_log_in(client, editor.username, PASSWORD, ip="10.0.0.1").status_code == 429
    assert admin_log_in(client, editor.username, PASSWORD, ip="10.0.0.2").status_code == 302


def test_admin_login_under_the_limit_lands_in_the_admin(client, editor):
    fail_admin_log_ins(client, editor.username, 4)
    response = admin_log_in(client, editor.username, password=PASSWORD, next=ADMIN_HOME)
    assert response.status_code == 302
    assert response["Location"] == ADMIN_HOME
    assert in_the_admin(client)


def test_successful_admin_login_clears_the_account_failures(client, editor):
    fail_admin_log_ins(client, editor.username, 4)
    assert admin_log_in(client, editor.username, password=PASSWORD).status_code == 302
    client.post(reverse("wagtailadmin_logout"))
    fail_log_ins(client, editor.username, 4)  # refused from the 2nd if not cleared
    assert admin_log_in(client, editor.username, password=PASSWORD).status_code == 302


def test_admin_redirects_to_its_login_and_honours_next(client, editor):
    response = client.get(ADMIN_PAGES)
    assert response.status_code == 302
    assert response["Location"] == f"{ADMIN_LOGIN}?next={ADMIN_PAGES}"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert f'name="next" value="{ADMIN_PAGES}"' in page.content.decode()
    response = admin_log_in(client, editor.username, password=PASSWORD, next=ADMIN_PAGES)
    assert response.status_code == 302
    assert response["Location"] == ADMIN_PAGES


def test_refused_admin_login_keeps_next(client, editor):
    fail_admin_log_ins(client, editor.username, 5)
    response = client.post(
        f"{ADMIN_LOGIN}?next={ADMIN_PAGES}",
        {"username": editor.username, "password": WRONG, "next": ADMIN_PAGES},
    )
    assert response.status_code == 429
    assert f'name="next" value="{ADMIN_PAGES}"' in response.content.decode()


def test_admin_login_ignores_an_offsite_next(client, editor):
    response = admin_log_in(client, editor.username, PASSWORD, next="https://jahat.example/")
    assert response.status_code == 302
    assert response["Location"] == ADMIN_HOME


# Password reset -------------------------------------------------------------------------


def request_admin_reset(client, email, ip="127.0.0.1"):
    return client.post(ADMIN_RESET, {"email": email}, REMOTE_ADDR=ip)


def test_admin_password_reset_is_refused_with_429_after_five_requests(client, editor):
    for _ in range(5):
        assert request_admin_reset(client, editor.email).status_code == 302
    response = request_admin_reset(client, editor.email)
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    html = response.content.decode()
    assert RESET_REFUSED in html
    assert f'value="{editor.email}"' in html
    assert len(mail.outbox) == 5  # the refused request sent nothing


def test_site_and_admin_password_resets_share_the_ip_counter(client, editor):
    for _ in range(3):
        assert request_reset(client, editor.email).status_code == 302
    for _ in range(2):
        assert request_admin_reset(client, editor.email).status_code == 302
    assert request_admin_reset(client, editor.email).status_code == 429
    assert request_reset(client, editor.email).status_code == 429
    assert request_admin_reset(client, editor.email, ip="10.0.0.2").status_code == 302
