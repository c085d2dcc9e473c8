"""Settings: the apps every database needs and what the environment sets."""

from __future__ import annotations

import re
import runpy

import pytest
from django.conf import settings
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured


def test_postgres_app_is_installed_on_every_database():
    # Wagtail's search index uses PostgreSQL fields that refuse to work without it.
    assert "django.contrib.postgres" in settings.INSTALLED_APPS


@pytest.mark.django_db
def test_no_system_check_finds_an_error_on_this_database():
    """Run on PostgreSQL too (CI does): postgres.E005 stopped migrate there."""
    errors = [m for m in run_checks(databases=["default"]) if m.is_serious()]
    assert errors == []


# --- values from the environment -------------------------------------------------------

BASE_SETTINGS = settings.PACKAGE_DIR / "project" / "settings" / "base.py"

FROM_ENVIRONMENT = {
    "WARTA_TRUSTED_PROXY_COUNT": (0, "1", 1),
    "WARTA_PURGE_HOUR": (3, "22", 22),
    "WARTA_PAGE_MAX_AGE": (60, "15", 15),
    "WARTA_PAGE_SHARED_MAX_AGE": (300, "90", 90),
    "WARTA_MAX_IMAGE_BYTES": (8 * 1024 * 1024, "1048576", 1048576),
    "WARTA_MAX_IMAGE_PIXELS": (40_000_000, "1000000", 1_000_000),
}


def load_base(monkeypatch, **environ: str) -> dict[str, object]:
    """Return the names ``settings/base.py`` defines when run afresh with ``environ`` set."""
    for name in FROM_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(BASE_SETTINGS))


@pytest.mark.parametrize("name", FROM_ENVIRONMENT)
def test_a_variable_sets_its_setting(monkeypatch, name):
    default, text, value = FROM_ENVIRONMENT[name]
    assert load_base(monkeypatch)[name] == default
    assert load_base(monkeypatch, **{name: text})[name] == value
    assert load_base(monkeypatch, **{name: f" {text}\n"})[name] == value  # as a file may hold it
    assert load_base(monkeypatch, **{name: ""})[name] == default  # set but empty: unset


@pytest.mark.parametrize("name", FROM_ENVIRONMENT)
@pytest.mark.parametrize("text", ["satu", "1.5", "0x10", "1e3"])
def test_a_value_that_is_not_a_whole_number_stops_start_up_naming_the_variable(
    monkeypatch, name, text
):
    with pytest.raises(ImproperlyConfigured, match=f"^{name} must be a whole number .*'{text}'"):
        load_base(monkeypatch, **{name: text})


@pytest.mark.parametrize(
    ("name", "text", "allowed"),
    [
        ("WARTA_TRUSTED_PROXY_COUNT", "-1", "of 0 or more"),
        ("WARTA_PURGE_HOUR", "24", "from 0 to 23"),
        ("WARTA_PURGE_HOUR", "-1", "from 0 to 23"),
        ("WARTA_PAGE_SHARED_MAX_AGE", "-300", "of 0 or more"),
        ("WARTA_MAX_IMAGE_BYTES", "0", "of 1 or more"),
    ],
)
def test_a_value_out_of_range_stops_start_up(monkeypatch, name, text, allowed):
    with pytest.raises(ImproperlyConfigured, match=f"^{name} must be a whole number {allowed}"):
        load_base(monkeypatch, **{name: text})


def test_production_reads_the_hsts_lifetime_as_a_whole_number(monkeypatch):
    from warta.project.settings import base

    # production.py takes the key from base, which read the environment when first imported.
    monkeypatch.setattr(base, "SECRET_KEY", "x" * 50)
    monkeypatch.setenv("WARTA_BASE_URL", "https://warta.example")
    monkeypatch.setenv("WARTA_HSTS_SECONDS", "600")
    assert runpy.run_module("warta.project.settings.production")["SECURE_HSTS_SECONDS"] == 600
    monkeypatch.setenv("WARTA_HSTS_SECONDS", "setahun")
    with pytest.raises(ImproperlyConfigured, match="^WARTA_HSTS_SECONDS must be a whole number"):
        runpy.run_module("warta.project.settings.production")


def test_the_apps_read_what_the_environment_set(settings):
    """The settings the environment fills are the ones the apps read (no second name).

    The page lifetimes are read by core/caching.py: core/tests/test_caching.py overrides them.
    """
    from warta.apps.accounts import conf as accounts_conf
    from warta.apps.recommendations import conf as recommendations_conf

    settings.WARTA_TRUSTED_PROXY_COUNT = 1
    settings.WARTA_PURGE_HOUR = 22
    assert accounts_conf.trusted_proxy_count() == 1
    assert recommendations_conf.purge_hour() == 22


def test_every_variable_the_settings_read_is_documented():
    """docs/deployment.md lists every WARTA_* variable the settings modules read."""
    read = set()
    for module in BASE_SETTINGS.parent.glob("*.py"):
        read.update(
            re.findall(
                r"""(?:environ(?:\.get)?[\[(]|env_int\()\s*["'](WARTA_\w+)""", module.read_text()
            )
        )
    assert {"WARTA_SECRET_KEY", "WARTA_TRUSTED_PROXY_COUNT", "WARTA_HSTS_SECONDS"} <= read
    deployment = (settings.PACKAGE_DIR.parent.parent / "docs" / "deployment.md").read_text()
    documented = set(re.findall(r"^\| `(WARTA_\w+)` \|", deployment, flags=re.MULTILINE))
    assert sorted(read - documented) == []
