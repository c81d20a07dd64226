import math

from django.conf import settings
from django.db.models import Count, Prefetch
from django.db.models.functions import ExtractYear
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from taggit.models import Tag

from hawkins_site.pagination import paginate
from hawkins_site.params import MAX_YEAR, MIN_YEAR, mark_not_canonical, parse_year
from hawkins_site.tagging import prefetch_tags
from talks.models import Talk
from talks.search import search_talks

from . import search as post_search
from . import seo
from .models import Post, Series, public_tag_choices, public_tag_list

RELATED_COUNT = 4


@require_safe
def post_list(request):
    page = paginate(request, Post.objects.teasers())
    return render(
        request, "posts/post_list.html", {"page": page, "json_ld": seo.website()}
    )


@require_safe
def post_detail(request, slug):
    is_staff = request.user.is_staff
    visible = Post.objects.all() if is_staff else Post.objects.published()
    talks = Talk.objects.for_listing().order_by("-starts_at", "-pk")
    post = get_object_or_404(
        visible.defer("search_vector")
        .select_related("series")
        .prefetch_related(
            prefetch_tags(),
            "attachments",
            Prefetch(
                "related_posts",
                queryset=Post.objects.published().only(*TEASER_FIELDS),
                to_attr="chosen_related",
            ),
            Prefetch("talks", talks, to_attr="public_talks"),
        ),
        slug=slug,
    )
    is_public = not is_staff or Post.objects.published().filter(pk=post.pk).exists()
    older, newer = _neighbours(post) if is_public else (None, None)
    if is_public:
        post.ensure_social_card()
    response = render(
        request,
        "posts/post_detail.html",
        {
            "post": post,
            "is_public": is_public,
            "older": older,
            "newer": newer,
            "series": _series_context(post, preview=not is_public),
            "related": _related(post),
            "json_ld": seo.blog_posting(post) if is_public else None,
        },
    )
    if not is_public:
        add_never_cache_headers(response)
        response.headers["X-Robots-Tag"] = "noindex"
    return response


TEASER_FIELDS = ("title", "slug", "published_at", "teaser", "word_count")


def _related(post):
    """Up to four posts: those the author chose first, then the public posts
    sharing the most tags with this one (ties: newest first), in one query."""
    chosen = [p for p in post.chosen_related if p.pk != post.pk][:RELATED_COUNT]
    room = RELATED_COUNT - len(chosen)
    tag_ids = [tag.pk for tag in post.tag_list]
    if not room or not tag_ids:
        return chosen
    by_tags = (
        Post.objects.published()
        .filter(tags__in=tag_ids)
        .exclude(pk__in=[post.pk, *(p.pk for p in chosen)])
        .annotate(shared_tags=Count("pk"))
        .only(*TEASER_FIELDS)
        .order_by("-shared_tags", "-published_at", "-pk")[:room]
    )
    return chosen + list(by_tags)


def _neighbours(post):
    """The public posts just before and after `post` in publication order."""
    public = Post.objects.published().only("title", "slug", "published_at")
    at, pk = post.published_at, post.pk
    # A range on published_at (not an OR) so the index finds the neighbour at
    # once, however many posts there are; ties on the date go by pk.
    older = (
        public.filter(published_at__lte=at)
        .exclude(published_at=at, pk__gte=pk)
        .order_by("-published_at", "-pk")
        .first()
    )
    newer = (
        public.filter(published_at__gte=at)
        .exclude(published_at=at, pk__lte=pk)
        .order_by("published_at", "pk")
        .first()
    )
    return older, newer


def _series_context(post, preview=False):
    """The post's place in its series: the public parts in order (one query),
    plus the post itself while staff preview it. "Part N" is the author's part
    number; "of M" the highest number shown (or the count, if greater)."""
    if post.series_id is None:
        return None
    parts = list(
        Post.objects.published()
        .filter(series_id=post.series_id)
        .in_series_order()
        .only("title", "slug", "series_position", "series_id", "published_at")
    )
    if preview:
        parts = sorted([*parts, post], key=_series_order)
    index = next((i for i, part in enumerate(parts) if part.pk == post.pk), None)
    return {
        "series": post.series,
        "parts": parts,
        "preview": preview,
        "number": None if index is None else post.series_position,
        "total": max([len(parts), *(p.series_position or 0 for p in parts)]),
        "previous": parts[index - 1] if index else None,
        "next": parts[index + 1]
        if index is not None and index + 1 < len(parts)
        else None,
    }


