"""Settings: the apps every database needs and what the environment sets."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.checks import run_checks


def test_postgres_app_is_installed_on_every_database():
    # Wagtail's search index uses PostgreSQL fields that refuse to work without it.
    assert "django.contrib.postgres" in settings.INSTALLED_APPS


@pytest.mark.django_db
def test_no_system_check_finds_an_error_on_this_database():
    """Run on PostgreSQL too (CI does): postgres.E005 stopped migrate there."""
    errors = [m for m in run_checks(databases=["default"]) if m.is_serious()]
    assert errors == []
