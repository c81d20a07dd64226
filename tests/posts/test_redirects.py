import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from posts.models import LegacyPath
from tests.factories import make_post

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