def _series_order(part):
    """in_series_order() for a list in hand (a draft may have no date)."""
    return (
        part.series_position is None,
        part.series_position or 0,
        part.published_at is None,
        part.published_at.timestamp() if part.published_at else 0,
        part.pk,
    )


@require_safe
def series_index(request):
    return render(
        request,
        "posts/series_list.html",
        {"series_list": Series.objects.with_public_posts()},
    )


@require_safe
def series_detail(request, slug):
    series = get_object_or_404(Series, slug=slug)
    parts = list(Post.objects.teasers().filter(series=series).in_series_order())
    if not parts:
        raise Http404("This series has no published posts yet.")
    return render(
        request, "posts/series_detail.html", {"series": series, "parts": parts}
    )


@require_safe
def short_link(request, pk):
    """/p/<id>/: a short, stable address that moves with the post's slug."""
    post = get_object_or_404(Post.objects.published().only("slug"), pk=pk)
    return redirect(post, permanent=True)


@require_safe
def tag_cloud(request):
    tags = public_tag_list()
    if tags:
        low = min(t.num_posts for t in tags)
        high = max(t.num_posts for t in tags)
        spread = math.log(high) - math.log(low) or 1
        for tag in tags:
            # Five sizes on a log scale: a few big tags must not flatten the rest.
            weight = 1 + round(4 * (math.log(tag.num_posts) - math.log(low)) / spread)
            tag.weight = weight
            # Text, not numbers, for the template: it localises every number it
            # prints, which for 200 tags cost more than the rest of the page.
            tag.weight_class = f"weight-{weight}"
            tag.count = str(tag.num_posts)
            tag.noun = "post" if tag.num_posts == 1 else "posts"
    return render(request, "posts/tag_cloud.html", {"tags": tags})


@require_safe
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = paginate(request, Post.objects.teasers().filter(tags=tag), allow_empty=False)
    return render(request, "posts/tag_detail.html", {"tag": tag, "page": page})


def _years_with_posts():
    """[{"year": 2025, "num_posts": 12}, …], newest year first (one query)."""
    return (
        Post.objects.published()
        .annotate(year=ExtractYear("published_at"))
        .values("year")
        .annotate(num_posts=Count("pk"))
        .order_by("-year")
    )


@require_safe
def archive_index(request):
    return render(request, "posts/archive_index.html", {"years": _years_with_posts()})


@require_safe
def archive_year(request, year):
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404("No posts that year.")
    posts = Post.objects.teasers().filter(published_at__year=year)
    page = paginate(request, posts, allow_empty=False)
    return render(request, "posts/archive_year.html", {"year": year, "page": page})


@require_safe
def search(request):
    """/search/?q=…&tag=…&year=…: posts matching the query, best first."""
    raw = {name: request.GET.get(name) for name in ("q", "tag", "year")}
    query = post_search.clean_query(raw["q"])
    tags = list(public_tag_choices())
    years = [row["year"] for row in _years_with_posts()]
    tag = next((t for t in tags if t.slug == raw["tag"]), None)
    year = parse_year(raw["year"])
    year = year if year in years else None
    taken = {"q": query, "tag": tag and tag.slug, "year": year and str(year)}
    if any(raw[name] is not None and raw[name] != taken[name] for name in raw):
        mark_not_canonical(request)  # an unknown tag or year, a query cut short
    context = {
        "query": query,
        "searched": bool(query),
        "tags": tags,
        "years": years,
        "tag": tag,
        "year": year,
    }
    if query:
        page = paginate(request, post_search.search_posts(query, tag=tag, year=year))
        if not post_search.uses_postgres():
            for post in page.object_list:
                post.snippet = post_search.python_snippet(post.body_text, query)
        context["page"] = page
        if page.number == 1:  # talks: a second, short group on the first page
            context["talks"] = list(search_talks(query, tag=tag, year=year))
    response = render(request, "posts/search.html", context)
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def opensearch(request):
    return render(
        request,
        "posts/opensearch.xml",
        content_type="application/opensearchdescription+xml",
    )


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Disallow:", f"Sitemap: {settings.SITE_URL}/sitemap.xml"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
