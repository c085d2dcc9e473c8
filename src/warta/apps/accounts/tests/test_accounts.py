"""Sign-up, login, logout, password reset, profile and the CSRF failure view."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from wagtail.users.models import UserProfile

from warta.apps.accounts.models import COMMUNITY_WRITERS
from warta.apps.accounts.tests.forms import SIGNUP_FORM
from warta.apps.accounts.views import csrf_failure
from warta.apps.submissions import actions
from warta.apps.submissions.tests import factories as f

pytestmark = pytest.mark.django_db
SIGNUP = reverse("accounts:signup")


def test_signup_creates_a_community_writer_and_logs_in(client):
    response = client.post(SIGNUP, SIGNUP_FORM)
    assert response.status_code == 302
    assert response["Location"] == reverse("submissions:dashboard")
    user = get_user_model().objects.get(username="sitiaminah")
    assert user.is_in_group(COMMUNITY_WRITERS)
    assert user.accepted_terms_at is not None
    assert user.display_name == "Siti Aminah"
    assert not user.is_staff and not user.has_perm("wagtailadmin.access_admin")
    assert not UserProfile.get_for_user(user).rejected_notifications
    assert client.get(reverse("submissions:dashboard")).status_code == 200


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"accept_terms": ""}, "accept_terms", "harus menyetujui ketentuan"),
        ({"email": "bukan-email"}, "email", "Alamat email tidak valid"),
        ({"password2": "lain"}, "password2", "tidak sama"),
        ({"password1": "123", "password2": "123"}, "password1", ""),
        ({"username": ""}, "username", "wajib diisi"),
        ({"username": "x" * 151}, "username", ""),
    ],
)
def test_signup_errors_are_indonesian_and_400(client, change, field, message):
    response = client.post(SIGNUP, {**SIGNUP_FORM, **change})
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert message in response.content.decode()
    assert not get_user_model().objects.filter(username="sitiaminah").exists()
    if change.get("email"):
        assert 'value="bukan-email"' in response.content.decode()  # typed values are kept


def test_signup_refuses_a_taken_email(client, writer):
    response = client.post(SIGNUP, {**SIGNUP_FORM, "email": writer.email.upper()})
    assert response.status_code == 400
    assert "sudah terdaftar" in response.content.decode()


def test_login_and_logout(client, writer):
    response = client.post(
        reverse("accounts:login"), {"username": writer.username, "password": "rahasia-kuat-123"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("submissions:dashboard")
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("submissions:dashboard")).status_code == 302


def test_wrong_password_shows_an_indonesian_error(client, writer):
    response = client.post(
        reverse("accounts:login"), {"username": writer.username, "password": "salah"}
    )
    assert response.status_code == 200
    assert "benar" in response.content.decode()  # Django's Indonesian message


def test_password_reset_round_trip(client, writer):
    response = client.post(reverse("accounts:password_reset"), {"email": writer.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/akun/atur-sandi/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "Sandi-Baru-2026!", "new_password2": "Sandi-Baru-2026!"},
    )
    assert response.status_code == 302
    assert client.login(username=writer.username, password="Sandi-Baru-2026!")


def test_password_reset_for_unknown_email_reveals_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "tidak@ada.id"})
    assert response.status_code == 302
    assert len(mail.outbox) == 0


def test_profile_lists_only_published_articles(client, writer, editor):
    published = f.published(writer, editor)
    f.submitted(writer, headline="Masih ditinjau")
    response = client.get(writer.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert published.headline in html
    assert "Masih ditinjau" not in html
    assert client.get(reverse("accounts:profile", args=["tidak-ada"])).status_code == 404


def test_profiles_without_published_articles_are_unlisted(client, writer, editor):
    f.submitted(writer, headline="Masih ditinjau")
    assert client.get(writer.get_absolute_url()).status_code == 404
    assert client.get(editor.get_absolute_url()).status_code == 404


def test_csrf_failure_view_is_indonesian_403():
    request = RequestFactory().post("/menulis/baru/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = csrf_failure(request, reason="CSRF cookie not set.")
    assert response.status_code == 403
    assert "Formulir kedaluwarsa" in response.content.decode()


def test_signed_up_writer_can_write(client):
    client.post(SIGNUP, SIGNUP_FORM)
    user = get_user_model().objects.get(username="sitiaminah")
    submission = f.draft(user)
    assert actions.submit_submission(submission, user).status == "submitted"
