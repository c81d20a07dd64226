import json
import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from hawkins_site.cache import bump_content_version
from talks.models import Talk
from tests.factories import make_draft, make_draft_talk, make_post, make_talk

pytestmark = pytest.mark.django_db

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(response):
    (block,) = LD_JSON.findall(response.content.decode())
    return json.loads(block)


def days(n):
    return timezone.now() + timedelta(days=n)


# --- /talks/ ---------------------------------------------------------------------


def test_talk_list_shows_upcoming_soonest_first_then_past_newest_first(client):
    for n in [20, -2, 3, -30, 1]:
        make_talk(title=f"Talk {n:+d}", starts_at=days(n))
    response = client.get(reverse("talks:list"))
    assert response.status_code == 200
    assertTemplateUsed(response, "talks/talk_list.html")
    assert [t.title for t in response.context["upcoming"]] == [
        "Talk +1", "Talk +3", "Talk +20",
    ]  # fmt: skip
    assert [t.title for t in response.context["page"].object_list] == [
        "Talk -2", "Talk -30",
    ]  # fmt: skip
    content = response.content.decode()
    assert content.index("Talk +1") < content.index("Talk +20")
    assert content.index("Talk +20") < content.index("Talk -2")


def test_talk_list_shows_when_what_and_where_with_status_badges(client):
    tz = timezone.get_current_timezone()
    make_talk(
        title="In the hall",
        event_name="Winter Seminar",
        venue="Example Hall",
        city="Leith",
        starts_at=timezone.datetime(2030, 1, 17, 18, 30, tzinfo=tz),
        ends_at=timezone.datetime(2030, 1, 17, 20, 0, tzinfo=tz),
    )
    make_talk(title="On a screen", venue="", city="", is_online=True)
    make_talk(title="Called off", status=Talk.Status.CANCELLED)
    make_talk(title="Moved", status=Talk.Status.POSTPONED)
    response = client.get(reverse("talks:list"))
    assertContains(response, "Thursday 17 January 2030, 18:30–20:00 GMT")
    assertContains(response, 'datetime="2030-01-17T18:30:00+00:00"')
    assertContains(response, "<span>Winter Seminar</span>", html=True)
    assertContains(response, "<span>Example Hall, Leith</span>", html=True)
    assertContains(response, "<span>Online</span>", html=True)
    assertContains(
        response, '<span class="badge badge-cancelled">Cancelled</span>', html=True
    )
    assertContains(
        response, '<span class="badge badge-postponed">Postponed</span>', html=True
    )
    assertNotContains(response, "badge-scheduled")


def test_past_talks_are_paginated_ten_a_page_and_upcoming_only_on_page_one(client):
    make_talk(title="Coming soon", starts_at=days(2))
    for n in range(12):
        make_talk(starts_at=days(-1 - n))
    first = client.get(reverse("talks:list"))
    second = client.get(reverse("talks:list"), {"page": 2})
    assert len(first.context["page"].object_list) == 10
    assert len(second.context["page"].object_list) == 2
    assertContains(first, "Coming soon")
    assertContains(first, "Older talks")
    assertNotContains(second, "Coming soon")
    assertContains(second, "Newer talks")
    assertContains(
        second, '<link rel="canonical" href="https://blog.example.org/talks/?page=2">'
    )


@pytest.mark.parametrize(
    ("page", "status"),
    [("abc", 200), ("", 200), ("0", 200), ("-3", 200), ("\x00", 200), ("2", 404),
     ("9" * 40, 404)],
)  # fmt: skip
def test_talk_list_page_parameter_never_500s(client, page, status):
    make_talk(starts_at=days(-3))
    assert client.get(reverse("talks:list"), {"page": page}).status_code == status


def test_empty_talk_list_says_so(client):
    response = client.get(reverse("talks:list"))
    assert response.status_code == 200
    assertContains(response, "No talks are planned just now.")
    assertContains(response, "None yet.")


def test_talk_pages_advertise_the_feed_and_the_calendar(client):
    talk = make_talk()
    for url in [reverse("talks:list"), talk.get_absolute_url()]:
        response = client.get(url)
        assertContains(
            response,
            '<link rel="alternate" type="application/rss+xml" '
            'title="Stressed to Zest: talks (RSS)" href="/talks/feed/">',
        )
        assertContains(response, 'type="text/calendar"')
        assertContains(response, 'href="/talks/calendar.ics"')


