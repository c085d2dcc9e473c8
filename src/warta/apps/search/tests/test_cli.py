"""``warta search reindex`` and ``warta search query`` against the test database."""

from __future__ import annotations

import json

import pytest

from warta.apps.search.models import SearchEntry
from warta.apps.search.tests.factories import make_story
from warta.cli import main

pytestmark = pytest.mark.django_db


def test_reindex_then_query(capsys):
    page = make_story("Ratusan rumah kebanjiran", "Air sungai meluap.")
    SearchEntry.objects.all().delete()
    assert main(["search", "reindex"]) == 0
    assert "1 artikel" in capsys.readouterr().out
    assert main(["search", "query", "banjir", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 1
    assert data["results"][0]["slug"] == page.slug


def test_query_refuses_bad_dates_and_stopwords(capsys):
    assert main(["search", "query", "banjir", "--dari", "kemarin"]) == 2
    assert "TTTT-BB-HH" in capsys.readouterr().err
    assert main(["search", "query", "yang dan di"]) == 1
