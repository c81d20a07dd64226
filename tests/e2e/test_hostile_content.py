"""Stored XSS, seen in Chromium: posts and talks holding the corpus of
tests/xss_corpus.py are saved as the admin or an import would save them, and
their pages must run nothing, open no dialog and break no security policy."""

import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from posts.models import Post, Series
from talks.models import Talk
from tests.factories import make_post, make_talk
from tests.xss_corpus import SENTINEL, TEXT_PAYLOADS, all_rich_payloads

PAYLOADS = all_rich_payloads()

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# What sanitised payloads may still ask for: the dummy images "x" (relative to
# the page) and "/x.png", which do not exist.
DUMMY_IMAGE = re.compile(r"^404 http://127\.0\.0\.1:\d+/(.*/x|x\.png)$")

UNSANITISED = (
    "<!DOCTYPE html><title>unsanitised</title>"
    "<img src=x onerror=window.__xss=1><img src=x onerror=alert(1)>"
    '<a href=" javascript:void(0)">link</a><div style="color:red">x</div>'
)

# Anything in the rendered page that could run script or hijack it. Only our own
# scripts may be there: /static/js/ files and JSON-LD data blocks.
FIND_DANGER = """
() => {
  const found = [];
  const say = (what, el) => found.push(what + ": " + el.outerHTML.slice(0, 160));
  for (const s of document.querySelectorAll("script")) {
    const ours = s.type === "application/ld+json" ||
      (s.src && new URL(s.src).origin === location.origin &&
       new URL(s.src).pathname.startsWith("/static/js/"));
    if (!ours) say("script", s);
  }
  const banned = "base, meta[http-equiv], iframe, frame, frameset, object, embed, " +
    "applet, body link, body style, main svg, main math, .prose form, " +
    ".prose input, .prose button, .prose textarea, .prose select";
  for (const el of document.querySelectorAll(banned)) say("element", el);
  const urlAttrs = ["href", "src", "srcset", "action", "formaction", "cite", "data",
    "background", "poster", "ping", "longdesc", "xlink:href"];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on") || name === "style" || name === "srcdoc") {
        say("attribute " + name, el);
      }
      const value = attr.value.replace(/[\\u0000-\\u0020]/g, "").toLowerCase();
      if (urlAttrs.includes(name) && /^(javascript|vbscript|data):/.test(value)) {
        say("URL " + name, el);
      }
    }
  }
  return found;
}
"""

# Lets anything queued by the page (toggle, focus, error events) happen first.
SETTLE = "() => new Promise((r) => requestAnimationFrame(() => setTimeout(r)))"


def assert_nothing_ran(page, path):
    page.goto(path)  # waits for "load": every image has loaded or failed
    page.evaluate(SETTLE)
    assert page.evaluate(f"typeof window.{SENTINEL}") == "undefined", path
    assert page.evaluate(FIND_DANGER) == [], path


def test_the_checks_see_an_unsanitised_payload(live_site, page_and_watch):
    """The sentinel, the dialog listener, the DOM check and the CSP listener do
    catch what they look for: the tests below could fail."""
    page, watch = page_and_watch
    # A page of our origin under a strict policy, with a script it forbids.
    page.route(
        "**/csp-canary/",
        lambda route: route.fulfill(
            content_type="text/html",
            headers={"Content-Security-Policy": "script-src 'none'"},
            body="<!DOCTYPE html><title>canary</title><script>window.x=1</script>",
        ),
    )
    page.goto("/csp-canary/")
    watch.flush()
    assert [v["directive"] for v in watch.csp_violations] == ["script-src-elem"]
    watch.csp_violations.clear()

    # Raw payloads on a page of our origin served without the site's policy
    # (which would block the inline handlers): the sentinel and dialogs fire.
    page.route(
        "**/unsanitised/",
        lambda route: route.fulfill(content_type="text/html", body=UNSANITISED),
    )
    page.goto("/unsanitised/")
    page.evaluate(SETTLE)
    assert page.evaluate(f"window.{SENTINEL}") == 1
    assert watch.dialogs == ["alert: 1"]
    danger = page.evaluate(FIND_DANGER)
    assert sum("attribute onerror" in line for line in danger) == 2
    assert any("URL href" in line for line in danger)
    assert any("attribute style" in line for line in danger)


def test_posts_holding_the_corpus_run_nothing(live_site, page_and_watch):
    page, watch = page_and_watch
    # One post per payload (so no payload hides another), and one holding all.
    posts = [
        make_post(title=f"Hostile {n}", slug=f"hostile-{n}", body=payload)
        for n, payload in enumerate(PAYLOADS)
    ]
    posts.append(
        make_post(title="All of them", slug="hostile-all", body="\n".join(PAYLOADS))
    )
    for post in posts:
        assert_nothing_ran(page, post.get_absolute_url())
    assert_nothing_ran(page, reverse("posts:list"))
    assert_nothing_ran(
        page, reverse("posts:search") + "?" + urlencode({"q": "hover click"})
    )
    expect(page.locator(".search-results li")).not_to_have_count(0)
    assert watch.dialogs == []
    watch.assert_clean(allowed_failures=[DUMMY_IMAGE])


def test_hostile_titles_names_and_abstracts_are_shown_as_text(
    live_site, page_and_watch
):
    page, watch = page_and_watch
    series = Series.objects.create(
        title=TEXT_PAYLOADS[0], slug="hostile-series", description=TEXT_PAYLOADS[1]
    )
    posts = [
        make_post(
            title=text,
            slug=f"hostile-text-{n}",
            excerpt=text,
            tags=[f"{text[:60]} {n}"],
            series=series,
            series_position=n + 1,
        )
        for n, text in enumerate(TEXT_PAYLOADS)
    ]
    talk = make_talk(
        title=TEXT_PAYLOADS[3],
        event_name=TEXT_PAYLOADS[0],
        organiser=TEXT_PAYLOADS[1],
        venue=TEXT_PAYLOADS[2],
        address=TEXT_PAYLOADS[4],
        city=TEXT_PAYLOADS[5],
        abstract="\n".join(PAYLOADS),
        related_posts=posts[:2],
    )

    for post in posts:
        assert_nothing_ran(page, post.get_absolute_url())
        expect(page.get_by_role("heading", level=1)).to_have_text(post.title)
        expect(page).to_have_title(re.compile(re.escape(post.title)))
    for tag in posts[0].tags.all():
        assert_nothing_ran(page, reverse("posts:tag", kwargs={"slug": tag.slug}))
    for path in [
        reverse("posts:list"),
        reverse("posts:tag_cloud"),
        series.get_absolute_url(),
        reverse("talks:list"),
        talk.get_absolute_url(),
        reverse("posts:search") + "?" + urlencode({"q": TEXT_PAYLOADS[3]}),
    ]:
        assert_nothing_ran(page, path)
    expect(page.get_by_role("searchbox", name="Words to look for")).to_have_value(
        TEXT_PAYLOADS[3]
    )
    assert Talk.objects.get(pk=talk.pk).abstract.count("<script") == 0
    assert Post.objects.filter(title__in=TEXT_PAYLOADS).count() == len(TEXT_PAYLOADS)
    watch.assert_clean(allowed_failures=[DUMMY_IMAGE])