def test_footer_and_nav_link_to_talks_feed_and_calendar_on_every_page(client):
    make_post(tags=["sleep"])
    for path in ["/", "/tags/sleep/", "/archive/", "/talks/", "/no-such-page/"]:
        content = client.get(path).content.decode()
        footer = content[content.index('<footer class="site-footer">') :]
        assert 'href="/talks/"' in footer
        assert 'href="/talks/feed/"' in footer
        assert 'href="/talks/calendar.ics"' in footer
        nav = content[content.index('<nav class="site-nav"') :]
        assert 'href="/talks/"' in nav[: nav.index("</nav>")]


# --- /talks/<slug>/ --------------------------------------------------------------


def test_talk_page_shows_everything(client):
    visible = make_post(title="A public post")
    hidden = make_draft(title="A draft post")
    talk = make_talk(
        title="Breathing space",
        slug="breathing-space",
        abstract="<p>What we will <em>do</em>.</p>",
        speaker_bio="Dr Hawkins is a doctor.\n\nHe lives in Edinburgh.",
        event_name="Winter Seminar",
        organiser="GP Education Group",
        venue="Example Hall",
        address="1 Example Street",
        city="Edinburgh",
        event_url="https://example.org/event",
        slides_url="https://example.org/slides.pdf",
        video_url="https://example.org/video",
        tags=["Mindfulness"],
        related_posts=[visible, hidden],
    )
    response = client.get("/talks/breathing-space/")
    assert response.status_code == 200
    assertTemplateUsed(response, "talks/talk_detail.html")
    assertContains(response, '<h1 id="talk-title">Breathing space</h1>', html=True)
    assertContains(response, "<p>What we will <em>do</em>.</p>", html=True)
    assertContains(response, "<p>He lives in Edinburgh.</p>", html=True)
    assertContains(response, "GP Education Group")
    assertContains(response, "1 Example Street")
    assertContains(response, 'href="https://example.org/event"')
    for url, label in [("https://example.org/slides.pdf", "Slides"),
                       ("https://example.org/video", "Video")]:  # fmt: skip
        link = f'<a href="{url}" rel="noopener">{label}</a>'
        assertContains(response, link, html=True)
    assertContains(response, 'href="/talks/breathing-space.ics"')
    assertContains(response, "Add to calendar")
    assertContains(response, "Mindfulness")
    assertContains(response, f'href="{visible.get_absolute_url()}"')
    assertNotContains(response, "A draft post")
    assertContains(
        response,
        '<link rel="canonical" href="https://blog.example.org/talks/breathing-space/">',
    )
    assertContains(response, str(talk.starts_at.year))
    assertNotContains(response, "not public")


@pytest.mark.parametrize(
    ("status", "schema", "notice"),
    [
        (Talk.Status.SCHEDULED, "https://schema.org/EventScheduled", None),
        (Talk.Status.CANCELLED, "https://schema.org/EventCancelled",
         "This talk has been cancelled."),
        (Talk.Status.POSTPONED, "https://schema.org/EventPostponed",
         "This talk has been postponed."),
    ],
)  # fmt: skip
def test_json_ld_event_status_follows_the_talk(client, status, schema, notice):
    talk = make_talk(status=status)
    response = client.get(talk.get_absolute_url())
    assert json_ld(response)["eventStatus"] == schema
    if notice:
        assertContains(response, notice)


def test_json_ld_describes_an_offline_event_with_offsets(client):
    tz = timezone.get_current_timezone()
    talk = make_talk(
        title="Summer talk",
        abstract="<p>First paragraph.</p><p>Second.</p>",
        starts_at=timezone.datetime(2030, 7, 4, 18, 0, tzinfo=tz),
        ends_at=timezone.datetime(2030, 7, 4, 19, 30, tzinfo=tz),
        venue="Example Hall",
        address="1 Example Street",
        city="Edinburgh",
        organiser="GP Education Group",
        event_url="https://example.org/event",
    )
    data = json_ld(client.get(talk.get_absolute_url()))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Summer talk"
    assert data["url"] == talk.get_canonical_url()
    assert data["startDate"] == "2030-07-04T18:00:00+01:00"
    assert data["endDate"] == "2030-07-04T19:30:00+01:00"
    assert data["description"] == "First paragraph."
    assert (
        data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    )
    assert data["location"] == {
        "@type": "Place",
        "name": "Example Hall",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "1 Example Street",
            "addressLocality": "Edinburgh",
            "addressCountry": "GB",
        },
    }
    assert data["performer"]["@type"] == "Person"
    assert data["performer"]["name"] == "Dr Hawkins"
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "GP Education Group",
        "url": "https://example.org/event",
    }


