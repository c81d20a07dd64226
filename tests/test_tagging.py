"""hawkins_site/tagging.py: tags fetched once per page into plain lists, shown
A to Z (ignoring case) on every surface, and never stale after a change."""

import json
import xml.etree.ElementTree as ET

import pytest
from pytest_django.asserts import assertContains

from posts.models import Post
from talks.models import Talk
from tests.factories import make_post, make_talk

pytestmark = pytest.mark.django_db

MIXED = ["sleep", "Anxiety", "compassion", "Burnout"]
A_TO_Z = ["Anxiety", "Burnout", "compassion", "sleep"]


def test_tag_list_is_a_to_z_with_or_without_the_prefetch():
    post = make_post(tags=MIXED)
    (listed,) = Post.objects.for_listing()
    assert [t.name for t in listed.tag_list] == A_TO_Z
    assert [t.name for t in Post.objects.get(pk=post.pk).tag_list] == A_TO_Z


def test_prefetched_tag_list_follows_changes_to_the_tags():
    make_post(tags=["x"])
    (post,) = Post.objects.for_listing()
    assert [t.name for t in post.tag_list] == ["x"]
    post.tags.add("y")
    assert [t.name for t in post.tag_list] == ["x", "y"]
    (post,) = Post.objects.for_listing()
    post.tags.remove("x")
    assert [t.name for t in post.tag_list] == ["y"]
    (post,) = Post.objects.for_listing()
    post.tags.set(["z"])
    assert [t.name for t in post.tag_list] == ["z"]
    (post,) = Post.objects.for_listing()
    post.tags.clear()
    assert post.tag_list == []


def test_refresh_from_db_forgets_the_prefetched_list():
    make_post(tags=["x"])
    (post,) = Post.objects.for_listing()
    Post.objects.get(pk=post.pk).tags.add("y")  # another copy of the row
    post.refresh_from_db()
    assert [t.name for t in post.tag_list] == ["x", "y"]


def test_talk_tag_list_follows_changes_too():
    talk = make_talk(tags=["b", "A"])
    talk = Talk.objects.prefetch_related("tags").get(pk=talk.pk)
    assert [t.name for t in talk.tag_list] == ["A", "b"]
    talk.tags.add("c")
    assert [t.name for t in talk.tag_list] == ["A", "b", "c"]


def _in_order(html, names):
    positions = [html.index(f'rel="tag">{name}</a>') for name in names]
    return positions == sorted(positions)


def test_every_surface_lists_tags_a_to_z(client):
    post = make_post(title="Tagged", slug="tagged", tags=MIXED)
    for path in ["/", "/tags/sleep/", post.get_absolute_url()]:
        html = client.get(path).content.decode()
        assert _in_order(html, A_TO_Z), path
    page = client.get(post.get_absolute_url())
    for name in A_TO_Z:
        assertContains(page, f'<meta property="article:tag" content="{name}">')
    rss = ET.fromstring(client.get("/feed/").content)
    assert [c.text for c in rss.findall("channel/item/category")] == A_TO_Z
    feed = json.loads(client.get("/feed.json").content)
    assert feed["items"][0]["tags"] == A_TO_Z
