"""Plain factory functions with overridable defaults (CONVENTIONS.md §8)."""

import itertools
from datetime import timedelta

from django.utils import timezone

from posts.models import Post
from talks.models import Talk

_seq = itertools.count(1)

# The post admin's inline formsets (downloads, old addresses), submitted empty.
EMPTY_INLINES = {
    f"{prefix}-{key}": value
    for prefix in ("attachments", "legacy_paths")
    for key, value in [("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"),
                       ("MIN_NUM_FORMS", "0"), ("MAX_NUM_FORMS", "1000")]
}  # fmt: skip


def make_post(*, tags=(), **overrides):
    n = next(_seq)
    defaults = {
        "title": f"Post {n}",
        "slug": f"post-{n}",
        "body": f"<p>Body of post {n}.</p>",
        "status": Post.Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(days=1, minutes=n),
    }
    post = Post.objects.create(**(defaults | overrides))
    post.tags.add(*tags)
    return post


def make_draft(**overrides):
    return make_post(status=Post.Status.DRAFT, published_at=None, **overrides)


def make_scheduled(**overrides):
    overrides.setdefault("published_at", timezone.now() + timedelta(days=1))
    return make_post(**overrides)


def make_talk(*, tags=(), related_posts=(), **overrides):
    """A published talk a week from now, an hour long, in Edinburgh."""
    n = next(_seq)
    starts_at = overrides.pop(
        "starts_at", timezone.now() + timedelta(days=7, minutes=n)
    )
    defaults = {
        "title": f"Talk {n}",
        "slug": f"talk-{n}",
        "abstract": f"<p>Abstract of talk {n}.</p>",
        "event_name": f"Seminar {n}",
        "venue": "Example Hall",
        "city": "Edinburgh",
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=1) if starts_at else None,
        "visibility": Talk.Visibility.PUBLISHED,
    }
    talk = Talk.objects.create(**(defaults | overrides))
    talk.tags.add(*tags)
    talk.related_posts.add(*related_posts)
    return talk


def make_draft_talk(**overrides):
    return make_talk(visibility=Talk.Visibility.DRAFT, **overrides)
