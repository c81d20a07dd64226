"""Talk pages as other programs read them: link previews (Open Graph, Twitter),
calendar subscriptions, and links that must stay web links."""

from datetime import timedelta

import html5lib
import pytest
from django.urls import reverse
from django.utils import timezone

from talks.models import Talk
from tests.factories import make_draft_talk, make_post, make_talk

pytestmark = pytest.mark.django_db

SITE = "https://blog.example.org"


def parse(response):
    assert response.status_code == 200
    return html5lib.parse(response.content.decode(), namespaceHTMLElements=False)


def head_meta(document):
    """{property or name: content} of the page's <meta> tags."""
    metas = document.iter("meta")
    return {
        m.get("property") or m.get("name"): m.get("content")
        for m in metas
        if m.get("property") or m.get("name")
    }


def canonical(document):
    (link,) = [e for e in document.iter("link") if e.get("rel") == "canonical"]
    return link.get("href")


def days(n):
    return timezone.now() + timedelta(days=n)


# --- Link previews -----------------------------------------------------------------


def test_talk_page_has_open_graph_and_twitter_tags_from_the_talk(client):
    words = " ".join(f"word{n}" for n in range(60))
    talk = make_talk(
        title="Compassion & the clinic",
        abstract=f"<p><strong>Why</strong> it matters &amp; {words}</p>",
    )
    document = parse(client.get(talk.get_absolute_url()))
    meta = head_meta(document)
    description = meta["description"]
    assert description.startswith("Why it matters & word0 word1")
    assert len(description) <= 160 and description.endswith("…")
    assert description[:-1].split()[-1] in words.split()  # cut between words
    assert meta["og:title"] == meta["twitter:title"] == "Compassion & the clinic"
    assert meta["og:description"] == meta["twitter:description"] == description
    assert meta["og:url"] == canonical(document) == talk.get_canonical_url()
    assert meta["og:type"] == "website"
    assert meta["og:image"].startswith(SITE + "/static/")
    assert meta["twitter:card"] == "summary_large_image"
    assert list(document.iter("title"))[0].text.startswith("Compassion & the clinic")


def test_a_talk_without_an_abstract_is_described_by_its_occasion(client):
    talk = make_talk(abstract="", event_name="Winter Seminar")
    meta = head_meta(parse(client.get(talk.get_absolute_url())))
    assert meta["description"].startswith("A talk by Dr Hawkins at Winter Seminar, ")
    assert meta["og:description"] == meta["description"]


def test_draft_talk_preview_has_no_link_preview_tags(staff_client):
    talk = make_draft_talk(abstract="<p>Not yet.</p>")
    document = parse(staff_client.get(talk.get_absolute_url()))
    meta = head_meta(document)
    assert meta["robots"] == "noindex"
    assert not [k for k in meta if k.startswith(("og:", "twitter:"))]
    assert not [e for e in document.iter("link") if e.get("rel") == "canonical"]


@pytest.mark.parametrize(("page", "suffix"), [(1, ""), (2, "?page=2")])
def test_talk_list_has_open_graph_tags(client, page, suffix):
    for n in range(11):
        make_talk(starts_at=days(-n - 1))
    document = parse(client.get(reverse("talks:list"), {"page": page}))
    meta = head_meta(document)
    assert meta["og:title"] == "Talks"
    assert meta["og:description"].startswith("Seminars, lectures and conference talks")
    assert meta["og:url"] == canonical(document) == f"{SITE}/talks/{suffix}"


# --- Subscribing to the calendar ---------------------------------------------------


def links(document):
    """(href, text) of every link on the page."""
    return [(a.get("href"), "".join(a.itertext())) for a in document.iter("a")]


@pytest.mark.parametrize("where", ["list", "talk"])
def test_pages_offer_to_subscribe_to_the_calendar_and_to_download_it(client, where):
    talk = make_talk()
    url = reverse("talks:list") if where == "list" else talk.get_absolute_url()
    document = parse(client.get(url))
    found = links(document)
    webcal = "webcal://blog.example.org/talks/calendar.ics"
    assert (webcal, "Subscribe to the calendar of talks") in found
    assert ("/talks/calendar.ics", "Download it (.ics)") in found
    (address,) = [e for e in document.iter("code") if e.get("id") == "calendar-address"]
    assert address.text == f"{SITE}/talks/calendar.ics"
    (paragraph,) = [e for e in document.iter("p")
                    if e.get("class") == "talk-calendar-address"]  # fmt: skip
    assert "“From URL”" in "".join(paragraph.itertext())
    assert (f"{SITE}/talks/calendar.ics", "Copy the address") in found
    if where == "talk":
        assert (talk.get_ics_url(), "Add to calendar (.ics)") in found


