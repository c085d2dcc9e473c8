"""Attempt counters that stop scripts guessing passwords or creating accounts without limit.

Counts live in Django's cache in fixed windows: the first attempt starts the window and the
count expires with it. Views take an attempt before doing the work (``take_attempt``, or
``reserve_login_attempt`` for a password guess) and are refused when it is over the limit.
Taking is one atomic increment on Redis (production) and the per-process memory cache, so
requests arriving together cannot overrun a limit.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import unicodedata
from dataclasses import dataclass, replace

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


def take_attempt(limit: RateLimit, key: str) -> bool:
    """Count one attempt by ``key`` and return whether it is within ``limit``.

    Counting and comparing are one step: the comparison uses the count the increment returned,
    so two requests at once cannot both see "one attempt left" and both go ahead (as they could
    when the count was read first and raised after the work). An attempt over the limit is
    given back at once, so refusals never count. If the cache is unreachable the attempt is
    allowed (log-in must not go down with it) and a warning is logged.
    """
    count = _increment(limit, key)
    if count is None or count <= limit.attempts:
        return True
    give_back(limit, key)
    return False


def give_back(limit: RateLimit, key: str) -> None:
    """Uncount one attempt by ``key`` (an attempt that was refused, or that succeeded)."""
    cache_key = _cache_key(limit, key)
    try:
        if cache.decr(cache_key) < 0:
            # The counter had expired and the backend made a new one without an expiry
            # (Redis's DECRBY does): drop it rather than keep it for ever.
            cache.delete(cache_key)
    except ValueError:  # the window ended meanwhile: nothing left to give back
        pass
    except Exception:
        logger.warning("Rate-limit cache unavailable; attempt not given back", exc_info=True)


def clear_attempts(limit: RateLimit, key: str) -> None:
    """Forget the attempts counted for ``key``."""
    try:
        cache.delete(_cache_key(limit, key))
    except Exception:
        logger.warning("Rate-limit cache unavailable; counter not cleared", exc_info=True)


def reserve_login_attempt(ip: str, username: str) -> RateLimit | None:
    """Count a log-in attempt before its password is checked; return the limit it broke, if any.

    Counted, in this order, against the client address and the typed name together (strict),
    the address alone (looser: an office or a carrier's NAT shares one), and the name from
    every address (loosest: it caps guessing one password from many addresses, and is high
    enough that a stranger cannot lock a known user out from one address). An attempt that is
    refused is not counted anywhere; one that succeeds is given back with
    ``login_succeeded``. Unknown and existing names are counted alike, so a refusal reveals no
    account. Failures need no further call: the reservation is the count.
    """
    return _reserve_guess(ip, account_key(username), _login_limits())


def login_succeeded(ip: str, username: str) -> None:
    """Forget this address's failures on the account and uncount the successful attempt.

    The address's other failures and the account's failures from other addresses stay.
    """
    _release_guess(ip, account_key(username), _login_limits())


def reserve_view_password_attempt(ip: str, restriction: str) -> RateLimit | None:
    """Count a try at the password of a protected page or document collection.

    ``restriction`` names it, kind and id (``"page:12"``, ``"collection:3"``), and takes the
    place of the account in ``reserve_login_attempt``'s three counts. The address count is the
    one log-ins use, so a script gets no more guesses by switching between forms.
    """
    return _reserve_guess(ip, restriction, _view_password_limits())


def view_password_accepted(ip: str, restriction: str) -> None:
    """Forget this address's wrong passwords for ``restriction`` and uncount the right one."""
    _release_guess(ip, restriction, _view_password_limits())


@dataclass(frozen=True)
class _GuessLimits:
    """The three counts a password guess is held to (see ``reserve_login_attempt``)."""

    per_target_and_ip: RateLimit
    per_ip: RateLimit
    per_target: RateLimit


def _login_limits() -> _GuessLimits:
    return _GuessLimits(
        conf.login_limit_per_account_and_ip(),
        conf.login_limit_per_ip(),
        conf.login_limit_per_account(),
    )


def _view_password_limits() -> _GuessLimits:
    login = _login_limits()
    return _GuessLimits(
        replace(login.per_target_and_ip, scope="view-password-ip"),
        login.per_ip,  # the log-ins' own count, on purpose
        replace(login.per_target, scope="view-password"),
    )


def _guess_counters(ip: str, target: str, limits: _GuessLimits) -> list[tuple[RateLimit, str]]:
    if not target:  # a blank name cannot log in; counting it per name would only refuse forms
        return [(limits.per_ip, ip)]
    # An address holds no newline, so "address, newline, name" names exactly one pair.
    return [
        (limits.per_target_and_ip, f"{ip}\n{target}"),
        (limits.per_ip, ip),
        (limits.per_target, target),
    ]


def _reserve_guess(ip: str, target: str, limits: _GuessLimits) -> RateLimit | None:
    taken: list[tuple[RateLimit, str]] = []
    for limit, key in _guess_counters(ip, target, limits):
        if not take_attempt(limit, key):
            for earlier, earlier_key in taken:
                give_back(earlier, earlier_key)
            return limit
        taken.append((limit, key))
    return None


def _release_guess(ip: str, target: str, limits: _GuessLimits) -> None:
    counters = _guess_counters(ip, target, limits)
    if target:
        limit, key = counters.pop(0)
        clear_attempts(limit, key)
    for limit, key in counters:
        give_back(limit, key)


def _increment(limit: RateLimit, key: str) -> int | None:
    """Return ``key``'s count after adding one, or None when the cache is unreachable."""
    cache_key = _cache_key(limit, key)
    try:
        # add() starts the window only if no count exists; incr() is atomic on Redis and
        # on the per-process memory cache.
        if cache.add(cache_key, 1, timeout=limit.window_seconds):
            return 1
        try:
            count = cache.incr(cache_key)
        except ValueError:  # the window ended between add() and incr(): start a new one
            cache.set(cache_key, 1, timeout=limit.window_seconds)
            return 1
        if count == 1:
            # Either Redis's INCRBY re-created a counter that expired just after Django
            # checked it existed, with no expiry (it would never reset), or the count had been
            # given back to 0: both are a new window's first attempt.
            cache.touch(cache_key, limit.window_seconds)
        return int(count)
    except Exception:
        logger.warning("Rate-limit cache unavailable; not limiting %s", limit.scope, exc_info=True)
        return None


def _cache_key(limit: RateLimit, key: str) -> str:
    # Hashed: typed usernames may hold characters or lengths some cache backends refuse,
    # and the cache need not hold people's addresses in clear.
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    return f"warta:accounts:throttle:{limit.scope}:{digest}"
