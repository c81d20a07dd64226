"""posts/tag_admin.py: renaming and merging tags in the admin never breaks an old
address or a feed subscription, and merging really moves posts and talks."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.urls import reverse
from pytest_django.asserts import assertContains
from taggit.models import Tag

from posts.models import LegacyPath, Post, Series
from talks.models import Talk
from tests.factories import make_draft, make_post, make_talk

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="search vectors are PostgreSQL-only"
)


def assert_moved(client, path, location):
    response = client.get(path)
    assert response.status_code == 301, path
    assert response["Location"] == location, path


def rename(admin_client, tag, **data):
    url = reverse("admin:taggit_tag_change", args=[tag.pk])
    response = admin_client.post(url, {"name": tag.name, "slug": tag.slug, **data})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def test_renamed_tag_keeps_its_old_page_and_feed(admin_client, client):
    make_post(tags=["Self compassion"])
    tag = Tag.objects.get(name="Self compassion")
    rename(admin_client, tag, name="Self-compassion", slug="self-kindness")
    assert client.get("/tags/self-kindness/").status_code == 200
    assert_moved(client, "/tags/self-compassion/", "/tags/self-kindness/")
    assert_moved(client, "/tags/self-compassion/feed/", "/tags/self-kindness/feed/")
    # this site's pages count from 1: no Drupal shift for its own old addresses
    assert_moved(client, "/tags/self-compassion/?page=2", "/tags/self-kindness/?page=2")


def test_a_tag_renamed_twice_needs_one_redirect(admin_client, client):
    make_post(tags=["sleep"])
    tag = Tag.objects.get(name="sleep")
    rename(admin_client, tag, slug="rest")
    rename(admin_client, Tag.objects.get(pk=tag.pk), slug="sleep-and-rest")
    assert_moved(client, "/tags/sleep/", "/tags/sleep-and-rest/")
    assert_moved(client, "/tags/rest/", "/tags/sleep-and-rest/")
    # and back again: the address answers by itself, not with a loop
    rename(admin_client, Tag.objects.get(pk=tag.pk), slug="sleep")
    assert client.get("/tags/sleep/").status_code == 200
    assert not LegacyPath.objects.filter(path="/tags/sleep").exists()


def test_drupal_tag_addresses_still_count_pages_from_zero(client):
    make_post(tags=["sleep"])
    tag = Tag.objects.get()
    LegacyPath.objects.create(path="/category/tags/sleep-rest", tag=tag)
    # pathauto's other common pattern looks like this site's own tag pages
    LegacyPath.objects.create(path="/tags/sleep-and-rest", tag=tag)
    assert_moved(client, "/category/tags/sleep-rest?page=1", "/tags/sleep/?page=2")
    assert_moved(client, "/tags/sleep-and-rest?page=1", "/tags/sleep/?page=2")


def test_a_slug_changed_only_in_case_never_redirects_to_itself(admin_client, client):
    make_draft(tags=["Sleep"])  # no public post: the tag page itself is a 404
    tag = Tag.objects.get()
    Tag.objects.filter(pk=tag.pk).update(slug="Sleep")
    rename(admin_client, Tag.objects.get(pk=tag.pk), slug="sleep")
    assert client.get("/tags/sleep/").status_code == 404  # not a 301 to itself
    # nor a 301 to that 404 (posts/redirects.py), until the tag has a post
    assert client.get("/tags/Sleep/").status_code == 404
    make_post(tags=[Tag.objects.get()])
    assert_moved(client, "/tags/Sleep/", "/tags/sleep/")


@postgres_only
def test_renaming_a_tag_renews_the_search_text_of_its_posts(admin_client, client):
    post = make_post(title="Evening notes", tags=["calm"])
    rename(admin_client, Tag.objects.get(name="calm"), name="equanimity")
    assert Post.objects.filter(pk=post.pk, search_vector="equanimity").exists()


def merge(admin_client, tags, keep=None):
    data = {"action": "merge_selected", "_selected_action": [t.pk for t in tags]}
    if keep is not None:
        data |= {"apply": "1", "keep": keep.pk}
    return admin_client.post(reverse("admin:taggit_tag_changelist"), data)


def test_merge_asks_which_tag_to_keep(admin_client):
    make_post(tags=["anxiety", "Anxiety disorders"])
    response = merge(admin_client, Tag.objects.all())
    assert response.status_code == 200
    assertContains(response, "Keep this tag")
    assertContains(response, "Anxiety disorders (1 post, 0 talks)")
    assert Tag.objects.count() == 2  # nothing merged yet


def test_merge_moves_posts_and_talks_and_keeps_old_addresses(admin_client, client):
    both = make_post(title="Both", slug="both", tags=["anxiety", "worry"])
    only_old = make_post(title="Only worry", slug="only-worry", tags=["worry"])
    talk = make_talk(title="A talk on worry", tags=["worry"])
    keep, old = Tag.objects.get(name="anxiety"), Tag.objects.get(name="worry")
    LegacyPath.objects.create(path="/taxonomy/term/9", tag=old)  # from Drupal
    client.get("/tags/anxiety/")  # cached before the merge
    response = merge(admin_client, [keep, old], keep=keep)
    assert response.status_code == 302
    assert not Tag.objects.filter(pk=old.pk).exists()
    assert [t.name for t in Post.objects.get(pk=both.pk).tag_list] == ["anxiety"]
    assert [t.name for t in Post.objects.get(pk=only_old.pk).tag_list] == ["anxiety"]
    assert [t.name for t in Talk.objects.get(pk=talk.pk).tag_list] == ["anxiety"]
    page = client.get("/tags/anxiety/")
    assertContains(page, "Only worry")  # the cached page was retired
    assert_moved(client, "/tags/worry/", "/tags/anxiety/")
    assert_moved(client, "/tags/worry/feed/", "/tags/anxiety/feed/")
    assert_moved(client, "/taxonomy/term/9", "/tags/anxiety/")
    feed = ET.fromstring(client.get("/tags/anxiety/feed/").content)
    assert {i.findtext("title") for i in feed.findall("channel/item")} == {
        "Both",
        "Only worry",
    }


def test_staff_who_may_only_view_tags_cannot_merge_them(client, django_user_model):
    make_post(tags=["a", "b"])
    user = django_user_model.objects.create_user(
        "viewer", "viewer@example.org", "a-long-test-password", is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="view_tag"))
    client.force_login(user)
    changelist = client.get(reverse("admin:taggit_tag_changelist"))
    assert changelist.status_code == 200
    assert b"merge_selected" not in changelist.content
    keep = Tag.objects.get(name="a")
    merge(client, Tag.objects.all(), keep=keep)
    assert Tag.objects.count() == 2


def test_merging_needs_two_tags(admin_client):
    make_post(tags=["solo"])
    response = merge(admin_client, Tag.objects.all())
    assert response.status_code == 302
    assert Tag.objects.filter(name="solo").exists()


def test_merge_without_a_choice_asks_again(admin_client):
    make_post(tags=["a", "b"])
    data = {
        "action": "merge_selected",
        "_selected_action": list(Tag.objects.values_list("pk", flat=True)),
        "apply": "1",
    }
    response = admin_client.post(reverse("admin:taggit_tag_changelist"), data)
    assert response.status_code == 200
    assertContains(response, "Choose the tag to keep.")
    assert Tag.objects.count() == 2


def test_renamed_series_keeps_its_old_page_and_feed(admin_client, client):
    series = Series.objects.create(title="Burnout", slug="burnout")
    make_post(series=series, series_position=1)
    url = reverse("admin:posts_series_change", args=[series.pk])
    data = {
        "title": "Burnout",
        "slug": "burnout-in-clinicians",
        "description": "",
        "posts-TOTAL_FORMS": "1",
        "posts-INITIAL_FORMS": "1",
        "posts-0-id": str(series.posts.get().pk),
        "posts-0-series": str(series.pk),
        "posts-0-series_position": "1",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert_moved(client, "/series/burnout/", "/series/burnout-in-clinicians/")
    assert_moved(client, "/series/burnout/feed/", "/series/burnout-in-clinicians/feed/")


def test_a_tag_with_old_addresses_cannot_be_deleted_silently(admin_client, client):
    make_post(tags=["sleep"])
    tag = Tag.objects.get()
    LegacyPath.objects.create(path="/taxonomy/term/5", tag=tag)
    url = reverse("admin:taggit_tag_delete", args=[tag.pk])
    response = admin_client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assertContains(response, "/taxonomy/term/5")  # named as what blocks it
    assert Tag.objects.filter(pk=tag.pk).exists()
    assert_moved(client, "/taxonomy/term/5", "/tags/sleep/")


@postgres_only
@pytest.mark.parametrize("how", ["code", "admin delete page", "admin action"])
def test_deleting_a_tag_takes_it_out_of_its_posts_search_text(admin_client, how):
    post = make_post(title="Untitled", body="<p>Text.</p>", tags=["Equanimity", "Calm"])
    other = make_post(title="Other", body="<p>Text.</p>", tags=["Equanimity"])
    tag = Tag.objects.get(name="Equanimity")
    assert Post.objects.filter(search_vector="equanimity").count() == 2
    if how == "code":
        tag.delete()
    elif how == "admin delete page":
        url = reverse("admin:taggit_tag_delete", args=[tag.pk])
        assert admin_client.post(url, {"post": "yes"}).status_code == 302
    else:
        url = reverse("admin:taggit_tag_changelist")
        data = {
            "action": "delete_selected",
            "_selected_action": [tag.pk],
            "post": "yes",
        }
        assert admin_client.post(url, data).status_code == 302
    assert not Tag.objects.filter(name="Equanimity").exists()
    assert not Post.objects.filter(search_vector="equanimity").exists()
    assert Post.objects.filter(pk=post.pk, search_vector="calm").exists()
    assert Post.objects.filter(pk=other.pk, search_vector="text").exists()
