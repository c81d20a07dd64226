from django.conf import settings
from django.urls import NoReverseMatch, reverse

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


def canonical_path(request):
    """The page's own address: the resolved view reversed from its arguments, so
    "/archive/02026/" is canonically "/archive/2026/", plus ?page=N (N > 1) only
    where the view paginated (hawkins_site.pagination notes the page); other
    query strings ("/series/x/?page=2", "?utm_source=…") are left out."""
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name and not match.args:
        try:
            # Only what the path captured: a view's extra kwargs (the sitemaps
            # view's dict of sitemaps) are not part of its address.
            # reverse(), not cached_reverse(): a 404 for a made-up slug would
            # push a link that list pages reuse out of that cache.
            path = reverse(match.view_name, kwargs=match.captured_kwargs)
        except NoReverseMatch:
            pass
    page = getattr(request, "page_number", None)
    return path + (f"?page={page}" if page and page > 1 else "")


def site(request):
    """Site-wide names and links that base.html shows on every page."""
    return {
        "SITE_TITLE": settings.SITE_TITLE,
        "SITE_TAGLINE": settings.SITE_TAGLINE,
        "SITE_URL": settings.SITE_URL,
        "SITE_AUTHOR_NAME": settings.SITE_AUTHOR_NAME,
        "SITE_FACEBOOK_URL": settings.SITE_FACEBOOK_URL,
        "SITE_SECURITY_CONTACT": settings.SITE_SECURITY_CONTACT,
        "site_links": site_links(),
        "canonical_url": settings.SITE_URL + canonical_path(request),
    }
