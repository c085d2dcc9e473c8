from django.http import HttpRequest

from warta.apps.core.models import PublicationSettings


def publication(request: HttpRequest) -> dict[str, object]:
    """Expose the publication settings to every template as ``publication``."""
    return {"publication": PublicationSettings.for_request(request)}
