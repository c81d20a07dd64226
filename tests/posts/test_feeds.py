import json
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import html5lib
import pytest
from django.utils import timezone
from django.utils.http import http_date

from tests.factories import make_draft, make_post, make_scheduled

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://blog.example.org"


def rss_items(response):
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel"), root.findall("channel/item")


def test_rss_feed_items_carry_absolute_links_and_full_content(client):
    body = "<p>" + "Long body. " * 300 + "</p><blockquote><p>Quote</p></blockquote>"
    post = make_post(title="Full", slug="full", body=body, tags=["Sleep", "Stress"])
    channel, items = rss_items(client.get("/feed/", HTTP_HOST="localhost"))
    assert channel.findtext("link") == f"{SITE}/"
    assert channel.findtext("title") == "Stressed to Zest"
    (item,) = items
    assert item.findtext("title") == "Full"
    assert item.findtext("link") == f"{SITE}/posts/full/"
    assert item.findtext("guid") == f"{SITE}/p/{post.pk}/"
    assert item.findtext("description") == post.body  # whole body, not a teaser
    assert sorted(c.text for c in item.findall("category")) == ["Sleep", "Stress"]
    assert item.findtext("pubDate")
    assert "Dr Hawkins" in item.findtext("{http://purl.org/dc/elements/1.1/}creator")


def test_rss_feed_lists_the_20_newest(client):
    posts = [make_post() for _ in range(25)]
    _, items = rss_items(client.get("/feed/"))
    newest = sorted(posts, key=lambda p: p.published_at, reverse=True)[:20]
    assert [i.findtext("title") for i in items] == [p.title for p in newest]


