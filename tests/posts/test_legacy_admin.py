from datetime import UTC, datetime

import pytest
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains
from taggit.models import Tag

from posts.models import LegacyPath
from posts.paths import normalise_path
from posts.redirects import record_old_slug
from tests.factories import EMPTY_INLINES, make_post

pytestmark = pytest.mark.django_db


def change_form_data(post, **overrides):
    """What the post's change form submits, inline rows included."""
    rows = list(post.legacy_paths.all())
    data = {
        "title": post.title,
        "slug": post.slug,
        "body": post.body,
        "excerpt": post.excerpt,
        "tags": ", ".join(t.name for t in post.tags.all()),
        "status": post.status,
        "published_at_0": post.published_at.strftime("%d/%m/%Y"),
        "published_at_1": post.published_at.strftime("%H:%M:%S"),
        **EMPTY_INLINES,
        "legacy_paths-TOTAL_FORMS": str(len(rows)),
        "legacy_paths-INITIAL_FORMS": str(len(rows)),
    }
    for n, row in enumerate(rows):
        data[f"legacy_paths-{n}-id"] = str(row.pk)
        data[f"legacy_paths-{n}-post"] = str(post.pk)
        data[f"legacy_paths-{n}-path"] = row.path
    return data | overrides


def test_changing_a_slug_in_the_admin_keeps_the_old_url_working(admin_client, client):
    post = make_post(title="Sleep", slug="sleep")
    url = reverse("admin:posts_post_change", args=[post.pk])
    response = admin_client.post(url, change_form_data(post, slug="sleep-and-rest"))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(post.legacy_paths.values_list("path", flat=True)) == ["/posts/sleep"]
    response = client.get("/posts/sleep/")
    assert response.status_code == 301
    assert response["Location"] == "/posts/sleep-and-rest/"
    assert client.get("/posts/sleep-and-rest/").status_code == 200


def test_renaming_twice_and_back_leaves_no_loop(admin_client, client):
    post = make_post(slug="first")
    url = reverse("admin:posts_post_change", args=[post.pk])
    admin_client.post(url, change_form_data(post, slug="second"))
    post.refresh_from_db()
    admin_client.post(url, change_form_data(post, slug="first"))
    post.refresh_from_db()
    assert post.slug == "first"
    assert list(post.legacy_paths.values_list("path", flat=True)) == ["/posts/second"]
    assert client.get("/posts/first/").status_code == 200
    assert client.get("/posts/second/")["Location"] == "/posts/first/"


def test_saving_without_a_slug_change_records_nothing(admin_client):
    post = make_post(slug="steady")
    url = reverse("admin:posts_post_change", args=[post.pk])
    admin_client.post(url, change_form_data(post, title="Steady, renamed"))
    assert not LegacyPath.objects.exists()


def test_post_form_shows_and_edits_its_old_addresses(admin_client, client):
    post = make_post(slug="kept")
    LegacyPath.objects.create(path="/blog/kept-on-drupal", post=post)
    url = reverse("admin:posts_post_change", args=[post.pk])
    assertContains(admin_client.get(url), "/blog/kept-on-drupal")
    data = change_form_data(post)
    data |= {
        "legacy_paths-TOTAL_FORMS": "2",
        "legacy_paths-1-post": str(post.pk),
        "legacy_paths-1-path": "https://old.example.org/node/12/?x=1",
    }
    assert admin_client.post(url, data).status_code == 302
    assert set(post.legacy_paths.values_list("path", flat=True)) == {
        "/blog/kept-on-drupal",
        "/node/12",
    }
    assert client.get("/node/12")["Location"] == "/posts/kept/"


def test_old_address_list_shows_where_each_leads(admin_client):
    post = make_post(title="A post", slug="a-post")
    make_post(tags=["Sleep"])
    LegacyPath.objects.create(path="/node/1", post=post)
    LegacyPath.objects.create(path="/taxonomy/term/3", tag=Tag.objects.get())
    LegacyPath.objects.create(path="/old-page", target="/archive/")
    response = admin_client.get(reverse("admin:posts_legacypath_changelist"))
    assertContains(response, '<a href="/posts/a-post/">A post</a>', html=True)
    assertContains(response, '<a href="/tags/sleep/">tag: Sleep</a>', html=True)
    assertContains(response, '<a href="/archive/">/archive/</a>', html=True)
    search = admin_client.get(
        reverse("admin:posts_legacypath_changelist"), {"q": "term"}
    )
    assertContains(search, "/taxonomy/term/3")


