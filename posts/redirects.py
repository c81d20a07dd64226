"""Old addresses keep working: a 404 for an address the site used to have (on
Drupal, or before a slug changed) becomes a 301 to where it lives now.

Like Django's RedirectFallbackMiddleware, this runs only once URL resolution or
a view has answered 404, so normal pages never pay a query for it; an unknown
address costs one query (two for /category/tags/<term>)."""

import re
from functools import reduce
from operator import or_
from urllib.parse import unquote, urlsplit

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.core.files.utils import validate_file_name
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponsePermanentRedirect
from django.middleware.common import CommonMiddleware
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control

from hawkins_site.media import SERVABLE
from hawkins_site.params import MAX_YEAR, MIN_YEAR
from talks.models import Talk

from .models import LegacyPath, Post, Series, public_tag_choices
from .paths import candidate_paths, drupal_page_query, normalise_path, page_query

# Browsers keep a 301 without Cache-Control for as long as they like: a day
# lets a corrected old address take effect for them too.
REDIRECT_MAX_AGE = 24 * 60 * 60
# The Drupal import copies sites/default/files/<path> to this media folder.
DRUPAL_MEDIA_FOLDER = "drupal"


class LegacyRedirectMiddleware:
    """Turns a GET or HEAD 404 into a 301 when the path is an old address.
    Keep it last in MIDDLEWARE, so it sees the response first."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.slash_redirects = CommonMiddleware(get_response).should_redirect_with_slash

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in {"GET", "HEAD"}:
            return response
        if self.slash_redirects(request) and page_answers(request.path_info + "/"):
            # CommonMiddleware, outside this one, answers /talks with /talks/
            # (APPEND_SLASH): no old address may take a page of this site away
            # from it. (/posts/<old slug> still moves in one step: no page
            # answers at /posts/<old slug>/.)
            return response
        found = legacy_destination(request)
        if found is None:
            return response
        destination, for_everyone = found
        if _same_page(destination, request.path_info):
            # (An old address differing from the current one only in the case
            # of its letters would otherwise send a page that 404s to itself.)
            return response
        redirect = HttpResponsePermanentRedirect(destination)
        if for_everyone:
            patch_cache_control(redirect, public=True, max_age=REDIRECT_MAX_AGE)
        else:  # a draft's old address, followed by staff only
            add_never_cache_headers(redirect)
            patch_cache_control(redirect, private=True)
        return redirect


def _same_page(destination, path):
    return normalise_path(urlsplit(destination).path) == normalise_path(path)


def legacy_destination(request):
    """(the address that replaces request.path, True if every reader gets
    that answer), or None to keep the 404."""
    path = request.path_info
    page = request.GET.get("page")
    candidates = candidate_paths(path)
    if not candidates:
        return None
    # "<old tag address>/feed" was that tag's feed on Drupal.
    stems = [c.removesuffix("/feed") for c in candidates if c.endswith("/feed")]
    stems = [s for s in stems if s not in {"", "/"}]
    rows = matching_rows(candidates + stems)
    stored = best_row(rows, candidates)
    if stored is not None:
        return _stored_destination(stored, page, request)
    stored = best_row(rows, stems)
    if stored is not None and stored.tag_id:
        if not stored.tag_is_public:
            return None
        return reverse("posts:tag_feed", kwargs={"slug": stored.tag.slug}), True
    for form in candidates:
        for pattern, view in DRUPAL_ROUTES:
            if match := pattern.match(form):
                url = view(page=page, **match.groupdict())
                return None if url is None else (url, True)
    return None


# What a redirect needs of a row, its post and its tag (not a post's body).
ROW_FIELDS = ("path", "target", "drupal_pages", "post__slug", "tag__slug", "tag__name")


def matching_rows(paths):
    """The stored old addresses equal to any of `paths` in any case, oldest
    first, each knowing whether its post or tag is public: one query."""
    public = Post.objects.published()
    any_case = reduce(or_, (Q(path__iexact=p) for p in dict.fromkeys(paths)))
    return list(
        LegacyPath.objects.filter(any_case)
        .select_related("post", "tag")
        .only(*ROW_FIELDS)
        .annotate(
            post_is_public=Exists(public.filter(pk=OuterRef("post_id"))),
            tag_is_public=Exists(public_tag_choices().filter(pk=OuterRef("tag_id"))),
        )
        .order_by("pk")
    )


def best_row(rows, candidates):
    """The row of `rows` matching one of `candidates`, best first: exactly,
    else ignoring case (the oldest such row). Drupal 7 looked aliases up with
    MySQL's case-insensitive collation, so /Blog/Sleep-Forgotten-Medicine
    reached /blog/sleep-forgotten-medicine there, and links in the wild may be
    written either way."""
    by_path = {row.path: row for row in rows}
    found = next((by_path[c] for c in candidates if c in by_path), None)
    if found is not None:
        return found
    by_lower = {}
    for row in rows:
        by_lower.setdefault(row.path.lower(), row)
    return next(
        (by_lower[c.lower()] for c in candidates if c.lower() in by_lower), None
    )


def _stored_destination(stored, page, request):
    if stored.post_id:
        if stored.post_is_public:
            return stored.post.get_absolute_url(), True
        # A draft's old address stays a 404 for the public, as on Drupal.
        user = getattr(request, "user", None)
        if user is not None and user.is_staff:
            return stored.post.get_absolute_url(), False
        return None
    if stored.tag_id and not stored.tag_is_public:
        return None  # the tag page would be a 404: say so at once
    url = stored.destination_url()
    query = drupal_page_query(page) if stored.drupal_pages else page_query(page)
    if query and "?" in url:  # a target with a query string of its own
        query = "&" + query[1:]
    return url + query, True


# Drupal addresses that need no stored row. Stored rows win: the author can
# override any of these in the admin. Each returns None for a page that
# would be a 404, so the old address answers 404 itself.


def _category_tag(term, feed, page):
    """/category/tags/<term>: Drupal's pathauto alias of a tag page."""
    tag = public_tag_choices().filter(Q(slug__iexact=term) | Q(name__iexact=term))
    tag = tag.first()
    if tag is None:
        return None
    if feed:
        return reverse("posts:tag_feed", kwargs={"slug": tag.slug})
    return reverse("posts:tag", kwargs={"slug": tag.slug}) + drupal_page_query(page)


