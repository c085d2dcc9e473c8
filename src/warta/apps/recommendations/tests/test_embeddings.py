"""With WARTA_FORYOU_EMBEDDINGS, each article is embedded once per text version, in the worker."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.test import Client
from django_tasks_db.models import DBTaskResult

from warta.apps.newsroom.tests.factories import make_article
from warta.apps.recommendations import embeddings, indexing
from warta.apps.recommendations.models import ArticleVector
from warta.apps.recommendations.tasks import embed_articles
from warta.apps.recommendations.tests.helpers import distinct_body, listed

pytestmark = pytest.mark.django_db

FOR_YOU = "/untuk-anda/?fragmen=1"


def fake_vector(text: str) -> list[float]:
    digest = hashlib.sha256(text.encode()).digest()
    return [byte / 255.0 + 0.01 for byte in digest[:8]]


@pytest.fixture
def embedded(settings, monkeypatch):
    """Turn embeddings on with a fake model; return the list of texts it was asked to embed."""
    settings.WARTA_FORYOU_EMBEDDINGS = True
    texts: list[str] = []

    def embed(batch):
        texts.extend(batch)
        return np.asarray([fake_vector(text) for text in batch], dtype=np.float32)

    monkeypatch.setattr(embeddings, "load_embedder", lambda: embed)
    return texts


def titles_embedded(texts: list[str]) -> list[str]:
    return sorted(text.split(".")[0] for text in texts)


def republish(article, **changes) -> None:
    for name, value in changes.items():
        setattr(article, name, value)
    article.save_revision().publish()


def test_only_new_and_changed_articles_are_embedded(client, embedded):
    first = make_article(title="Banjir di Demak", body=distinct_body(1))
    second = make_article(title="Harga cabai naik", body=distinct_body(2))
    assert embedded == []  # publishing embeds nothing in the request

    client.get(FOR_YOU)  # the build queues the pool (the test backend runs it at once)
    assert titles_embedded(embedded) == ["Banjir di Demak", "Harga cabai naik"]
    client.get(FOR_YOU)  # rebuilt with the stored vectors, nothing embedded again
    assert len(embedded) == 2
    index = indexing.current_pool().index
    assert index.embeddings is not None
    assert np.abs(index.embeddings).sum(axis=1).min() > 0  # every article has its vector

    embedded.clear()
    make_article(title="Gempa di Cianjur", body=distinct_body(3))
    client.get(FOR_YOU)
    assert titles_embedded(embedded) == ["Gempa di Cianjur"]  # not the whole pool

    embedded.clear()
    republish(first)  # published again, same text: the stored vector still fits
    client.get(FOR_YOU)
    assert embedded == []

    republish(second, title="Harga cabai turun")  # the text changed: that article only
    client.get(FOR_YOU)
    assert titles_embedded(embedded) == ["Harga cabai turun"]
    assert ArticleVector.objects.count() == 3
    client.get(FOR_YOU)
    assert titles_embedded(embedded) == ["Harga cabai turun"]


def test_the_embedding_task_skips_current_and_unpublished_articles(embedded):
    done = make_article(title="Sudah", body=distinct_body(1))
    draft = make_article(title="Draf", publish=False, body=distinct_body(2))
    assert embed_articles.enqueue([done.pk, draft.pk]).return_value == 1
    assert embed_articles.enqueue([done.pk, draft.pk]).return_value == 0
    assert titles_embedded(embedded) == ["Sudah"]


@pytest.mark.django_db(transaction=True)
def test_reader_requests_never_embed_the_worker_does(settings, embedded):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for i in range(3):
        make_article(title=f"Artikel {i}", body=distinct_body(i))
    client = Client()

    response = client.get(FOR_YOU)
    assert len(listed(response)) == 3  # served at once, on TF-IDF alone
    assert embedded == []
    assert indexing.current_pool().index.embeddings is None
    client.get(FOR_YOU)
    (queued,) = DBTaskResult.objects.filter(
        task_path=embed_articles.module_path, status=TaskResultStatus.READY
    )  # one task, however many requests saw the articles without vectors

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    assert len(embedded) == 3
    client.get(FOR_YOU)  # the worker bumped the pool version: this process rebuilt
    assert indexing.current_pool().index.embeddings is not None
    assert len(embedded) == 3
    assert ArticleVector.objects.count() == 3