def test_author_adds_a_redirect_to_another_address(admin_client, client):
    response = admin_client.post(
        reverse("admin:posts_legacypath_add"),
        {"path": "/stressedtozest/contact/", "target": "/archive/"},
    )
    assert response.status_code == 302
    assert LegacyPath.objects.get().path == "/stressedtozest/contact"
    assert client.get("/stressedtozest/contact")["Location"] == "/archive/"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"path": "/x"}, "Choose exactly one destination"),
        ({"path": "/x", "target": "/archive/", "post": "POST"},
         "Choose exactly one destination"),
        ({"path": "/x", "target": "//evil.example.com/"},
         "Enter a path on this site starting with /"),
        ({"path": "/x", "target": "javascript:alert(1)"},
         "Enter a path on this site starting with /"),
        ({"path": "/", "target": "/archive/"}, "Enter an old address such as"),
        ({"path": "/taken/", "target": "/archive/"},
         "Old address with this Old address already exists."),
    ],
)  # fmt: skip
def test_bad_redirects_are_refused_with_a_message(admin_client, data, message):
    post = make_post()
    LegacyPath.objects.create(path="/taken", post=post)
    if data.get("post") == "POST":
        data = data | {"post": str(post.pk)}
    response = admin_client.post(reverse("admin:posts_legacypath_add"), data)
    assert response.status_code == 200
    assertContains(response, message)
    assert LegacyPath.objects.count() == 1


def test_record_old_slug_points_an_existing_row_at_the_renamed_post():
    old_owner, renamed = make_post(slug="old-owner"), make_post(slug="renamed")
    LegacyPath.objects.create(path="/posts/shared", post=old_owner)
    record_old_slug(renamed, "shared")
    assert LegacyPath.objects.get(path="/posts/shared").post == renamed


def add_redirect(admin_client, **data):
    return admin_client.post(reverse("admin:posts_legacypath_add"), data)


@pytest.mark.parametrize(
    ("target", "stored"),
    [
        ("/archive", "/archive/"),
        ("/archive/2014", "/archive/2014/"),
        ("/search?q=sleep", "/search/?q=sleep"),
        ("/tags/sleep", "/tags/sleep/"),
        ("/posts/kept", "/posts/kept/"),
        ("/rss.xml", "/rss.xml"),
        ("/", "/"),
        ("https://elsewhere.example.org/page", "https://elsewhere.example.org/page"),
        ("/media/drupal/handout.pdf", "/media/drupal/handout.pdf"),
    ],
)
def test_targets_get_the_slash_their_page_has(admin_client, client, target, stored):
    may_2014 = datetime(2014, 5, 1, tzinfo=UTC)
    make_post(slug="kept", tags=["Sleep"], published_at=may_2014)
    response = add_redirect(admin_client, path="/old", target=target)
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert LegacyPath.objects.get(path="/old").target == stored
    assert client.get("/old")["Location"] == stored


@pytest.mark.parametrize(
    ("target", "message"),
    [
        # a chain: /node/1 is itself an old address
        ("/node/1", "/node/1 is itself an old address, leading to /posts/kept/: "
         "enter that instead"),
        ("/node/1/", "/node/1/ is itself an old address"),
        # a loop
        ("/x", "An old address cannot lead to itself."),
        ("/x/?page=2", "An old address cannot lead to itself."),
        # nothing answers there
        ("/no/such/page", "Nothing on this site answers at /no/such/page."),
        ("/posts/no-such-post/", "Nothing on this site answers at /posts/no-such"),
        ("/tags/unused/", "Nothing on this site answers at /tags/unused/."),
        ("/archive/1999/", "Nothing on this site answers at /archive/1999/."),
        # other schemes
        ("ftp://files.example.org/a", "Enter a path on this site starting with /"),
        ("mailto:doctor@example.org", "Enter a path on this site starting with /"),
    ],
)  # fmt: skip
def test_loops_chains_and_dead_targets_are_refused(admin_client, target, message):
    post = make_post(slug="kept")
    LegacyPath.objects.create(path="/node/1", post=post)
    response = add_redirect(admin_client, path="/x", target=target)
    assert response.status_code == 200
    assertContains(response, escape(message))
    assert not LegacyPath.objects.filter(path="/x").exists()


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("/talks", "/talks/"),
        ("/feed/", "/feed/"),
        ("/rss.xml", "/rss.xml"),
        ("/search", "/search/"),
        ("/posts/kept", "/posts/kept/"),
        ("/tags/sleep", "/tags/sleep/"),
    ],
)
def test_an_address_this_site_answers_cannot_be_an_old_address(
    admin_client, path, page
):
    make_post(slug="kept", tags=["Sleep"])
    response = add_redirect(admin_client, path=path, target="/archive/")
    assert response.status_code == 200
    assertContains(
        response,
        escape(
            f"{normalise_path(path)} is an address of this site: {page} answers "
            "there itself, so this old address would never be used."
        ),
    )
    assert not LegacyPath.objects.exists()


def test_an_old_slug_of_no_post_here_can_be_an_old_address(admin_client):
    make_post(slug="new")
    response = add_redirect(admin_client, path="/posts/old", target="/posts/new")
    assert response.status_code == 302
    assert LegacyPath.objects.get().target == "/posts/new/"


def test_a_row_a_new_page_made_useless_does_not_block_saving_its_post(admin_client):
    """/posts/taken was recorded when a post left that slug; another post has
    it now. The first post's form, which lists the row, still saves."""
    moved = make_post(slug="moved")
    LegacyPath.objects.create(path="/posts/taken", post=moved)
    make_post(slug="taken")
    url = reverse("admin:posts_post_change", args=[moved.pk])
    response = admin_client.post(url, change_form_data(moved, title="Moved on"))
    assert response.status_code == 302, response.content.decode()[-3000:]
    moved.refresh_from_db()
    assert moved.title == "Moved on"
