"""Settings of the accounts app, read lazily so tests and publishers can change them.

Every limit below counts attempts in a fixed window kept in Django's cache (Redis in
production, so all worker processes share the counts).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class RateLimit:
    """At most ``attempts`` per ``window_seconds`` for one key (a client IP or an account)."""

    scope: str
    attempts: int
    window_seconds: int


def _at_least_one(name: str, default: int) -> int:
    return max(int(getattr(settings, name, default)), 1)


def login_window_seconds() -> int:
    """Return how long failed log-ins are remembered (``WARTA_LOGIN_WINDOW_SECONDS``, 900)."""
    return _at_least_one("WARTA_LOGIN_WINDOW_SECONDS", 15 * 60)


def login_limit_per_account_and_ip() -> RateLimit:
    """Return the failed log-ins allowed per client IP and typed username or email (default 5).

    ``WARTA_LOGIN_FAILURES_PER_ACCOUNT_AND_IP``. The strict limit: one address guessing one
    account's password. Scoped to the address, so it cannot be used to lock a known user
    out from everywhere.
    """
    attempts = _at_least_one("WARTA_LOGIN_FAILURES_PER_ACCOUNT_AND_IP", 5)
    return RateLimit("login-account-ip", attempts, login_window_seconds())


def login_limit_per_ip() -> RateLimit:
    """Return the failed log-ins allowed per client IP (``WARTA_LOGIN_FAILURES_PER_IP``, 20).

    Higher than per account and address: one address may be an office or a carrier's shared
    NAT. Wrong passwords of protected pages and documents count here too.
    """
    attempts = _at_least_one("WARTA_LOGIN_FAILURES_PER_IP", 20)
    return RateLimit("login-ip", attempts, login_window_seconds())


def login_limit_per_account() -> RateLimit:
    """Return the failed log-ins allowed per typed username or email from all addresses (50).

    ``WARTA_LOGIN_FAILURES_PER_ACCOUNT``. A ceiling on guessing one password from many
    addresses at once, set well above the per-address limit so that locking a user out takes
    failures from many addresses (10 with the defaults), not one.
    """
    attempts = _at_least_one("WARTA_LOGIN_FAILURES_PER_ACCOUNT", 50)
    return RateLimit("login-account", attempts, login_window_seconds())


def signup_limit_per_ip() -> RateLimit:
    """Return the sign-up attempts allowed per client IP: 10 an hour by default.

    Settings: ``WARTA_SIGNUPS_PER_IP`` and ``WARTA_SIGNUP_WINDOW_SECONDS``.

    Every submitted form counts, valid or not: the form says whether an email is already
    registered, so unlimited invalid attempts would let a script probe for accounts. The
    default leaves room for a few typos before the account is created.
    """
    return RateLimit(
        "signup-ip",
        _at_least_one("WARTA_SIGNUPS_PER_IP", 10),
        _at_least_one("WARTA_SIGNUP_WINDOW_SECONDS", 60 * 60),
    )


def password_reset_limit_per_ip() -> RateLimit:
    """Return the reset requests allowed per client IP: 5 an hour by default.

    Settings: ``WARTA_PASSWORD_RESETS_PER_IP`` and ``WARTA_PASSWORD_RESET_WINDOW_SECONDS``.

    Each request may send an email, so this also stops the site being used to flood inboxes.
    """
    return RateLimit(
        "password-reset-ip",
        _at_least_one("WARTA_PASSWORD_RESETS_PER_IP", 5),
        _at_least_one("WARTA_PASSWORD_RESET_WINDOW_SECONDS", 60 * 60),
    )


def trusted_proxy_count() -> int:
    """Return how many reverse proxies stand in front of Django (``WARTA_TRUSTED_PROXY_COUNT``, 0).

    Zero means X-Forwarded-For is ignored: without a proxy that sets it, the client writes it.
    """
    return max(int(getattr(settings, "WARTA_TRUSTED_PROXY_COUNT", 0)), 0)
