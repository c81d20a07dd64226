from django.conf import settings

from .params import requested_page


def site(request):
    """Site-wide names and links that base.html shows on every page."""
    page = requested_page(request)
    suffix = f"?page={page}" if page and page > 1 else ""
    return {
        "SITE_TITLE": settings.SITE_TITLE,
        "SITE_TAGLINE": settings.SITE_TAGLINE,
        "SITE_URL": settings.SITE_URL,
        "SITE_AUTHOR_NAME": settings.SITE_AUTHOR_NAME,
        "SITE_FACEBOOK_URL": settings.SITE_FACEBOOK_URL,
        # The page's canonical address: the path on SITE_URL, page number kept.
        "canonical_url": settings.SITE_URL + request.path + suffix,
    }
