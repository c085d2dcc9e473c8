"""Error pages (rendered in the reader's language; the 500 page without the database) and
the language switch."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.users.models import UserProfile

from warta.apps.core.language import is_supported


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Render the 404 page."""
    body = loader.render_to_string("404.html", {"request_path": request.path}, request)
    return HttpResponse(body, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Render a static 500 page: no context processors, since they may be what failed."""
    body = loader.get_template("500.html").render({})
    return HttpResponse(body, status=500)


@never_cache
@require_safe
def language_set(request: HttpRequest, code: str) -> HttpResponse:
    """Remember ``code`` in the language cookie and go back to ``?next=`` on this site.

    A plain link (GET) rather than Django's ``set_language`` (POST with a CSRF token), so the
    switch in the footer of a cached page is the same for every reader. Choosing a language
    changes nothing but the language of the site's own text (pages, and for a signed-in
    person their emails and the admin), so a link from elsewhere that sets it does no harm.
    """
    if not is_supported(code):
        raise Http404("unknown language")
    target = request.GET.get("next", "")
    # Only a path on this site: never another host, scheme or a protocol-relative URL ...
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    # ... and never a relative path, which would resolve below /bahasa/.
    if not (safe and target.startswith("/")):
        target = "/"
    if request.user.is_authenticated:
        # Emails (a writer's status notices) follow the choice too; Wagtail's admin reads
        # the same profile field.
        profile = UserProfile.get_for_user(request.user)
        if profile.preferred_language != code:
            profile.preferred_language = code
            profile.save(update_fields=["preferred_language"])
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
