from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from talks.models import Attachment, Talk
from tests import images
from tests.factories import make_draft_talk, make_post, make_talk

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:talks_talk_changelist")
ADD = reverse("admin:talks_talk_add")


def form_data(**overrides):
    """A complete, valid add/change form for a published talk."""
    return {
        "title": "Written in the admin",
        "slug": "written-in-the-admin",
        "abstract": "<p>Hello <script>alert(1)</script>there.</p>",
        "speaker_bio": "Dr Hawkins is a doctor.",
        "tags": "Sleep, new tag",
        "starts_at_0": "2030-01-17",
        "starts_at_1": "18:30",
        "ends_at_0": "2030-01-17",
        "ends_at_1": "20:00",
        "status": "scheduled",
        "event_name": "Winter Seminar",
        "organiser": "",
        "venue": "Example Hall",
        "address": "",
        "city": "Edinburgh",
        "country": "GB",  # the form shows it filled in (SITE_COUNTRY)
        "event_url": "example.org/winter",
        "slides_url": "",
        "video_url": "",
        "visibility": "published",
        # the downloads inline, submitted empty
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    } | overrides


def test_changelist_shows_date_title_event_city_status_visibility(admin_client):
    tz = timezone.get_current_timezone()
    make_talk(
        title="Listed talk",
        event_name="Winter Seminar",
        city="Leith",
        status=Talk.Status.POSTPONED,
        starts_at=timezone.datetime(2030, 1, 17, 18, 30, tzinfo=tz),
    )
    make_draft_talk(title="Undated", starts_at=None)
    response = admin_client.get(CHANGELIST)
    assert response.status_code == 200
    expected = ["Thu 17 Jan 2030, 18:30 GMT", "Listed talk", "Winter Seminar",
                "Leith", "Postponed", "Published", "No date yet", "Draft"]  # fmt: skip
    for text in expected:
        assertContains(response, text)


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"when": "upcoming"}, "Future talk", "Old talk"),
        ({"when": "past"}, "Old talk", "Future talk"),
        ({"status__exact": "cancelled"}, "Old talk", "Future talk"),
        ({"visibility__exact": "published"}, "Future talk", "Draft talk"),
        ({"year": "2020"}, "Old talk", "Future talk"),
        ({"q": "Portobello"}, "Future talk", "Old talk"),  # venue
        ({"q": "Dunfermline"}, "Old talk", "Future talk"),  # city
        ({"q": "kelpies"}, "Future talk", "Old talk"),  # abstract
        ({"q": "Forth Forum"}, "Old talk", "Future talk"),  # event
    ],
)
def test_changelist_filters_and_search(admin_client, params, shown, hidden):
    tz = timezone.get_current_timezone()
    make_talk(title="Future talk", venue="Portobello Hall",
              abstract="<p>On kelpies.</p>")  # fmt: skip
    make_talk(
        title="Old talk", city="Dunfermline", event_name="Forth Forum",
        status=Talk.Status.CANCELLED,
        starts_at=timezone.datetime(2020, 5, 1, 10, 0, tzinfo=tz),
    )  # fmt: skip
    make_draft_talk(title="Draft talk", starts_at=None)
    response = admin_client.get(CHANGELIST, params)
    assert response.status_code == 200
    assertContains(response, shown)
    assertNotContains(response, hidden)


@pytest.mark.parametrize("year", ["0", "99999", "abc", "²", ""])
def test_year_filter_ignores_junk(admin_client, year):
    make_talk()
    assert admin_client.get(CHANGELIST, {"year": year}).status_code == 200


def test_changelist_has_a_date_hierarchy_and_year_choices(admin_client):
    make_talk(starts_at=timezone.now() + timedelta(days=3))
    response = admin_client.get(CHANGELIST)
    year = timezone.localtime(Talk.objects.get().starts_at).year
    assertContains(response, f'href="?starts_at__year={year}"')  # date hierarchy
    assertContains(response, f'href="?year={year}"')  # year filter


