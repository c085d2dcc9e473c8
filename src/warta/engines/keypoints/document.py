"""Turn raw article input into the sentence list every method works on.

Handles the awkward inputs too: HTML is reduced to text, very long text is cut at a bound,
and a text that does not look Indonesian is flagged.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from warta.engines.keypoints.types import ArticleInput, EmptyArticleError, KeyPointsConfig
from warta.engines.text import split_paragraphs, split_sentences, stopwords, word_tokens

_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?\s*>")
_HTML_HINT = re.compile(r"<\s*(?:p|div|br|h[1-6]|li|ul|ol|span|a|strong|em|b|i|html|body)\b", re.I)
_HTML_DROP = re.compile(r"<\s*(script|style|noscript|template)\b.*?<\s*/\s*\1\s*>", re.I | re.S)
_HTML_BLOCK = re.compile(
    r"<\s*/?\s*(?:p|div|br|h[1-6]|li|ul|ol|tr|blockquote|section|article)\b[^>]*>", re.I
)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)

#: A numbered sub-heading on its own line: "1. Peru ditetapkan sebagai sekutu AS non-NATO".
_SUBHEADING = re.compile(r"^(\d{1,2})[.)]\s+(\S.{2,150})$")
#: Lines that are navigation, not article content.
_BOILERPLATE = re.compile(
    r"^(?:baca juga|lihat juga|simak juga|tonton juga|baca selengkapnya|artikel terkait|"
    r"saksikan video|video pilihan|simak video)\b",
    re.I,
)
_DASH = (
    r"(?:\s*(?:--|—|–)\s*|\s+-\s+"
    r"|(?<=\.com)-|(?<=\.net)-|(?<=\.co)-|(?<=\.id)-|(?<=[A-Z]{2})-(?=[A-Z]))"
)
_DATELINE = re.compile(r"^(?P<prefix>[^\s].{0,60}?)" + _DASH)


@dataclass(frozen=True, slots=True)
class Subheading:
    """A numbered sub-heading found in the body."""

    number: int
    text: str
    sentence_index: int


@dataclass(frozen=True, slots=True)
class Document:
    """The prepared article: sentences, where they sit, and what was done to the input."""

    title: str
    sentences: tuple[str, ...]
    paragraph_of: tuple[int, ...]
    is_boilerplate: tuple[bool, ...]
    subheadings: tuple[Subheading, ...]
    notes: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.sentences)


def html_to_text(markup: str) -> str:
    """Return the visible text of an HTML fragment, one block element per line."""
    text = _HTML_COMMENT.sub(" ", markup)
    text = _HTML_DROP.sub(" ", text)
    text = _HTML_BLOCK.sub("\n", text)
    text = _HTML_TAG.sub("", text)
    return html.unescape(text)


def looks_like_html(text: str) -> bool:
    """Return whether ``text`` is HTML markup rather than plain text."""
    return len(_HTML_HINT.findall(text[:20_000])) >= 2


def strip_dateline(sentence: str) -> str:
    """Return ``sentence`` without a leading dateline ("Jakarta, CNN Indonesia -- ")."""
    match = _DATELINE.match(sentence)
    if not match:
        return sentence
    prefix = match.group("prefix").strip(" ,")
    words = prefix.replace(",", " ").split()
    if not 1 <= len(words) <= 6:
        return sentence
    for word in words:
        lead = word.lstrip("(")[:1]
        if not (lead.isupper() or lead.isdigit()):
            return sentence
    # A dateline names a place and/or the outlet: "Jakarta, CNN Indonesia", "Jakarta
    # (ANTARA News)", "Suara.com", "SWISS". "PT Bank Mandiri - ..." is a subject instead.
    lowered = prefix.lower()
    is_outlet = any(domain in lowered for domain in (".com", ".co", ".net", ".id"))
    if not ("," in prefix or "(" in prefix or is_outlet or prefix.replace(" ", "").isupper()):
        return sentence
    rest = sentence[match.end() :].lstrip(" -–—")
    if len(rest.split()) < 3:
        return sentence
    return rest[:1].upper() + rest[1:]


def is_indonesian(sentences: tuple[str, ...] | list[str]) -> bool:
    """Return whether the text looks Indonesian (enough common Indonesian function words)."""
    stop = stopwords()
    tokens: list[str] = []
    for sentence in sentences[:60]:
        tokens.extend(word_tokens(sentence))
        if len(tokens) > 600:
            break
    if len(tokens) < 8:
        return True  # too short to tell; do not flag
    hits = sum(1 for token in tokens if token in stop)
    return hits / len(tokens) >= 0.12


def prepare(article: ArticleInput, config: KeyPointsConfig) -> Document:
    """Return the prepared :class:`Document` of ``article``; raise on an empty article."""
    text = article.text if isinstance(article.text, str) else ""
    title = (article.title or "").strip()
    notes: list[str] = []
    if looks_like_html(text):
        text = html_to_text(text)
        notes.append("html-stripped")
        if title and "<" in title:
            title = html_to_text(title).strip()
    if len(text) > config.max_chars:
        cut = text.rfind("\n", 0, config.max_chars)
        if cut < config.max_chars // 2:
            cut = text.rfind(" ", 0, config.max_chars)
        text = text[: cut if cut > 0 else config.max_chars]
        notes.append("truncated")
    if not text.strip():
        raise EmptyArticleError("Teks artikel kosong / the article text is empty")

    sentences: list[str] = []
    paragraph_of: list[int] = []
    boilerplate: list[bool] = []
    subheadings: list[Subheading] = []
    for p_index, paragraph in enumerate(split_paragraphs(text)):
        heading = _SUBHEADING.match(paragraph)
        if heading and (not paragraph.endswith((".", "!")) or len(paragraph.split()) <= 14):
            subheadings.append(
                Subheading(int(heading.group(1)), heading.group(2).strip(), len(sentences))
            )
            parts = [paragraph]
        else:
            parts = split_sentences(paragraph)
        is_nav = bool(_BOILERPLATE.match(paragraph))
        for part in parts:
            if len(sentences) >= config.max_sentences:
                break
            sentences.append(part)
            paragraph_of.append(p_index)
            boilerplate.append(is_nav)
        if len(sentences) >= config.max_sentences:
            if "truncated" not in notes:
                notes.append("truncated")
            break
    if not sentences:
        raise EmptyArticleError("Teks artikel kosong / the article text is empty")
    if not is_indonesian(sentences):
        notes.append("not-indonesian")
    return Document(
        title=title,
        sentences=tuple(sentences),
        paragraph_of=tuple(paragraph_of),
        is_boilerplate=tuple(boilerplate),
        subheadings=tuple(_summarising(_sequential(subheadings), sentences)),
        notes=tuple(notes),
    )


def _summarising(headings: list[Subheading], sentences: list[str]) -> list[Subheading]:
    """Return ``headings`` if they read as summaries of their sections, else nothing.

    A numbered list of scores or names is not a set of key points: each heading must have
    at least three words and a section of real sentences under it, and most headings must
    share a word root with their section.
    """
    if not headings:
        return []
    from warta.engines.text import analyze

    agreeing = 0
    for position, heading in enumerate(headings):
        if len(heading.text.split()) < 3:
            return []
        end = (
            headings[position + 1].sentence_index
            if position + 1 < len(headings)
            else len(sentences)
        )
        body = sentences[heading.sentence_index + 1 : end]
        if not any(len(sentence.split()) >= 8 for sentence in body):
            return []
        if set(analyze(heading.text)) & set(analyze(" ".join(body))):
            agreeing += 1
    return headings if agreeing * 3 >= len(headings) * 2 else []


def _sequential(found: list[Subheading]) -> list[Subheading]:
    """Return the longest run of sub-headings numbered 1, 2, 3, ... (at least two)."""
    best: list[Subheading] = []
    run: list[Subheading] = []
    for heading in found:
        if heading.number == 1:
            run = [heading]
        elif run and heading.number == run[-1].number + 1:
            run.append(heading)
        else:
            run = []
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= 2 else []
