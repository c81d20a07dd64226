import sqlite3
import xml.etree.ElementTree as ET
from contextlib import closing

import pytest
from django.core.files.storage import FileSystemStorage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from posts.models import LegacyPath
from tests.factories import make_draft, make_post

from .drupal7_fixture import EN_DASH_ALIAS, TRUNCATED_ALIAS

pytestmark = pytest.mark.django_db

SLEEP = "/posts/sleep-the-forgotten-medicine/"
LONG = (
    "/posts/what-the-research-really-says-about-compassion-focused-therapy-for-"
    "people-who-are-very-self-critical/"
)


def assert_moved(client, path, location):
    response = client.get(path)
    assert response.status_code == 301, path
    assert response["Location"] == location, path
    return response


# --- Old post addresses (imported from the fixture Drupal site) ------------------


OLD_POST_ADDRESSES = [
    # /stressedtozest/YYYY/MM/<slug>, with and without a trailing slash
    ("/stressedtozest/2009/03/mindfulness-and-anxious-mind",
     "/posts/mindfulness-and-the-anxious-mind/"),
    ("/stressedtozest/2009/03/mindfulness-and-anxious-mind/",
     "/posts/mindfulness-and-the-anxious-mind/"),
    # the alias cut at 100 characters, mid-word
    (f"/{TRUNCATED_ALIAS}", LONG),
    # /blog/<slug>, and the second alias of the same node
    ("/blog/sleep-forgotten-medicine", SLEEP),
    ("/blog/therapeutic-relationship-third-post",
     "/posts/the-therapeutic-relationship-third-post/"),
    # /<slug>
    ("/therapeutic-relationship-2nd-post",
     "/posts/the-therapeutic-relationship-2nd-post/"),
    ("/therapeutic-relationship-2nd-post/",
     "/posts/the-therapeutic-relationship-2nd-post/"),
    # /node/<nid>
    ("/node/3", SLEEP),
    ("/node/3/", SLEEP),
    # an alias two nodes claimed: the one Drupal served
    ("/blog/mindfulness", "/posts/mindfulness-and-the-anxious-mind/"),
]  # fmt: skip


def test_old_post_addresses_answer_301_to_the_post(client, imported):
    """One import, every case (each assert names its path)."""
    for path, location in OLD_POST_ADDRESSES:
        assert_moved(client, path, location)


EN_DASH_FORMS = [
    # as a browser sends it: the en dash percent-encoded once
    "/stressedtozest/2013/06/sleep-%E2%80%93-forgotten-medicine",
    # lower-case escapes
    "/stressedtozest/2013/06/sleep-%e2%80%93-forgotten-medicine",
    # the stored alias itself, escapes escaped (a link copied from Drupal's HTML)
    "/stressedtozest/2013/06/sleep-%25E2%2580%2593-forgotten-medicine",
    # the en dash as a character, and with a trailing slash
    "/stressedtozest/2013/06/sleep-\u2013-forgotten-medicine/",
]


def test_en_dash_alias_matches_encoded_and_decoded(client, imported):
    for path in EN_DASH_FORMS:
        assert_moved(client, path, SLEEP)


def test_en_dash_alias_is_stored_as_drupal_had_it(imported):
    assert LegacyPath.objects.filter(path=f"/{EN_DASH_ALIAS}").exists()


def test_query_strings_are_dropped_for_posts(client, imported):
    assert_moved(client, "/node/3?page=2&utm_source=x", SLEEP)


def test_draft_old_address_stays_404_for_the_public(client, imported):
    assert client.get("/blog/notes-talk-burnout").status_code == 404
    assert client.get("/node/7").status_code == 404


def test_staff_follow_a_draft_old_address(staff_client, imported):
    assert_moved(
        staff_client, "/blog/notes-talk-burnout", "/posts/notes-for-a-talk-on-burnout/"
    )


# a page and a PHP node (not imported), nodes and terms that never were,
# odd bytes and a path longer than any stored one
UNKNOWN = [
    "/about", "/node/8", "/node/10", "/node/999", "/blog/never-existed",
    "/stressedtozest/2009/03/no-such-post", "/node/abc", "/taxonomy/term/999",
    "/taxonomy/term/999/feed", "/category/tags/no-such-tag",
    "/category/tags/no-such-tag/feed", "/%00", "/blog/" + "x" * 600,
]  # fmt: skip


def test_unknown_old_addresses_stay_404(client, imported):
    for path in UNKNOWN:
        assert client.get(path).status_code == 404, path


