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


# --- Every tag has a slug ---------------------------------------------------------


def test_tags_without_letters_or_digits_get_a_slug():
    from taggit.models import Tag

    post = make_post(tags=["!!!", "🙂", "Ψυχή", "sleep"])
    slugs = {tag.name: tag.slug for tag in Tag.objects.all()}
    assert slugs == {"!!!": "tag", "🙂": "tag-2", "Ψυχή": "ψυχή", "sleep": "sleep"}
    post.tags.add("???")
    assert Tag.objects.get(name="???").slug == "tag-3"


def test_tags_without_slugs_are_given_one_by_the_migration():
    import importlib

    from django.apps import apps
    from taggit.models import Tag

    make_post(tags=["!!!", "🙂"])
    # As taggit saved the first such tag (a second got "_1": slugs are unique).
    Tag.objects.filter(name="🙂").update(slug="")
    migration = importlib.import_module("posts.migrations.0008_tags_without_slugs")
    migration.give_tags_slugs(apps, None)
    assert Tag.objects.get(name="🙂").slug == "tag-2"
    assert not Tag.objects.filter(slug="").exists()


def test_posts_tagged_without_letters_or_digits_have_working_pages(
    admin_client, no_page_cache
):
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone
    from taggit.models import Tag

    from tests.factories import EMPTY_INLINES

    published_at = timezone.now() - timedelta(days=2)
    make_post(slug="by-code", tags=["!!!"], published_at=published_at)
    by_form = make_post(slug="by-form", published_at=published_at)
    local = timezone.localtime(published_at)
    data = {
        "title": by_form.title, "slug": by_form.slug, "body": by_form.body,
        "excerpt": "", "tags": '"🙂", "!!!"', "status": "published",
        "published_at_0": local.strftime("%Y-%m-%d"),
        "published_at_1": local.strftime("%H:%M:%S"),
        **EMPTY_INLINES,
    }  # fmt: skip
    response = admin_client.post(
        reverse("admin:posts_post_change", args=[by_form.pk]), data
    )
    assert response.status_code == 302
    assert sorted(t.name for t in by_form.tags.all()) == ["!!!", "🙂"]
    assert not Tag.objects.filter(slug="").exists()
    admin_client.logout()
    client = admin_client
    paths = ["/", "/tags/", "/sitemap.xml", f"/archive/{local.year}/",
             "/posts/by-code/", "/posts/by-form/", "/search/?q=post",
             "/feed/", "/feed/atom/", "/feed.json"]  # fmt: skip
    for tag in Tag.objects.all():
        paths += [f"/tags/{tag.slug}/", f"/tags/{tag.slug}/feed/"]
    for path in paths:
        assert client.get(path).status_code == 200, path
    cloud = client.get("/tags/")
    assertContains(cloud, 'href="/tags/tag/"')
    assertContains(cloud, 'href="/tags/tag-2/"')
    page = client.get("/tags/tag-2/")
    assert [p.slug for p in page.context["page"].object_list] == ["by-form"]
