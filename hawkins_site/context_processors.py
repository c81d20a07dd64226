from django.conf import settings


def site(request):
    """Site-wide names and links that base.html shows on every page."""
    return {
        "SITE_TITLE": settings.SITE_TITLE,
        "SITE_TAGLINE": settings.SITE_TAGLINE,
        "SITE_URL": settings.SITE_URL,
        "SITE_AUTHOR_NAME": settings.SITE_AUTHOR_NAME,
        "SITE_FACEBOOK_URL": settings.SITE_FACEBOOK_URL,
    }
