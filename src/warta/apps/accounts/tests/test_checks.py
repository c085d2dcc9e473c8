"""The deploy check that the log-in limits see readers' addresses, not nginx's."""

from __future__ import annotations

import pytest
from django.core.checks import run_checks


def _ids(deploy: bool = True) -> set[str]:
    return {message.id for message in run_checks(include_deployment_checks=deploy)}


def test_no_trusted_proxy_is_flagged_at_deploy(settings):
    settings.WARTA_TRUSTED_PROXY_COUNT = 0
    assert "warta.W002" in _ids()


@pytest.mark.parametrize("proxies", [1, 2])
def test_a_trusted_proxy_passes(settings, proxies):
    settings.WARTA_TRUSTED_PROXY_COUNT = proxies
    assert "warta.W002" not in _ids()


def test_the_proxy_check_is_a_deploy_check_only(settings):
    settings.WARTA_TRUSTED_PROXY_COUNT = 0
    assert "warta.W002" not in _ids(deploy=False)
