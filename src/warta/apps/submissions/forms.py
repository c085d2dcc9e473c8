"""The writing form: validates what a writer typed; actions decide what is saved."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from warta.apps.submissions.models import (
    BODY_MAX,
    CAPTION_MAX,
    CREDIT_MAX,
    DATELINE_MAX,
    HEADLINE_MAX,
    TEXT_FIELDS,
    TOPICS_MAX,
    Submission,
)
from warta.apps.submissions.uploads import validate_image_upload

TOO_LONG = _("Terlalu panjang: maksimal %(limit_value)d karakter (sekarang %(show_value)d).")


def _text(label: Any, max_length: int, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=False,
        error_messages={"max_length": TOO_LONG},
        **kwargs,
    )


def submission_text(submission: Submission) -> dict[str, str]:
    """Return the submission's text fields, keyed by form field name."""
    return {name: getattr(submission, name) for name in TEXT_FIELDS}


class SubmissionForm(forms.Form):
    """Every field of a piece; all optional for a draft (``submit`` checks completeness)."""

    headline = _text(_("Judul"), HEADLINE_MAX, widget=forms.TextInput(attrs={"size": 60}))
    dateline = _text(
        _("Kota dateline"),
        DATELINE_MAX,
        help_text=_("Kota tempat peristiwa, mis. Semarang."),
    )
    body_markup = _text(
        _("Isi tulisan"),
        BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 22, "spellcheck": "true"}),
        strip=False,
    )
    hero_upload = forms.FileField(
        label=_("Gambar utama"),
        required=False,
        help_text=_("JPEG, PNG, WebP, atau GIF."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
        error_messages={"empty": _("Berkas gambar kosong.")},
    )
    remove_hero = forms.BooleanField(label=_("Hapus gambar utama"), required=False)
    hero_caption = _text(_("Keterangan gambar"), CAPTION_MAX)
    hero_credit = _text(
        _("Kredit gambar"),
        CREDIT_MAX,
        help_text=_("Wajib bila ada gambar, mis. 'unsplash.com/saz26' atau 'Dok. pribadi'."),
    )
    suggested_topics = _text(
        _("Usulan topik"), TOPICS_MAX, help_text=_("Pisahkan dengan koma, mis. Banjir, Semarang.")
    )

    def __init__(self, *args: Any, submission: Submission | None = None, **kwargs: Any) -> None:
        if submission is not None and "initial" not in kwargs and not args:
            kwargs["initial"] = submission_text(submission)
        super().__init__(*args, **kwargs)
        self.submission = submission

    def clean_hero_upload(self) -> Any:
        upload = self.cleaned_data.get("hero_upload")
        if not upload:
            return None
        return validate_image_upload(upload)  # a CleanImage; ValidationError carries the code

    def has_any_content(self) -> bool:
        """Return True when the writer typed or uploaded anything (empty drafts are not kept)."""
        data = self.cleaned_data
        return any((data.get(name) or "").strip() for name in TEXT_FIELDS) or bool(
            data.get("hero_upload")
        )

    def action_fields(self) -> dict[str, Any]:
        """Return the keyword arguments for ``create_submission`` / ``update_submission``."""
        data = self.cleaned_data
        fields: dict[str, Any] = {name: data.get(name, "") for name in TEXT_FIELDS}
        fields["remove_hero"] = bool(data.get("remove_hero"))
        if data.get("hero_upload"):
            fields["hero_upload"] = data["hero_upload"]
        return fields

    def status_code(self) -> int:
        """Return the HTTP status for this invalid form: 413 for an oversized image, else 400."""
        if self.has_error("hero_upload", code="too_large"):
            return 413
        return 400