def test_old_addresses_match_whatever_their_case(client, imported):
    """Drupal 7 on MySQL found aliases case-insensitively; so do we."""
    assert_moved(client, "/Blog/Sleep-Forgotten-Medicine", SLEEP)
    assert_moved(client, "/STRESSEDTOZEST/2009/03/Mindfulness-And-Anxious-Mind/",
                 "/posts/mindfulness-and-the-anxious-mind/")  # fmt: skip
    assert_moved(client, "/Stressedtozest/2013/06/Sleep-%E2%80%93-Forgotten-Medicine",
                 SLEEP)  # fmt: skip


def test_an_exact_case_match_wins_over_another_case(client):
    lower = make_post(title="Lower", slug="lower")
    upper = make_post(title="Upper", slug="upper")
    LegacyPath.objects.create(path="/blog/Same-Words", post=upper)
    LegacyPath.objects.create(path="/blog/same-words", post=lower)
    assert_moved(client, "/blog/Same-Words", "/posts/upper/")
    assert_moved(client, "/blog/same-words", "/posts/lower/")
    assert_moved(client, "/blog/SAME-WORDS", "/posts/upper/")  # the older row


def test_only_get_and_head_are_redirected(client, imported):
    assert client.head("/node/3").status_code == 301
    assert client.post("/node/3").status_code == 404


# --- Tags: zero-based pages and feeds --------------------------------------------


OLD_TAG_ADDRESSES = [
    ("/category/tags/research", "/tags/research/"),
    ("/category/tags/research/", "/tags/research/"),
    ("/category/tags/research?page=0", "/tags/research/"),
    ("/category/tags/research?page=1", "/tags/research/?page=2"),
    ("/category/tags/research?page=4", "/tags/research/?page=5"),
    ("/category/tags/research?page=abc", "/tags/research/"),
    ("/category/tags/research?page=-3", "/tags/research/"),
    ("/category/tags/sleep-rest", "/tags/sleep-rest/"),
    ("/taxonomy/term/4", "/tags/research/"),
    ("/taxonomy/term/4?page=1", "/tags/research/?page=2"),
    ("/taxonomy/term/5/", "/tags/sleep-rest/"),
    # a term whose alias Drupal never stored: matched on the tag's slug
    ("/category/tags/compassion", "/tags/compassion/"),
    ("/category/tags/compassion?page=2", "/tags/compassion/?page=3"),
]


def test_old_tag_pages_answer_301_with_one_based_pages(client, imported):
    for path, location in OLD_TAG_ADDRESSES:
        assert_moved(client, path, location)


def test_drupal_second_page_lands_on_our_second_page(client, imported):
    """Research has 13 public posts: Drupal's ?page=1 is our page 2 (3 posts)."""
    response = client.get("/category/tags/research?page=1", follow=True)
    assert response.redirect_chain == [("/tags/research/?page=2", 301)]
    assert response.status_code == 200
    assert response.context["page"].number == 2
    assert len(response.context["page"].object_list) == 3


def test_old_tag_feeds_lead_to_the_tag_feed(client, imported):
    for path in ["/taxonomy/term/4/feed", "/taxonomy/term/4/feed/",
                 "/category/tags/research/feed"]:  # fmt: skip
        response = client.get(path, follow=True)
        assert response.redirect_chain == [("/tags/research/feed/", 301)], path
        assert response["Content-Type"].startswith("application/rss+xml")
        root = ET.fromstring(response.content)
        titles = [item.findtext("title") for item in root.iter("item")]
        assert len(titles) == 13
        assert "Research round-up no. 12" in titles


# --- Archives, home and feeds -----------------------------------------------------


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/blog/yearly-archive", "/archive/"),
        ("/blog/yearly-archive/", "/archive/"),
        ("/blog/yearly-archive/2014", "/archive/2014/"),
        ("/blog/yearly-archive/2014?page=1", "/archive/2014/?page=2"),
        ("/blog/yearly-archive/201403", "/archive/2014/"),
        ("/stressedtozest/2013/06", "/archive/2013/"),
        ("/stressedtozest/stressed-zest", "/"),
        ("/stressedtozest/stressed-zest/", "/"),
        ("/stressedtozest", "/"),
        ("/blog", "/"),
        ("/blog?page=1", "/?page=2"),
        ("/node", "/"),
        ("/blog/feed", "/feed/"),
    ],
)
def test_drupal_listing_addresses_answer_301(client, path, location):
    """These need no imported data."""
    assert_moved(client, path, location)


def test_year_archive_redirect_lands_on_the_archive(client, imported):
    response = client.get("/blog/yearly-archive/2014", follow=True)
    assert response.status_code == 200
    assert response.context["year"] == 2014


