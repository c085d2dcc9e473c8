"""Who is reading: a logged-in account or an anonymous browser with a random cookie."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse

from warta.apps.recommendations import conf
from warta.apps.recommendations.models import ReadingEvent, ReadingEventQuerySet

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


@dataclass(frozen=True, slots=True)
class ReaderKey:
    """The key reading events are stored under: exactly one of ``user_id`` and ``visitor``.

    ``visitor`` is the SHA-256 of the cookie, so a leaked table does not hand out cookies
    that would show someone's history.
    """

    user_id: int | None = None
    visitor: str = ""

    def events(self) -> ReadingEventQuerySet:
        """Return this reader's reading events (and nobody else's)."""
        if self.user_id is not None:
            return ReadingEvent.objects.of_user(self.user_id)
        return ReadingEvent.objects.of_visitor(self.visitor)

    def owner_fields(self) -> dict[str, object]:
        """Return the model fields that say an event belongs to this reader."""
        if self.user_id is not None:
            return {"user_id": self.user_id, "visitor": ""}
        return {"user_id": None, "visitor": self.visitor}


def event_owner(event: ReadingEvent) -> ReaderKey:
    """Return the key of the reader a reading event belongs to."""
    if event.user_id is not None:
        return ReaderKey(user_id=event.user_id)
    return ReaderKey(visitor=event.visitor)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def visitor_token(request: HttpRequest) -> str | None:
    """Return the anonymous reader's cookie if it is well-formed, else None."""
    token = request.COOKIES.get(conf.VISITOR_COOKIE, "")
    return token if _TOKEN.match(token) else None


def reader_of(request: HttpRequest) -> ReaderKey | None:
    """Return the key of the reader making the request, or None for an unknown browser."""
    user = request.user
    if user.is_authenticated:
        return ReaderKey(user_id=user.pk)
    token = visitor_token(request)
    return ReaderKey(visitor=hash_token(token)) if token else None


def readers_of(request: HttpRequest) -> tuple[ReaderKey, ...]:
    """Return every key this browser's reading is stored under: the account and the cookie.

    A reader who read anonymously and then logged in has rows under both; "delete all my
    history" must reach both.
    """
    keys: list[ReaderKey] = []
    if request.user.is_authenticated:
        keys.append(ReaderKey(user_id=request.user.pk))
    token = visitor_token(request)
    if token:
        keys.append(ReaderKey(visitor=hash_token(token)))
    return tuple(keys)


def remember_visitor(response: HttpResponse, request: HttpRequest) -> ReaderKey:
    """Set the visitor cookie on ``response`` with a fresh Max-Age and return its key.

    A well-formed cookie the browser sent keeps its value (the reader keeps their history);
    otherwise a new random one is made. Setting it again on every recorded read means the
    cookie lasts as long as the retention window after the *last* read, not the first.
    """
    token = visitor_token(request) or secrets.token_urlsafe(24)
    response.set_cookie(
        conf.VISITOR_COOKIE,
        token,
        max_age=conf.reading_history_days() * 24 * 3600,
        path=conf.VISITOR_COOKIE_PATH,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    return ReaderKey(visitor=hash_token(token))


def forget_visitor(response: HttpResponse) -> None:
    """Expire the visitor cookie (after the reader deleted all their history)."""
    response.delete_cookie(conf.VISITOR_COOKIE, path=conf.VISITOR_COOKIE_PATH, samesite="Lax")
