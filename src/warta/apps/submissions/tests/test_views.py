"""The writer's pages: form errors, uploads, autosave, dashboard queries, CSRF."""

import io
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image as PILImage

from warta.apps.submissions.models import Submission
from warta.apps.submissions.tests import factories as f
from warta.apps.submissions.uploads import validate_image_upload

pytestmark = pytest.mark.django_db
CREATE = reverse("submissions:submission_create")
AUTOSAVE_NEW = reverse("submissions:submission_autosave_new")


def form_data(**overrides):
    data = {
        "headline": "Banjir rob rendam Tambaklorok",
        "dateline": "Semarang",
        "body_markup": f.BODY,
        "hero_caption": "",
        "hero_credit": "",
        "suggested_topics": "Banjir",
        "intent": "save",
    }
    data.update(overrides)
    return data


@pytest.fixture
def writer_client(client, writer):
    client.force_login(writer)
    return client


def test_anonymous_is_sent_to_login(client):
    response = client.get(CREATE)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_expired_session_gives_the_text_back_instead_of_losing_it(client, writer):
    submission = f.draft(writer, headline="Judul tersimpan di server")
    url = reverse("submissions:submission_edit", args=[submission.pk])
    typed = "Paragraf panjang yang baru saja diketik."
    response = client.post(url, form_data(body_markup=typed))  # not logged in
    assert response.status_code == 401
    html = response.content.decode()
    assert typed in html and "Sesi Anda berakhir" in html
    assert f'action="{url}"' in html
    assert "Judul tersimpan di server" not in html  # only the POST is echoed, never the DB
    submission.refresh_from_db()
    assert submission.body_markup != typed


