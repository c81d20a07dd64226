"""cached_reverse(): reverse(), memoised, and still right when the URLconf or the
script prefix changes."""

import pytest
from django.urls import NoReverseMatch, path, reverse, set_script_prefix

from hawkins_site.reversing import cached_reverse


def test_cached_reverse_gives_what_reverse_gives():
    assert cached_reverse("posts:detail", slug="a-post") == "/posts/a-post/"
    assert cached_reverse("posts:detail", slug="a-post") == reverse(
        "posts:detail", kwargs={"slug": "a-post"}
    )
    assert cached_reverse("posts:short", pk=7) == "/p/7/"


def test_cached_reverse_follows_the_script_prefix():
    assert cached_reverse("posts:detail", slug="moved") == "/posts/moved/"
    try:
        set_script_prefix("/blog/")
        assert cached_reverse("posts:detail", slug="moved") == "/blog/posts/moved/"
    finally:
        set_script_prefix("/")


urlpatterns = [path("elsewhere/<slug:slug>/", lambda request: None, name="detail")]


def test_cached_reverse_follows_a_changed_urlconf(settings):
    assert cached_reverse("posts:detail", slug="x") == "/posts/x/"
    settings.ROOT_URLCONF = "tests.test_reversing"
    assert cached_reverse("detail", slug="x") == "/elsewhere/x/"
    with pytest.raises(NoReverseMatch):
        cached_reverse("posts:detail", slug="x")
