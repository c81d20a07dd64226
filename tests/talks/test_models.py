from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from talks.models import DEFAULT_DURATION, Talk, effective_end
from talks.templatetags.talks_tags import talk_when
from tests.factories import make_draft_talk, make_talk

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=LONDON)


@pytest.fixture
def frozen(monkeypatch):
    """timezone.now() is NOW for the whole test, so boundaries are exact."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


def split():
    public = Talk.objects.published()
    return (
        [t.title for t in public.upcoming()],
        [t.title for t in public.past()],
    )


# --- Upcoming and past ----------------------------------------------------------


def test_a_talk_in_progress_is_upcoming_and_one_just_ended_is_past(frozen):
    make_talk(
        title="In progress", starts_at=NOW - timedelta(minutes=30),
        ends_at=NOW + timedelta(minutes=30),
    )  # fmt: skip
    make_talk(title="Ends now", starts_at=NOW - timedelta(hours=1), ends_at=NOW)
    make_talk(
        title="Ended a second ago", starts_at=NOW - timedelta(hours=2),
        ends_at=NOW - timedelta(seconds=1),
    )  # fmt: skip
    make_talk(
        title="Ends in a second", starts_at=NOW - timedelta(hours=2),
        ends_at=NOW + timedelta(seconds=1),
    )  # fmt: skip
    upcoming, past = split()
    assert upcoming == ["Ends in a second", "In progress"]  # by start time
    assert past == ["Ends now", "Ended a second ago"]


def test_a_talk_without_an_end_lasts_one_hour(frozen):
    make_talk(title="Started 59 min ago", starts_at=NOW - timedelta(minutes=59),
              ends_at=None)  # fmt: skip
    make_talk(title="Started an hour ago", starts_at=NOW - timedelta(hours=1),
              ends_at=None)  # fmt: skip
    upcoming, past = split()
    assert upcoming == ["Started 59 min ago"]
    assert past == ["Started an hour ago"]
    for talk in Talk.objects.all():
        assert talk.is_upcoming == (talk.title == "Started 59 min ago")


def test_upcoming_is_soonest_first_and_past_is_newest_first(frozen):
    for days in [30, -3, 2, -40, 9, -1]:
        make_talk(title=f"{days:+d}", starts_at=NOW + timedelta(days=days))
    upcoming, past = split()
    assert upcoming == ["+2", "+9", "+30"]
    assert past == ["-1", "-3", "-40"]


def test_every_public_talk_is_either_upcoming_or_past_and_drafts_are_neither(frozen):
    for minutes in range(-150, 151, 15):
        make_talk(starts_at=NOW + timedelta(minutes=minutes), ends_at=None)
        make_talk(starts_at=NOW + timedelta(minutes=minutes))
    make_draft_talk(title="Draft", starts_at=NOW + timedelta(days=1))
    make_draft_talk(title="Undated draft", starts_at=None)
    public = Talk.objects.published()
    upcoming, past = set(public.upcoming()), set(public.past())
    assert not upcoming & past
    assert upcoming | past == set(public)
    assert "Draft" not in {t.title for t in upcoming | past}
    for talk in public:
        assert talk.is_upcoming == (talk in upcoming)


# --- Constraints and validation --------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"ends_at": NOW - timedelta(minutes=1)}, "talk_ends_after_start"),
        ({"ends_at": NOW}, "talk_ends_after_start"),
        ({"starts_at": None, "ends_at": NOW}, "talk_ends_after_start"),
        ({"starts_at": None, "ends_at": None}, "talk_published_has_start"),
    ],
)
def test_database_refuses_impossible_talks(fields, constraint):
    values = {
        "title": "Bad",
        "slug": "bad",
        "visibility": Talk.Visibility.PUBLISHED,
        "starts_at": NOW,
    } | fields
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        Talk.objects.create(**values)


def test_a_draft_may_have_no_date_yet():
    talk = make_draft_talk(starts_at=None)
    talk.full_clean()
    assert talk.starts_at is None and talk.ends_at is None


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"ends_at": NOW - timedelta(hours=1)}, "ends_at",
         "The talk must end after it starts."),
        ({"ends_at": NOW}, "ends_at", "The talk must end after it starts."),
        ({"starts_at": None, "ends_at": None}, "starts_at",
         "A published talk needs a start date and time."),
        ({"starts_at": None, "visibility": "draft"}, "starts_at",
         "Give the start time as well as the end time."),
        ({"slug": "calendar"}, "slug", "“calendar” is already used by the site"),
        ({"slug": "feed"}, "slug", "“feed” is already used by the site"),
    ],
)  # fmt: skip
def test_validation_errors_are_in_plain_words(fields, field, message):
    values = {"title": "Talk", "slug": "talk", "visibility": "published",
              "starts_at": NOW, "ends_at": NOW + timedelta(hours=1)}  # fmt: skip
    values |= fields
    talk = Talk(**values)
    with pytest.raises(ValidationError) as caught:
        talk.full_clean()
    assert any(message in text for text in caught.value.message_dict[field])


def test_hostile_abstract_html_is_sanitised_on_save():
    talk = make_talk(
        abstract='<p onclick="steal()">Hi <script>alert(1)</script>'
        '<a href="javascript:alert(1)">x</a> <a href="https://example.org">ok</a>'
        "</p><style>p{}</style><iframe src=https://evil.example></iframe>"
        '<img src=x onerror="alert(1)">'
    )
    talk.refresh_from_db()
    assert "script" not in talk.abstract and "alert" not in talk.abstract
    assert "onclick" not in talk.abstract and "onerror" not in talk.abstract
    assert "iframe" not in talk.abstract and "style" not in talk.abstract
    assert '<a href="https://example.org" rel="noopener noreferrer">ok</a>' in (
        talk.abstract
    )
    assert Talk.objects.filter(abstract__contains="<script").count() == 0


def test_update_fields_save_still_sanitises():
    talk = make_talk()
    talk.abstract = "<p>New<script>x()</script></p>"
    talk.save(update_fields=["abstract"])
    talk.refresh_from_db()
    assert talk.abstract == "<p>New</p>"


# --- Derived fields: announcement date, iCalendar sequence, UID -----------------


def test_announced_at_is_set_once_when_first_published():
    talk = make_draft_talk()
    assert talk.announced_at is None
    talk.visibility = Talk.Visibility.PUBLISHED
    talk.save()
    first = talk.announced_at
    assert first is not None
    talk.visibility = Talk.Visibility.DRAFT
    talk.save()
    talk.visibility = Talk.Visibility.PUBLISHED
    talk.save()
    assert Talk.objects.get(pk=talk.pk).announced_at == first


def test_sequence_rises_when_time_place_or_status_change_only():
    talk = make_talk()
    assert talk.sequence == 0
    talk = Talk.objects.get(pk=talk.pk)
    talk.abstract = "<p>Reworded.</p>"
    talk.save()
    assert Talk.objects.get(pk=talk.pk).sequence == 0
    talk.starts_at += timedelta(hours=1)
    talk.ends_at += timedelta(hours=1)
    talk.save()
    assert Talk.objects.get(pk=talk.pk).sequence == 1
    talk.status = Talk.Status.CANCELLED
    talk.save()
    assert Talk.objects.get(pk=talk.pk).sequence == 2
    reloaded = Talk.objects.get(pk=talk.pk)
    reloaded.venue = "Another hall"
    reloaded.save(update_fields=["venue"])
    assert Talk.objects.get(pk=talk.pk).sequence == 3


def test_sequence_is_not_raised_by_a_partially_loaded_talk():
    talk = make_talk()
    partial = Talk.objects.only("pk", "title", "abstract").get(pk=talk.pk)
    partial.title = talk.title
    partial.save(update_fields=["title"])
    assert Talk.objects.get(pk=talk.pk).sequence == 0


def test_uid_is_stable_when_the_slug_changes():
    talk = make_talk(slug="first-slug")
    uid = talk.uid
    talk.slug = "second-slug"
    talk.save()
    assert Talk.objects.get(pk=talk.pk).uid == uid == f"talk-{talk.pk}@blog.example.org"


@pytest.mark.parametrize(
    ("venue", "city", "is_online", "place"),
    [("Hall", "Edinburgh", False, "Hall, Edinburgh"), ("", "Leith", False, "Leith"),
     ("", "", True, "Online"), ("Hall", "Perth", True, "Hall, Perth and online"),
     ("", "", False, "")],
)  # fmt: skip
def test_place_in_a_few_words(venue, city, is_online, place):
    assert Talk(venue=venue, city=city, is_online=is_online).place == place


# --- Times are shown in UK time, zone named -------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ((2026, 1, 15, 18, 30), (2026, 1, 15, 20, 0),
         "Thursday 15 January 2026, 18:30–20:00 GMT"),
        ((2026, 7, 2, 9, 0), (2026, 7, 2, 10, 30),
         "Thursday 2 July 2026, 09:00–10:30 BST"),
        ((2026, 7, 2, 9, 0), None, "Thursday 2 July 2026, 09:00 BST"),
        ((2026, 10, 1, 9, 0), (2026, 10, 2, 17, 0),
         "Thursday 1 October 2026, 09:00 BST – Friday 2 October 2026, 17:00 BST"),
        ((2026, 3, 29, 0, 30), (2026, 3, 29, 3, 0),
         "Sunday 29 March 2026, 00:30 GMT–03:00 BST"),
    ],
)  # fmt: skip
def test_talk_times_read_in_uk_time_with_the_zone_named(start, end, text):
    talk = Talk(
        starts_at=datetime(*start, tzinfo=LONDON).astimezone(ZoneInfo("UTC")),
        ends_at=datetime(*end, tzinfo=LONDON) if end else None,
    )
    assert talk_when(talk) == text


def test_control_characters_are_dropped_from_plain_text_fields():
    talk = make_talk(title="Sleep\x00 and\x0b rest", city="Edin\x1fburgh ")
    talk.refresh_from_db()
    assert talk.title == "Sleep and rest"
    assert talk.city == "Edinburgh"


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        # 01:00-02:00 happens twice on 25 October 2026: first BST, then GMT.
        ((0, 30), (1, 30), "Sunday 25 October 2026, 01:30 BST–01:30 GMT"),
        ((1, 15), (2, 0), "Sunday 25 October 2026, 01:15–02:00 GMT"),
        ((0, 15), (0, 45), "Sunday 25 October 2026, 01:15–01:45 BST"),
    ],
)
def test_times_in_the_hour_the_clocks_go_back_name_their_zone(start, end, text):
    talk = Talk(
        starts_at=datetime(2026, 10, 25, *start, tzinfo=UTC),
        ends_at=datetime(2026, 10, 25, *end, tzinfo=UTC),
    )
    assert talk_when(talk) == text


# --- SEQUENCE never goes down ----------------------------------------------------


def test_a_stale_copy_of_a_talk_cannot_lower_the_sequence():
    """Two editors load the talk; the first moves it (SEQUENCE 1). The second,
    still holding the old time and SEQUENCE 0, saves a reworded abstract: that
    puts the old time back, a change calendars must take, so SEQUENCE 2."""
    talk = make_talk()
    first, second = Talk.objects.get(pk=talk.pk), Talk.objects.get(pk=talk.pk)
    first.starts_at += timedelta(hours=1)
    first.ends_at += timedelta(hours=1)
    first.save()
    assert Talk.objects.get(pk=talk.pk).sequence == 1
    second.abstract = "<p>Reworded.</p>"
    second.save()
    stored = Talk.objects.get(pk=talk.pk)
    assert (stored.starts_at, stored.sequence) == (talk.starts_at, 2)
    second.abstract = "<p>Reworded again.</p>"
    second.save()
    assert Talk.objects.get(pk=talk.pk).sequence == 2


def test_a_talk_built_by_hand_still_raises_the_sequence():
    """A talk not loaded from the database (an importer's Talk(pk=…)) is
    compared with the stored row too."""
    talk = make_talk()
    values = {f.attname: getattr(talk, f.attname) for f in Talk._meta.concrete_fields}
    rebuilt = Talk(**(values | {"city": "Leith", "sequence": 0}))
    rebuilt.save()
    stored = Talk.objects.get(pk=talk.pk)
    assert (stored.city, stored.sequence) == ("Leith", 1)
    assert stored.announced_at == talk.announced_at


# --- Links are http(s) only ------------------------------------------------------


def test_code_cannot_store_a_link_that_is_not_http():
    talk = make_talk(
        event_url="javascript:alert(9)",
        slides_url="  https://example.org/slides.pdf ",
        video_url="ftp://example.org/video.mp4",
    )
    talk.refresh_from_db()
    assert talk.event_url == ""
    assert talk.slides_url == "https://example.org/slides.pdf"
    assert talk.video_url == ""


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(9)", "JaVaScRiPt:alert(9)", "java\tscript:alert(9)",
     "\x01javascript:alert(9)", "data:text/html,<script>alert(9)</script>",
     "vbscript:msgbox(1)", "ftp://example.org/x", "mailto:a@example.org",
     "/talks/", "slides", "http://", "https://[::1"],
)  # fmt: skip
def test_only_absolute_web_addresses_are_kept(url):
    talk = make_talk(event_url=url)
    assert Talk.objects.get(pk=talk.pk).event_url == ""


@pytest.mark.parametrize(
    ("url", "kept"),
    [("www.example.org/slides.pdf", "https://www.example.org/slides.pdf"),
     ("example.org/x", "https://example.org/x"),
     ("//video.example.org/talk", "https://video.example.org/talk")],
)  # fmt: skip
def test_a_web_address_without_its_scheme_is_kept_as_https(url, kept):
    """Typed or imported without "https://", a link is completed, not lost."""
    talk = make_talk(slides_url=url)
    assert Talk.objects.get(pk=talk.pk).slides_url == kept


@pytest.mark.parametrize("field", ["event_url", "slides_url", "video_url"])
def test_validation_refuses_links_that_are_not_http(field):
    talk = Talk(title="T", slug="t", starts_at=NOW, city="Edinburgh",
                **{field: "ftp://example.org/file"})  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        talk.full_clean()
    assert caught.value.message_dict[field] == [
        "Enter a web address starting with http:// or https://."
    ]


# --- A talk given in person says where ---------------------------------------------


@pytest.mark.parametrize(
    ("fields", "valid"),
    [
        ({}, False),
        ({"city": "Leith"}, True),
        ({"venue": "Example Hall"}, True),
        ({"is_online": True}, True),
        ({"visibility": "draft"}, True),
    ],
)
def test_a_published_talk_in_person_needs_a_venue_or_a_city(fields, valid):
    values = {"title": "T", "slug": "t", "visibility": "published",
              "starts_at": NOW} | fields  # fmt: skip
    talk = Talk(**values)
    if valid:
        talk.full_clean()
        return
    with pytest.raises(ValidationError) as caught:
        talk.full_clean()
    assert caught.value.message_dict == {
        "venue": [
            "Say where the talk is: give a venue or a city, or tick “online” "
            "for a talk given online."
        ]
    }


# --- One definition of upcoming ----------------------------------------------------


def test_is_upcoming_and_the_queryset_agree_at_every_boundary(frozen):
    """Talk.is_upcoming and upcoming()/past() share effective_end(): at and
    around the end (given, or start + DEFAULT_DURATION) they never differ."""
    offsets = [timedelta(seconds=s) for s in (-1, 0, 1)]
    for n, delta in enumerate(offsets):
        make_talk(title=f"ends {n}", starts_at=NOW - timedelta(hours=2),
                  ends_at=NOW + delta)  # fmt: skip
        make_talk(title=f"open {n}", starts_at=NOW - DEFAULT_DURATION + delta,
                  ends_at=None)  # fmt: skip
    upcoming = set(Talk.objects.upcoming().values_list("title", flat=True))
    past = set(Talk.objects.past().values_list("title", flat=True))
    assert upcoming == {"ends 2", "open 2"}
    assert past == {"ends 0", "ends 1", "open 0", "open 1"}
    for talk in Talk.objects.all():
        assert talk.is_upcoming == (talk.title in upcoming), talk.title
        assert talk.effective_ends_at == effective_end(talk.ends_at, talk.starts_at)


def test_going_ahead_leaves_out_cancelled_and_postponed_talks():
    make_talk(title="On")
    make_talk(title="Off", status=Talk.Status.CANCELLED)
    make_talk(title="Later", status=Talk.Status.POSTPONED)
    assert [t.title for t in Talk.objects.going_ahead()] == ["On"]