def test_save_then_submit_from_the_form(writer_client, writer):
    response = writer_client.post(CREATE, form_data())
    assert response.status_code == 302
    submission = Submission.objects.get(writer=writer)
    response = writer_client.post(
        reverse("submissions:submission_edit", args=[submission.pk]), form_data(intent="submit")
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED
    # Locked while under review: GET redirects to the status page, POST is a conflict.
    edit_url = reverse("submissions:submission_edit", args=[submission.pk])
    assert writer_client.get(edit_url).status_code == 302
    assert writer_client.post(edit_url, form_data(headline="Diubah")).status_code == 409
    submission.refresh_from_db()
    assert submission.headline == "Banjir rob rendam Tambaklorok"


def test_submit_with_missing_fields_is_400_and_keeps_what_was_typed(writer_client, writer):
    response = writer_client.post(
        CREATE, form_data(headline="", body_markup="Paragraf setengah jadi.", intent="submit")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Judul wajib diisi." in html
    assert "Paragraf setengah jadi." in html  # nothing typed is lost
    submission = Submission.objects.get(writer=writer)  # and the draft was kept
    assert submission.body_markup == "Paragraf setengah jadi."
    assert submission.status == Submission.Status.DRAFT


def test_over_long_and_empty_fields_get_indonesian_errors(writer_client, writer):
    long_headline = "J" * 161
    response = writer_client.post(CREATE, form_data(headline=long_headline))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Terlalu panjang: maksimal 160 karakter" in html
    assert long_headline in html
    assert not Submission.objects.filter(writer=writer).exists()
    empty = writer_client.post(CREATE, {"intent": "save"})
    assert empty.status_code == 400
    assert "Tulisan masih kosong" in empty.content.decode()


def test_quote_without_speaker_blocks_submission(writer_client):
    response = writer_client.post(
        CREATE, form_data(body_markup="> Kutipan tanpa nama.", intent="submit")
    )
    assert response.status_code == 400
    assert "belum diberi narasumber" in response.content.decode()


def png_bytes(size=(40, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "red").save(buffer, format="PNG")
    return buffer.getvalue()


def upload(name, content, content_type="image/jpeg"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type=content_type)


def test_valid_image_becomes_a_wagtail_image_and_needs_a_credit(writer_client, writer):
    response = writer_client.post(
        CREATE, {**form_data(), "hero_upload": f.image_upload("foto.jpg")}
    )
    assert response.status_code == 400  # saved, but the credit is missing
    assert "Kredit gambar wajib diisi" in response.content.decode()
    submission = Submission.objects.get(writer=writer)
    assert submission.hero_image is not None
    assert submission.hero_image.uploaded_by_user == writer
    # The draft's headline stays private: neither the title nor the public file name use it.
    assert submission.headline.lower() not in submission.hero_image.title.lower()
    assert re.fullmatch(
        r"original_images/kiriman-[0-9a-f]{16}\.\w+", submission.hero_image.file.name
    )
    response = writer_client.post(
        reverse("submissions:submission_edit", args=[submission.pk]),
        form_data(hero_credit="Dok. pribadi", intent="submit"),
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.page.get_latest_revision_as_object().hero_image == submission.hero_image


def test_non_image_with_jpg_name_is_refused(writer_client):
    response = writer_client.post(
        CREATE,
        {
            **form_data(hero_credit="x"),
            "hero_upload": upload("foto.jpg", b"<?php system($_GET[c]); ?>"),
        },
    )
    assert response.status_code == 400
    assert "bukan gambar" in response.content.decode()
    from wagtail.images import get_image_model

    assert not get_image_model().objects.exists()


def test_too_many_pixels_is_refused_before_decoding(writer_client, settings):
    settings.WARTA_MAX_IMAGE_PIXELS = 1000
    response = writer_client.post(
        CREATE,
        {**form_data(hero_credit="x"), "hero_upload": upload("besar.png", png_bytes((100, 100)))},
    )
    assert response.status_code == 400
    assert "Dimensi gambar terlalu besar" in response.content.decode()


def test_decompression_bomb_header_is_refused(settings):
    # A PNG header claiming 100,000 × 100,000 pixels; Pillow must not decode it.
    import struct
    import zlib

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        validate_image_upload(upload("bom.png", bomb))
    assert error.value.code == "too_many_pixels"


def test_too_many_bytes_is_413(writer_client, settings):
    settings.WARTA_MAX_IMAGE_BYTES = 1000
    buffer = io.BytesIO()
    PILImage.effect_noise((64, 64), 80).save(buffer, format="PNG")
    assert len(buffer.getvalue()) > 1000
    response = writer_client.post(
        CREATE, {**form_data(hero_credit="x"), "hero_upload": upload("foto.png", buffer.getvalue())}
    )
    assert response.status_code == 413
    assert "terlalu besar" in response.content.decode()


def test_upload_is_reencoded_without_metadata():
    buffer = io.BytesIO()
    exif = PILImage.Exif()
    exif[0x010F] = "KameraRahasia"
    PILImage.new("RGB", (20, 20), "blue").save(buffer, format="JPEG", exif=exif)
    clean = validate_image_upload(upload("x.jpg", buffer.getvalue() + b"TRAILING-PAYLOAD"))
    assert b"KameraRahasia" not in clean.content
    assert b"TRAILING-PAYLOAD" not in clean.content


def test_autosave_creates_then_updates_a_draft(writer_client, writer):
    response = writer_client.post(AUTOSAVE_NEW, form_data())
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] and body["saved"]
    submission = Submission.objects.get(pk=body["id"])
    assert body["edit_url"] == reverse("submissions:submission_edit", args=[submission.pk])
    response = writer_client.post(body["autosave_url"], form_data(body_markup="Versi kedua."))
    assert response.json()["ok"]
    submission.refresh_from_db()
    assert submission.body_markup == "Versi kedua."
    # Repeated autosaves fold into one timeline row.
    writer_client.post(body["autosave_url"], form_data(body_markup="Versi ketiga."))
    assert list(submission.events.values_list("kind", flat=True)) == ["created", "edited"]


def test_autosave_of_an_empty_form_creates_nothing(writer_client, writer):
    response = writer_client.post(AUTOSAVE_NEW, {"headline": "  "})
    assert response.json() == {"ok": True, "saved": False}
    assert not Submission.objects.exists()


def test_autosave_errors_are_json(writer_client, client, writer, other_writer):
    response = writer_client.post(AUTOSAVE_NEW, form_data(headline="J" * 200))
    assert response.status_code == 400
    assert "headline" in response.json()["errors"]
    submission = f.submitted(writer)
    locked = writer_client.post(
        reverse("submissions:submission_autosave", args=[submission.pk]), form_data()
    )
    assert locked.status_code == 409 and not locked.json()["ok"]
    anonymous = Client().post(AUTOSAVE_NEW, form_data())
    assert anonymous.status_code == 401
    assert "Sesi Anda berakhir" in anonymous.json()["error"]
    client.force_login(other_writer)
    foreign = client.post(
        reverse("submissions:submission_autosave", args=[submission.pk]), form_data()
    )
    assert foreign.status_code == 404


def test_csrf_failure_is_an_indonesian_page(writer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(writer)
    response = client.post(CREATE, form_data())
    assert response.status_code == 403
    assert "Formulir kedaluwarsa" in response.content.decode()
    assert not Submission.objects.exists()


def test_autosave_without_csrf_token_is_refused(writer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(writer)
    assert client.post(AUTOSAVE_NEW, form_data()).status_code == 403
    assert not Submission.objects.exists()


def test_forms_carry_a_csrf_token(writer_client):
    html = writer_client.get(CREATE).content.decode()
    assert 'name="csrfmiddlewaretoken"' in html


def test_unknown_url_is_404(client):
    assert client.get("/menulis/tidak-ada/").status_code == 404


def test_dashboard_lists_own_pieces_in_constant_queries(writer_client, writer, other_writer):
    f.draft(writer)
    f.draft(other_writer, headline="Punya orang lain")
    url = reverse("submissions:dashboard")
    writer_client.get(url)  # warm caches (site, settings)
    with CaptureQueriesContext(connection) as one:
        response = writer_client.get(url)
    assert "Punya orang lain" not in response.content.decode()
    for index in range(5):
        f.draft(writer, headline=f"Tulisan {index}")
    with CaptureQueriesContext(connection) as six:
        response = writer_client.get(url)
    assert response.content.decode().count('class="submission-row"') == 6
    assert len(six) == len(one)
    assert len(six) <= 8
