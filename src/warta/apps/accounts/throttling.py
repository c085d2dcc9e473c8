"""Attempt counters that stop scripts guessing passwords or creating accounts without limit.

Counts live in Django's cache in fixed windows: the first attempt starts the window and the
count expires with it. Views ask ``is_limited`` before doing the work and record attempts after.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import unicodedata

from django.core.cache import cache
from django.http import HttpRequest

from warta.apps.accounts import conf
from warta.apps.accounts.conf import RateLimit

logger = logging.getLogger(__name__)


def client_ip(request: HttpRequest) -> str:
    """Return the client's IP address, trusting X-Forwarded-For only behind known proxies.

    Each trusted proxy appends the address it received the request from, so with N proxies
    the client is the Nth entry from the right. Entries further left were written by the
    client and could be anything, so they are never used.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = conf.trusted_proxy_count()
    if proxies == 0:
        return remote_addr
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    # Fewer hops than proxies: a proxy did not add itself, so nothing in the header is trusted.
    if len(hops) < proxies:
        return remote_addr
    candidate = hops[-proxies]
    try:
        ipaddress.ip_address(candidate)
    except ValueError:
        return remote_addr
    return candidate


def ip_key(request: HttpRequest) -> str:
    """Return what the per-IP limits count by: the IPv4 address, or the IPv6 /64 network.

    One IPv6 subscriber usually holds a whole /64, so counting single addresses would let
    them rotate through billions of keys.
    """
    ip = client_ip(request)
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip or "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def account_key(username: str) -> str:
    """Return what the per-account limit counts by: the typed username or email, normalised.

    Case and Unicode variants of one name share a counter, and unknown names are counted
    exactly like existing ones, so the limit never reveals whether an account exists.
    """
    return unicodedata.normalize("NFKC", username).strip().casefold()


def is_limited(limit: RateLimit, key: str) -> bool:
    """Return True when ``key`` has used up its attempts in the current window."""
    try:
        count = cache.get(_cache_key(limit, key), 0)
    except Exception:
        # An unreachable cache must not take log-in down with it: fail open, loudly.
        logger.warning("Rate-limit cache unavailable; not limiting %s", limit.scope, exc_info=True)
        return False
    return int(count) >= limit.attempts


def record_attempt(limit: RateLimit, key: str) -> None:
    """Count one attempt by ``key``; the first one starts a window of ``limit.window_seconds``."""
    cache_key = _cache_key(limit, key)
    try:
        if cache.add(cache_key, 1, timeout=limit.window_seconds):
            return
        try:
            cache.incr(cache_key)
        except ValueError:  # expired between add() and incr(): start a new window
            cache.set(cache_key, 1, timeout=limit.window_seconds)
    except Exception:
        logger.warning("Rate-limit cache unavailable; attempt not counted", exc_info=True)


def clear_attempts(limit: RateLimit, key: str) -> None:
    """Forget the attempts counted for ``key`` (a successful log-in clears its account)."""
    try:
        cache.delete(_cache_key(limit, key))
    except Exception:
        logger.warning("Rate-limit cache unavailable; counter not cleared", exc_info=True)


def login_limit_reached(ip: str, username: str) -> RateLimit | None:
    """Return the log-in limit that ``ip`` or ``username`` has used up, if any.

    Unknown and existing names are counted alike, so a refusal reveals no account.
    """
    per_ip = conf.login_limit_per_ip()
    if is_limited(per_ip, ip):
        return per_ip
    account = account_key(username)
    per_account = conf.login_limit_per_account()
    if account and is_limited(per_account, account):
        return per_account
    return None


def record_login_failure(ip: str, username: str) -> None:
    """Count a failed log-in against the client's IP and the typed username or email."""
    record_attempt(conf.login_limit_per_ip(), ip)
    account = account_key(username)
    if account:  # an empty name cannot log in; counting it would only refuse blank forms
        record_attempt(conf.login_limit_per_account(), account)


def clear_login_failures(username: str) -> None:
    """Forget the account's failures after a successful log-in (the IP's count stays)."""
    clear_attempts(conf.login_limit_per_account(), account_key(username))


def _cache_key(limit: RateLimit, key: str) -> str:
    # Hashed: typed usernames may hold characters or lengths some cache backends refuse,
    # and the cache need not hold people's addresses in clear.
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    return f"warta:accounts:throttle:{limit.scope}:{digest}"
