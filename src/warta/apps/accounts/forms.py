"""Sign-up form for community writers (login and password reset use Django's forms)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import UsernameField
from django.utils.translation import gettext_lazy as _


class SignupForm(forms.Form):
    username = UsernameField(
        label=_("Nama pengguna"),
        max_length=150,
        help_text=_("Huruf, angka, dan @/./+/-/_ saja. Tampil di profil publik Anda."),
        error_messages={"required": _("Nama pengguna wajib diisi.")},
    )
    full_name = forms.CharField(
        label=_("Nama lengkap"),
        max_length=150,
        required=False,
        help_text=_("Nama yang tampil di artikel Anda. Boleh dikosongkan."),
        error_messages={
            "max_length": _("Nama terlalu panjang (maksimal %(limit_value)d karakter).")
        },
    )
    email = forms.EmailField(
        label=_("Alamat email"),
        max_length=254,
        error_messages={
            "required": _("Alamat email wajib diisi."),
            "invalid": _("Alamat email tidak valid."),
        },
    )
    password1 = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minimal 8 karakter, jangan hanya angka."),
        error_messages={"required": _("Kata sandi wajib diisi.")},
    )
    password2 = forms.CharField(
        label=_("Ulangi kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Ulangi kata sandi Anda.")},
    )
    accept_terms = forms.BooleanField(
        label=_("Saya menyetujui ketentuan penulis komunitas."),
        error_messages={"required": _("Anda harus menyetujui ketentuan penulis komunitas.")},
    )

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        user_model = get_user_model()
        user_model.username_validator(username)
        if user_model.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Nama pengguna ini sudah dipakai."))
        return username

    def clean_email(self) -> str:
        email = get_user_model().objects.normalize_email(self.cleaned_data["email"])
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("Alamat email ini sudah terdaftar. Coba masuk atau atur ulang kata sandi.")
            )
        return email

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("Kedua kata sandi tidak sama."))
        elif p1:
            candidate = get_user_model()(
                username=data.get("username", ""), email=data.get("email", "")
            )
            try:
                password_validation.validate_password(p1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data
