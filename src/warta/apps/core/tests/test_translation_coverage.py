"""Every string marked for translation in the code is in the English catalogue, and no other.

``test_translations`` checks the catalogue is complete in itself; this test checks it matches
the code: it runs ``makemessages`` on a copy of the package (so the committed catalogue is
never touched) and compares the extracted entries with the committed ones. It needs GNU
gettext (``xgettext``), which ``.ci/run`` installs; it fails, not skips, without it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from warta.apps.core.tests.test_translations import PO, parse_po

PACKAGE = Path(settings.LOCALE_PATHS[0]).parent
# The same exclusions docs/translation.md gives for makemessages.
IGNORE = ["*/tests/*", "apps/demo/content/*"]


def keys(po_text: str) -> set[tuple[str | None, str, str | None]]:
    return {
        (entry.context, entry.msgid, entry.plural)
        for entry in parse_po(po_text)
        if entry.msgid and not entry.obsolete
    }


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str | None, str, str | None]]:
    if shutil.which("xgettext") is None:
        pytest.fail(
            "xgettext is missing: install GNU gettext (apt install gettext) to check the catalogue"
        )
    root = tmp_path_factory.mktemp("messages")
    copy = root / "warta"
    shutil.copytree(
        PACKAGE, copy, ignore=shutil.ignore_patterns("locale", "__pycache__", "*.pyc", "*.mo")
    )
    locale = root / "locale"
    locale.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(copy)
        patch.setattr(settings, "LOCALE_PATHS", [str(locale)])
        call_command(
            "makemessages", locale=["en"], ignore_patterns=IGNORE, no_obsolete=True, verbosity=0
        )
    return keys((locale / "en" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8"))


def show(entries: set[tuple[str | None, str, str | None]]) -> list[str]:
    return sorted(f"{context}|{msgid}" if context else msgid for context, msgid, _ in entries)


def test_every_string_in_the_code_is_in_the_catalogue(extracted):
    committed = keys(PO.read_text(encoding="utf-8"))
    assert show(extracted - committed) == [], "run makemessages (docs/translation.md)"


def test_the_catalogue_holds_no_string_the_code_no_longer_uses(extracted):
    committed = keys(PO.read_text(encoding="utf-8"))
    assert show(committed - extracted) == [], "run makemessages with --no-obsolete"


def test_extraction_finds_the_strings_of_templates_and_python(extracted):
    # One template string and one Python string that have long been in the code; if the copy
    # or the ignore patterns went wrong, extraction would come back (nearly) empty.
    msgids = {msgid for _, msgid, _ in extracted}
    assert len(msgids) > 300
    assert "Untuk Anda" in msgids
