"""The site's URLs plus the DEBUG-only media view, for tests run with DEBUG off."""

from hawkins_site.media import media_urlpatterns
from hawkins_site.urls import handler500
from hawkins_site.urls import urlpatterns as site_urlpatterns

urlpatterns = [*media_urlpatterns(), *site_urlpatterns]

__all__ = ["handler500", "urlpatterns"]
