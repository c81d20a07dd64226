"""Plain factory functions with overridable defaults (CONVENTIONS.md §8)."""

import itertools
from datetime import timedelta

from django.utils import timezone

from posts.models import Post

_seq = itertools.count(1)


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
