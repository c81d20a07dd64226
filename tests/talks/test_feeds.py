import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from talks.models import Talk
from tests.factories import make_draft_talk, make_talk

pytestmark = pytest.mark.django_db

SITE = "https://blog.example.org"


def days(n):
    return timezone.now() + timedelta(days=n)


def rss_items(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel"), root.findall("channel/item")


def vevents(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar.get("VERSION") == "2.0"
    assert calendar.get("PRODID")
    return calendar, calendar.walk("VEVENT")


# --- RSS -------------------------------------------------------------------------


def test_talks_rss_carries_date_place_and_abstract(client):
    tz = timezone.get_current_timezone()
    talk = make_talk(
        title="Winter talk",
        slug="winter-talk",
        abstract="<p>All about <em>winter</em>.</p>",
        event_name="Winter Seminar",
        venue="Example Hall",
        city="Edinburgh",
        starts_at=datetime(2030, 1, 17, 18, 30, tzinfo=tz),
        ends_at=datetime(2030, 1, 17, 20, 0, tzinfo=tz),
        tags=["Sleep", "Mindfulness"],
    )
    channel, items = rss_items(client.get("/talks/feed/", HTTP_HOST="localhost"))
    assert channel.findtext("title") == "Stressed to Zest: talks"
    assert channel.findtext("link") == f"{SITE}/talks/"
    (item,) = items
    assert item.findtext("title") == "Winter talk"
    assert item.findtext("link") == f"{SITE}/talks/winter-talk/"
    guid = item.find("guid")
    assert guid.text == talk.uid and guid.get("isPermaLink") == "false"
    description = item.findtext("description")
    assert "Thursday 17 January 2030, 18:30–20:00 GMT" in description
    assert "Winter Seminar" in description
    assert "Example Hall, Edinburgh" in description
    assert "<p>All about <em>winter</em>.</p>" in description
    assert sorted(c.text for c in item.findall("category")) == ["Mindfulness", "Sleep"]
    assert item.findtext("pubDate")


def test_talks_rss_abstract_links_and_images_are_absolute(client):
    import html5lib

    make_talk(
        abstract='<p>Read <a href="/posts/background/">the background</a>.</p>'
        '<p><img src="/media/uploads/2030/01/room.jpg" alt="The room"></p>'
        '<p><a href="//cdn.example.net/map">Map</a></p>'
    )
    _, (item,) = rss_items(client.get("/talks/feed/"))
    fragment = html5lib.parseFragment(
        item.findtext("description"), treebuilder="etree", namespaceHTMLElements=False
    )
    urls = [
        e.get("href") or e.get("src") for e in fragment.iter() if e.tag in ("a", "img")
    ]
    assert urls == [
        f"{SITE}/posts/background/",
        f"{SITE}/media/uploads/2030/01/room.jpg",
        "//cdn.example.net/map",
    ]


def test_talks_rss_is_newest_announced_first_and_says_when_cancelled(client, travel):
    make_talk(title="Announced first", starts_at=days(30))
    travel(timedelta(minutes=1))
    make_talk(title="Announced second", starts_at=days(-30))
    travel(timedelta(minutes=2))
    make_talk(title="Called off", starts_at=days(5), status=Talk.Status.CANCELLED)
    make_draft_talk(title="Secret")
    _, items = rss_items(client.get("/talks/feed/"))
    assert [i.findtext("title") for i in items] == [
        "Cancelled: Called off",
        "Announced second",
        "Announced first",
    ]
    assert "This talk has been cancelled." in items[0].findtext("description")


def test_talks_rss_lists_at_most_twenty(client):
    for _ in range(23):
        make_talk()
    _, items = rss_items(client.get("/talks/feed/"))
    assert len(items) == 20


# --- iCalendar ---------------------------------------------------------------------


def test_calendar_has_one_event_per_public_talk_with_utc_times(client):
    tz = timezone.get_current_timezone()
    summer = make_talk(
        title="Summer talk",
        starts_at=datetime(2030, 7, 4, 18, 0, tzinfo=tz),  # BST, UTC+1
        ends_at=datetime(2030, 7, 4, 19, 30, tzinfo=tz),
    )
    winter = make_talk(
        title="Winter talk",
        starts_at=datetime(2030, 1, 17, 18, 30, tzinfo=tz),  # GMT
        ends_at=None,
    )
    make_draft_talk(title="Draft talk")
    calendar, events = vevents(client.get("/talks/calendar.ics"))
    assert calendar.get("X-WR-CALNAME") == "Stressed to Zest: talks"
    by_uid = {str(e["UID"]): e for e in events}
    assert set(by_uid) == {summer.uid, winter.uid}
    event = by_uid[summer.uid]
    assert event.decoded("DTSTART") == datetime(2030, 7, 4, 17, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2030, 7, 4, 18, 30, tzinfo=UTC)
    assert b"DTSTART:20300704T170000Z" in client.get("/talks/calendar.ics").content
    # No end time: one hour, not an error.
    event = by_uid[winter.uid]
    assert event.decoded("DTSTART") == datetime(2030, 1, 17, 18, 30, tzinfo=UTC)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(hours=1)


def test_each_event_carries_what_calendar_apps_need(client):
    talk = make_talk(
        title="Full details",
        abstract="<p>First &amp; foremost.</p><ul><li>one</li><li>two</li></ul>",
        event_name="Winter Seminar",
        venue="Example Hall",
        address="1 Example Street",
        city="Edinburgh",
        slides_url="https://example.org/slides.pdf",
    )
    _, (event,) = vevents(client.get(talk.get_ics_url()))
    assert str(event["SUMMARY"]) == "Full details"
    assert str(event["UID"]) == talk.uid
    assert str(event["URL"]) == talk.get_canonical_url()
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["LOCATION"]) == "Example Hall, 1 Example Street, Edinburgh"
    revised = talk.updated_at.replace(microsecond=0)  # iCalendar keeps seconds
    assert event.decoded("DTSTAMP") == revised
    assert event.decoded("LAST-MODIFIED") == revised
    assert event.decoded("CREATED") == talk.created_at.replace(microsecond=0)
    assert int(event["SEQUENCE"]) == 0
    description = str(event["DESCRIPTION"])
    assert "<" not in description  # plain text, not HTML
    assert "First & foremost.\n\n- one\n- two" in description
    assert "Slides: https://example.org/slides.pdf" in description
    assert f"Details: {talk.get_canonical_url()}" in description


def test_online_talk_location_says_online(client):
    talk = make_talk(venue="", city="", is_online=True,
                     event_url="https://example.org/join")  # fmt: skip
    _, (event,) = vevents(client.get(talk.get_ics_url()))
    assert str(event["LOCATION"]) == "Online: https://example.org/join"


def test_cancelled_talks_are_status_cancelled(client):
    make_talk(title="Still on")
    make_talk(title="Called off", status=Talk.Status.CANCELLED)
    _, events = vevents(client.get("/talks/calendar.ics"))
    status = {str(e["SUMMARY"]): str(e["STATUS"]) for e in events}
    assert status == {"Still on": "CONFIRMED", "Cancelled: Called off": "CANCELLED"}


def test_uids_are_stable_across_requests_and_edits(client):
    talk = make_talk(slug="before")
    first = [str(e["UID"]) for e in vevents(client.get("/talks/calendar.ics"))[1]]
    again = [str(e["UID"]) for e in vevents(client.get("/talks/calendar.ics"))[1]]
    assert first == again == [talk.uid]
    talk.slug = "after"
    talk.title = "Renamed"
    talk.save()
    (event,) = vevents(client.get("/talks/calendar.ics"))[1]
    assert str(event["UID"]) == talk.uid == first[0]
    assert (
        client.get("/talks/calendar.ics").content
        == client.get("/talks/calendar.ics").content
    )  # byte-for-byte stable: DTSTAMP is the last revision, not "now"


def test_rescheduling_raises_sequence_and_last_modified(client, travel):
    talk = make_talk()
    _, (before,) = vevents(client.get(talk.get_ics_url()))
    travel(timedelta(minutes=5))
    talk = Talk.objects.get(pk=talk.pk)
    talk.starts_at += timedelta(days=1)
    talk.ends_at += timedelta(days=1)
    talk.save()
    _, (after,) = vevents(client.get(talk.get_ics_url()))
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1
    assert after.decoded("LAST-MODIFIED") > before.decoded("LAST-MODIFIED")
    assert after.decoded("DTSTAMP") > before.decoded("DTSTAMP")


def test_calendar_holds_talks_from_the_last_year_onwards(client):
    make_talk(title="Last month", starts_at=days(-30))
    make_talk(title="Two years ago", starts_at=days(-730))
    make_talk(title="Next month", starts_at=days(30))
    _, events = vevents(client.get("/talks/calendar.ics"))
    assert sorted(str(e["SUMMARY"]) for e in events) == ["Last month", "Next month"]
    old = Talk.objects.get(title="Two years ago")
    assert client.get(old.get_ics_url()).status_code == 200  # still downloadable


def test_single_talk_ics_is_a_download_named_after_the_talk(client):
    talk = make_talk(slug="my-talk")
    response = client.get("/talks/my-talk.ics")
    assert response["Content-Disposition"] == 'attachment; filename="my-talk.ics"'
    _, events = vevents(response)
    assert [str(e["UID"]) for e in events] == [talk.uid]


def test_empty_calendar_is_still_valid(client):
    _, events = vevents(client.get("/talks/calendar.ics"))
    assert events == []


# --- Conditional GET -------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/talks/feed/", "/talks/calendar.ics", "/talks/the-talk.ics"]
)
def test_feeds_and_calendars_answer_conditional_get_with_304(client, path):
    make_talk(slug="the-talk")
    first = client.get(path)
    assert first.status_code == 200
    assert first.has_header("ETag") and first.has_header("Last-Modified")
    by_etag = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304 and by_etag.content == b""
    by_date = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304


