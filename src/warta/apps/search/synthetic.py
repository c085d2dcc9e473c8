"""Synthetic Indonesian articles for the search benchmark, loaded straight into SQLite.

Text comes from a word-bigram chain trained on Warta's own demo articles (or, when
asked, on IndoSum read from ``../shared/data`` at run time; nothing is copied into the
repository). Pages are cloned from one real published article with raw inserts, and
the index rows are computed by the same ``draft_entry``/``term_impacts`` the site uses,
so the benchmark queries an index shaped exactly like production's.
"""

from __future__ import annotations

import json
import random
import secrets
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from django.db import connection

from warta.apps.search.indexing import (
    FieldAverages,
    draft_entry,
    padded,
    refresh_planner_statistics,
    term_impacts,
)
from warta.engines.text import split_sentences

DEMO_ARTICLES = Path(__file__).resolve().parent.parent / "demo" / "content" / "articles"
PATH_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
START = "<s>"
END = "</s>"


@dataclass(frozen=True)
class SyntheticArticle:
    title: str
    text: str
    section: str
    topics: tuple[str, ...]
    published_at: datetime


def _chain(sentences: list[str]) -> dict[str, list[str]]:
    following: dict[str, list[str]] = defaultdict(list)
    for sentence in sentences:
        words = sentence.split()
        if len(words) < 4:
            continue
        for a, b in zip([START, *words], [*words, END], strict=True):
            following[a].append(b)
    return dict(following)


class BigramText:
    """Word-bigram chains over whitespace tokens (punctuation stays on its word).

    One chain per source article plus one over everything: a synthetic article keeps
    to one source's subject (as real stories do, so "banjir" is in flood stories, not in
    all of them) with a fifth of its sentences from the shared chain.
    """

    def __init__(self, documents: list[list[str]]) -> None:
        self.topical = [c for c in (_chain(d) for d in documents) if START in c]
        self.shared = _chain([s for d in documents for s in d])

    @classmethod
    def from_demo(cls) -> BigramText:
        documents: list[list[str]] = []
        for path in sorted(DEMO_ARTICLES.glob("*.json")):
            article = json.loads(path.read_text("utf-8"))
            sentences = [article["title"]]
            for block in article["body"]:
                sentences.extend(split_sentences(block["text"]))
            documents.append(sentences)
        return cls(documents)

    @classmethod
    def from_jsonl(cls, path: Path, limit: int = 3000) -> BigramText:
        """Train on the ``text`` of a JSON-lines corpus such as IndoSum (read, not copied)."""
        documents: list[list[str]] = []
        with path.open(encoding="utf-8") as handle:
            for n, line in enumerate(handle):
                if n >= limit:
                    break
                documents.append(split_sentences(json.loads(line).get("text") or ""))
        return cls(documents)

    @staticmethod
    def sentence(chain: dict[str, list[str]], rng: random.Random, max_words: int = 40) -> str:
        words: list[str] = []
        word = START
        while len(words) < max_words:
            word = rng.choice(chain.get(word) or [END])
            if word == END:
                break
            words.append(word)
        return " ".join(words)

    def article(self, rng: random.Random, words: int) -> tuple[str, str]:
        """Return (title, body text) of about ``words`` words on one source's subject."""
        topical = rng.choice(self.topical)
        title = self.sentence(topical, rng, max_words=rng.randint(6, 12))
        title = " ".join(title.rstrip('.,;:!?"”').split()) or "Berita"
        sentences: list[str] = []
        count = 0
        while count < words:
            chain = self.shared if rng.random() < 0.2 else topical
            sentence = self.sentence(chain, rng)
            sentences.append(sentence)
            count += len(sentence.split())
        return title, " ".join(sentences)


def generate(
    chain: BigramText,
    count: int,
    sections: list[str],
    topics: list[str],
    seed: int = 2026,
    now: datetime | None = None,
) -> Iterator[SyntheticArticle]:
    """Yield ``count`` articles of 220-360 words spread over the last three years."""
    rng = random.Random(seed)
    now = now or datetime(2026, 11, 26, tzinfo=UTC)
    for _ in range(count):
        title, text = chain.article(rng, rng.randint(220, 360))
        yield SyntheticArticle(
            title=title,
            text=text,
            section=rng.choice(sections),
            topics=tuple(rng.sample(topics, rng.randint(1, 3))),
            published_at=now - timedelta(seconds=rng.randint(0, 3 * 365 * 86400)),
        )