@pytest.mark.parametrize(
    ("venue", "mode", "location_types"),
    [("", "OnlineEventAttendanceMode", "VirtualLocation"),
     ("Example Hall", "MixedEventAttendanceMode", ["Place", "VirtualLocation"])],
)  # fmt: skip
def test_json_ld_for_online_talks(client, venue, mode, location_types):
    talk = make_talk(
        is_online=True, venue=venue, city="", event_url="https://example.org/join"
    )
    data = json_ld(client.get(talk.get_absolute_url()))
    assert data["eventAttendanceMode"] == f"https://schema.org/{mode}"
    if isinstance(location_types, list):
        assert [loc["@type"] for loc in data["location"]] == location_types
        assert data["location"][1]["url"] == "https://example.org/join"
    else:
        assert data["location"] == {
            "@type": "VirtualLocation",
            "url": "https://example.org/join",
        }


def test_json_ld_names_the_talks_own_country(client):
    talk = make_talk(venue="Aula Magna", city="Lisbon", country="PT")
    address = json_ld(client.get(talk.get_absolute_url()))["location"]["address"]
    assert address["addressCountry"] == "PT"


def test_a_country_must_be_a_two_letter_code():
    talk = make_talk()
    talk.country = "Portugal"
    with pytest.raises(ValidationError) as caught:
        talk.full_clean()
    assert (
        "Enter the country's two-letter code, e.g. GB or PT."
        in caught.value.message_dict["country"]
    )


def test_json_ld_cannot_break_out_of_its_script_and_there_is_no_inline_js(client):
    talk = make_talk(
        title="</script><script>alert(1)</script> & <!--",
        organiser="</SCRIPT>",
    )
    response = client.get(talk.get_absolute_url())
    content = response.content.decode()
    assert json_ld(response)["name"] == "</script><script>alert(1)</script> & <!--"
    assert "<script>alert" not in content
    for tag in re.findall(r"<script[^>]*>", content):
        assert 'type="application/ld+json"' in tag or " src=" in tag, tag


def test_unknown_talk_slug_is_404(client):
    assert client.get("/talks/no-such-talk/").status_code == 404
    assert client.get("/talks/no-such-talk.ics").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/talks/" + "a" * 5000 + "/", "/talks/%C3%A9t%C3%A9/", "/talks/%00/",
     "/talks/a%0Ab/", "/talks/%F0%9F%98%80.ics", "/talks/x/y/"],
)  # fmt: skip
def test_odd_talk_addresses_are_404_not_500(client, path):
    assert client.get(path).status_code == 404


def test_draft_talk_is_404_for_the_public(client):
    talk = make_draft_talk(slug="secret-talk")
    assert client.get(talk.get_absolute_url()).status_code == 404
    assert client.get("/talks/secret-talk.ics").status_code == 404


def test_staff_preview_draft_talks_with_banner_and_no_cache(staff_client):
    talk = make_draft_talk(title="Work in progress", starts_at=None)
    response = staff_client.get(talk.get_absolute_url())
    assert response.status_code == 200
    assertContains(response, "Draft — not public")
    assertContains(response, "Work in progress")
    assertContains(response, "Date to be announced")
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assertContains(response, '<meta name="robots" content="noindex">')
    assertNotContains(response, "Add to calendar")  # its .ics is public-only
    assert not LD_JSON.search(response.content.decode())


def test_staff_see_public_talks_without_banner(staff_client):
    talk = make_talk()
    response = staff_client.get(talk.get_absolute_url())
    assertNotContains(response, "not public")
    assert "X-Robots-Tag" not in response


# --- Talks on post pages and the home page -------------------------------------


def test_post_page_lists_its_public_talks(client):
    post = make_post()
    make_talk(title="Given", event_name="Spring Forum", starts_at=days(-10),
              related_posts=[post])  # fmt: skip
    make_talk(title="Coming", event_name="Winter Forum", starts_at=days(10),
              related_posts=[post])  # fmt: skip
    make_talk(title="Off", event_name="Autumn Forum", starts_at=days(-5),
              status=Talk.Status.CANCELLED, related_posts=[post])  # fmt: skip
    make_draft_talk(title="Secret", related_posts=[post])
    make_talk(title="Unrelated")
    response = client.get(post.get_absolute_url())
    assert [t.title for t in response.context["post"].public_talks] == [
        "Coming", "Off", "Given",
    ]  # fmt: skip
    text = " ".join(response.content.decode().split())
    assert "I spoke about this at Spring Forum" in text
    assert "I will speak about this at Winter Forum" in text
    assert "I was to speak about this at Autumn Forum" in text
    assertNotContains(response, "Secret")
    assertNotContains(response, "Unrelated")


def test_post_without_talks_has_no_talk_section(client):
    post = make_post()
    assertNotContains(client.get(post.get_absolute_url()), "Talks on this subject")