def test_add_form_prefills_slug_and_autocompletes_posts_and_tags(admin_client):
    make_post(title="About sleep", tags=["Mindfulness"])
    response = admin_client.get(ADD)
    assertContains(response, "data-prepopulated-fields")
    assertContains(response, "&quot;dependency_list&quot;: [&quot;title&quot;]")
    assertContains(response, 'class="admin-autocomplete')
    assertContains(response, 'name="related_posts"')
    assertContains(response, '"Mindfulness"')  # tag suggestions
    autocomplete = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "talks", "model_name": "talk",
         "field_name": "related_posts", "term": "sleep"},
    )  # fmt: skip
    assert [r["text"] for r in autocomplete.json()["results"]] == ["About sleep"]


def test_adding_a_talk_sanitises_and_saves_everything(admin_client):
    post = make_post()
    response = admin_client.post(ADD, form_data(related_posts=[post.pk]))
    assert response.status_code == 302, response.content.decode()[:3000]
    talk = Talk.objects.get(slug="written-in-the-admin")
    assert talk.abstract == "<p>Hello there.</p>"
    assert sorted(talk.tags.names()) == ["Sleep", "new tag"]
    assert list(talk.related_posts.all()) == [post]
    assert talk.event_url == "https://example.org/winter"
    assert timezone.localtime(talk.starts_at).hour == 18
    assert talk.announced_at is not None
    assert talk in Talk.objects.published()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"ends_at_1": "18:00"}, "The talk must end after it starts."),
        ({"ends_at_1": "18:30"}, "The talk must end after it starts."),
        ({"starts_at_0": "", "starts_at_1": "", "ends_at_0": "", "ends_at_1": ""},
         "A published talk needs a start date and time."),
        ({"slug": "calendar"}, "is already used by the site"),
    ],
)  # fmt: skip
def test_admin_errors_are_in_plain_words(admin_client, overrides, message):
    response = admin_client.post(ADD, form_data(**overrides))
    assert response.status_code == 200
    assertContains(response, message)
    assert not Talk.objects.exists()


def test_duplicate_action_copies_the_talk_as_an_undated_draft(admin_client):
    post = make_post()
    original = make_talk(
        title="Given once", slug="given-once", abstract="<p>The abstract.</p>",
        speaker_bio="Bio.", slides_url="https://example.org/slides.pdf",
        video_url="https://example.org/video", tags=["Sleep"], related_posts=[post],
    )  # fmt: skip
    response = admin_client.post(
        CHANGELIST, {"action": "duplicate_talks", "_selected_action": [original.pk]}
    )
    copy = Talk.objects.get(slug="given-once-copy")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:talks_talk_change", args=[copy.pk])
    assert copy.title == "Given once"
    assert copy.abstract == "<p>The abstract.</p>"
    assert copy.speaker_bio == "Bio."
    assert copy.slides_url == "https://example.org/slides.pdf"
    assert copy.video_url == "" and copy.venue == "" and copy.event_name == ""
    assert copy.starts_at is None and copy.ends_at is None
    assert copy.visibility == Talk.Visibility.DRAFT
    assert copy.status == Talk.Status.SCHEDULED
    assert copy.sequence == 0 and copy.announced_at is None
    assert list(copy.tags.names()) == ["Sleep"]
    assert list(copy.related_posts.all()) == [post]
    assert copy.uid != original.uid

    admin_client.post(
        CHANGELIST, {"action": "duplicate_talks", "_selected_action": [original.pk]}
    )
    assert Talk.objects.filter(slug="given-once-copy-2").exists()


def test_duplicating_several_talks_reports_how_many(admin_client):
    talks = [make_talk(), make_talk()]
    response = admin_client.post(
        CHANGELIST,
        {"action": "duplicate_talks", "_selected_action": [t.pk for t in talks]},
        follow=True,
    )
    assertContains(response, "Copied 2 talks as drafts")
    assert Talk.objects.filter(slug__endswith="-copy").count() == 2


def test_view_on_site_goes_to_the_talk(admin_client):
    talk = make_talk(slug="on-site")
    response = admin_client.get(reverse("admin:talks_talk_change", args=[talk.pk]))
    assertContains(response, 'href="/talks/on-site/"')


