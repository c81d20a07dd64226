"""The benchmark's URLconf: the site's own, plus the floor (a constant response
through the same settings and middleware). Never used in production: only
benchmarks/wsgi.py selects it, and this package isn't installed."""

from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.cache import never_cache

FLOOR_PATH = "/bench/floor/"


@never_cache  # the floor is a Django view rendering, never a page-cache hit
def floor(request):
    return HttpResponse(b"Hello, world.\n", content_type="text/plain")


urlpatterns = [
    path(FLOOR_PATH.strip("/") + "/", floor),
    path("", include("hawkins_site.urls")),
]
