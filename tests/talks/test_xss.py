"""Stored XSS in talks (as tests/test_xss.py does for posts): every payload in
tests/xss_corpus.py is saved as a talk's abstract through Talk.objects.create,
then read on the talk page, in /talks/feed/ and in the talk's .ics. Nothing
executable may survive anywhere."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from icalendar import Calendar

from talks.ical import defuse_markup
from tests.factories import make_talk
from tests.xss_corpus import (
    PAYLOADS,
    TEXT_PAYLOADS,
    executable_parts,
    json_ld_blocks,
    page_additions,
)

pytestmark = pytest.mark.django_db


def ics_description(response):
    assert response.status_code == 200
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    return str(event["DESCRIPTION"])


@pytest.mark.parametrize(("name", "payload"), PAYLOADS, ids=[n for n, _ in PAYLOADS])
def test_nothing_executable_survives_in_a_talk_abstract(client, name, payload):
    # The page first with harmless content: the site's own scripts, meta and
    # link tags appear there too, so only what the payload adds remains.
    harmless = make_talk(slug="harmless", abstract="<p>Plain words.</p>")
    before = client.get(harmless.get_absolute_url()).content.decode()
    talk = make_talk(slug="hostile", abstract=payload)
    assert executable_parts(talk.abstract) == [], talk.abstract

    page = client.get(talk.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert page_additions(html, before) == []
    json_ld_blocks(html)  # still parses

    feed = client.get(reverse("talks:feed"))
    assert feed.status_code == 200
    items = ET.fromstring(feed.content).iter("item")  # the XML still parses
    descriptions = [item.findtext("description", "") for item in items]
    assert len(descriptions) == 2
    for description in descriptions:
        assert executable_parts(description) == [], description

    # Plain text, but some calendar apps show DESCRIPTION as HTML.
    description = ics_description(client.get(talk.get_ics_url()))
    assert executable_parts(description) == [], description


@pytest.mark.parametrize("payload", TEXT_PAYLOADS)
def test_plain_text_fields_stay_text_everywhere(client, payload):
    harmless = make_talk(slug="harmless")
    before = client.get(harmless.get_absolute_url()).content.decode()
    talk = make_talk(
        slug="hostile",
        title=f"Hostile {payload}"[:200],
        event_name=payload,
        venue=payload,
        speaker_bio=payload,
    )
    html = client.get(talk.get_absolute_url()).content.decode()
    assert page_additions(html, before) == []
    json_ld_blocks(html)
    feed = client.get(reverse("talks:feed"))
    for item in ET.fromstring(feed.content).iter("item"):
        assert executable_parts(item.findtext("description", "")) == []
    (event,) = Calendar.from_ical(client.get(talk.get_ics_url()).content).walk("VEVENT")
    for name in ("SUMMARY", "LOCATION", "DESCRIPTION"):
        assert executable_parts(str(event[name])) == [], name


@pytest.mark.parametrize(
    ("text", "plain"),
    [("<script>x</script>", "< script>x< /script>"), ("<!-- x", "< !-- x"),
     ("p < 0.05 and p<0.01", "p < 0.05 and p<0.01"), ("a -> b", "a -> b")],
)  # fmt: skip
def test_calendar_text_that_looks_like_a_tag_is_defused(text, plain):
    assert defuse_markup(text) == plain
