"""Public account pages: sign-up, log-in, password reset, profile, terms, CSRF failure.

Log-in and password reset are Django's auth views with templates in ``templates/registration/``
(see urls.py), wrapped so that too many attempts get a 429 instead of another try
(throttling.py counts them). The Wagtail admin's log-in and password reset get the same
wrapping and share the counters (``AdminLoginView`` and ``AdminPasswordResetView``, routed
in project/urls.py ahead of the admin's own); so do Wagtail's log-in and password forms for
restricted pages and documents (restrictions.py).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin.views import account as wagtail_account_views

from warta.apps.accounts import conf, throttling
from warta.apps.accounts.actions import sign_up_writer
from warta.apps.accounts.conf import RateLimit
from warta.apps.accounts.forms import SignupForm

#: what a refused sign-up form is shown again with; passwords are never sent back
SIGNUP_KEPT_FIELDS = ("username", "full_name", "email")


def too_many_attempts_message(text: str, limit: RateLimit) -> str:
    """Return ``text`` (with a ``%(wait)s`` placeholder) saying how long to wait.

    The window's full length is given: counts are fixed windows whose start the cache does
    not report, so this is the longest the person may have to wait.
    """
    seconds = limit.window_seconds
    if seconds % 3600 == 0:
        wait = _("%(hours)d jam") % {"hours": seconds // 3600}
    else:
        wait = _("%(minutes)d menit") % {"minutes": -(-seconds // 60)}
    return text % {"wait": wait}


def refuse(response: HttpResponse, limit: RateLimit) -> HttpResponse:
    """Mark ``response`` (the form page, shown again) as 429 Too Many Requests."""
    response.status_code = 429
    response["Retry-After"] = str(limit.window_seconds)
    return response


class ThrottledLoginMixin:
    """Refuse a log-in after too many failures per account and IP, per IP, and per account.

    Shared by the site's log-in and the Wagtail admin's, so failures on either form count
    together. The template shows ``throttled`` (the refusal message) when it is set.
    """

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username = request.POST.get("username", "")
        ip = throttling.ip_key(request)
        # Counted before the password is checked: a refused try cannot confirm a right guess,
        # and requests sent together cannot all slip in under the limit.
        limit = throttling.reserve_login_attempt(ip, username)
        if limit is not None:
            form = self.get_form_class()(request, initial={"username": username})
            message = too_many_attempts_message(
                _("Terlalu banyak percobaan masuk. Coba lagi dalam %(wait)s."), limit
            )
            context = self.get_context_data(form=form, throttled=message)
            return refuse(self.render_to_response(context), limit)
        form = self.get_form()
        if form.is_valid():
            throttling.login_succeeded(ip, username)
            return self.form_valid(form)
        return self.form_invalid(form)  # the reserved attempt stays counted as a failure


class ThrottledPasswordResetMixin:
    """Refuse password-reset requests per IP after too many; shared by the site and the admin.

    The template shows ``throttled`` (the refusal message) when it is set.
    """

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        limit = conf.password_reset_limit_per_ip()
        ip = throttling.ip_key(request)
        if not throttling.take_attempt(limit, ip):
            form = self.get_form_class()(initial={"email": request.POST.get("email", "")})
            message = too_many_attempts_message(
                _(
                    "Terlalu banyak permintaan atur ulang kata sandi dari jaringan Anda. "
                    "Coba lagi dalam %(wait)s."
                ),
                limit,
            )
            context = self.get_context_data(form=form, throttled=message)
            return refuse(self.render_to_response(context), limit)
        return super().post(request, *args, **kwargs)


class LoginView(ThrottledLoginMixin, auth_views.LoginView):
    """Django's log-in, refused per account and per IP after too many failures."""

    redirect_authenticated_user = True


class PasswordResetView(ThrottledPasswordResetMixin, auth_views.PasswordResetView):
    """Django's password-reset request, refused per IP after too many requests."""


class AdminLoginView(ThrottledLoginMixin, wagtail_account_views.LoginView):
    """The Wagtail admin's log-in (routed at /admin/login/ in project/urls.py), same limits."""

    template_name = "accounts/admin/login.html"


class AdminPasswordResetView(ThrottledPasswordResetMixin, wagtail_account_views.PasswordResetView):
    """The Wagtail admin's password-reset request (/admin/password_reset/), same limit."""

    template_name = "accounts/admin/password_reset_form.html"


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Create a community writer account and sign the writer in."""
    if request.user.is_authenticated:
        return redirect("submissions:dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST":
        limit = conf.signup_limit_per_ip()
        ip = throttling.ip_key(request)
        # Every submitted form counts, valid or not (see conf.signup_limit_per_ip).
        if not throttling.take_attempt(limit, ip):
            kept: dict[str, Any] = {name: request.POST.get(name, "") for name in SIGNUP_KEPT_FIELDS}
            kept["accept_terms"] = bool(request.POST.get("accept_terms"))
            message = too_many_attempts_message(
                _(
                    "Terlalu banyak percobaan pendaftaran dari jaringan Anda. "
                    "Coba lagi dalam %(wait)s."
                ),
                limit,
            )
            context = {"form": SignupForm(initial=kept), "throttled": message}
            return refuse(render(request, "accounts/signup.html", context), limit)
        if not form.is_valid():
            return render(request, "accounts/signup.html", {"form": form}, status=400)
        user = sign_up_writer(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            accepted_terms=form.cleaned_data["accept_terms"],
            full_name=form.cleaned_data["full_name"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Selamat datang! Akun penulis Anda sudah aktif."))
        return redirect("submissions:dashboard")
    return render(request, "accounts/signup.html", {"form": form})


def profile(request: HttpRequest, username: str) -> HttpResponse:
    """Show a writer's public profile and their published articles."""
    from warta.apps.newsroom.models import ArticlePage

    person = get_object_or_404(get_user_model(), username=username, is_active=True)
    articles = ArticlePage.objects.published().filter(author=person).for_listing()
    if not articles.exists():
        # Only bylines are public: staff and writers without a published piece stay
        # unlisted, so the URL cannot be used to enumerate accounts.
        raise Http404
    page_obj = Paginator(articles, 12).get_page(request.GET.get("halaman"))
    return render(request, "accounts/profile.html", {"person": person, "page_obj": page_obj})


def terms(request: HttpRequest) -> HttpResponse:
    """Show the community writers' terms."""
    return render(request, "accounts/terms.html")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Explain in Indonesian that the form expired (settings.CSRF_FAILURE_VIEW)."""
    return render(request, "accounts/csrf_failure.html", {"reason": reason}, status=403)