def _year_archive(year, page):
    if year is None:
        return reverse("posts:archive_index")
    year = int(year)
    # No post is public before it is published: a later year has none. (A
    # past year without posts still answers 301 then 404: telling needs a
    # query, which every old year address would pay.)
    if not MIN_YEAR <= year <= min(MAX_YEAR, timezone.localdate().year):
        return None
    url = reverse("posts:archive_year", kwargs={"year": year})
    return url + drupal_page_query(page)


def _home(page):
    return reverse("posts:list") + drupal_page_query(page)


def _site_feed(page):
    return reverse("posts:feed")


def _drupal_file(path, page):
    """/sites/default/files/<path>: a file the Drupal import copied to media
    storage (import_feed leaves such links in the posts it makes, so they
    work once the Drupal import has copied the files). An image style's
    derivative, styles/<style>/public/<path>, leads to the original."""
    if style := re.match(r"^styles/[^/]+/public/(?P<path>.+)$", path):
        path = style["path"]
    name = f"{DRUPAL_MEDIA_FOLDER}/{path}"
    # Only a name media storage could hold, of a kind the site serves, costs a
    # look in storage; anything else (a probe for .php, say) is a 404 at once.
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in SERVABLE or len(name) > 255 or "\\" in name:
        return None
    try:
        validate_file_name(name, allow_relative_path=True)
    except SuspiciousFileOperation:
        return None
    if not default_storage.exists(name):
        return None
    return default_storage.url(name)


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
    # /blog/<uid>: the blog module's page of one author; the site has one.
    (
        re.compile(r"^/(?:blog(?:/\d+)?|node|stressedtozest(?:/stressed-zest)?)$"),
        _home,
    ),
    (re.compile(r"^/(?:blog(?:/\d+)?|node)/feed$"), _site_feed),
    (re.compile(r"^/sites/default/files/(?P<path>.+)$"), _drupal_file),
]


# --- Addresses this site answers itself ----------------------------------------


def _public_tag(slug):
    return public_tag_choices().filter(slug=slug).exists()


def _public_series(slug):
    return Series.objects.filter(slug=slug, posts__in=Post.objects.published()).exists()


def _public_talk(slug):
    return Talk.objects.published().filter(slug=slug).exists()


def _year_with_posts(year):
    if not MIN_YEAR <= year <= MAX_YEAR:
        return False
    return Post.objects.published().filter(published_at__year=year).exists()


# Pages whose address takes a slug (or number) answer only when the thing
# exists; every other page of the site always answers.
PAGE_EXISTS = {
    "posts:detail": lambda slug: Post.objects.published().filter(slug=slug).exists(),
    "posts:short": lambda pk: Post.objects.published().filter(pk=pk).exists(),
    "posts:tag": _public_tag,
    "posts:tag_feed": _public_tag,
    "posts:series": _public_series,
    "posts:series_feed": _public_series,
    "posts:archive_year": _year_with_posts,
    "talks:detail": _public_talk,
    "talks:ics": _public_talk,
}


def live_page(path):
    """The address at which this site itself answers readers for `path` (an
    old address as stored): `path` itself, or `path` + "/" where APPEND_SLASH
    sends it; None when neither is a page that exists. An old address stored
    there would never be used, and would belie the admin's list."""
    forms = [path] if path.endswith("/") else [path, path + "/"]
    return next((form for form in forms if page_answers(unquote(form))), None)


def page_answers(path):
    """True if one of this site's pages answers readers at `path` (decoded, as
    request.path_info): it resolves, and what its address names exists. No
    query unless it resolves to a page of something with a slug or number."""
    try:
        match = resolve(path)
    except Resolver404:
        return False
    exists = PAGE_EXISTS.get(match.view_name)
    return exists is None or exists(*match.args, **match.kwargs)


# --- Recording moves ------------------------------------------------------------


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
