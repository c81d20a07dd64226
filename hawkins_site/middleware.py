"""The page cache for anonymous readers, and HTTP caching headers (issue #7).

Public GETs (no session cookie, not the admin) are answered from Django's cache,
keyed by the site-wide content version (hawkins_site/cache.py), so any content
change retires every cached page at once. Each public response carries an ETag
(a hash of its content), a Last-Modified (when content last changed) and
`Cache-Control: public` for browsers and shared caches, and conditional GETs are
answered with 304. A request with a session cookie (staff) is never served from
the cache and its responses are `private`. A response that sets a cookie (a CSRF
token, say), varies on anything but the session cookie, or says it is private is
never stored.

Query strings: pages are keyed on the parsed parameters (sorted, so order and
empty pairs make no copies), and a response is stored only when the view looked
up every parameter in the URL, each given once. Parameters a page never reads
(?utm_source=…, ?q= on a post) would otherwise let anyone fill the cache
with copies of one page; such answers are rendered each time instead. (The
site's own: ?page= on list pages, ?q=, ?tag=, ?year= on search, ?p= on the
sitemap; they need no list here, as the views' lookups are seen.)

Place it right after WhiteNoise: a cache hit skips everything below it.
"""

import logging
from hashlib import md5

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost, TooManyFieldsSent
from django.http import HttpResponse, QueryDict
from django.urls import NoReverseMatch, reverse
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.utils.encoding import escape_uri_path
from django.utils.http import http_date, urlencode

from .cache import current_state

logger = logging.getLogger(__name__)

# Browsers keep a page a minute and shared caches (CDN, nginx) five; feeds and
# calendars, which readers poll, a quarter of an hour. Revalidating is cheap: 304.
PAGE_CACHE_CONTROL = {"max_age": 60, "s_maxage": 300}
FEED_CACHE_CONTROL = {"max_age": 900, "s_maxage": 900}
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/calendar",
    "application/feed+json",
)
# Entries of a retired version are unreachable; this only bounds their lifetime.
PAGE_TIMEOUT = 3600

CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
UNSHAREABLE = {"private", "no-store", "no-cache"}


def page_cache_key(url, version):
    digest = md5(url.encode(), usedforsecurity=False).hexdigest()
    return f"page:{version}:{digest}"


class ReadTrackingQueryDict(QueryDict):
    """request.GET that remembers which parameters were looked up. A copy (as
    {% querystring %} makes to build pagination links) keeps its own record."""

    def __init__(self, *args, **kwargs):
        self.names_read = set()
        super().__init__(*args, **kwargs)
        self.names_read = set()  # parsing looked every name up once

    def __getitem__(self, key):
        self.names_read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.names_read.add(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self.names_read.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self.names_read.add(key)
        return super().getlist(key, default)


def page_url(request):
    """The URL a page is cached under: origin, path and the parsed query
    parameters in sorted order. Installs a ReadTrackingQueryDict as request.GET."""
    query = ReadTrackingQueryDict(
        request.META.get("QUERY_STRING", ""), encoding=request.encoding
    )
    request.GET = query
    url = f"{request.scheme}://{request.get_host()}{escape_uri_path(request.path)}"
    if query:
        url += "?" + urlencode(sorted(query.lists()), doseq=True)
    return url


def read_every_parameter(request):
    """True when the view looked up each query parameter, each came once, and
    the view took each as written (hawkins_site.params.mark_not_canonical)."""
    query = request.GET
    if not isinstance(query, ReadTrackingQueryDict):  # a view replaced it
        return not query
    if not getattr(request, "query_is_canonical", True):
        return False
    return all(
        len(values) == 1 and name in query.names_read for name, values in query.lists()
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._private_prefixes = None

    def __call__(self, request):
        if not self.is_public_request(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response

        enabled = getattr(settings, "PAGE_CACHE_ENABLED", True)
        try:
            # Outside the cache's try: a bad Host is a 400, not a cache outage.
            url = page_url(request)
        except (DisallowedHost, TooManyFieldsSent):
            return self.get_response(request)  # the view answers 400
        try:
            state = current_state()
            key = page_cache_key(url, state.version)
            cached = cache.get(key) if enabled else None
        except Exception:  # the cache server is down: still serve the page
            logger.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
        else:
            response = self.render(request)
            if not self.is_shareable(request, response):
                return response
            self.add_caching_headers(response, state)
            if enabled and request.method == "GET" and read_every_parameter(request):
                self.store(key, response)
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=int(state.changed_at),
            response=response,
        )

    @staticmethod
    def store(key, response):
        try:
            cache.set(key, (response.content, dict(response.items())), PAGE_TIMEOUT)
        except Exception:  # a cache outage must not fail the request
            logger.warning("Page cache unavailable", exc_info=True)
        else:
            response["X-Page-Cache"] = "miss"

    def render(self, request):
        """The full response, whatever validators the client sent: it may be
        stored, and the 304 decision is made here, against our own validators."""
        meta = request.META
        hidden = {h: meta.pop(h) for h in CONDITIONAL_HEADERS if h in meta}
        try:
            return self.get_response(request)
        finally:
            meta.update(hidden)

    def is_public_request(self, request):
        """An anonymous reader's GET or HEAD of a public page or feed."""
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.startswith(self.private_prefixes())
        )

    def private_prefixes(self):
        if self._private_prefixes is None:
            prefixes = ["/" + settings.MEDIA_URL.lstrip("/")]
            try:
                prefixes.append(reverse("admin:index"))
            except NoReverseMatch:
                pass
            self._private_prefixes = tuple(prefixes)
        return self._private_prefixes

    @staticmethod
    def is_shareable(request, response):
        """True when the response is the same for every anonymous reader."""
        cache_control = {
            d.split("=")[0].strip().lower()
            for d in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        vary = {
            v.strip().lower()
            for v in cc_delim_re.split(response.get("Vary", ""))
            if v.strip()
        }
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not cache_control & UNSHAREABLE
            # Vary: Cookie (the session was read) is fine: cookie holders skip
            # the cache. Anything else would need to be part of the key.
            and vary <= {"cookie"}
            and not response.has_header("Content-Encoding")
        )

    @staticmethod
    def add_caching_headers(response, state):
        if not response.has_header("ETag"):
            set_response_etag(response)
        response["Last-Modified"] = http_date(state.changed_at)
        is_feed = response.get("Content-Type", "").startswith(FEED_TYPES)
        policy = FEED_CACHE_CONTROL if is_feed else PAGE_CACHE_CONTROL
        patch_cache_control(response, public=True, **policy)
