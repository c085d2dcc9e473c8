"""The plain-text markup community writers type, and its mapping to article body blocks.

Writers need no JavaScript and no rich-text editor. The markup is small and documented on
the writing form (``templates/submissions/_markup_help.html``)::

    Paragraf dipisahkan satu baris kosong. Boleh <b>tebal</b>, <i>miring</i>,
    dan <a href="https://contoh.id">tautan</a>.

    ## Subjudul (halaman memberi nomor 1., 2., ... sendiri)

    > Kalimat kutipan, boleh beberapa baris.
    — Nama Narasumber, Jabatan

    Sumber: dikutip dari Anadolu Agency https://www.aa.com.tr/...

Inline HTML other than ``b``, ``i`` and ``a href`` (http, https, mailto) is removed by nh3;
everything else a writer types is text and is escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any

import nh3
from django.utils.translation import gettext as _

SUBHEADING_PREFIX = "##"
QUOTE_PREFIX = ">"
SOURCE_PREFIX = "sumber:"
ATTRIBUTION = re.compile(r"^\s*(?:—|–|--|-)\s*(?P<who>\S.*)$")
LEADING_NUMBER = re.compile(r"^\d{1,2}[.)]\s+")
TAG_LIKE = re.compile(r"<(?=[a-zA-Z!/?])")
URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)

MAX_SUBHEADING = 160
MAX_QUOTE = 1200
MAX_SPEAKER = 120
MAX_ROLE = 160
MAX_SOURCE = 200

INLINE_TAGS = {"b", "i", "a", "strong", "em"}
INLINE_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitise_inline(text: str) -> str:
    """Return ``text`` as safe inline HTML: only b, i and a href survive; the rest is escaped."""
    cleaned = nh3.clean(
        text,
        tags=INLINE_TAGS,
        attributes=INLINE_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    # Wagtail's rich-text storage format uses <b> and <i>.
    for wide, short in (("strong", "b"), ("em", "i")):
        cleaned = cleaned.replace(f"<{wide}>", f"<{short}>").replace(f"</{wide}>", f"</{short}>")
    return cleaned


def plain_text(text: str) -> str:
    """Return ``text`` with every tag removed and entities decoded (for plain-text fields)."""
    # Repeat until stable: decoding "&lt;script&gt;" must not leave a tag behind.
    for _attempt in range(5):
        cleaned = html.unescape(nh3.clean(text, tags=set()))
        if cleaned == text:
            break
        text = cleaned
    return TAG_LIKE.sub("", text).strip()


def _chunks(text: str) -> list[list[str]]:
    """Split markup into blocks of non-empty lines separated by blank lines."""
    chunks: list[list[str]] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def _parse_chunk(lines: list[str]) -> tuple[list[dict[str, Any]], list[str]]:
    """Return the blocks one chunk of lines makes, and any problems found in it."""
    first = lines[0].lstrip()
    if first.startswith(SUBHEADING_PREFIX):
        blocks: list[dict[str, Any]] = []
        problems: list[str] = []
        # Each "## " line is its own sub-heading; lines after it form a paragraph.
        rest: list[str] = []
        for index, line in enumerate(lines):
            if index == 0 or (line.lstrip().startswith(SUBHEADING_PREFIX) and not rest):
                heading = plain_text(line.lstrip().lstrip("#"))
                heading = LEADING_NUMBER.sub("", heading)
                if not heading:
                    problems.append(_("Ada subjudul (##) tanpa teks."))
                    continue
                if len(heading) > MAX_SUBHEADING:
                    problems.append(
                        _("Subjudul terlalu panjang (maksimal %(max)d karakter): %(text)s")
                        % {"max": MAX_SUBHEADING, "text": heading[:40] + "…"}
                    )
                blocks.append({"type": "subheading", "value": heading[:MAX_SUBHEADING]})
            else:
                rest.append(line)
        if rest:
            more, more_problems = _parse_chunk(rest)
            blocks.extend(more)
            problems.extend(more_problems)
        return blocks, problems
    if first.startswith(QUOTE_PREFIX):
        return _parse_quote(lines)
    if first.lower().startswith(SOURCE_PREFIX):
        return _parse_source(lines)
    return [_paragraph(lines)], []


def _paragraph(lines: Iterable[str]) -> dict[str, Any]:
    joined = " ".join(line.strip() for line in lines)
    return {"type": "paragraph", "value": f"<p>{sanitise_inline(joined)}</p>"}


def _parse_quote(lines: list[str]) -> tuple[list[dict[str, Any]], list[str]]:
    quoted: list[str] = []
    attribution = ""
    trailing: list[str] = []
    for line in lines:
        stripped = line.lstrip()
        if stripped.startswith(QUOTE_PREFIX) and not attribution:
            quoted.append(stripped[1:].strip())
        elif not attribution and (match := ATTRIBUTION.match(stripped)):
            attribution = match.group("who")
        else:
            trailing.append(line)
    text = plain_text("\n".join(quoted))
    speaker, _sep, role = (plain_text(part) for part in attribution.partition(","))
    problems: list[str] = []
    if not speaker:
        problems.append(
            _(
                "Kutipan “%(text)s” belum diberi narasumber. "
                "Tulis di baris berikutnya: — Nama, Jabatan"
            )
            % {"text": text[:40] + ("…" if len(text) > 40 else "")}
        )
        blocks: list[dict[str, Any]] = [
            {"type": "paragraph", "value": f"<p>“{html.escape(text)}”</p>"}
        ]
    else:
        if len(text) > MAX_QUOTE:
            problems.append(
                _("Kutipan terlalu panjang (maksimal %(max)d karakter).") % {"max": MAX_QUOTE}
            )
        if len(speaker) > MAX_SPEAKER or len(role) > MAX_ROLE:
            problems.append(_("Nama atau jabatan narasumber terlalu panjang."))
        blocks = [
            {
                "type": "quote",
                "value": {
                    "text": text[:MAX_QUOTE],
                    "speaker": speaker[:MAX_SPEAKER],
                    "role": role[:MAX_ROLE],
                },
            }
        ]
    if trailing:
        blocks.append(_paragraph(trailing))
    return blocks, problems


def _parse_source(lines: list[str]) -> tuple[list[dict[str, Any]], list[str]]:
    raw = plain_text(" ".join(line.strip() for line in lines)[len(SOURCE_PREFIX) :])
    match = URL.search(raw)
    url = match.group(0).rstrip(".,;)") if match else ""
    text = " ".join(URL.sub(" ", raw).split()).strip(" -–—:")
    if not text and url:
        text = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
    problems: list[str] = []
    if not text:
        problems.append(_("Baris “Sumber:” harus berisi nama sumber."))
        return [], problems
    if len(text) > MAX_SOURCE:
        problems.append(
            _("Keterangan sumber terlalu panjang (maksimal %(max)d karakter).")
            % {"max": MAX_SOURCE}
        )
    return [{"type": "source", "value": {"text": text[:MAX_SOURCE], "url": url}}], problems


def parse_markup(text: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Return (blocks, problems) for writer markup; problems are Indonesian messages."""
    blocks: list[dict[str, Any]] = []
    problems: list[str] = []
    for chunk in _chunks(text or ""):
        chunk_blocks, chunk_problems = _parse_chunk(chunk)
        blocks.extend(block for block in chunk_blocks if _has_content(block))
        problems.extend(chunk_problems)
    return blocks, problems


