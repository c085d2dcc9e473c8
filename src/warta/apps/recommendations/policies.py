"""Whether a request may be recorded as a reading event: deny by default."""

from __future__ import annotations

from django.http import HttpRequest


def refuses_tracking(request: HttpRequest) -> bool:
    """Return True when the browser asked not to be tracked (Do-Not-Track or GPC)."""
    # Do-Not-Track: "1" means the user opted out.
    if request.headers.get("DNT", "").strip() == "1":
        return True
    # Global Privacy Control: "1" is a legally meaningful opt-out (UU PDP, CCPA).
    return request.headers.get("Sec-GPC", "").strip() == "1"


def is_same_origin(request: HttpRequest) -> bool:
    """Return True only when the browser says the request comes from this site's own pages.

    The beacon cannot carry a CSRF token (article pages are cached whole and set no cookie),
    so the origin headers every current browser adds to a POST are the check instead.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    # Browsers that send Sec-Fetch-Site label cross-site and same-site (sibling) requests.
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    origin = request.headers.get("Origin")
    # Every browser sends Origin on a POST; a POST without one is not from our JS.
    if origin is None:
        return fetch_site == "same-origin"
    # Origin must be exactly this site (scheme, host and port).
    return origin == f"{request.scheme}://{request.get_host()}"


def can_record_reading(request: HttpRequest) -> bool:
    """Return True if this request may store a reading event."""
    # The reader said no: record nothing, set no cookie.
    if refuses_tracking(request):
        return False
    # Only our own pages may report a read (forgery protection for a CSRF-exempt view).
    return is_same_origin(request)
