"""The recommender's reasons in the reader's language.

The engine (``engines/foryou/reasons.py``) writes reasons in Indonesian and imports no Django;
here each of its templates is marked for translation under the same Indonesian text.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from warta.engines.foryou import reasons

TRANSLATED: dict[str, Promise] = {
    reasons.PINNED: _("Pilihan redaksi"),
    reasons.PICK: _("Pilihan editor"),
    reasons.POPULAR: _("Sedang populer"),
    reasons.FRESH: _("Berita terbaru"),
    reasons.ARCHIVE: _("Dari arsip"),
    reasons.RELATED: _("Terkait dengan artikel ini"),
    reasons.BECAUSE_TOPIC: _("Karena Anda membaca tentang {subject}"),
    reasons.BECAUSE_SECTION: _("Karena Anda sering membaca rubrik {subject}"),
    reasons.BECAUSE_ARTICLE: _("Mirip dengan “{subject}” yang Anda baca"),
    reasons.EXPLORE: _("Coba yang lain: {subject}"),
    reasons.ALSO_ABOUT: _("Juga tentang {subject}"),
}


def translate_reason(reason: str) -> str:
    """Return ``reason`` in the active language (unchanged if the engine's text is unknown)."""
    template = getattr(reason, "template", reason)
    translated = TRANSLATED.get(template)
    if translated is None:
        return reason
    return str(translated).format(subject=getattr(reason, "subject", ""))
