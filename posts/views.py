import math

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import ExtractYear, Lower
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from taggit.models import Tag

from hawkins_site.pagination import paginate

from .models import Post

# Years a datetime lookup can take without overflowing (datetime.MAXYEAR - 1).
MIN_YEAR, MAX_YEAR = 1, 9998


@require_safe
def post_list(request):
    page = paginate(request, Post.objects.teasers())
    return render(request, "posts/post_list.html", {"page": page})


@require_safe
def post_detail(request, slug):
    is_staff = request.user.is_staff
    visible = Post.objects.all() if is_staff else Post.objects.published()
    post = get_object_or_404(visible.prefetch_related("tags"), slug=slug)
    is_public = not is_staff or Post.objects.published().filter(pk=post.pk).exists()
    older, newer = _neighbours(post) if is_public else (None, None)
    response = render(
        request,
        "posts/post_detail.html",
        {"post": post, "is_public": is_public, "older": older, "newer": newer},
    )
    if not is_public:
        add_never_cache_headers(response)
        response.headers["X-Robots-Tag"] = "noindex"
    return response


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


@require_safe
def short_link(request, pk):
    """/p/<id>/: a short, stable address that moves with the post's slug."""
    post = get_object_or_404(Post.objects.published().only("slug"), pk=pk)
    return redirect(post, permanent=True)


def public_tags():
    """Tags carrying at least one public post, each with `num_posts`, A to Z."""
    return (
        Tag.objects.filter(
            posts_taggedpost_items__content_object__in=Post.objects.published()
        )
        .annotate(num_posts=Count("posts_taggedpost_items"))
        .order_by(Lower("name"))
    )


@require_safe
def tag_cloud(request):
    tags = list(public_tags())
    if tags:
        low = min(t.num_posts for t in tags)
        high = max(t.num_posts for t in tags)
        spread = math.log(high) - math.log(low) or 1
        for tag in tags:
            # Five sizes on a log scale: a few big tags must not flatten the rest.
            tag.weight = 1 + round(
                4 * (math.log(tag.num_posts) - math.log(low)) / spread
            )
    return render(request, "posts/tag_cloud.html", {"tags": tags})


@require_safe
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = paginate(request, Post.objects.teasers().filter(tags=tag), allow_empty=False)
    return render(request, "posts/tag_detail.html", {"tag": tag, "page": page})


@require_safe
def archive_index(request):
    years = (
        Post.objects.published()
        .annotate(year=ExtractYear("published_at"))
        .values("year")
        .annotate(num_posts=Count("pk"))
        .order_by("-year")
    )
    return render(request, "posts/archive_index.html", {"years": years})


@require_safe
def archive_year(request, year):
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404("No posts that year.")
    posts = Post.objects.teasers().filter(published_at__year=year)
    page = paginate(request, posts, allow_empty=False)
    return render(request, "posts/archive_year.html", {"year": year, "page": page})


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Disallow:", f"Sitemap: {settings.SITE_URL}/sitemap.xml"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
