import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from taggit.models import Tag

from posts.demo_content import POSTS
from posts.models import Post

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent_and_looks_like_a_real_blog(capsys):
    call_command("seed_demo")
    first_output = capsys.readouterr().out
    assert "password:" in first_output
    counts = (Post.objects.count(), Tag.objects.count())

    call_command("seed_demo")
    second_output = capsys.readouterr().out
    assert "password:" not in second_output  # credentials are printed once
    assert (Post.objects.count(), Tag.objects.count()) == counts

    assert Post.objects.count() == len(POSTS) >= 12
    assert 8 <= Tag.objects.count() <= 10
    assert Post.objects.filter(status=Post.Status.DRAFT).count() == 1
    scheduled = [p for p in Post.objects.all() if p.is_scheduled]
    assert len(scheduled) == 1
    assert Post.objects.published().count() == len(POSTS) - 2
    assert get_user_model().objects.filter(is_superuser=True).count() == 1
    for post in Post.objects.published():
        assert post.body.count("<p>") >= 2, post.slug
    bodies = " ".join(Post.objects.values_list("body", flat=True))
    assert "<blockquote>" in bodies and "<ol>" in bodies and "<a href=" in bodies


def test_seed_demo_leaves_the_authors_edits_alone():
    call_command("seed_demo")
    post = Post.objects.get(slug=POSTS[0]["slug"])
    post.title = "Edited by the author"
    post.save()
    call_command("seed_demo")
    post.refresh_from_db()
    assert post.title == "Edited by the author"