def _has_content(block: dict[str, Any]) -> bool:
    if block["type"] == "paragraph":
        return bool(plain_text(block["value"]))
    return True


def markup_errors(text: str) -> list[str]:
    """Return the Indonesian messages describing what is wrong with ``text`` (empty if fine)."""
    return parse_markup(text)[1]


def markup_to_blocks(text: str) -> list[dict[str, Any]]:
    """Return StreamField raw data for ``ArticleBodyBlock`` from writer markup.

    Never raises: a quote without a speaker becomes a quoted paragraph. Use
    ``markup_errors`` to tell the writer about such problems first.
    """
    return parse_markup(text)[0]


_PARAGRAPH_SPLIT = re.compile(r"</p>\s*<p[^>]*>", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _raw_blocks(stream_data: Any) -> list[Mapping[str, Any]]:
    if hasattr(stream_data, "raw_data"):
        return list(stream_data.raw_data)
    return list(stream_data or [])


def blocks_to_markup(stream_data: Any) -> str:
    """Return writer markup for StreamField data (a StreamValue or its raw list of dicts).

    Inline images and unknown block types are left out: writers cannot place them.
    """
    parts: list[str] = []
    for block in _raw_blocks(stream_data):
        kind, value = block.get("type"), block.get("value")
        if kind == "paragraph":
            inner = re.sub(r"^\s*<p[^>]*>|</p>\s*$", "", str(value or ""), flags=re.IGNORECASE)
            for piece in _PARAGRAPH_SPLIT.split(inner):
                piece = _BREAK.sub(" ", piece)
                cleaned = sanitise_inline(piece).strip()
                if cleaned:
                    parts.append(cleaned)
        elif kind == "subheading":
            parts.append(f"{SUBHEADING_PREFIX} {value}")
        elif kind == "quote" and isinstance(value, Mapping):
            quoted = "\n".join(f"> {line}" for line in str(value.get("text", "")).splitlines())
            who = ", ".join(p for p in (value.get("speaker", ""), value.get("role", "")) if p)
            parts.append(f"{quoted}\n— {who}" if who else quoted)
        elif kind == "source" and isinstance(value, Mapping):
            line = f"Sumber: {value.get('text', '')}"
            if value.get("url"):
                line += f" {value['url']}"
            parts.append(line)
    return "\n\n".join(parts)
