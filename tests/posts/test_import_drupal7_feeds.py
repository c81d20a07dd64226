"""Feed readers after the move: RSS items of imported posts keep the GUIDs
Drupal 7's feeds gave them, so subscribers don't see them again as new.

Drupal 7's node_feed() wrote <guid isPermaLink="false">{nid} at {base_url}</guid>,
$base_url without a trailing slash; its taxonomy term feeds used node_feed() too."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from posts.models import Post
from tests.factories import make_post
from tests.test_settings import start

pytestmark = pytest.mark.django_db

OLD_SITE = "http://www.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"


def rss_guids(client, path):
    """{item title: (guid text, isPermaLink)} of the RSS feed at `path`."""
    response = client.get(path)
    assert response.status_code == 200, path
    root = ET.fromstring(response.content)
    return {
        item.findtext("title"): (
            item.find("guid").text,
            item.find("guid").get("isPermaLink"),
        )
        for item in root.iter("item")
    }


@pytest.fixture
def old_site(settings, imported):
    settings.DRUPAL_BASE_URL = OLD_SITE
    settings.PAGE_CACHE_ENABLED = False


def test_imported_posts_keep_their_drupal_guids(client, old_site):
    here = make_post(title="Written here")
    for path in ["/rss.xml", "/feed/"]:
        guids = rss_guids(client, path)
        assert guids["Research round-up no. 12"] == (f"31 at {OLD_SITE}", "false")
        assert guids["Caf\u00e9 conversations"] == (f"9 at {OLD_SITE}", "false")
        assert guids["Written here"] == (here.get_short_url(), "true")


def test_tag_and_series_feeds_keep_them_too(client, old_site):
    """Drupal's /taxonomy/term/<tid>/feed gave the same GUIDs."""
    guids = rss_guids(client, "/tags/research/feed/")
    assert guids["Research round-up no. 1"] == (f"20 at {OLD_SITE}", "false")
    guids = rss_guids(client, "/series/the-therapeutic-relationship/feed/")
    assert guids["The therapeutic relationship"] == (f"4 at {OLD_SITE}", "false")


def test_atom_ids_stay_the_short_link(client, old_site):
    """Drupal had no Atom feed; an Atom id must be an IRI."""
    root = ET.fromstring(client.get("/feed/atom/").content)
    post = Post.objects.get(drupal_node__nid=31)
    entries = root.iter(f"{ATOM}entry")
    ids = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}id") for e in entries}
    assert ids["Research round-up no. 12"] == post.get_short_url()


def test_without_drupal_base_url_guids_stay_the_short_link(client, settings, imported):
    settings.DRUPAL_BASE_URL = ""
    post = Post.objects.get(drupal_node__nid=31)
    guids = rss_guids(client, "/rss.xml")
    assert guids["Research round-up no. 12"] == (post.get_short_url(), "true")
    assert "Feeds: set DRUPAL_BASE_URL to the old site's base URL" in imported


def test_drupal_guids_cost_no_query_per_item(client, settings, imported):
    settings.PAGE_CACHE_ENABLED = False
    counts = []
    for base in ["", OLD_SITE]:
        settings.DRUPAL_BASE_URL = base
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/feed/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("http://www.example.org", True),
        ("https://www.example.org/blog/", True),
        ("www.example.org", False),
        ("ftp://www.example.org", False),
        ("http://www.example.org/?q=node", False),
    ],
)
def test_drupal_base_url_must_be_an_http_address(value, ok):
    result = start(DJANGO_DEBUG="true", DRUPAL_BASE_URL=value)
    assert (result.returncode == 0) is ok, result.stderr
    if not ok:
        assert "Set DRUPAL_BASE_URL to the old site's address" in result.stderr
