"""The one way a view fetches a reading event: "someone else's" and "missing" are both 404."""

from __future__ import annotations

from django.http import Http404

from warta.apps.recommendations.models import ReadingEvent
from warta.apps.recommendations.readers import ReaderKey


def access_reading_event_by_reader(reader: ReaderKey | None, pk: int) -> ReadingEvent:
    """Return reading event ``pk`` if it belongs to ``reader``, else raise Http404."""
    if reader is None:
        raise Http404("Reading event not found")
    event = reader.events().filter(pk=pk).first()
    if event is None:
        raise Http404("Reading event not found")
    return event
