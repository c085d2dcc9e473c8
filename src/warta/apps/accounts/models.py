"""People: community writers, staff writers, editors and admins share one user model."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

COMMUNITY_WRITERS = "Penulis komunitas"
EDITORS = "Editor"
ADMINS = "Admin"


class User(AbstractUser):
    """A Warta account; the public profile shows ``display_name`` and ``bio``."""

    email = models.EmailField(_("alamat email"), unique=True)
    bio = models.TextField(_("tentang saya"), blank=True, max_length=600)
    accepted_terms_at = models.DateTimeField(_("menyetujui ketentuan pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    @property
    def display_name(self) -> str:
        """Return the name readers see: full name, else the username."""
        return self.get_full_name() or self.username

    def get_absolute_url(self) -> str:
        return reverse("accounts:profile", kwargs={"username": self.username})

    def is_in_group(self, name: str) -> bool:
        """Return True when the user belongs to the named group."""
        return self.groups.filter(name=name).exists()
