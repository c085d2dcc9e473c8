"""Optional generative key points from the publisher's own OpenAI-compatible server.

Off by default. Every generated bullet must pass a grounding check (each number, name and
quoted phrase appears in the article); otherwise, and on any server problem, the engine
returns its extractive bullets with method ``generative-fallback`` and says why in
``notes``.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Callable

from warta.engines.keypoints.document import Document, prepare
from warta.engines.keypoints.extractive import ExtractiveEngine, subheading_points
from warta.engines.keypoints.types import (
    ArticleInput,
    GenerativeBackendError,
    GenerativeConfig,
    KeyPoint,
    KeyPoints,
    KeyPointsConfig,
    KeyPointsError,
)
from warta.engines.text import word_tokens

#: Send a JSON payload to a URL and return the decoded JSON answer.
Transport = Callable[[str, dict[str, object], dict[str, str], float], object]

_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_BULLET_PREFIX = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s*")
_SPACES = re.compile(r"\s+")

SYSTEM_PROMPT = (
    "Anda editor berita. Tulis poin inti artikel dalam bahasa Indonesia. "
    "Gunakan hanya fakta yang tertulis di artikel; jangan menambah nama, angka, atau kutipan. "
    "Satu poin per baris, tanpa nomor, masing-masing paling banyak 15 kata."
)


def _urllib_transport(
    url: str, payload: dict[str, object], headers: dict[str, str], timeout: float
) -> object:
    if not url.startswith(("http://", "https://")):
        raise GenerativeBackendError(f"URL server tidak valid / invalid server URL: {url!r}")
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url, data=json.dumps(payload).encode("utf-8"), headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise GenerativeBackendError(f"server tidak bisa dipakai / server unusable: {exc}") from exc


def request_bullets(
    article_text: str,
    count: int,
    config: GenerativeConfig,
    transport: Transport = _urllib_transport,
) -> list[str]:
    """Return up to ``count`` bullets from the chat-completions server."""
    payload: dict[str, object] = {
        "model": config.model,
        "temperature": config.temperature,
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"Tulis {count} poin inti.\n\nArtikel:\n{article_text}"},
        ],
    }
    headers = {"Content-Type": "application/json"}
    if config.api_key:
        headers["Authorization"] = f"Bearer {config.api_key}"
    url = config.base_url.rstrip("/") + "/chat/completions"
    answer = transport(url, payload, headers, config.timeout_seconds)
    try:
        content = answer["choices"][0]["message"]["content"]  # type: ignore[index]
    except (KeyError, IndexError, TypeError) as exc:
        raise GenerativeBackendError("jawaban server tidak dikenali / unknown answer") from exc
    if not isinstance(content, str):
        raise GenerativeBackendError("jawaban server tidak dikenali / unknown answer")
    bullets = []
    for line in content.splitlines():
        cleaned = _BULLET_PREFIX.sub("", line).strip()
        if cleaned:
            bullets.append(cleaned)
    if not bullets:
        raise GenerativeBackendError("server tidak memberi poin / server returned no bullets")
    return bullets[:count]


def grounding_problems(bullet: str, article_text: str) -> list[str]:
    """Return what in ``bullet`` is not in the article: numbers, names, quoted phrases.

    Numbers are compared whole ("2" is not found in "27/3"); names are the capitalised
    words, compared by their lowercase words; quotes are compared as phrases.
    """
    flat = _SPACES.sub(" ", article_text).lower()
    article_words = set(word_tokens(article_text))
    problems: list[str] = []
    article_numbers = set(_NUMBER.findall(article_text))
    for number in _NUMBER.findall(bullet):
        if number not in article_numbers:
            problems.append(f"angka/number {number!r}")
    for phrase in _QUOTED.findall(bullet):
        if _SPACES.sub(" ", phrase).strip().lower() not in flat:
            problems.append(f"kutipan/quote {phrase!r}")
    for name in _CAPITALISED.findall(bullet):
        for part in word_tokens(name):
            if part not in article_words:
                problems.append(f"nama/name {name!r}")
                break
    return problems


def trace_sources(bullet: str, doc: Document) -> tuple[int, ...]:
    """Return the indices of the sentences that share the most words with ``bullet``."""
    words = set(word_tokens(bullet))
    if not words:
        return ()
    overlaps = []
    for index, sentence in enumerate(doc.sentences):
        shared = len(words & set(word_tokens(sentence)))
        if shared:
            overlaps.append((shared, -index))
    overlaps.sort(reverse=True)
    best = [-neg for shared, neg in overlaps[:2] if shared >= max(2, overlaps[0][0] // 2)]
    return tuple(sorted(best or [-overlaps[0][1]])) if overlaps else ()


class GenerativeEngine:
    """Bullets written by the publisher's model, checked against the article."""

    name = "generative"

    def __init__(
        self,
        config: KeyPointsConfig,
        transport: Transport = _urllib_transport,
        fallback: ExtractiveEngine | None = None,
    ) -> None:
        if config.generative is None:
            raise KeyPointsError("Server generatif belum diatur / no generative server configured")
        self.config = config
        self.generative = config.generative
        self.transport = transport
        self.fallback = fallback or ExtractiveEngine(config)

    def extract(self, article: ArticleInput) -> KeyPoints:
        """Return generated bullets if they are grounded, else the extractive ones."""
        doc = prepare(article, self.config)
        by_heading = subheading_points(doc, self.config)
        if by_heading is not None:
            return by_heading
        text = "\n".join(doc.sentences)
        try:
            bullets = request_bullets(text, self.config.num_points, self.generative, self.transport)
        except GenerativeBackendError as exc:
            return self._fall_back(doc, str(exc))
        points: list[KeyPoint] = []
        for bullet in bullets:
            problems = grounding_problems(bullet, text)
            sources = trace_sources(bullet, doc)
            if problems or not sources:
                reason = "; ".join(problems) or "tidak terlacak / untraceable"
                return self._fall_back(doc, f"tidak berdasar artikel / ungrounded: {reason}")
            points.append(KeyPoint(text=bullet, source_sentences=sources, score=1.0))
        return KeyPoints(tuple(points), doc.sentences, "generative", doc.notes)

    def _fall_back(self, doc: Document, reason: str) -> KeyPoints:
        result = self.fallback.extract_sentences(doc)
        return KeyPoints(
            result.points,
            result.sentences,
            "generative-fallback",
            (*result.notes, f"generative-fallback: {reason}"),
        )
