"""``warta manage purge_reading_history``: delete reading events past the retention window."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from warta.apps.recommendations import conf
from warta.apps.recommendations.actions import purge_expired_reading_events


class Command(BaseCommand):
    help = "Hapus riwayat baca yang lebih tua dari WARTA_READING_HISTORY_DAYS (bawaan 90 hari)."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = purge_expired_reading_events()
        self.stdout.write(
            f"{deleted} riwayat baca lebih dari {conf.reading_history_days()} hari dihapus."
        )
