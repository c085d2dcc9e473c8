"""Rate limits on log-in, sign-up and password-reset requests, over HTTP."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core import mail
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse

from warta.apps.accounts import throttling
from warta.apps.accounts.conf import RateLimit
from warta.apps.accounts.tests.forms import SIGNUP_FORM

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")
SIGNUP = reverse("accounts:signup")
RESET = reverse("accounts:password_reset")
DASHBOARD = reverse("submissions:dashboard")
PASSWORD = "rahasia-kuat-123"  # the factories' password
WRONG = "salah-sekali"
LOGIN_REFUSED = "Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit."
SIGNUP_REFUSED = "Terlalu banyak percobaan pendaftaran dari jaringan Anda. Coba lagi dalam 1 jam."
RESET_REFUSED = (
    "Terlalu banyak permintaan atur ulang kata sandi dari jaringan Anda. Coba lagi dalam 1 jam."
)


def log_in(client, username, password=WRONG, ip="127.0.0.1", **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, headers=headers
    )


def fail_log_ins(client, username, times, ip="127.0.0.1"):
    for _ in range(times):
        response = log_in(client, username, ip=ip)
        assert response.status_code == 200, "refused before the limit"
        assert "benar" in response.content.decode()  # Django's wrong-password message


def is_logged_in(client):
    return client.get(DASHBOARD).status_code == 200


# Log-in ---------------------------------------------------------------------------------


def test_login_is_refused_with_429_after_five_failures_and_keeps_the_username(client, writer):
    fail_log_ins(client, writer.username, 5)
    response = log_in(client, writer.username, password="tebakan-keenam")
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    html = response.content.decode()
    assert LOGIN_REFUSED in html
    assert f'value="{writer.username}"' in html
    assert "tebakan-keenam" not in html
    assert "benar" not in html  # the password was not even checked


def test_refused_login_does_not_accept_the_right_password(client, writer):
    fail_log_ins(client, writer.username, 5)
    response = log_in(client, writer.username, password=PASSWORD)
    assert response.status_code == 429
    assert not is_logged_in(client)


def test_login_form_still_opens_while_refusing(client, writer):
    fail_log_ins(client, writer.username, 5)
    assert client.get(LOGIN).status_code == 200


def test_login_under_the_limit_behaves_normally(client, writer):
    fail_log_ins(client, writer.username, 4)
    response = log_in(client, writer.username, password=PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD


def test_successful_login_clears_the_account_failures(client, writer):
    fail_log_ins(client, writer.username, 4)
    assert log_in(client, writer.username, password=PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    fail_log_ins(client, writer.username, 5)  # would be refused from the 2nd if not cleared
    assert log_in(client, writer.username).status_code == 429


def test_successful_login_does_not_clear_the_ip_failures(client, settings, writer):
    settings.WARTA_LOGIN_FAILURES_PER_IP = 3
    fail_log_ins(client, "orang-lain", 2)
    assert log_in(client, writer.username, password=PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    fail_log_ins(client, "orang-ketiga", 1)
    assert log_in(client, writer.username, password=PASSWORD).status_code == 429


def test_unknown_and_existing_accounts_are_refused_alike(client, writer):
    fail_log_ins(client, writer.username, 5, ip="10.0.0.1")
    fail_log_ins(client, "tidak-ada-orangnya", 5, ip="10.0.0.2")
    existing = log_in(client, writer.username, ip="10.0.0.1")
    unknown = log_in(client, "tidak-ada-orangnya", ip="10.0.0.2")
    assert existing.status_code == unknown.status_code == 429
    assert existing["Retry-After"] == unknown["Retry-After"]
    assert LOGIN_REFUSED in existing.content.decode()
    assert LOGIN_REFUSED in unknown.content.decode()


def test_accounts_are_limited_independently(client, writer, editor):
    fail_log_ins(client, writer.username, 5)
    assert log_in(client, writer.username).status_code == 429
    assert log_in(client, editor.username, password=PASSWORD).status_code == 302


def test_failures_from_one_address_do_not_lock_the_account_out_elsewhere(client, writer):
    # Anyone who knows a name could otherwise keep its owner out with 5 tries a quarter hour.
    fail_log_ins(client, writer.username, 5, ip="203.0.113.66")
    assert log_in(client, writer.username, password=PASSWORD, ip="203.0.113.66").status_code == 429
    assert log_in(client, writer.username, password=PASSWORD, ip="10.0.0.2").status_code == 302


def test_account_wide_ceiling_holds_across_addresses(client, writer):
    # 50 failures by default, at most 5 from each address: it takes 10 addresses.
    for n in range(10):
        fail_log_ins(client, writer.username, 5, ip=f"10.0.0.{n + 1}")
    assert log_in(client, writer.username, password=PASSWORD, ip="10.0.0.99").status_code == 429
    assert log_in(client, "orang-lain", password=PASSWORD, ip="10.0.0.99").status_code == 200


def test_account_wide_ceiling_is_configurable(client, settings, writer):
    settings.WARTA_LOGIN_FAILURES_PER_ACCOUNT = 3
    for n in range(3):
        fail_log_ins(client, writer.username, 1, ip=f"10.0.0.{n + 1}")
    response = log_in(client, writer.username, password=PASSWORD, ip="10.0.0.99")
    assert response.status_code == 429
    assert LOGIN_REFUSED in response.content.decode()


def test_refused_attempts_are_not_counted(client, settings, writer):
    settings.WARTA_LOGIN_FAILURES_PER_IP = 7
    fail_log_ins(client, writer.username, 5)
    for _ in range(5):
        assert log_in(client, writer.username).status_code == 429
    # Had the 5 refusals counted, the address would be past its 7 already.
    fail_log_ins(client, "orang-lain", 2)
    assert log_in(client, "orang-lain").status_code == 429


def test_attempts_refused_by_the_account_ceiling_do_not_use_up_the_address(
    client, settings, writer
):
    settings.WARTA_LOGIN_FAILURES_PER_ACCOUNT = 2
    settings.WARTA_LOGIN_FAILURES_PER_IP = 4
    fail_log_ins(client, writer.username, 1, ip="10.0.0.1")
    fail_log_ins(client, writer.username, 1, ip="10.0.0.2")
    for _ in range(5):  # counted against the address first, then refused by the ceiling
        assert log_in(client, writer.username, ip="10.0.0.1").status_code == 429
    for name in ("satu", "dua", "tiga"):  # 1 + 3: the address's 4
        fail_log_ins(client, name, 1, ip="10.0.0.1")
    assert log_in(client, "empat", ip="10.0.0.1").status_code == 429


def test_successful_log_ins_do_not_use_up_the_address(client, settings, writer):
    settings.WARTA_LOGIN_FAILURES_PER_IP = 2  # an office behind one NAT, everyone signing in
    for _ in range(4):
        assert log_in(client, writer.username, password=PASSWORD).status_code == 302
        client.post(reverse("accounts:logout"))
    fail_log_ins(client, "orang-lain", 2)


def test_two_attempts_at_once_cannot_both_take_the_last_one(client, settings, writer, monkeypatch):
    """A second request arriving while the first one's password is checked is refused.

    The count is taken before the check: had it been read first and raised afterwards, both
    requests would see one attempt left and both get to try a password.
    """
    settings.WARTA_LOGIN_FAILURES_PER_ACCOUNT_AND_IP = 1
    checked = ModelBackend.authenticate
    second = Client()
    meanwhile = []

    def authenticate(self, request, **credentials):
        if credentials.get("password") == WRONG:  # the first request's check only
            meanwhile.append(log_in(second, writer.username, password=PASSWORD))
        return checked(self, request, **credentials)

    monkeypatch.setattr(ModelBackend, "authenticate", authenticate)
    first = log_in(client, writer.username)
    assert first.status_code == 200  # its wrong password was checked
    assert meanwhile[0].status_code == 429
    assert not is_logged_in(second)  # the right password, sent meanwhile, did not get in


def test_case_and_spacing_variants_share_an_account_counter(client, writer):
    variants = ["Siti", "siti", "SITI", " siti ", "ｓｉｔｉ"]  # the last one is full-width
    for variant in variants:
        assert log_in(client, variant).status_code == 200
    assert log_in(client, "sItI").status_code == 429


def test_ip_limit_refuses_every_account_from_that_ip(client, settings, writer):
    settings.WARTA_LOGIN_FAILURES_PER_IP = 3
    for name in ("satu", "dua", "tiga"):
        fail_log_ins(client, name, 1, ip="10.0.0.1")
    assert log_in(client, writer.username, password=PASSWORD, ip="10.0.0.1").status_code == 429
    assert log_in(client, writer.username, password=PASSWORD, ip="10.0.0.2").status_code == 302


def test_ipv6_addresses_in_one_64_share_an_ip_counter(client, settings):
    settings.WARTA_LOGIN_FAILURES_PER_IP = 2
    fail_log_ins(client, "satu", 1, ip="2001:db8:1:2::1")
    fail_log_ins(client, "dua", 1, ip="2001:db8:1:2::ffff")
    assert log_in(client, "tiga", ip="2001:db8:1:2:abcd::9").status_code == 429
    assert log_in(client, "tiga", ip="2001:db8:1:3::1").status_code == 200


def test_spoofed_forwarded_for_is_ignored_without_trusted_proxies(client, settings):
    settings.WARTA_LOGIN_FAILURES_PER_IP = 3
    for n, name in enumerate(("satu", "dua", "tiga")):
        response = log_in(client, name, x_forwarded_for=f"203.0.113.{n}")
        assert response.status_code == 200
    assert log_in(client, "empat", x_forwarded_for="203.0.113.99").status_code == 429


def test_forwarded_for_counts_behind_a_trusted_proxy(client, settings):
    settings.WARTA_TRUSTED_PROXY_COUNT = 1
    settings.WARTA_LOGIN_FAILURES_PER_IP = 3
    for name in ("satu", "dua", "tiga"):
        log_in(client, name, ip="10.0.0.1", x_forwarded_for="203.0.113.1")
    assert log_in(client, "empat", ip="10.0.0.1", x_forwarded_for="203.0.113.1").status_code == 429
    # Another client behind the same proxy, even one that forged an entry of its own.
    other = log_in(client, "empat", ip="10.0.0.1", x_forwarded_for="203.0.113.1, 198.51.100.7")
    assert other.status_code == 200


def test_window_length_is_configurable_and_shown(client, settings, writer):
    settings.WARTA_LOGIN_FAILURES_PER_ACCOUNT_AND_IP = 2
    settings.WARTA_LOGIN_WINDOW_SECONDS = 2 * 60 * 60
    fail_log_ins(client, writer.username, 2)
    response = log_in(client, writer.username)
    assert response.status_code == 429
    assert response["Retry-After"] == "7200"
    assert "Coba lagi dalam 2 jam." in response.content.decode()


def test_login_works_unlimited_when_the_cache_is_down(client, monkeypatch, writer):
    class BrokenCache:
        def __getattr__(self, name):
            def fail(*args, **kwargs):
                raise ConnectionError("cache unreachable")

            return fail

    monkeypatch.setattr(throttling, "cache", BrokenCache())
    for _ in range(7):
        assert log_in(client, writer.username).status_code == 200
    assert log_in(client, writer.username, password=PASSWORD).status_code == 302


# Counters -------------------------------------------------------------------------------

LIMIT = RateLimit("uji", attempts=2, window_seconds=60)


def count(key):
    return cache.get(throttling._cache_key(LIMIT, key))


def test_taking_an_attempt_counts_and_refuses_past_the_limit():
    assert throttling.take_attempt(LIMIT, "a")
    assert throttling.take_attempt(LIMIT, "a")
    assert not throttling.take_attempt(LIMIT, "a")
    assert not throttling.take_attempt(LIMIT, "a")
    assert count("a") == 2  # refusals were given back
    assert throttling.take_attempt(LIMIT, "b")


def test_giving_back_frees_an_attempt_and_never_goes_below_zero():
    throttling.take_attempt(LIMIT, "a")
    throttling.take_attempt(LIMIT, "a")
    throttling.give_back(LIMIT, "a")
    assert throttling.take_attempt(LIMIT, "a")
    throttling.give_back(LIMIT, "tidak-ada")  # nothing counted: nothing happens
    assert count("tidak-ada") is None


def test_a_counter_recreated_without_expiry_gets_the_window(monkeypatch):
    """Redis's INCRBY re-creates a counter that expired after Django checked it existed."""
    touched = []

    class RecreatingCache:
        def add(self, key, value, timeout):
            return False  # it existed a moment ago

        def incr(self, key):
            return 1  # ... and INCRBY made a new one, with no expiry

        def touch(self, key, timeout):
            touched.append(timeout)

    monkeypatch.setattr(throttling, "cache", RecreatingCache())
    assert throttling.take_attempt(LIMIT, "a")
    assert touched == [60]