@pytest.mark.parametrize("where", ["list", "talk"])
def test_talk_pages_are_valid_html(client, where):
    talk = make_talk()
    url = reverse("talks:list") if where == "list" else talk.get_absolute_url()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(client.get(url).content.decode())  # raises on a parse error
    ids = [e.get("id") for e in parse(client.get(url)).iter() if e.get("id")]
    assert len(ids) == len(set(ids))


def test_home_box_offers_the_subscription_too(client):
    make_post()
    make_talk(starts_at=days(2))
    hrefs = [href for href, _ in links(parse(client.get("/")))]
    assert "webcal://blog.example.org/talks/calendar.ics" in hrefs
    assert "/talks/calendar.ics" in hrefs


# --- The home box and post pages: cancelled and postponed --------------------------


def test_home_box_lists_only_talks_going_ahead(client):
    make_post()
    make_talk(title="Called off", starts_at=days(1), status=Talk.Status.CANCELLED)
    make_talk(title="Put back", starts_at=days(2), status=Talk.Status.POSTPONED)
    for n in (3, 4, 5, 6):
        make_talk(title=f"In {n} days", starts_at=days(n))
    document = parse(client.get("/"))
    (box,) = [e for e in document.iter("aside") if e.get("class") == "talk-box"]
    titles = ["".join(h.itertext()).strip() for h in box.iter("h3")]
    assert titles == ["In 3 days", "In 4 days", "In 5 days"]
    listing = client.get(reverse("talks:list")).content.decode()
    assert "Called off" in listing and "Put back" in listing  # with their badges


def test_home_box_is_gone_when_every_upcoming_talk_is_off(client):
    make_post()
    make_talk(starts_at=days(1), status=Talk.Status.CANCELLED)
    assert "talk-box" not in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("status", "when", "line"),
    [
        (Talk.Status.POSTPONED, 10, "I was to speak about this at Forum on {date}: "
         "Topic — Postponed"),
        (Talk.Status.CANCELLED, 10, "I was to speak about this at Forum on {date}: "
         "Topic — Cancelled"),
        (Talk.Status.POSTPONED, -10, "I was to speak about this at Forum on {date}: "
         "Topic — Postponed"),
        (Talk.Status.SCHEDULED, 10, "I will speak about this at Forum on {date}: "
         "Topic"),
        (Talk.Status.SCHEDULED, -10, "I spoke about this at Forum on {date}: Topic"),
    ],
)  # fmt: skip
def test_post_page_words_its_talks_by_their_status(client, status, when, line):
    post = make_post()
    talk = make_talk(title="Topic", event_name="Forum", starts_at=days(when),
                     status=status, related_posts=[post])  # fmt: skip
    document = parse(client.get(post.get_absolute_url()))
    (section,) = [e for e in document.iter("section")
                  if e.get("class") == "related-talks"]  # fmt: skip
    (item,) = section.iter("li")
    date = timezone.localtime(talk.starts_at).strftime("%-d %B %Y")
    assert " ".join("".join(item.itertext()).split()) == line.format(date=date)


# --- Links stay web links ----------------------------------------------------------


def test_talk_page_never_links_to_anything_but_http(client):
    """The model drops javascript: links on save; a row written around save()
    (update(), an old import) still gets no such href on the page."""
    talk = make_talk(event_name="Forum", is_online=True)
    Talk.objects.filter(pk=talk.pk).update(
        event_url="javascript:alert(9)",
        slides_url=" JavaScript:alert(9)",
        video_url="data:text/html,<script>alert(9)</script>",
    )
    response = client.get(talk.get_absolute_url())
    hrefs = [a.get("href") or "" for a in parse(response).iter("a")]
    unsafe = [h for h in hrefs if h.strip().lower().startswith(("javascript", "data"))]
    assert unsafe == []
    text = response.content.decode()
    assert "alert(9)" not in text
    for label in ("Slides", "Video", "Event page"):
        assert f">{label}<" not in text
