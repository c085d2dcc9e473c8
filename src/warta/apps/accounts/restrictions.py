"""Wagtail's log-in and password forms for restricted pages and documents, with rate limits.

A page an editor restricts to logged-in readers or groups sends visitors to Wagtail's own
log-in (``/_util/login/``); a page or a document collection given a password shows a form that
posts to Wagtail's ``authenticate_with_password`` views. Left as they are, those accept any
number of tries. project/urls.py routes their paths here, under Wagtail's URL names, and these
views count tries exactly like the account forms (``throttling.reserve_login_attempt``): past a
limit the form comes back with HTTP 429, and Wagtail's view is not called at all.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import views as wagtail_views
from wagtail.documents.views import serve as document_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

from warta.apps.accounts import throttling
from warta.apps.accounts.conf import RateLimit
from warta.apps.accounts.views import ThrottledLoginMixin, refuse, too_many_attempts_message


class RestrictedPageLoginView(ThrottledLoginMixin, auth_views.LoginView):
    """Wagtail's log-in for restricted pages (``wagtailcore_login``), with the site's limits.

    Shown on the site's own log-in page. Unlike /akun/masuk/, a reader who is already logged in
    gets the form (with a note) instead of a redirect: they were sent here because their
    account may not see the page, and redirecting them back would loop.
    """

    template_name = "registration/login.html"


def page_password(
    request: HttpRequest, page_view_restriction_id: int, page_id: int
) -> HttpResponse:
    """Check a password-protected page's password, refusing after too many wrong ones."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    ip = throttling.ip_key(request)
    restriction_key = f"page:{page_view_restriction_id}"
    # Counted before the password is checked, like a log-in.
    limit = throttling.reserve_view_password_attempt(ip, restriction_key)
    if limit is not None:
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        action_url = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
        )
        response = page.serve_password_required_response(
            request, _fresh_form(request, restriction), action_url
        )
        return _refuse_password(response, limit)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if _accepted(response):
        throttling.view_password_accepted(ip, restriction_key)
    return response


def document_password(request: HttpRequest, restriction_id: int) -> HttpResponse:
    """Check a protected document collection's password, refusing after too many wrong ones."""
    if request.method != "POST":
        return document_views.authenticate_with_password(request, restriction_id)
    ip = throttling.ip_key(request)
    restriction_key = f"collection:{restriction_id}"
    limit = throttling.reserve_view_password_attempt(ip, restriction_key)
    if limit is not None:
        restriction = get_object_or_404(CollectionViewRestriction, id=restriction_id)
        context = {
            "form": _fresh_form(request, restriction),
            "action_url": reverse("wagtaildocs_authenticate_with_password", args=[restriction.id]),
        }
        response = TemplateResponse(
            request, settings.WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE, context
        )
        return _refuse_password(response, limit)
    response = document_views.authenticate_with_password(request, restriction_id)
    if _accepted(response):
        throttling.view_password_accepted(ip, restriction_key)
    return response


def _fresh_form(request: HttpRequest, restriction: object) -> PasswordViewRestrictionForm:
    # The page to return to is kept (Wagtail checks it again on the next try); the password
    # typed is not.
    return PasswordViewRestrictionForm(
        instance=restriction, initial={"return_url": request.POST.get("return_url", "")}
    )


def _refuse_password(response: TemplateResponse, limit: RateLimit) -> HttpResponse:
    assert response.context_data is not None  # a TemplateResponse not yet rendered
    response.context_data["throttled"] = too_many_attempts_message(
        _("Terlalu banyak percobaan kata sandi. Coba lagi dalam %(wait)s."), limit
    )
    return refuse(response, limit)


def _accepted(response: HttpResponse) -> bool:
    # Wagtail's views redirect only once the password matched; a wrong one shows the form.
    return response.status_code == 302