def test_changing_a_talks_slug_keeps_its_old_addresses_working(admin_client, client):
    talk = make_talk(slug="first-name")
    url = reverse("admin:talks_talk_change", args=[talk.pk])
    for slug in ("second-name", "third-name"):
        data = form_data(title=talk.title, slug=slug)
        assert admin_client.post(url, data).status_code == 302
    for old in ("first-name", "second-name"):
        page = client.get(f"/talks/{old}/")
        assert (page.status_code, page["Location"]) == (301, "/talks/third-name/")
        ics = client.get(f"/talks/{old}.ics")
        assert (ics.status_code, ics["Location"]) == (301, "/talks/third-name.ics")
    assert client.get("/talks/third-name/").status_code == 200


def duplicate(admin_client, *talks):
    return admin_client.post(
        CHANGELIST,
        {"action": "duplicate_talks", "_selected_action": [t.pk for t in talks]},
    )


def test_duplicating_a_talk_copies_its_downloads(admin_client):
    original = make_talk(slug="with-slides")
    for position, title in [(1, "Handout"), (0, "Slides")]:
        download = Attachment(talk=original, title=title, position=position)
        download.file.save(f"{title}.pdf", ContentFile(images.PDF))
    make_talk().attachments.create(title="Someone else's", file="x.pdf")
    duplicate(admin_client, original)
    copy = Talk.objects.get(slug="with-slides-copy")
    copied = [(a.title, a.file.name, a.position, a.file_type, a.file_size)
              for a in copy.attachments.all()]  # fmt: skip
    kept = [(a.title, a.file.name, a.position, a.file_type, a.file_size)
            for a in original.attachments.all()]  # fmt: skip
    assert copied == kept
    assert [t for t, *_ in copied] == ["Slides", "Handout"]
    assert original.attachments.count() == 2  # the original keeps its own


def test_duplicating_a_copy_numbers_it_instead_of_adding_copy_again(admin_client):
    original = make_talk(slug="given-once", tags=["Sleep"])
    duplicate(admin_client, original)
    first = Talk.objects.get(slug="given-once-copy")
    duplicate(admin_client, first)
    second = Talk.objects.get(slug="given-once-copy-2")
    duplicate(admin_client, second)
    assert sorted(Talk.objects.values_list("slug", flat=True)) == [
        "given-once", "given-once-copy", "given-once-copy-2", "given-once-copy-3",
    ]  # fmt: skip
    third = Talk.objects.get(slug="given-once-copy-3")
    assert third.visibility == Talk.Visibility.DRAFT
    assert list(third.tags.names()) == ["Sleep"]


def test_changelist_names_the_zone_in_the_hour_the_clocks_go_back(admin_client):
    make_talk(title="Early", starts_at=datetime(2026, 10, 25, 0, 30, tzinfo=UTC))
    make_talk(title="Late", starts_at=datetime(2026, 10, 25, 1, 30, tzinfo=UTC))
    response = admin_client.get(CHANGELIST)
    assertContains(response, "Sun 25 Oct 2026, 01:30 BST")
    assertContains(response, "Sun 25 Oct 2026, 01:30 GMT")


@pytest.mark.parametrize(
    ("day", "time"),
    [("2026-10-25", "01:30"),  # happens twice: BST, then GMT
     ("2026-03-29", "01:30")],  # never happens: 01:00 GMT is 02:00 BST
)  # fmt: skip
def test_a_clock_change_time_gets_one_plain_error(admin_client, day, time):
    data = form_data(starts_at_0=day, starts_at_1=time, ends_at_0=day,
                     ends_at_1="04:00")  # fmt: skip
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["starts_at"]
    (message,) = errors["starts_at"]
    assert "couldn’t be interpreted in time zone Europe/London" in message
    assertNotContains(response, "needs a start date and time")
    assertNotContains(response, "Give the start time as well")
    assert not Talk.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"venue": "", "city": "", "is_online": ""}, "venue",
         "Say where the talk is: give a venue or a city"),
        ({"slides_url": "ftp://example.org/slides.pdf"}, "slides_url",
         "Enter a web address starting with http:// or https://."),
        ({"video_url": "javascript:alert(9)"}, "video_url", "Enter a valid URL."),
    ],
)  # fmt: skip
def test_admin_refuses_a_talk_with_no_place_or_a_non_web_link(
    admin_client, overrides, field, message
):
    response = admin_client.post(ADD, form_data(**overrides))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == [field]
    assert message in errors[field][0]
    assert not Talk.objects.exists()