def test_rss_xml_still_serves_the_site_feed(client, imported):
    response = client.get("/rss.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")


# --- Cost and precedence ----------------------------------------------------------


def test_normal_pages_never_query_old_addresses(client, imported):
    for path in ["/", SLEEP, "/tags/research/", "/feed/", "/archive/2014/"]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        assert not [q for q in queries if "legacypath" in q["sql"]], path


def test_a_stored_row_overrides_a_built_in_rule(client, imported):
    LegacyPath.objects.create(path="/blog/yearly-archive", target="/archive/2014/")
    assert_moved(client, "/blog/yearly-archive", "/archive/2014/")


def test_target_rows_keep_drupal_page_numbers_in_step(client):
    LegacyPath.objects.create(path="/old-listing", target="/archive/2014/")
    LegacyPath.objects.create(path="/old-search", target="/search/?q=sleep")
    assert_moved(client, "/old-listing?page=1", "/archive/2014/?page=2")
    assert_moved(client, "/old-search?page=1", "/search/?q=sleep&page=2")


def test_tag_row_follows_the_tag_when_its_slug_changes(client):
    make_post(tags=["Mindfulness"])
    tag = Tag.objects.get()
    LegacyPath.objects.create(path="/taxonomy/term/1", tag=tag)
    tag.slug = "mindful"
    tag.save()
    assert_moved(client, "/taxonomy/term/1", "/tags/mindful/")


# --- Old addresses never take this site's own pages away ---------------------------


SHADOWING = [
    # an old address where this site answers once APPEND_SLASH adds the slash
    ("/talks", "/talks/"),
    ("/feed", "/feed/"),
    ("/search", "/search/"),
    ("/series", "/series/"),
    ("/tags/research", "/tags/research/"),
    ("/posts/here", "/posts/here/"),
]


def test_old_addresses_never_shadow_this_sites_pages(client):
    """Rows stored before the import and the admin refused such addresses."""
    here = make_post(slug="here", tags=["Research"])
    elsewhere = make_post(slug="elsewhere")
    for path, _ in SHADOWING:
        LegacyPath.objects.create(path=path, post=elsewhere)
    for path, location in SHADOWING:
        assert_moved(client, path, location)
        assert client.get(location).status_code == 200, location
    page = client.get("/posts/here/").content.decode()
    assert f'<h1 id="post-title">{here.title}</h1>' in page


def test_an_old_slug_without_its_slash_still_moves_in_one_step(client):
    """No page answers at /posts/<old slug>/, so the old address does."""
    make_post(slug="new")
    LegacyPath.objects.create(path="/posts/old", target="/posts/new/")
    assert_moved(client, "/posts/old", "/posts/new/")
    assert_moved(client, "/posts/old/", "/posts/new/")


def test_a_draft_slug_does_not_keep_its_old_address_from_the_public(client):
    make_draft(slug="unfinished")
    LegacyPath.objects.create(path="/posts/unfinished", target="/archive/")
    assert_moved(client, "/posts/unfinished", "/archive/")


# --- How long a 301 is kept ----------------------------------------------------------


def test_old_address_redirects_are_kept_a_day_not_for_ever(client):
    post = make_post(slug="kept")
    LegacyPath.objects.create(path="/node/1", post=post)
    for path in ["/node/1", "/blog/yearly-archive", "/blog"]:
        response = assert_moved(client, path, client.get(path)["Location"])
        assert set(response["Cache-Control"].split(", ")) == {
            "public",
            "max-age=86400",
        }, path


def test_a_drafts_old_address_followed_by_staff_is_never_cached(staff_client):
    draft = make_draft(slug="draft")
    LegacyPath.objects.create(path="/node/2", post=draft)
    response = assert_moved(staff_client, "/node/2", "/posts/draft/")
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-cache" in cache_control
    assert "public" not in cache_control


# --- Drupal's files, and the blog module's pages -------------------------------------


def test_old_file_addresses_lead_to_the_imported_files(client, imported):
    for path in [
        "/sites/default/files/images/pond.jpg",
        "/sites/default/files/styles/large/public/images/pond.jpg?itok=Ab1",
        "/sites/default/files/styles/thumbnail/public/images/pond.jpg",
        "/sites/default/files/handouts/breathing-space.pdf",
    ]:
        response = client.get(path)
        assert response.status_code == 301, path
        assert response["Location"] in {
            "/media/drupal/images/pond.jpg",
            "/media/drupal/handouts/breathing-space.pdf",
        }, path


