"""A reader finds their way round the demo site by following links, as a person
would: nothing here types an address except the first one."""

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from posts.models import Post

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BREATHING = "A three-minute breathing space for busy clinicians"
SERIES = "Compassion in the consulting room"
PART_ONE = "Compassion in the consulting room (1st post)"
WEBINAR = "Self-compassion in the consulting room"


def _rss_titles(text):
    channel = ElementTree.fromstring(text).find("channel")
    return channel.findtext("title"), [
        i.findtext("title") for i in channel.iter("item")
    ]


def test_home_post_tag_feed_series_talk_calendar_search(demo_site, page_and_watch):
    page, watch = page_and_watch

    page.goto(reverse("posts:list"))
    expect(page).to_have_title(settings.SITE_TITLE)
    page.get_by_role("link", name="Older posts").click()  # the oldest posts
    expect(page).to_have_url(re.compile(r"/\?page=2$"))
    page.get_by_role("link", name=BREATHING, exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(BREATHING)
    hero = page.locator(".featured-image img")
    expect(hero).to_have_attribute("alt", "A lemon slice on a calm blue background")
    assert hero.evaluate("img => img.complete && img.naturalWidth > 0")
    handout = page.get_by_role("link", name="Breathing space: a one-page guide")
    pdf = page.request.get(handout.get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF-")

    page.get_by_role("list", name="Tags").get_by_role(
        "link", name="mindfulness"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Posts tagged “mindfulness”"
    )
    expect(page.get_by_role("link", name=BREATHING, exact=True)).to_be_visible()

    with page.expect_navigation() as feed:
        page.get_by_role("link", name="Feed of this tag").click()
    assert feed.value.headers["content-type"].startswith("application/rss+xml")
    title, items = _rss_titles(feed.value.text())
    assert "mindfulness" in title
    assert BREATHING in items
    page.go_back()

    site_nav = page.get_by_role("navigation", name="Site")
    site_nav.get_by_role("link", name="Series").click()
    page.get_by_role("link", name=SERIES, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SERIES)
    parts = page.locator(".series-parts h2")
    expect(parts).to_have_text(
        [PART_ONE, f"{SERIES} (2nd post)", f"{SERIES} (3rd post)"]
    )
    page.get_by_role("link", name=PART_ONE, exact=True).click()
    expect(page.locator(".series-note")).to_have_text(f"Part 1 of 3 in {SERIES}")

    talks = page.get_by_role("region", name="Talks on this subject")
    talks.get_by_role("link", name=WEBINAR).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(WEBINAR)

    with page.expect_download() as download:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    assert download.value.suggested_filename.endswith(".ics")
    calendar = Path(download.value.path()).read_text()
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert f"SUMMARY:{WEBINAR}" in calendar

    search = page.get_by_role("searchbox", name="Search the site")
    search.fill("compassion")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=compassion$"))
    results = page.locator(".search-results h3")
    expect(
        results.get_by_text("Self-compassion is not self-indulgence")
    ).to_be_visible()
    expect(results.get_by_text(WEBINAR, exact=True)).to_be_visible()

    watch.assert_clean()


def test_share_links_carry_the_canonical_address(demo_site, page_and_watch):
    page, watch = page_and_watch
    post = Post.objects.get(title=BREATHING)
    canonical = settings.SITE_URL + post.get_absolute_url()
    page.goto(post.get_absolute_url())

    share = page.get_by_role("region", name="Share this")
    href = {
        name: share.get_by_role("link", name=name, exact=True).get_attribute("href")
        for name in ["Email", "Facebook", "X", "LinkedIn", "Bluesky", "Mastodon",
                     "WhatsApp", "Copy link"]
    }  # fmt: skip

    def query(url):
        return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}

    assert href["Email"].startswith("mailto:?")
    assert query(href["Email"]) == {"subject": BREATHING, "body": canonical}
    assert href["Facebook"].startswith("https://www.facebook.com/sharer/sharer.php?")
    assert query(href["Facebook"]) == {"u": canonical}
    assert href["X"].startswith("https://x.com/intent/post?")
    assert query(href["X"]) == {"text": BREATHING, "url": canonical}
    assert href["LinkedIn"].startswith("https://www.linkedin.com/sharing/")
    assert query(href["LinkedIn"]) == {"url": canonical}
    for name, start in [
        ("Bluesky", "https://bsky.app/intent/compose?"),
        ("Mastodon", "https://s2f.kytta.dev/?"),
        ("WhatsApp", "https://wa.me/?"),
    ]:
        assert href[name].startswith(start)
        assert query(href[name]) == {"text": f"{BREATHING} {canonical}"}
    assert href["Copy link"] == post.get_short_url()
    # No share link is a script or a widget: the page asked nothing of them.
    watch.assert_clean()

    # The short link answers on this server with a 301 to the post.
    short = page.request.get(
        reverse("posts:short", kwargs={"pk": post.pk}), max_redirects=0
    )
    assert short.status == 301
    assert short.headers["location"] in {canonical, post.get_absolute_url()}


def test_copy_link_puts_the_short_link_on_the_clipboard(demo_site, new_context):
    context, watch = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    post = Post.objects.get(title=BREATHING)
    page.goto(post.get_absolute_url())

    page.get_by_role("link", name="Copy link").click()

    expect(page.get_by_role("status")).to_have_text(
        f"Link copied: {post.get_short_url()}"
    )
    assert page.evaluate("navigator.clipboard.readText()") == post.get_short_url()
    assert urlsplit(page.url).path == post.get_absolute_url()  # did not navigate
    watch.assert_clean()