def _path_step(n: int) -> str:
    digits = []
    for _ in range(4):
        n, r = divmod(n, 36)
        digits.append(PATH_ALPHABET[r])
    return "".join(reversed(digits))


def _sqlite_datetime(value: datetime) -> str:
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


def _row(cursor: Any, sql: str, params: list[Any]) -> dict[str, Any]:
    cursor.execute(sql, params)
    columns = [c[0] for c in cursor.description]
    return dict(zip(columns, cursor.fetchone(), strict=True))


def bulk_load(
    articles: Iterator[SyntheticArticle],
    count: int,
    template_page_id: int,
    section_rows: dict[str, tuple[int, str, int, str]],
    topic_ids: dict[str, int],
    progress: Callable[[int, int], None] | None = None,
    batch: int = 2000,
) -> int:
    """Insert ``articles`` as live pages plus their index rows; return postings written.

    SQLite only. ``section_rows`` maps slug to (id, path, depth, url_path).
    """
    raw = connection.connection  # the sqlite3 connection: executemany without Django's wrapper
    cursor = raw.cursor()
    for pragma in (
        "synchronous=OFF",
        "journal_mode=MEMORY",
        "cache_size=-1000000",
        "foreign_keys=OFF",
        "temp_store=MEMORY",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    # Building the posting indexes once at the end (a sort) is far faster than keeping
    # them up to date through ~15M random inserts.
    posting_indexes = cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
        " AND tbl_name = 'search_searchposting' AND sql IS NOT NULL"
    ).fetchall()
    for name, _sql in posting_indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    page = _row(cursor, "SELECT * FROM wagtailcore_page WHERE id = ?", [template_page_id])
    article = _row(
        cursor, "SELECT * FROM newsroom_articlepage WHERE page_ptr_id = ?", [template_page_id]
    )
    page_cols, article_cols = list(page), list(article)
    next_id = int(cursor.execute("SELECT MAX(id) FROM wagtailcore_page").fetchone()[0]) + 1
    children: Counter[str] = Counter()
    term_ids: dict[str, int] = {}
    document_counts: Counter[int] = Counter()
    for text, term_id, n in cursor.execute(
        "SELECT text, id, document_count FROM search_searchterm"
    ):
        term_ids[text] = term_id
        document_counts[term_id] = n
    max_term_id = [max(term_ids.values(), default=0)]
    averages = FieldAverages()
    pending: list[tuple[SyntheticArticle, int]] = []
    written = postings = 0

    def flush() -> None:
        nonlocal written, postings
        drafts = [draft_entry(pid, a.title, a.text) for a, pid in pending]
        page_rows, article_rows, topic_rows, entry_rows, posting_rows = [], [], [], [], []
        new_terms: list[tuple[int, str]] = []
        for (item, page_id), draft in zip(pending, drafts, strict=True):
            section_id, section_path, depth, section_url = section_rows[item.section]
            children[item.section] += 1
            slug = f"sintetis-{page_id}"
            when = _sqlite_datetime(item.published_at)
            values = dict(page)
            values.update(
                id=page_id,
                path=section_path + _path_step(children[item.section] + 1),
                depth=depth + 1,
                numchild=0,
                translation_key=uuid.uuid4().hex,
                title=item.title,
                draft_title=item.title,
                slug=slug,
                url_path=f"{section_url}{slug}/",
                first_published_at=when,
                last_published_at=when,
                latest_revision_created_at=when,
                latest_revision_id=None,
                live_revision_id=None,
                live=1,
                has_unpublished_changes=0,
            )
            page_rows.append([values[c] for c in page_cols])
            body = [{"type": "paragraph", "value": f"<p>{item.text}</p>", "id": str(uuid.uuid4())}]
            values = dict(article)
            values.update(page_ptr_id=page_id, body=json.dumps(body), hero_image_id=None)
            article_rows.append([values[c] for c in article_cols])
            topic_rows.extend((page_id, topic_ids[t]) for t in item.topics)
            entry_rows.append(
                (
                    page_id,
                    draft.title,
                    draft.text,
                    padded(draft.title_terms),
                    padded(draft.body_terms),
                    len(draft.title_terms),
                    len(draft.body_terms),
                    when,
                )
            )
            for term, (impact, in_title) in term_impacts(draft, averages).items():
                term_id = term_ids.get(term, 0)
                if not term_id:
                    term_id = term_ids[term] = max_term_id[0] = max_term_id[0] + 1
                    new_terms.append((term_id, term))
                document_counts[term_id] += 1
                posting_rows.append((term_id, page_id, impact, in_title))
        cursor.executemany(
            f"INSERT INTO wagtailcore_page ({', '.join(page_cols)}) "  # noqa: S608
            f"VALUES ({', '.join('?' for _ in page_cols)})",
            page_rows,
        )
        cursor.executemany(
            f"INSERT INTO newsroom_articlepage ({', '.join(article_cols)}) "  # noqa: S608
            f"VALUES ({', '.join('?' for _ in article_cols)})",
            article_rows,
        )
        cursor.executemany(
            "INSERT INTO newsroom_articlepage_topics (articlepage_id, topic_id) VALUES (?, ?)",
            topic_rows,
        )
        cursor.executemany(
            "INSERT INTO search_searchentry (page_id, title, text, title_terms, body_terms,"
            " title_length, body_length, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            entry_rows,
        )
        cursor.executemany(
            "INSERT INTO search_searchterm (id, text, document_count) VALUES (?, ?, 0)", new_terms
        )
        cursor.executemany(
            "INSERT INTO search_searchposting (term_id, entry_id, impact, in_title)"
            " VALUES (?, ?, ?, ?)",
            posting_rows,
        )
        raw.commit()
        written += len(pending)
        postings += len(posting_rows)
        pending.clear()
        if progress:
            progress(written, count)

    for item in articles:
        pending.append((item, next_id))
        next_id += 1
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    cursor.executemany(
        "UPDATE search_searchterm SET document_count = ? WHERE id = ?",
        [(n, term_id) for term_id, n in document_counts.items()],
    )
    for slug, n in children.items():
        cursor.execute(
            "UPDATE wagtailcore_page SET numchild = numchild + ? WHERE id = ?",
            [n, section_rows[slug][0]],
        )
    for _name, sql in posting_indexes:
        cursor.execute(sql)
    cursor.execute("DELETE FROM search_indexstatistics")
    cursor.execute(
        "INSERT INTO search_indexstatistics"
        " (id, documents, version, title_length_total, body_length_total)"
        " SELECT 1, COUNT(*), ?, SUM(title_length), SUM(body_length) FROM search_searchentry",
        [secrets.randbits(62)],
    )
    raw.commit()
    cursor.execute("PRAGMA foreign_keys=ON")
    refresh_planner_statistics()  # what `warta search reindex` does: search tables only
    return postings


DEMO_SECTIONS = ["berita", "bisnis", "sport", "tekno", "hype", "life", "komunitas"]


def ensure_demo_topics() -> list[Any]:
    """Create the demo content's topics (by slug) and return them."""
    from warta.apps.demo.loader import read_articles
    from warta.apps.newsroom.models import Topic

    slugs = sorted({t for a in read_articles() for t in a["topics"]})
    return [
        Topic.objects.get_or_create(slug=s, defaults={"name": s.replace("-", " ").title()})[0]
        for s in slugs
    ]


def publish_template_article() -> Any:
    """Publish one real article the Wagtail way; synthetic pages are cloned from its rows."""
    from warta.apps.newsroom.models import ArticlePage, SectionPage

    section = SectionPage.objects.get(slug="berita")
    page = ArticlePage(
        title="Artikel contoh untuk benchmark pencarian",
        slug="artikel-contoh-benchmark",
        body=[{"type": "paragraph", "value": "<p>Warga menetapkan jadwal kerja bakti.</p>"}],
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    return page