def test_old_file_addresses_of_files_not_imported_stay_404(
    client, imported, monkeypatch
):
    for path in [
        # missing from --files-root, refused (an .html), never there
        "/sites/default/files/slides/burnout-slides.ppt",
        "/sites/default/files/handouts/reading-list.html",
        "/sites/default/files/images/nope.jpg",
        "/sites/default/files/styles/large/private/images/pond.jpg",
    ]:
        assert client.get(path).status_code == 404, path
    # A probe for a kind of file the site never serves costs no look in storage.
    looked = []
    monkeypatch.setattr(
        FileSystemStorage, "exists", lambda _, name: looked.append(name)
    )
    for path in [
        "/sites/default/files/shell.php",
        "/sites/default/files/../../settings.php",
        "/sites/default/files/" + "x/" * 200 + "a.jpg",
        "/sites/default/files/a\\..\\b.jpg",
    ]:
        assert client.get(path).status_code == 404, path
    assert looked == []


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/blog/1", "/"),
        ("/blog/1?page=2", "/?page=3"),
        ("/blog/1/feed", "/feed/"),
        ("/blog/12/feed/", "/feed/"),
    ],
)
def test_the_blog_modules_author_pages_lead_home(client, path, location):
    assert_moved(client, path, location)


# --- Answering 404 at once ---------------------------------------------------------


def test_a_tag_without_public_posts_answers_404_not_a_301_to_one(client, imported):
    """Burnout is only on a draft: its tag page, and so its old addresses, 404."""
    burnout = Tag.objects.get(name="Burnout")
    assert LegacyPath.objects.get(path="/taxonomy/term/7").tag == burnout
    assert client.get("/tags/burnout/").status_code == 404
    for path in [
        "/taxonomy/term/7",
        "/taxonomy/term/7/feed",
        "/category/tags/burnout",
        "/category/tags/burnout/feed",
        "/category/tags/Burnout?page=1",
    ]:
        assert client.get(path).status_code == 404, path


def test_a_future_years_archive_answers_404_not_a_301_to_one(client, imported):
    year = timezone.localdate().year + 1
    assert client.get(f"/archive/{year}/").status_code == 404
    later = [f"/blog/yearly-archive/{year}", "/blog/yearly-archive/2030",
             f"/stressedtozest/{year}/01", "/blog/yearly-archive/0000"]  # fmt: skip
    for path in later:
        assert client.get(path).status_code == 404, path
    assert_moved(client, "/blog/yearly-archive/2014", "/archive/2014/")


# --- Cost of an unknown address -------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        ("/wp-login.php", 1),
        ("/a%C3%A9/feed", 1),
        ("/A%C3%A9/Feed/", 1),
        ("/node/999", 1),
        ("/taxonomy/term/999/feed", 1),
        ("/blog/never-existed?page=3", 1),
        ("/category/tags/a%C3%A9/feed", 2),
        ("/sites/default/files/images/nope.jpg", 1),
    ],
)
def test_an_unknown_address_costs_one_query(
    client, imported, django_assert_max_num_queries, path, queries
):
    """All the forms of the path, and their /feed stems, in one query (plus
    one for a tag looked up by name on /category/tags/)."""
    with django_assert_max_num_queries(queries):
        assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/node/3",
        "/taxonomy/term/4",
        "/taxonomy/term/4/feed",
        "/Blog/Sleep-Forgotten-Medicine",
    ],
)
def test_an_old_address_costs_one_query(
    client, imported, django_assert_max_num_queries, path
):
    """Publicness of the post or tag comes with the row."""
    with django_assert_max_num_queries(1):
        assert client.get(path).status_code == 301


# --- Bytes that were not UTF-8 --------------------------------------------------------


def test_an_alias_that_was_not_utf8_answers_where_drupal_served_it(
    client, import_drupal, drupal_db
):
    """Drupal served b"blog/caf\\xe9-old" as /blog/caf%E9-old."""
    with closing(sqlite3.connect(drupal_db)) as connection:
        connection.execute(
            "INSERT INTO url_alias (source, alias, language) VALUES (?, ?, 'und')",
            ["node/9", b"blog/caf\xe9-old"],
        )
        connection.commit()
    out, _ = import_drupal()
    assert "is not valid UTF-8 (byte 0xE9" in out
    cafe = "/posts/cafe-conversations/"
    assert_moved(client, "/blog/caf%E9-old", cafe)
    assert_moved(client, "/blog/caf%e9-old/", cafe)
    assert_moved(client, "/blog/caf%C3%A9-old", cafe)  # the text read as cp1252