def test_atom_feed_has_published_and_updated_dates(client):
    post = make_post(slug="atom-post", published_at=timezone.now() - timedelta(days=3))
    response = client.get("/feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"{SITE}/feed/atom/"
    (entry,) = root.findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == f"{SITE}/posts/atom-post/"
    published = datetime.fromisoformat(entry.findtext(f"{ATOM}published"))
    updated = datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
    assert published == post.published_at
    assert updated == post.updated_at
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Dr Hawkins"


def test_atom_entries_carry_the_body_as_content_and_the_teaser_as_summary(client):
    body = "<p>First paragraph, the teaser.</p><p>" + "More text. " * 200 + "</p>"
    post = make_post(slug="atom-content", body=body)
    root = ET.fromstring(client.get("/feed/atom/").content)
    (entry,) = root.findall(f"{ATOM}entry")
    content = entry.find(f"{ATOM}content")
    assert content is not None and content.get("type") == "html"
    assert content.text == post.body  # the whole body, not a teaser
    (summary,) = entry.findall(f"{ATOM}summary")
    assert summary.get("type") == "text"
    assert summary.text == post.teaser == "First paragraph, the teaser."


def test_old_drupal_feed_address_serves_the_same_feed_naming_itself(client):
    """/rss.xml is /feed/ item for item; only its atom:link rel="self" names
    the address it was fetched from (validators warn otherwise)."""
    make_post(tags=["Sleep"])
    make_post()
    legacy, current = client.get("/rss.xml"), client.get("/feed/")
    assert legacy.status_code == 200
    self_link = f"channel/{ATOM}link[@rel='self']"
    legacy_root, current_root = (ET.fromstring(r.content) for r in (legacy, current))
    assert legacy_root.find(self_link).get("href") == f"{SITE}/rss.xml"
    assert current_root.find(self_link).get("href") == f"{SITE}/feed/"
    for root in (legacy_root, current_root):
        channel = root.find("channel")
        channel.remove(root.find(self_link))
    assert ET.tostring(legacy_root) == ET.tostring(current_root)
    assert len(legacy_root.findall("channel/item")) == 2


# Root-relative links and images, as the editor writes them, and links that must
# stay as they are.
RELATIVE_BODY = (
    '<p>See <a href="/posts/other/">the other post</a> and '
    '<a href="/tags/sleep/?page=2&amp;x=1">a tag</a>, '
    '<a href="//cdn.example.net/x">a protocol-relative link</a>, '
    '<a href="https://elsewhere.example/a">another site</a> and '
    '<a href="#h-notes">a section</a>.</p>'
    '<figure class="image"><img src="/media/uploads/2025/01/chart.png" alt="Chart">'
    "</figure>"
    '<blockquote cite="/posts/source/"><p>Quoted.</p></blockquote>'
    '<p>Text that only looks like markup: href="/not-a-link".</p>'
)
EXPECTED_URLS = [
    f"{SITE}/posts/other/",
    f"{SITE}/tags/sleep/?page=2&x=1",
    "//cdn.example.net/x",
    "https://elsewhere.example/a",
    "#h-notes",
    f"{SITE}/media/uploads/2025/01/chart.png",
    f"{SITE}/posts/source/",
]


def urls_in(html):
    """Every href, src and cite of an HTML fragment, read by an HTML parser."""
    fragment = html5lib.parseFragment(
        html, treebuilder="etree", namespaceHTMLElements=False
    )
    return [
        element.get(name)
        for element in fragment.iter()
        for name in ("href", "src", "cite")
        if element.get(name) is not None
    ]


def test_feed_bodies_carry_absolute_links_and_images(client):
    from posts.models import Series

    series = Series.objects.create(title="Notes", slug="notes")
    make_post(slug="relative", body=RELATIVE_BODY, tags=["Sleep"], series=series)
    for path in ["/feed/", "/rss.xml", "/tags/sleep/feed/", "/series/notes/feed/"]:
        _, (item,) = rss_items(client.get(path))
        description = item.findtext("description")
        assert urls_in(description) == EXPECTED_URLS, path
        assert 'href="/not-a-link"' in description  # text is left alone
    root = ET.fromstring(client.get("/feed/atom/").content)
    content = root.find(f"{ATOM}entry/{ATOM}content").text
    assert urls_in(content) == EXPECTED_URLS
    (item,) = json.loads(client.get("/feed.json").content)["items"]
    assert urls_in(item["content_html"]) == EXPECTED_URLS


def test_tag_feed_lists_only_that_tags_posts(client):
    make_post(title="Tagged", tags=["Sleep"])
    make_post(title="Other", tags=["Stress"])
    channel, items = rss_items(client.get("/tags/sleep/feed/"))
    assert [i.findtext("title") for i in items] == ["Tagged"]
    assert channel.findtext("link") == f"{SITE}/tags/sleep/"
    assert "Sleep" in channel.findtext("title")


def test_tag_feed_of_unknown_tag_is_404(client):
    assert client.get("/tags/unknown/feed/").status_code == 404


@pytest.mark.parametrize(
    "path", ["/feed/", "/feed/atom/", "/rss.xml", "/tags/sleep/feed/"]
)
def test_feeds_answer_conditional_get_with_304(client, path):
    make_post(tags=["sleep"])
    first = client.get(path)
    assert first.status_code == 200
    assert first.has_header("ETag") and first.has_header("Last-Modified")
    by_etag = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304 and by_etag.content == b""
    by_date = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304


def test_feed_changes_after_a_new_post_so_304_stops(client):
    make_post()
    first = client.get("/feed/")
    make_post(title="Brand new")
    again = client.get("/feed/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert b"Brand new" in again.content
    stale = http_date((timezone.now() - timedelta(days=30)).timestamp())
    assert client.get("/feed/", HTTP_IF_MODIFIED_SINCE=stale).status_code == 200


def test_feeds_of_tags_and_series_without_public_posts_are_404(client):
    """As their pages: the name of a draft-only tag or series stays private."""
    from posts.models import Series

    series = Series.objects.create(title="Unannounced", slug="unannounced")
    make_draft(tags=["Private topic"], series=series)
    make_scheduled(tags=["Private topic"])
    assert client.get("/tags/private-topic/feed/").status_code == 404
    assert client.get("/series/unannounced/feed/").status_code == 404
