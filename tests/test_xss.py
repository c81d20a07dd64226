"""Stored XSS (issue #8): every payload in tests/xss_corpus.py is saved through
Post.objects.create (as body, title, excerpt and tag), then rendered on the
post page, the home page, the RSS, Atom and JSON feeds, the tag page and the
search results. Nothing executable may survive anywhere."""

import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from hawkins_site.richtext import sanitize_html
from tests.factories import make_post
from tests.xss_corpus import (
    BROWSER_PAYLOADS,
    PAYLOADS,
    executable_parts,
    json_ld_blocks,
    page_additions,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_corpus_is_large_and_names_are_unique():
    names = [name for name, _ in PAYLOADS]
    assert len(PAYLOADS) >= 60
    assert len(set(names)) == len(names)


def test_the_checker_sees_what_it_must():
    """The checker must not be blind: it flags every raw payload except those
    that are inert as written and dangerous only through a sanitiser's mistake
    (re-serialising raw text or comments as markup) or in old browsers."""
    inert_as_written = {
        "script-split", "script-xhtml-ns", "null-byte-tag",  # no script element
        "frameset",  # ignored once a page's body has begun
        "comment-script", "conditional-comment", "cdata",  # comments
        "title-attr-breakout",  # markup inside an attribute value
        "xmp", "plaintext", "noembed",  # raw-text elements
        "xml-stylesheet-pi", "closing-script-in-text",
    }  # fmt: skip
    unflagged = {name for name, html in PAYLOADS if not executable_parts(html)}
    assert unflagged == inert_as_written


def feed_item_html(xml_bytes):
    """The HTML of every item in an RSS or Atom feed, as a reader would show it."""
    root = ET.fromstring(xml_bytes)  # a payload must not break the XML either
    parts = [item.findtext("description", "") for item in root.iter("item")]
    for entry in root.iter(f"{ATOM}entry"):
        for tag in ("summary", "content"):
            element = entry.find(f"{ATOM}{tag}")
            # type="text" (the default) is shown as text, never parsed as HTML.
            if element is not None and element.get("type", "text") == "html":
                parts.append(element.text or "")
    return parts


@pytest.mark.parametrize(("name", "payload"), PAYLOADS, ids=[n for n, _ in PAYLOADS])
def test_nothing_executable_survives(client, name, payload):
    # Each page first with harmless content only: the site's own scripts,
    # meta and link tags appear there too, so only what a payload adds remains.
    harmless = make_post(
        title="A harmless post",
        slug="harmless",
        body="<p>Plain words.</p>",
        tags=["harmless words"],
    )
    harmless_tag = harmless.tags.get().slug
    before = {
        "post": client.get(harmless.get_absolute_url()),
        "home": client.get(reverse("posts:list")),
        "tag": client.get(reverse("posts:tag", kwargs={"slug": harmless_tag})),
        "search": client.get(reverse("posts:search"), {"q": "harmless"}),
    }
    post = make_post(
        title=f"Hostile xsscorpus {payload}"[:200],
        slug="hostile",
        body=payload,
        excerpt=payload,
        # The admin's tag field refuses NUL, as PostgreSQL does; the rest stays.
        tags=[f"x {payload}".replace("\x00", "")[:100]],
    )
    assert executable_parts(post.body) == [], post.body
    tag = post.tags.get().slug
    after = {
        "post": client.get(post.get_absolute_url()),
        "home": client.get(reverse("posts:list")),
        "tag": client.get(reverse("posts:tag", kwargs={"slug": tag})),
    }
    for kind, response in after.items():
        assert response.status_code == 200, kind
        html = response.content.decode()
        assert page_additions(html, before[kind].content.decode()) == [], kind
        json_ld_blocks(html)  # still parses, if the page has any

    for feed in ("posts:feed", "posts:feed_atom"):
        response = client.get(reverse(feed))
        assert response.status_code == 200
        items = feed_item_html(response.content)
        assert len(items) == 2, feed
        for html in items:
            assert executable_parts(html) == [], (feed, html)

    feed = json.loads(client.get(reverse("posts:feed_json")).content)
    assert len(feed["items"]) == 2
    for item in feed["items"]:
        assert executable_parts(item["content_html"]) == [], item["title"]

    results = client.get(reverse("posts:search"), {"q": "xsscorpus"})
    assert results.status_code == 200
    assert results.context["page"].paginator.count == 1  # the payload post
    baseline = before["search"].content.decode()
    assert page_additions(results.content.decode(), baseline) == []


@pytest.mark.parametrize("payload", BROWSER_PAYLOADS)
def test_browser_corpus_is_stored_without_anything_executable(payload):
    """The browser suite's payloads (which set a sentinel if they ever run)
    pass through the sanitiser as harmlessly as the named ones."""
    assert executable_parts(sanitize_html(payload)) == []
