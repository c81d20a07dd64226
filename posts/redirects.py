"""Old addresses keep working: a 404 for an address the site used to have (on
Drupal, or before a slug changed) becomes a 301 to where it lives now.

Like Django's RedirectFallbackMiddleware, this runs only once URL resolution or
a view has answered 404, so normal pages never pay a query for it."""

import re
from urllib.parse import urlsplit

from django.db.models import Q
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from taggit.models import Tag

from .models import LegacyPath, Post
from .paths import candidate_paths, drupal_page_query, normalise_path, page_query


class LegacyRedirectMiddleware:
    """Turns a GET or HEAD 404 into a 301 when the path is an old address.
    Keep it last in MIDDLEWARE, so it sees the response first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in {"GET", "HEAD"}:
            return response
        destination = legacy_destination(request)
        if destination is None or _same_page(destination, request.path_info):
            # (An old address differing from the current one only in the case
            # of its letters would otherwise send a page that 404s to itself.)
            return response
        return HttpResponsePermanentRedirect(destination)


def _same_page(destination, path):
    return normalise_path(urlsplit(destination).path) == normalise_path(path)


def legacy_destination(request):
    """The address that replaces request.path, or None to keep the 404."""
    path = request.path_info
    page = request.GET.get("page")
    candidates = candidate_paths(path)
    if not candidates:
        return None
    stored = find_legacy_path(candidates)
    if stored is not None:
        return _stored_destination(stored, page, request)
    for form in candidates:
        # "<old tag address>/feed" was that tag's feed on Drupal.
        if form.endswith("/feed"):
            stored = find_legacy_path([form.removesuffix("/feed")])
            if stored is not None and stored.tag_id:
                return reverse("posts:tag_feed", kwargs={"slug": stored.tag.slug})
    for form in candidates:
        for pattern, view in DRUPAL_ROUTES:
            if match := pattern.match(form):
                return view(page=page, **match.groupdict())
    return None


def find_legacy_path(candidates):
    """The stored old address matching one of `candidates`, best first: exactly,
    else ignoring case. Drupal 7 looked aliases up with MySQL's case-insensitive
    collation, so /Blog/Sleep-Forgotten-Medicine reached /blog/sleep-forgotten-
    medicine there, and links in the wild may be written either way."""
    rows = LegacyPath.objects.select_related("post", "tag")
    by_path = {row.path: row for row in rows.filter(path__in=candidates)}
    found = next((by_path[c] for c in candidates if c in by_path), None)
    if found is not None:
        return found
    any_case = Q()
    for candidate in candidates:
        any_case |= Q(path__iexact=candidate)
    by_lower = {}
    for row in rows.filter(any_case).order_by("pk"):
        by_lower.setdefault(row.path.lower(), row)
    return next(
        (by_lower[c.lower()] for c in candidates if c.lower() in by_lower), None
    )


def _stored_destination(stored, page, request):
    if stored.post_id:
        # A draft's old address stays a 404 for the public, as on Drupal.
        user = getattr(request, "user", None)
        is_staff = user is not None and user.is_staff
        if not is_staff and not _is_public(stored.post):
            return None
        return stored.post.get_absolute_url()
    url = stored.destination_url()
    query = drupal_page_query(page) if stored.drupal_pages else page_query(page)
    if query and "?" in url:  # a target with a query string of its own
        query = "&" + query[1:]
    return url + query


def _is_public(post):
    return Post.objects.published().filter(pk=post.pk).exists()


# Drupal addresses that need no stored row. Stored rows win: the author can
# override any of these in the admin.


def _category_tag(term, feed, page):
    """/category/tags/<term>: Drupal's pathauto alias of a tag page."""
    tag = Tag.objects.filter(Q(slug__iexact=term) | Q(name__iexact=term)).first()
    if tag is None:
        return None
    if feed:
        return reverse("posts:tag_feed", kwargs={"slug": tag.slug})
    return reverse("posts:tag", kwargs={"slug": tag.slug}) + drupal_page_query(page)


def _year_archive(year, page):
    if year is None:
        return reverse("posts:archive_index")
    url = reverse("posts:archive_year", kwargs={"year": int(year)})
    return url + drupal_page_query(page)


def _home(page):
    return reverse("posts:list") + drupal_page_query(page)


def _site_feed(page):
    return reverse("posts:feed")


DRUPAL_ROUTES = [
    (
        re.compile(r"^/category/tags/(?P<term>[^/]+?)(?P<feed>/feed)?$"),
        _category_tag,
    ),
    (
        re.compile(r"^/blog/yearly-archive(?:/(?P<year>\d{4})(?:\d{2})?)?$"),
        _year_archive,
    ),
    (re.compile(r"^/stressedtozest/(?P<year>\d{4})(?:/\d{2})?$"), _year_archive),
    (re.compile(r"^/(?:blog|node|stressedtozest(?:/stressed-zest)?)$"), _home),
    (re.compile(r"^/(?:blog|node)/feed$"), _site_feed),
]


def record_old_slug(post, old_slug):
    """Keep a post's previous address working after its slug changed."""
    old = normalise_path(reverse("posts:detail", kwargs={"slug": old_slug}))
    LegacyPath.objects.update_or_create(
        path=old,
        defaults={"post": post, "tag": None, "target": "", "drupal_pages": False},
    )
    # The current address answers by itself; an old row for it is dead weight.
    LegacyPath.objects.filter(path=normalise_path(post.get_absolute_url())).delete()


def record_tag_move(tag, old_slug):
    """Keep /tags/<old_slug>/ and its feed working (301) after the tag's slug
    changed, or after it was merged into `tag`. The row follows the tag, so a
    later rename needs nothing more."""
    old = normalise_path(reverse("posts:tag", kwargs={"slug": old_slug}))
    new = normalise_path(reverse("posts:tag", kwargs={"slug": tag.slug}))
    if old == new:
        return
    LegacyPath.objects.update_or_create(
        path=old,
        defaults={"post": None, "tag": tag, "target": "", "drupal_pages": False},
    )
    LegacyPath.objects.filter(path=new).delete()  # the page answers there itself


def record_moved_slug(url_names, old_slug, new_slug):
    """record_moved_path() for each named page (and feed) of an object whose
    slug changed from `old_slug` to `new_slug`."""
    for name in url_names:
        record_moved_path(
            reverse(name, kwargs={"slug": old_slug}),
            reverse(name, kwargs={"slug": new_slug}),
        )


def record_moved_path(old_path, new_path):
    """Keep `old_path` working (301) now that its page lives at `new_path`.
    Rows that led to `old_path` are pointed straight at `new_path`, so a page
    renamed twice costs one redirect, not a chain."""
    old, new = normalise_path(old_path), normalise_path(new_path)
    if old == new:
        return
    LegacyPath.objects.filter(target=old_path).update(target=new_path)
    LegacyPath.objects.update_or_create(
        path=old,
        defaults={"post": None, "tag": None, "target": new_path, "drupal_pages": False},
    )
    LegacyPath.objects.filter(path=new).delete()  # the page answers there itself
