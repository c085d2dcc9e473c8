"""Community writers' pages under /menulis/: dashboard, writing form, autosave, status page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from warta.apps.core.dates import format_wib
from warta.apps.submissions import actions
from warta.apps.submissions.access import access_own_submission, access_submission_by_user
from warta.apps.submissions.forms import SubmissionForm, submission_text
from warta.apps.submissions.models import Submission
from warta.apps.submissions.policies import can_create_submission, can_edit_submission


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """List every piece of the signed-in writer with its status ("Tulisan saya")."""
    submissions = list(Submission.objects.written_by(request.user).for_dashboard())
    return render(
        request,
        "submissions/dashboard.html",
        {"submissions": submissions, "can_create": can_create_submission(request.user)},
    )


@login_required
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a piece's status, the editor's reason where there is one, and its timeline."""
    submission = access_submission_by_user(request.user, pk)
    return _render_detail(request, submission)


def _render_detail(request: HttpRequest, submission: Submission, status: int = 200) -> HttpResponse:
    events = list(submission.events.select_related("actor"))
    latest_reason = next(
        (e.message for e in reversed(events) if e.kind in ("changes_requested", "rejected")), ""
    )
    page_url = ""
    if submission.page is not None and submission.status == Submission.Status.PUBLISHED:
        page_url = submission.page.get_url(request=request) or ""
    return render(
        request,
        "submissions/detail.html",
        {
            "submission": submission,
            "events": events,
            "latest_reason": latest_reason,
            "page_url": page_url,
            "can_edit": can_edit_submission(request.user, submission),
        },
        status=status,
    )


def _save(request: HttpRequest, form: SubmissionForm, submission: Submission | None) -> Submission:
    fields = form.action_fields()
    if submission is None:
        return actions.create_submission(request.user, **fields)
    return actions.update_submission(submission, request.user, **fields)


def _add_errors(form: SubmissionForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error.messages)


def _render_editor(
    request: HttpRequest, form: SubmissionForm, submission: Submission | None, status: int = 200
) -> HttpResponse:
    return render(
        request, "submissions/editor.html", {"form": form, "submission": submission}, status=status
    )


def _session_expired(request: HttpRequest) -> HttpResponse | None:
    """Answer a POST from a signed-out writer with their text, instead of losing it.

    The session may expire while a long piece is written. Redirecting to the login page
    would drop the POST body, so the form comes back filled in (from the POST only; nothing
    is read from the database) with a login link that opens in a new tab.
    """
    if request.user.is_authenticated:
        return None
    if request.method != "POST":
        return redirect(f"{reverse('accounts:login')}?next={request.path}")
    form = SubmissionForm(request.POST)
    form.is_valid()
    form.add_error(
        None,
        _(
            "Sesi Anda berakhir, tulisan belum tersimpan. Masuk lagi di tab baru, "
            "lalu kembali ke sini dan tekan Simpan draf atau Kirim lagi."
        ),
    )
    return render(
        request,
        "submissions/editor.html",
        {"form": form, "submission": None, "form_action": request.path, "session_expired": True},
        status=401,
    )


@require_http_methods(["GET", "POST"])
def submission_create(request: HttpRequest) -> HttpResponse:
    """Write a new piece."""
    if (expired := _session_expired(request)) is not None:
        return expired
    if not can_create_submission(request.user):
        raise PermissionDenied
    return _editor(request, None)


