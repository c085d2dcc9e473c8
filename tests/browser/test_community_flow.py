"""End to end: a community writer signs up and submits, an editor approves in the admin,
a reader opens the article. Screenshots go to a temporary folder, or to the folder named by
``WARTA_SCREENSHOT_DIR`` (``WARTA_SCREENSHOT_DIR=docs/screenshots`` refreshes the documented ones),
so an ordinary test run leaves the working tree clean.

CI installs /usr/bin/chromium and treats the skip (see tests/conftest.py) as a failure.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from warta.apps.newsroom.models import ArticlePage
from warta.apps.submissions.models import Submission
from warta.apps.submissions.tests.factories import EditorFactory

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 30_000

# Serialized rollback restores the site tree and Wagtail's data-migration rows after the
# live-server test flushes the database.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

# Lines of one paragraph may wrap: only a blank line starts a new paragraph.
BODY = """Warga Kampung Tambaklorok, Semarang Utara, kembali terendam banjir rob sejak
Senin pagi. Air laut setinggi 40 sentimeter masuk ke permukiman dan jalan kampung.

## Air masuk ke rumah warga

Ketinggian air di dalam rumah mencapai betis orang dewasa. Sebagian warga
memindahkan barang ke lantai dua dan menumpuk karung pasir di depan pintu.

> Sudah tiga hari air tidak surut. Anak-anak tidak bisa berangkat sekolah.
— Siti Aminah, Ketua RT 03

## Pompa air belum bekerja penuh

Dua dari empat pompa di rumah pompa Tambaklorok sedang diperbaiki. Kelurahan
meminta bantuan pompa portabel dari pemerintah kota.

Sumber: dikutip dari prakiraan rob BMKG Maritim Tanjung Emas https://www.bmkg.go.id
"""


def new_page(browser, viewport=DESKTOP):
    context = browser.new_context(viewport=viewport, locale="id-ID")
    context.set_default_timeout(TIMEOUT_MS)
    return context, context.new_page()


def test_writer_submits_editor_approves_reader_reads(live_server, settings, tmp_path, chromium):
    settings.MEDIA_ROOT = tmp_path / "media"
    base = live_server.url

    # 1. A new writer signs up, writes (autosave runs) and submits.
    writer_context, writer = new_page(chromium)
    writer.goto(f"{base}/akun/daftar/")
    writer.fill("#id_username", "sitiaminah")
    writer.fill("#id_full_name", "Siti Aminah")
    writer.fill("#id_email", "siti@contoh.id")
    writer.fill("#id_password1", "Banjir-Rob-2026!")
    writer.fill("#id_password2", "Banjir-Rob-2026!")
    writer.check("#id_accept_terms")
    writer.click("main button[type=submit]")
    writer.wait_for_url(re.compile(r"/menulis/$"))
    assert "Tulisan saya" in writer.locator("h1").inner_text()

    writer.click("text=Tulis baru")
    writer.fill(
        "#id_headline", "Banjir rob kembali rendam Tambaklorok, warga bertahan di lantai dua"
    )
    writer.fill("#id_dateline", "Semarang")
    writer.fill("#id_body_markup", BODY)
    writer.fill("#id_suggested_topics", "Banjir, Semarang")
    # The autosave script stores the draft and moves the page to its edit URL.
    writer.wait_for_url(re.compile(r"/menulis/\d+/ubah/$"))
    writer.locator("#autosave-status", has_text="Tersimpan otomatis").wait_for()
    submission = Submission.objects.get(writer__username="sitiaminah")
    assert "Pompa air belum bekerja penuh" in submission.body_markup

    screenshots = Path(os.environ.get("WARTA_SCREENSHOT_DIR") or tmp_path / "screenshots")
    screenshots.mkdir(parents=True, exist_ok=True)
    writer.screenshot(path=str(screenshots / "writer-editor.png"), full_page=True)
    writer.click("button[value=submit]")
    writer.wait_for_url(re.compile(rf"/menulis/{submission.pk}/$"))
    assert "Dikirim" in writer.locator(".current-status").inner_text()

    # 2. An editor opens it in the admin, approves the key points, approves and publishes.
    EditorFactory(username="editorbudi", first_name="Budi", last_name="Santoso")
    submission.refresh_from_db()
    editor_context, editor = new_page(chromium)
    editor.goto(f"{base}/admin/login/")
    editor.fill("#id_username", "editorbudi")
    editor.fill("#id_password", "rahasia-kuat-123")
    editor.click("button[type=submit]")
    editor.wait_for_url(re.compile(r"/admin/$"))
    editor.goto(f"{base}/admin/pages/{submission.page_id}/edit/")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.IN_REVIEW

    writer.reload()
    assert "Sedang ditinjau" in writer.locator(".current-status").inner_text()

    editor.check("input[name=key_points_approved]")
    approve = editor.locator("button[data-workflow-action-name=approve]")
    if not approve.is_visible():  # it sits in the footer's "more actions" dropdown
        editor.locator(".w-dropdown-button .w-dropdown__toggle").last.click()
    approve.click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/$"))

    submission.refresh_from_db()
    assert submission.status == Submission.Status.PUBLISHED
    article = ArticlePage.objects.get(pk=submission.page_id)
    assert article.live and article.key_points_approved
    assert article.key_points.exists(), "key points were not generated on submit"

    writer.reload()
    assert "Terbit" in writer.locator(".current-status").inner_text()
    assert writer.locator("a.published-link").get_attribute("href").endswith(article.url)
    writer.screenshot(path=str(screenshots / "writer-status.png"), full_page=True)

    # 3. An anonymous reader opens the article: key points, share links, editor credit.
    reader_context, reader = new_page(chromium)
    reader.goto(f"{base}{article.url}")
    assert reader.locator("h1").first.inner_text().startswith("Banjir rob kembali")
    assert reader.locator(".key-points li").count() >= 1
    assert reader.locator(".share").is_visible()
    team = reader.locator(".editorial-team").inner_text()
    assert "Budi Santoso" in team and "Siti Aminah" in team

    reader.screenshot(path=str(screenshots / "article-desktop.png"), full_page=True)
    reader.goto(f"{base}/")
    reader.screenshot(path=str(screenshots / "home-desktop.png"), full_page=True)
    phone_context, phone = new_page(chromium, PHONE)
    phone.goto(f"{base}{article.url}")
    phone.screenshot(path=str(screenshots / "article-phone.png"), full_page=True)
    phone.goto(f"{base}/")
    phone.screenshot(path=str(screenshots / "home-phone.png"), full_page=True)

    for context in (writer_context, editor_context, reader_context, phone_context):
        context.close()