# Client IP ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "", "10.0.0.1"),
        (0, "203.0.113.1", "10.0.0.1"),
        (1, "203.0.113.1", "203.0.113.1"),
        (1, "198.51.100.7, 203.0.113.1", "203.0.113.1"),
        (2, "198.51.100.7, 203.0.113.1, 10.0.0.2", "203.0.113.1"),
        (2, "203.0.113.1", "10.0.0.1"),  # fewer hops than proxies: trust none
        (1, "", "10.0.0.1"),
        (1, "bukan-alamat", "10.0.0.1"),
    ],
)
def test_client_ip(settings, proxies, forwarded_for, expected):
    settings.WARTA_TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1")
    if forwarded_for:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded_for
    assert throttling.client_ip(request) == expected


# Sign-up --------------------------------------------------------------------------------


def sign_up(client, ip="127.0.0.1", **change):
    return client.post(SIGNUP, {**SIGNUP_FORM, **change}, REMOTE_ADDR=ip)


def test_signup_is_refused_with_429_after_ten_attempts_and_keeps_the_input(client):
    for _ in range(10):
        assert sign_up(client, password2="tidak-sama").status_code == 400
    response = sign_up(client)
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    html = response.content.decode()
    assert SIGNUP_REFUSED in html
    assert 'value="sitiaminah"' in html
    assert 'value="Siti Aminah"' in html
    assert 'value="siti@contoh.id"' in html
    assert "Banjir-Rob-2026!" not in html
    assert not get_user_model().objects.filter(username="sitiaminah").exists()


