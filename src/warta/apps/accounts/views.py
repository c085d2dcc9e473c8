"""Public account pages: sign-up, profile, terms, and the Indonesian CSRF failure page.

Login, logout and password reset are Django's auth views with templates in
``templates/registration/`` (see urls.py).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from warta.apps.accounts.actions import sign_up_writer
from warta.apps.accounts.forms import SignupForm


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Create a community writer account and sign the writer in."""
    if request.user.is_authenticated:
        return redirect("submissions:dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST":
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
