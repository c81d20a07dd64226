from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from taggit.models import Tag

from posts.models import Post
from tests import images
from tests.factories import make_draft, make_post, make_scheduled

pytestmark = pytest.mark.django_db


def test_published_means_status_published_and_dated_in_the_past():
    public = make_post()
    make_draft()
    make_scheduled()
    assert list(Post.objects.published()) == [public]


def test_scheduled_post_becomes_public_when_its_time_comes(travel):
    post = make_scheduled(published_at=timezone.now() + timedelta(hours=2))
    assert post not in Post.objects.published()
    travel(timedelta(hours=3))
    assert post in Post.objects.published()


def test_database_forbids_a_published_post_without_a_date():
    post = make_draft()
    with pytest.raises(IntegrityError), transaction.atomic():
        Post.objects.filter(pk=post.pk).update(status=Post.Status.PUBLISHED)


def test_body_is_sanitised_on_create():
    post = make_post(
        body='<p onmouseover="steal()">Hi<script>alert(1)</script></p>'
        '<a href="javascript:alert(1)">x</a><img src="a.png" onerror="alert(1)">'
    )
    post.refresh_from_db()
    assert "script" not in post.body
    assert "onmouseover" not in post.body
    assert "onerror" not in post.body
    assert "javascript:" not in post.body
    assert post.body.startswith("<p>Hi</p>")


def test_teaser_uses_excerpt_then_first_paragraph():
    with_excerpt = make_post(excerpt="  Hand-written summary.  ", body="<p>Body.</p>")
    without = make_post(body="<p>The first paragraph.</p><p>The second.</p>")
    assert with_excerpt.teaser == "Hand-written summary."
    assert without.teaser == "The first paragraph."


def test_teaser_stays_current_when_saving_only_some_fields():
    post = make_post(body="<p>Old.</p>")
    post.body = "<p>New.</p>"
    post.save(update_fields=["body"])
    post.refresh_from_db()
    assert post.teaser == "New."


def test_tags_differing_only_by_case_are_one_tag():
    first = make_post(tags=["Mindfulness"])
    second = make_post(tags=["mindfulness"])
    assert Tag.objects.count() == 1
    assert set(Post.objects.filter(tags__slug="mindfulness")) == {first, second}


def test_updated_later_only_counts_a_later_day():
    post = make_post(published_at=timezone.now() - timedelta(days=30))
    assert post.was_updated_later
    Post.objects.filter(pk=post.pk).update(updated_at=post.published_at)
    post.refresh_from_db()
    assert not post.was_updated_later


def test_urls():
    post = make_post(slug="a-post")
    assert post.get_absolute_url() == "/posts/a-post/"
    assert post.get_canonical_url() == "https://blog.example.org/posts/a-post/"
    assert post.get_short_url() == f"https://blog.example.org/p/{post.pk}/"


@pytest.mark.django_db(transaction=True)
def test_a_post_whose_renditions_fail_is_not_saved_and_leaves_no_file(
    monkeypatch, settings
):
    """Saved from code (no admin form, no transaction around it): when the
    renditions cannot be stored, the row goes with the upload, never a post
    pointing at a deleted file."""
    import posts.models.content as content

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(content, "store_renditions", broken)
    with pytest.raises(OSError):
        Post.objects.create(
            title="Pond",
            slug="pond",
            body="<p>Water.</p>",
            featured_image=SimpleUploadedFile("pond.jpg", images.jpeg((800, 400))),
            featured_image_alt="A pond",
        )
    assert not Post.objects.exists()
    assert not [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]