def test_signup_under_the_limit_creates_the_account(client):
    for _ in range(9):
        assert sign_up(client, password2="tidak-sama").status_code == 400
    assert sign_up(client).status_code == 302
    assert get_user_model().objects.filter(username="sitiaminah").exists()


def test_signup_limit_is_per_ip(client, settings):
    settings.WARTA_SIGNUPS_PER_IP = 1
    assert sign_up(client, ip="10.0.0.1", password2="tidak-sama").status_code == 400
    assert sign_up(client, ip="10.0.0.1").status_code == 429
    assert sign_up(client, ip="10.0.0.2").status_code == 302


# Password reset -------------------------------------------------------------------------


def request_reset(client, email, ip="127.0.0.1"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=ip)


def test_password_reset_is_refused_with_429_after_five_requests(client, writer):
    for _ in range(5):
        assert request_reset(client, writer.email).status_code == 302
    response = request_reset(client, writer.email)
    assert response.status_code == 429
    html = response.content.decode()
    assert RESET_REFUSED in html
    assert f'value="{writer.email}"' in html
    assert len(mail.outbox) == 5  # the refused request sent nothing


def test_password_reset_refuses_unknown_emails_alike(client):
    for _ in range(5):
        assert request_reset(client, "tidak@ada.id").status_code == 302
    response = request_reset(client, "tidak@ada.id")
    assert response.status_code == 429
    assert RESET_REFUSED in response.content.decode()


def test_password_reset_limit_is_per_ip(client, writer):
    for _ in range(5):
        request_reset(client, writer.email, ip="10.0.0.1")
    assert request_reset(client, writer.email, ip="10.0.0.1").status_code == 429
    assert request_reset(client, writer.email, ip="10.0.0.2").status_code == 302
    assert len(mail.outbox) == 6