@pytest.mark.parametrize("path", ["/talks/feed/", "/talks/calendar.ics"])
def test_unpublishing_a_talk_ends_the_304s(client, travel, path):
    make_talk(title="Stays")
    going = make_talk(title="Goes")
    first = client.get(path)
    travel(timedelta(minutes=5))
    going.visibility = Talk.Visibility.DRAFT
    going.save()
    by_etag = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 200
    assert b"Goes" not in by_etag.content
    if path.endswith(".ics"):
        by_date = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert by_date.status_code == 200


def test_calendar_lines_are_folded_within_75_octets(client):
    """A long abstract with multi-byte characters and escaped commas: every
    line of the served calendar within RFC 5545's 75 octets, none cut inside a
    character, and the text reads back whole."""
    abstract = "<p>" + "Compassion – “kind”, firm; and curious, " * 40 + "</p>"
    make_talk(title="Ça va? A long évening talk " * 4, abstract=abstract)
    response = client.get("/talks/calendar.ics")
    for line in response.content.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode()
    _, (event,) = vevents(response)
    assert "Compassion – “kind”, firm; and curious, " * 3 in str(event["DESCRIPTION"])
    assert str(event["SUMMARY"]).startswith("Ça va? A long évening talk Ça va?")


CALENDAR_LEVEL = ("NAME", "X-WR-CALNAME", "REFRESH-INTERVAL", "X-PUBLISHED-TTL")


