"""Every page costs the same number of queries with 1,000 posts as with 10 (issue #7).
Rows are written with bulk_create() to keep this fast."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from hawkins_site.cache import bump_content_version
from posts.models import Post, TaggedPost

pytestmark = pytest.mark.django_db

TAGS = ["mindfulness", "compassion", "research", "sleep", "stress"]


def bulk_posts(count, start=0):
    """`count` public posts, each with all five TAGS, newest first by number."""
    tags = [Tag.objects.get_or_create(name=n, slug=n)[0] for n in TAGS]
    now = timezone.now()
    posts = Post.objects.bulk_create(
        Post(
            title=f"Post {n}",
            slug=f"post-{n}",
            body=f"<p>Body of post {n}.</p>",
            teaser=f"Body of post {n}.",
            status=Post.Status.PUBLISHED,
            published_at=now - timedelta(minutes=n + 1),
        )
        for n in range(start, start + count)
    )
    TaggedPost.objects.bulk_create(
        TaggedPost(content_object=post, tag=tag) for post in posts for tag in tags
    )
    bump_content_version()  # bulk_create() sends no signals


def queries(client, path):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code in (200, 301)
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/posts/post-5/",
        "/p/{pk}/",
        "/tags/",
        "/tags/mindfulness/",
        "/archive/",
        "/archive/{year}/",
        "/feed/",
        "/feed/atom/",
        "/rss.xml",
        "/tags/mindfulness/feed/",
        "/sitemap.xml",
    ],
)
def test_query_count_with_1000_posts_equals_that_with_10(client, settings, path):
    settings.PAGE_CACHE_ENABLED = False  # count what rendering costs
    bulk_posts(10)
    post = Post.objects.get(slug="post-5")
    path = path.format(pk=post.pk, year=timezone.localtime(post.published_at).year)
    client.get(path)  # a post's first view draws its sharing card, once
    with_10 = queries(client, path)
    bulk_posts(990, start=10)
    assert Post.objects.published().count() == 1000
    assert queries(client, path) == with_10
