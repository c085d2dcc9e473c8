"""Warta's deploy checks."""

from __future__ import annotations

from django.core.checks import run_checks

REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": ""}}
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def _ids(**kwargs: object) -> set[str]:
    return {message.id for message in run_checks(include_deployment_checks=True, **kwargs)}


def test_a_process_local_cache_is_flagged_at_deploy(settings):
    settings.CACHES = LOCMEM
    assert "warta.W001" in _ids()


def test_a_shared_cache_passes(settings):
    settings.CACHES = REDIS
    assert "warta.W001" not in _ids()


def test_the_cache_check_is_a_deploy_check_only(settings):
    settings.CACHES = LOCMEM
    ids = {message.id for message in run_checks(include_deployment_checks=False)}
    assert "warta.W001" not in ids
