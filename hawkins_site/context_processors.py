from django.conf import settings

from .params import requested_page
from .reversing import cached_reverse

# The site-wide links of base.html's header and footer, by URL name.
SITE_LINKS = (
    "posts:list",
    "posts:archive_index",
    "posts:series_index",
    "posts:tag_cloud",
    "posts:search",
    "posts:opensearch",
    "posts:feed",
    "posts:feed_atom",
    "posts:feed_json",
    "talks:list",
    "talks:feed",
    "talks:calendar",
)


def site_links():
    """{"posts_feed": "/feed/", …}: base.html's links, each reversed once per
    process (cached_reverse) rather than on every page (21 {% url %} tags
    cost about half the time of rendering base.html: issue #7)."""
    return {name.replace(":", "_"): cached_reverse(name) for name in SITE_LINKS}


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
        "SITE_SECURITY_CONTACT": settings.SITE_SECURITY_CONTACT,
        "site_links": site_links(),
        # The page's canonical address: the path on SITE_URL, page number kept.
        "canonical_url": settings.SITE_URL + request.path + suffix,
    }