def test_home_shows_the_next_three_upcoming_talks_beside_the_posts(client):
    make_post(title="A post")
    for n in [4, 1, 9, 2]:
        make_talk(title=f"In {n} days", starts_at=days(n))
    make_talk(title="Last week", starts_at=days(-7))
    make_draft_talk(title="Secret talk", starts_at=days(1))
    response = client.get("/")
    content = response.content.decode()
    box = content[content.index('<aside class="talk-box"') :]
    box = box[: box.index("</aside>")]
    titles = re.findall(r'<a href="/talks/[^"]+/">([^<]+)</a>', box)
    assert titles == ["In 1 days", "In 2 days", "In 4 days"]
    assert "Last week" not in content and "Secret talk" not in content
    assert 'href="/talks/calendar.ics"' in box
    assert content.index("A post") < content.index('<aside class="talk-box"')


def test_home_without_upcoming_talks_has_no_talk_box(client):
    make_talk(starts_at=days(-3))
    assertNotContains(client.get("/"), "talk-box")


# --- Drafts hidden everywhere ----------------------------------------------------

SURFACES = [
    "/",
    "/talks/",
    "/talks/feed/",
    "/talks/calendar.ics",
    "/sitemap.xml",
    "/posts/shared-post/",
]


@pytest.mark.parametrize("path", SURFACES)
def test_draft_talks_stay_hidden_on_every_public_surface(client, path):
    post = make_post(slug="shared-post")
    make_talk(title="Visible talk", slug="visible-talk", related_posts=[post],
              starts_at=days(1))  # fmt: skip
    make_draft_talk(title="Draft talk", slug="draft-talk", related_posts=[post],
                    starts_at=days(1), tags=["drafttag"])  # fmt: skip
    response = client.get(path)
    assert response.status_code == 200
    content = response.content.decode()
    assert "visible-talk" in content
    for hidden in ["Draft talk", "draft-talk", "drafttag"]:
        assert hidden not in content

    Talk.objects.filter(slug="draft-talk").update(visibility="published")
    bump_content_version()  # update() sends no signal; a save() would bump it
    assert "draft-talk" in client.get(path).content.decode()


# --- Query counts: flat in the number of talks ------------------------------------


def _talks(n):
    post = make_post(tags=["sleep", "stress"])
    talks = []
    for i in range(n):
        talks.append(
            make_talk(starts_at=days(i + 1), tags=["a", "b", "c"], related_posts=[post])
        )
        make_talk(starts_at=days(-i - 1), tags=["a", "b"], related_posts=[post])
    return post, talks


@pytest.mark.parametrize("n", [1, 10])
@pytest.mark.parametrize(
    ("path", "queries"),
    [
        ("/talks/", 3),  # upcoming rows, past count, past rows
        ("/talks/feed/", 2),  # talks, tags
        ("/talks/calendar.ics", 1),  # talks (Last-Modified: the content version)
        ("/", 4),  # post count, post rows, post tags, the next three talks
        # posts, tags, talks: count + rows each; series: count (none)
        ("/sitemap.xml", 7),
    ],
)
def test_talk_lists_and_feeds_use_a_fixed_number_of_queries(
    client, django_assert_num_queries, n, path, queries
):
    _talks(n)
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("n", [1, 10])
def test_later_pages_of_past_talks_skip_the_upcoming_query(
    client, django_assert_num_queries, n
):
    for i in range(10 + n):
        make_talk(starts_at=days(-i - 1), tags=["a", "b"])
    make_talk(starts_at=days(1))
    with django_assert_num_queries(2):  # past count, past rows
        response = client.get("/talks/", {"page": 2})
    assert len(response.context["page"].object_list) == n


@pytest.mark.parametrize("n", [1, 10])
def test_talk_page_and_its_ics_use_a_fixed_number_of_queries(
    client, django_assert_num_queries, n
):
    _, talks = _talks(n)
    with django_assert_num_queries(4):  # talk, tags, downloads, related posts
        assert client.get(talks[0].get_absolute_url()).status_code == 200
    with django_assert_num_queries(1):
        assert client.get(talks[0].get_ics_url()).status_code == 200


@pytest.mark.parametrize("n", [1, 10])
def test_post_page_with_talks_uses_a_fixed_number_of_queries(
    client, django_assert_num_queries, n, no_page_cache
):
    post, _ = _talks(n)
    client.get(post.get_absolute_url())  # the first view draws the sharing card
    # post, tags, attachments, chosen related posts, talks, previous, next,
    # posts sharing tags
    with django_assert_num_queries(8):
        assert client.get(post.get_absolute_url()).status_code == 200
