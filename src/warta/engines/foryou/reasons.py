"""Short reasons a reader can be shown, in Indonesian, for why an article is in their feed.

A reason is Indonesian text. Those built around a topic, section or title are
:class:`Reason` strings that also keep their template and subject, so a site can show the
same reason in another language without parsing the text.
"""

from __future__ import annotations

PINNED = "Pilihan redaksi"
PICK = "Pilihan editor"
POPULAR = "Sedang populer"
FRESH = "Berita terbaru"
#: shown when none of "popular", "new" or "editor's pick" is true of a general-interest article
ARCHIVE = "Dari arsip"
RELATED = "Terkait dengan artikel ini"
BECAUSE_TOPIC = "Karena Anda membaca tentang {subject}"
BECAUSE_SECTION = "Karena Anda sering membaca rubrik {subject}"
BECAUSE_ARTICLE = "Mirip dengan “{subject}” yang Anda baca"
EXPLORE = "Coba yang lain: {subject}"
ALSO_ABOUT = "Juga tentang {subject}"
#: Every text or template a reason can have.
TEMPLATES = (
    PINNED,
    PICK,
    POPULAR,
    FRESH,
    ARCHIVE,
    RELATED,
    BECAUSE_TOPIC,
    BECAUSE_SECTION,
    BECAUSE_ARTICLE,
    EXPLORE,
    ALSO_ABOUT,
)
MAX_TITLE = 60


class Reason(str):
    """Indonesian reason text that remembers the template and subject it was made from."""

    __slots__ = ("subject", "template")
    template: str
    subject: str

    def __new__(cls, template: str, subject: str) -> Reason:
        text = super().__new__(cls, template.format(subject=subject))
        text.template = template
        text.subject = subject
        return text

    def __reduce__(self) -> tuple[type[Reason], tuple[str, str]]:
        return (Reason, (self.template, self.subject))


def because_topic(topic: str) -> Reason:
    """Return "Because you read about <topic>"."""
    return Reason(BECAUSE_TOPIC, topic)


def because_section(section: str) -> Reason:
    """Return "Because you often read the <section> section"."""
    return Reason(BECAUSE_SECTION, section)


def because_article(title: str) -> Reason:
    """Return "Similar to <title>, which you read" with the title shortened to fit a card."""
    return Reason(BECAUSE_ARTICLE, shorten(title))


def explore(topic: str) -> Reason:
    """Return "Try something new: <topic>"."""
    return Reason(EXPLORE, topic)


def also_about(topic: str) -> Reason:
    """Return "Also about <topic>" (related articles)."""
    return Reason(ALSO_ABOUT, topic)


def shorten(title: str, limit: int = MAX_TITLE) -> str:
    """Return ``title`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1].rsplit(" ", 1)[0] or title[: limit - 1]
    return cut.rstrip(" ,.;:-") + "…"
