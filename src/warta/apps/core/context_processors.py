from django.http import HttpRequest
from wagtail.models import Site

from warta.apps.core.models import PublicationSettings


def publication(request: HttpRequest) -> dict[str, object]:
    """Expose the publication settings to every template as ``publication``.

    Remembered per site under the newsroom content version, which any change to the
    settings bumps (``newsroom/versioning.py``), so a warm process reads no row for them.
    """
    from warta.apps.newsroom.versioning import remember

    site = Site.find_for_request(request)
    if site is None:
        return {"publication": PublicationSettings.for_request(request)}
    key = ("publication-settings", site.pk)
    return {"publication": remember(request, key, lambda: PublicationSettings.for_site(site))}
