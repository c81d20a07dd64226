"""The site's URLs plus views that fail on purpose, for the error-page tests."""

from django.urls import path

from hawkins_site.urls import handler500
from hawkins_site.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("internal detail: SECRET_KEY lives in settings.py")


urlpatterns = [path("broken/", broken), *site_urlpatterns]

__all__ = ["handler500", "urlpatterns"]