def test_one_talks_ics_is_an_event_to_add_not_a_calendar_to_create(client):
    """Outlook makes a new calendar, named after the talk, of a file with a
    calendar name; the subscription calendar keeps its name and refresh."""
    talk = make_talk(title="The one talk")
    single, (event,) = vevents(client.get(talk.get_ics_url()))
    for name in CALENDAR_LEVEL:
        assert name not in single, name
    assert str(event["SUMMARY"]) == "The one talk"
    subscription, _ = vevents(client.get("/talks/calendar.ics"))
    assert str(subscription["X-WR-CALNAME"]) == "Stressed to Zest: talks"
    assert str(subscription["NAME"]) == "Stressed to Zest: talks"
    assert subscription.decoded("REFRESH-INTERVAL") == timedelta(hours=12)
    assert str(subscription["X-PUBLISHED-TTL"]) == "PT12H"  # no type icalendar knows


def test_only_talks_going_ahead_block_time_in_calendars(client):
    make_talk(title="On")
    make_talk(title="Off", status=Talk.Status.CANCELLED)
    make_talk(title="Later", status=Talk.Status.POSTPONED)
    _, events = vevents(client.get("/talks/calendar.ics"))
    transp = {str(e["SUMMARY"]): str(e["TRANSP"]) for e in events}
    assert transp == {
        "On": "OPAQUE",
        "Cancelled: Off": "TRANSPARENT",
        "Postponed: Later": "TRANSPARENT",
    }


def test_calendar_never_carries_a_link_that_is_not_http(client):
    """Rows written around save() (update(), an old import) still hold
    javascript: links: the calendar leaves them out."""
    talk = make_talk(is_online=True, slides_url="https://example.org/slides.pdf")
    Talk.objects.filter(pk=talk.pk).update(
        event_url="javascript:alert(9)", video_url="data:text/html,x"
    )
    _, (event,) = vevents(client.get(talk.get_ics_url()))
    text = str(event["DESCRIPTION"]) + str(event["LOCATION"])
    assert "javascript" not in text and "data:" not in text
    assert "Slides: https://example.org/slides.pdf" in text
    assert str(event["LOCATION"]).endswith("Online")
