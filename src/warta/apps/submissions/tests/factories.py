"""Factories for people and submissions; states beyond "draft" come from the real actions."""

from __future__ import annotations

import io
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from warta.apps.accounts.models import ADMINS, COMMUNITY_WRITERS, EDITORS
from warta.apps.submissions import actions
from warta.apps.submissions.models import Submission

BODY = """Warga Kampung Tambaklorok kembali terendam banjir rob sejak Senin pagi.

## Air masuk ke rumah warga

> Sudah tiga hari air tidak surut.
— Siti Aminah, warga RT 03

Sumber: dikutip dari BMKG https://www.bmkg.go.id
"""


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@contoh.id")
    first_name = factory.Faker("first_name", locale="id_ID")
    last_name = factory.Faker("last_name", locale="id_ID")
    password = factory.PostGenerationMethodCall("set_password", "rahasia-kuat-123")

    group = factory.PostGeneration(
        lambda user, create, extracted, **kw: _join(user, create, extracted)
    )


def _join(user: Any, create: bool, name: str | None) -> None:
    if create and name:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    if create:
        user.save()


def _join_group(name: str) -> factory.PostGeneration:
    return factory.PostGeneration(
        lambda user, create, extracted, **kw: _join(user, create, extracted or name)
    )


class WriterFactory(UserFactory):
    group = _join_group(COMMUNITY_WRITERS)


class EditorFactory(UserFactory):
    group = _join_group(EDITORS)


class AdminFactory(UserFactory):
    group = _join_group(ADMINS)
    is_superuser = True
    is_staff = True


def image_upload(
    name: str = "foto.jpg", size: tuple[int, int] = (64, 48), fmt: str = "JPEG"
) -> SimpleUploadedFile:
    """Return a small real image as an uploaded file."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 30, 40)).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def draft(writer: Any, **fields: Any) -> Submission:
    values = {
        "headline": "Banjir rob rendam Tambaklorok",
        "dateline": "Semarang",
        "body_markup": BODY,
        "suggested_topics": "Banjir, Semarang",
    }
    values.update(fields)
    return actions.create_submission(writer, **values)


def submitted(writer: Any, **fields: Any) -> Submission:
    return actions.submit_submission(draft(writer, **fields), writer)


def in_review(writer: Any, editor: Any, **fields: Any) -> Submission:
    return actions.start_review(submitted(writer, **fields), editor)


def changes_requested(
    writer: Any, editor: Any, reason: str = "Tambahkan sumber data."
) -> Submission:
    return actions.request_changes(in_review(writer, editor), editor, reason)


def rejected(writer: Any, editor: Any, reason: str = "Bukan berita.") -> Submission:
    return actions.reject_submission(in_review(writer, editor), editor, reason)


def published(writer: Any, editor: Any) -> Submission:
    return actions.approve_and_publish(in_review(writer, editor), editor)
