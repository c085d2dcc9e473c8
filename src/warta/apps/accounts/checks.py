"""Deploy checks of the accounts app (``warta manage check --deploy``)."""

from __future__ import annotations

from typing import Any

from django.core.checks import Tags, register
from django.core.checks import Warning as CheckWarning

from warta.apps.accounts import conf


@register(Tags.security, deploy=True)
def check_trusted_proxies(**kwargs: Any) -> list[CheckWarning]:
    """Warn when X-Forwarded-For is ignored although the documented set-up puts nginx in front.

    With no trusted proxy, the client address of every request is nginx's, so all readers
    share one set of log-in, sign-up and password-reset limits: a handful of failed log-ins
    anywhere refuses everyone. A deployment with Django facing the internet directly keeps 0
    and silences this check (``SILENCED_SYSTEM_CHECKS``).
    """
    if conf.trusted_proxy_count() > 0:
        return []
    return [
        CheckWarning(
            "WARTA_TRUSTED_PROXY_COUNT bernilai 0: di belakang nginx semua pengunjung tampak "
            "datang dari alamat nginx dan berbagi satu batas percobaan masuk.",
            hint="Set WARTA_TRUSTED_PROXY_COUNT=1 bila satu proxy (nginx, docs/deployment.md) "
            "berada di depan aplikasi.",
            id="warta.W002",
        )
    ]
