"""Error pages in Indonesian; the 500 page renders without the database."""

from django.http import HttpRequest, HttpResponse
from django.template import loader


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Render the Indonesian 404 page."""
    body = loader.render_to_string("404.html", {"request_path": request.path}, request)
    return HttpResponse(body, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Render a static 500 page: no context processors, since they may be what failed."""
    body = loader.get_template("500.html").render({})
    return HttpResponse(body, status=500)