@require_http_methods(["GET", "POST"])
def submission_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a draft, or a piece the editors sent back."""
    if (expired := _session_expired(request)) is not None:
        return expired
    submission = access_own_submission(request.user, pk)
    if not can_edit_submission(request.user, submission):
        if request.method == "POST":
            messages.error(
                request, _("Tulisan ini sedang ditinjau atau sudah selesai; tidak bisa diubah.")
            )
            return _render_detail(request, submission, status=409)
        messages.info(
            request, _("Tulisan ini sedang ditinjau atau sudah selesai; tidak bisa diubah.")
        )
        return redirect("submissions:submission_detail", pk=submission.pk)
    return _editor(request, submission)


def _editor(request: HttpRequest, submission: Submission | None) -> HttpResponse:
    if request.method == "GET":
        return _render_editor(request, SubmissionForm(submission=submission), submission)
    form = SubmissionForm(request.POST, request.FILES, submission=submission)
    if not form.is_valid():
        return _render_editor(request, form, submission, status=form.status_code())
    if submission is None and not form.has_any_content():
        form.add_error(None, _("Tulisan masih kosong. Isi judul atau isi tulisan dulu."))
        return _render_editor(request, form, submission, status=400)
    try:
        submission = _save(request, form, submission)
    except ValidationError as error:
        _add_errors(form, error)
        return _render_editor(request, form, submission, status=400)
    if request.POST.get("intent") == "submit":
        try:
            actions.submit_submission(submission, request.user)
        except ValidationError as error:
            _add_errors(form, error)
            messages.warning(
                request,
                _("Draf tersimpan, tetapi belum bisa dikirim. Periksa isian yang ditandai."),
            )
            return _render_editor(request, form, submission, status=400)
        messages.success(
            request,
            _("Tulisan dikirim ke redaksi. Kami kabari di halaman ini setiap ada perkembangan."),
        )
        return redirect("submissions:submission_detail", pk=submission.pk)
    errors = actions.completeness_errors(submission, for_submit=False)
    if errors:
        _add_errors(form, ValidationError(errors))
        messages.warning(request, _("Draf tersimpan, tetapi ada isian yang perlu dilengkapi."))
        return _render_editor(request, form, submission, status=400)
    messages.success(request, _("Draf tersimpan."))
    return redirect("submissions:submission_edit", pk=submission.pk)


@require_POST
def submission_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Send a saved draft to the editors (the button on the status page)."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('accounts:login')}?next={request.path}")
    submission = access_own_submission(request.user, pk)
    if not can_edit_submission(request.user, submission):
        messages.error(request, _("Tulisan ini sudah dikirim atau selesai ditinjau."))
        return _render_detail(request, submission, status=409)
    try:
        actions.submit_submission(submission, request.user)
    except ValidationError as error:
        form = SubmissionForm(submission_text(submission), submission=submission)
        form.is_valid()
        _add_errors(form, error)
        messages.warning(request, _("Tulisan belum bisa dikirim. Lengkapi isian yang ditandai."))
        return _render_editor(request, form, submission, status=400)
    messages.success(
        request,
        _("Tulisan dikirim ke redaksi. Kami kabari di halaman ini setiap ada perkembangan."),
    )
    return redirect("submissions:submission_detail", pk=submission.pk)


def _json_error(message: str, status: int, **extra: Any) -> JsonResponse:
    return JsonResponse({"ok": False, "error": message, **extra}, status=status)


@require_POST
def submission_autosave(request: HttpRequest, pk: int | None = None) -> JsonResponse:
    """Save the form as the writer types (called by autosave.js); answer in JSON."""
    if not request.user.is_authenticated:
        return _json_error(_("Sesi Anda berakhir. Masuk lagi agar tulisan tetap tersimpan."), 401)
    submission = None
    if pk is not None:
        try:
            submission = access_own_submission(request.user, pk)
        except Http404:
            return _json_error(_("Tulisan tidak ditemukan."), 404)
        if not can_edit_submission(request.user, submission):
            return _json_error(_("Tulisan ini sedang ditinjau; perubahan tidak disimpan."), 409)
    elif not can_create_submission(request.user):
        return _json_error(_("Akun ini bukan akun penulis komunitas."), 403)
    form = SubmissionForm(request.POST, request.FILES, submission=submission)
    if not form.is_valid():
        return _json_error(
            _("Belum tersimpan: periksa isian yang ditandai."),
            form.status_code(),
            errors={
                field: [e["message"] for e in errs]
                for field, errs in form.errors.get_json_data().items()
            },
        )
    if submission is None and not form.has_any_content():
        return JsonResponse({"ok": True, "saved": False})
    try:
        submission = _save(request, form, submission)
    except ValidationError as error:
        return _json_error(
            _("Belum tersimpan."),
            400,
            errors=error.message_dict
            if hasattr(error, "error_dict")
            else {"__all__": error.messages},
        )
    hero = None
    if submission.hero_image is not None:
        hero = {"title": submission.hero_image.title}
    return JsonResponse(
        {
            "ok": True,
            "saved": True,
            "id": submission.pk,
            "edit_url": reverse("submissions:submission_edit", args=[submission.pk]),
            "autosave_url": reverse("submissions:submission_autosave", args=[submission.pk]),
            "saved_at": format_wib(timezone.now()),
            "hero": hero,
        }
    )
