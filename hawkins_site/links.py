from django.conf import settings
from django.core.files.storage import default_storage


def absolute(path_or_url):
    """A URL on the canonical origin (SITE_URL), whatever Host the request used.
    Already-absolute URLs (e.g. media on a CDN) are returned unchanged."""
    if path_or_url.startswith(("http://", "https://")):
        return path_or_url
    return settings.SITE_URL + path_or_url


def media_url(name):
    """Absolute URL of a stored file."""
    return absolute(default_storage.url(name))
