"""The page cache and HTTP caching headers (issue #7): anonymous readers get cached
pages, every content change shows on the next request, staff never see a cached
page, conditional GETs get 304, and each kind of page says who may cache it."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client
from django.urls import path, reverse
from django.utils import timezone
from taggit.models import Tag

from hawkins_site.cache import (
    PROCESS_LOCAL_STATE_SECONDS,
    STATE_KEY,
    bump_content_version,
    current_state,
)
from posts.models import Attachment as PostAttachment
from posts.models import Post, Series
from talks.models import Talk
from tests.factories import (
    EMPTY_INLINES,
    make_draft,
    make_post,
    make_scheduled,
    make_talk,
)
from tests.images import PDF

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/", "/posts/cached/", "/tags/sleep/", "/tags/", "/archive/", "/talks/",
    "/search/?q=sleep",
]  # fmt: skip
FEEDS = [
    "/feed/", "/feed/atom/", "/rss.xml", "/feed.json", "/tags/sleep/feed/",
    "/sitemap.xml", "/talks/feed/", "/talks/calendar.ics",
]  # fmt: skip


@pytest.fixture
def reader():
    """An anonymous client beside `client`, which staff_client logs in."""
    return Client()


@pytest.fixture
def post():
    return make_post(title="Cached title", slug="cached", tags=["Sleep"])


def get(client, url, **headers):
    return client.get(url, **{f"HTTP_{k.upper()}": v for k, v in headers.items()})


# --- Served from the cache -----------------------------------------------------


@pytest.mark.parametrize("url", PUBLIC_PAGES + FEEDS)
def test_second_anonymous_get_is_a_cache_hit_without_queries(
    client, django_assert_num_queries, post, url
):
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["ETag"] == first["ETag"]


def test_head_is_answered_from_the_cache(client, post):
    client.get("/")
    assert client.head("/")["X-Page-Cache"] == "hit"


def test_query_strings_are_cached_apart(client):
    for _ in range(11):
        make_post()
    first = client.get("/")
    second = client.get("/", {"page": 2})
    assert second["X-Page-Cache"] == "miss"
    assert first.content != second.content


def stored(client, url):
    """True when a fresh request for `url` was stored (or already was)."""
    return client.get(url).get("X-Page-Cache") in {"miss", "hit"}


def test_parameters_a_page_does_not_read_are_never_stored(client, post):
    """/?utm=a1, /?utm=a2, … would each fill the cache with a copy of the home
    page (and its pagination links carry the junk): such answers are rendered,
    not stored. The same goes for a parameter another page uses, such as ?q=
    on a post, and a parameter given twice."""
    for url in ["/?utm=a1", "/?utm=a2", "/?page=1&utm=x", "/posts/cached/?q=x",
                "/tags/sleep/?q=sleep", "/?page=1&page=1", "/?=x",
                # Values a page reads but takes another way: page 1 by other names,
                # an unknown tag or year, a query the search cut short or trimmed.
                "/?page=a1", "/?page=a2", "/?page=01", "/?page=", "/?page=0",
                "/search/?q=sleep&tag=nosuchtag", "/search/?q=sleep&year=1850",
                "/search/?q=sleep&year=abc", "/search/?q=%20sleep"]:  # fmt: skip
        assert client.get(url).status_code == 200, url
        assert not stored(client, url), url
        assert client.get(url)["Cache-Control"].startswith("public"), url


def test_parameters_a_page_reads_are_cached_under_one_key(client, post):
    """Each page's own parameters are stored, under their parsed values: the
    order and empty pairs of the raw query string make no copies."""
    for _ in range(11):
        make_post()
    assert client.get("/?page=2")["X-Page-Cache"] == "miss"
    assert client.get("/?page=2&&")["X-Page-Cache"] == "hit"
    assert client.get("/?&page=2")["X-Page-Cache"] == "hit"
    year = post.published_at.year  # a year the search offers: it has posts
    assert client.get(f"/search/?q=sleep&year={year}")["X-Page-Cache"] == "miss"
    assert client.get(f"/search/?year={year}&q=sleep")["X-Page-Cache"] == "hit"
    assert client.get("/search/?q=sleep&tag=sleep&page=1")["X-Page-Cache"] == "miss"
    assert client.get("/?")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_not_found_is_not_cached(client):
    client.get("/posts/nope/")
    assert "X-Page-Cache" not in client.get("/posts/nope/")


def test_disabled_page_cache_renders_every_time_but_keeps_the_headers(
    client, settings, post
):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/")
    response = client.get("/")
    assert "X-Page-Cache" not in response
    assert response["Cache-Control"] == "public, max-age=60, s-maxage=300"
    assert response.has_header("ETag") and response.has_header("Last-Modified")
    again = get(client, "/", if_none_match=response["ETag"])
    assert again.status_code == 304


# --- Invalidation: the next anonymous request sees every change -----------------


def warm(client, *urls):
    for url in urls:
        assert client.get(url).status_code == 200
        assert client.get(url)["X-Page-Cache"] == "hit"


def test_publishing_a_draft_shows_it_everywhere(client, post):
    draft = make_draft(title="Fresh news", slug="fresh", tags=["Sleep"])
    warm(client, "/", "/tags/sleep/", "/feed/", "/sitemap.xml")
    draft.status = Post.Status.PUBLISHED
    draft.published_at = timezone.now() - timedelta(minutes=1)
    draft.save()
    for url in ["/", "/tags/sleep/", "/feed/", "/sitemap.xml"]:
        assert b"fresh" in client.get(url).content, url
    assert client.get("/posts/fresh/").status_code == 200


def test_editing_a_post_shows_the_edit(client, post):
    warm(client, "/", "/posts/cached/", "/feed/")
    post.title = "Edited title"
    post.save()
    for url in ["/", "/posts/cached/", "/feed/"]:
        content = client.get(url).content
        assert b"Edited title" in content and b"Cached title" not in content, url


def test_unpublishing_a_post_hides_it(client, post):
    warm(client, "/", "/posts/cached/", "/tags/sleep/", "/tags/", "/feed/")
    post.status = Post.Status.DRAFT
    post.save()
    assert client.get("/posts/cached/").status_code == 404
    assert client.get("/tags/sleep/").status_code == 404
    for url in ["/", "/tags/", "/feed/"]:
        assert b"cached" not in client.get(url).content, url


def test_deleting_a_post_removes_it(client, post):
    warm(client, "/", "/posts/cached/", "/feed/", "/sitemap.xml")
    post.delete()
    assert client.get("/posts/cached/").status_code == 404
    for url in ["/", "/feed/", "/sitemap.xml"]:
        assert b"cached" not in client.get(url).content, url


@pytest.mark.parametrize(
    "retag",
    [
        lambda post: post.tags.add("Stress"),
        lambda post: post.tags.set(["Stress"]),
        lambda post: post.tags.remove("Sleep") or post.tags.add("Stress"),
        lambda post: post.tags.clear() or post.tags.add("Stress"),
    ],
    ids=["add", "set", "remove", "clear"],
)
def test_retagging_a_post_moves_it_between_tag_pages(client, post, retag):
    make_post(title="Keeps sleep alive", tags=["Sleep"])
    warm(client, "/posts/cached/", "/tags/sleep/", "/tags/", "/feed/")
    retag(post)
    assert b"/tags/stress/" in client.get("/posts/cached/").content
    assert b"stress" in client.get("/tags/").content
    assert client.get("/tags/stress/").status_code == 200
    assert b"<category>Stress</category>" in client.get("/feed/").content
    if not post.tags.filter(name="Sleep").exists():
        assert b"/posts/cached/" not in client.get("/tags/sleep/").content


def test_renaming_a_tag_shows_the_new_name(client, post):
    warm(client, "/posts/cached/", "/tags/")
    tag = Tag.objects.get(name="Sleep")
    tag.name = "Restful sleep"
    tag.save()
    assert b"Restful sleep" in client.get("/posts/cached/").content
    assert b"Restful sleep" in client.get("/tags/").content


def test_a_change_through_the_admin_shows_at_once(reader, admin_client, post):
    warm(reader, "/posts/cached/")
    response = admin_client.post(
        reverse("admin:posts_post_change", args=[post.pk]),
        {
            "title": "Rewritten in the admin",
            "slug": "cached",
            "body": "<p>New words.</p>",
            "excerpt": "",
            "tags": "Sleep",
            "status": "published",
            "published_at_0": "2024-01-02",
            "published_at_1": "10:00",
            **EMPTY_INLINES,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert b"Rewritten in the admin" in reader.get("/posts/cached/").content


def test_talk_edits_show_on_talk_pages_home_and_calendar(client):
    talk = make_talk(title="Kindness at work", slug="kindness-at-work")
    warm(client, "/", "/talks/", "/talks/kindness-at-work/", "/talks/calendar.ics")
    talk.title = "Kindness in the clinic"
    talk.save()
    for url in ["/", "/talks/", "/talks/kindness-at-work/", "/talks/calendar.ics"]:
        assert b"Kindness in the clinic" in client.get(url).content, url
    talk.visibility = Talk.Visibility.DRAFT
    talk.save()
    assert client.get("/talks/kindness-at-work/").status_code == 404
    assert b"Kindness" not in client.get("/talks/calendar.ics").content


def test_series_changes_show_on_its_page_and_its_posts(client):
    series = Series.objects.create(title="Breathing room", slug="breathing-room")
    make_post(slug="part-one", series=series, series_position=1)
    make_post(slug="part-two", series=series, series_position=2)
    warm(client, "/series/breathing-room/", "/posts/part-one/", "/series/")
    series.title = "Room to breathe"
    series.save()
    for url in ["/series/breathing-room/", "/posts/part-one/", "/series/"]:
        assert b"Room to breathe" in client.get(url).content, url


def test_adding_and_removing_a_download_shows_on_the_post(client, post):
    warm(client, "/posts/cached/")
    download = PostAttachment.objects.create(
        post=post, title="Reflection sheet", file=SimpleUploadedFile("sheet.pdf", PDF)
    )
    assert b"Reflection sheet" in client.get("/posts/cached/").content
    download.delete()
    assert b"Reflection sheet" not in client.get("/posts/cached/").content


def test_a_scheduled_post_appears_when_due_without_any_save(client, travel, post):
    due_at = timezone.now() + timedelta(hours=2)
    make_scheduled(title="Due soon", slug="due-soon", published_at=due_at)
    warm(client, "/", "/feed/")
    assert b"due-soon" not in client.get("/").content
    travel(timedelta(hours=3))
    assert b"due-soon" in client.get("/").content
    assert b"due-soon" in client.get("/feed/").content


def test_a_talk_without_an_end_moves_to_past_an_hour_after_it_starts(client, travel):
    """No save happens when a talk ends: the cache retires its pages at the end,
    which for a talk without an end time is an hour after the start."""
    from talks.models import Talk
    from tests.factories import make_talk

    starts_at = timezone.now() + timedelta(minutes=10)
    make_talk(
        title="Open-ended talk", slug="open-ended", starts_at=starts_at, ends_at=None
    )
    travel(timedelta(minutes=15))  # started: still upcoming for the next hour
    page = client.get("/talks/")
    assert [t.slug for t in page.context["upcoming"]] == ["open-ended"]
    travel(timedelta(hours=5))
    page = client.get("/talks/")
    assert page.get("X-Page-Cache") != "hit"
    assert list(Talk.objects.published().upcoming()) == []
    assert b"open-ended" in page.content  # now listed among the past talks
    assert not page.context["upcoming"]


def test_bulk_writes_show_after_a_manual_bump(client, post):
    """update() and bulk_create() send no signals: bulk writers bump by hand."""
    warm(client, "/posts/cached/")
    Post.objects.filter(pk=post.pk).update(title="Bulk edited")
    assert b"Cached title" in client.get("/posts/cached/").content
    bump_content_version()
    assert b"Bulk edited" in client.get("/posts/cached/").content


def test_changes_outside_the_content_apps_keep_the_cache(client, post):
    warm(client, "/")
    version = current_state().version
    get_user_model().objects.create_user("reader", password="a-long-password-1")
    assert current_state().version == version
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_content_state_is_rebuilt_when_the_cache_loses_it(client, post):
    from django.core.cache import cache

    client.get("/")
    cache.delete(STATE_KEY)
    response = client.get("/")
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"


def test_an_edit_saved_by_another_worker_shows_within_seconds(
    client, monkeypatch, post
):
    """Local memory is one gunicorn worker's own: an edit saved through another
    worker bumps only that worker's version, so here the state must expire."""
    import time

    warm(client, "/posts/cached/")
    # Another process's save: the database changes, this process's cache hears nothing.
    Post.objects.filter(pk=post.pk).update(title="Saved by another worker")
    assert client.get("/posts/cached/")["X-Page-Cache"] == "hit"
    later = time.time() + PROCESS_LOCAL_STATE_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)
    response = client.get("/posts/cached/")
    assert response["X-Page-Cache"] == "miss"
    assert b"Saved by another worker" in response.content


# --- Staff, cookies and tokens bypass the shared cache ---------------------------


def test_staff_are_never_served_a_cached_page(reader, staff_client, post):
    warm(reader, "/posts/cached/", "/")
    Post.objects.filter(pk=post.pk).update(title="Only staff see this yet")
    for url in ["/posts/cached/", "/"]:
        response = staff_client.get(url)
        assert b"Only staff see this yet" in response.content
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]


def test_staff_requests_never_fill_the_cache(reader, staff_client, post):
    staff_client.get("/posts/cached/")
    assert reader.get("/posts/cached/")["X-Page-Cache"] == "miss"


def test_staff_previews_are_private_and_not_stored(staff_client, reader):
    draft = make_draft(slug="secret-draft")
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)
    assert reader.get(draft.get_absolute_url()).status_code == 404


def test_any_session_cookie_bypasses_the_cache(client, post):
    warm(client, "/")
    client.cookies["sessionid"] = "not-a-real-session"
    response = client.get("/")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def csrf_page(request):
    return HttpResponse(f"<form>{get_token(request)}</form>")


def cookie_page(request):
    response = HttpResponse("Hello")
    response.set_cookie("seen", "yes")
    return response


def calendar(request):
    return HttpResponse("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")


urlpatterns = [
    path("form/", csrf_page),
    path("cookie/", cookie_page),
    path("calendar.ics", calendar),
]


@pytest.mark.urls("tests.test_cache")
@pytest.mark.parametrize("url", ["/form/", "/cookie/"])
def test_responses_with_tokens_or_cookies_are_never_cached_or_public(client, url):
    for _ in range(2):
        response = client.get(url)
        assert response.cookies
        assert "X-Page-Cache" not in response
        assert "public" not in response.get("Cache-Control", "")


# --- Conditional GET -----------------------------------------------------------


@pytest.mark.parametrize("url", PUBLIC_PAGES + FEEDS)
def test_conditional_get_is_answered_with_304(client, post, url):
    first = client.get(url)
    assert first.has_header("ETag") and first.has_header("Last-Modified")
    by_etag = get(client, url, if_none_match=first["ETag"])
    assert by_etag.status_code == 304 and by_etag.content == b""
    assert by_etag["ETag"] == first["ETag"]
    assert by_etag["Cache-Control"] == first["Cache-Control"]
    by_date = get(client, url, if_modified_since=first["Last-Modified"])
    assert by_date.status_code == 304


def test_304_on_a_cold_cache_too(client, post, settings):
    etag = client.get("/posts/cached/")["ETag"]
    from django.core.cache import cache

    cache.clear()
    response = get(client, "/posts/cached/", if_none_match=etag)
    assert response.status_code == 304
    # The full page was still rendered and stored for the next reader.
    assert client.get("/posts/cached/")["X-Page-Cache"] == "hit"


def test_validators_change_when_content_changes(client, post):
    first = client.get("/posts/cached/")
    post.title = "Changed"
    post.save()
    response = get(
        client,
        "/posts/cached/",
        if_none_match=first["ETag"],
    )
    assert response.status_code == 200
    assert b"Changed" in response.content


def test_last_modified_moves_with_every_change(client, post, travel):
    first = client.get("/")
    travel(timedelta(minutes=5))
    make_post(title="Later")
    response = get(client, "/", if_modified_since=first["Last-Modified"])
    assert response.status_code == 200
    assert response["Last-Modified"] != first["Last-Modified"]


# --- Cache-Control per kind of page ---------------------------------------------


def directives(response):
    return {d.strip() for d in response.get("Cache-Control", "").split(",") if d}


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_may_be_cached_by_browsers_and_shared_caches(client, post, url):
    response = client.get(url)
    assert directives(response) == {"public", "max-age=60", "s-maxage=300"}


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_and_sitemap_are_cached_longer(client, post, url):
    response = client.get(url)
    assert directives(response) == {"public", "max-age=900", "s-maxage=900"}


@pytest.mark.urls("tests.test_cache")
def test_calendars_are_cached_like_feeds(client):
    response = client.get("/calendar.ics")
    assert directives(response) == {"public", "max-age=900", "s-maxage=900"}
    assert client.get("/calendar.ics")["X-Page-Cache"] == "hit"


def test_admin_pages_are_private_and_never_stored(reader, admin_client):
    login = reader.get(reverse("admin:login"))
    assert {"private", "no-store"} <= directives(login)
    assert "X-Page-Cache" not in login
    index = admin_client.get(reverse("admin:index"))
    assert {"private", "no-store"} <= directives(index)


def test_error_pages_are_not_public(client):
    assert "public" not in client.get("/posts/nope/").get("Cache-Control", "")


# --- A cache outage costs speed, never a page ------------------------------------


class BrokenCache:
    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("cache server down")

        return fail


def test_pages_are_served_while_the_cache_is_down(client, monkeypatch, post):
    monkeypatch.setattr("hawkins_site.middleware.cache", BrokenCache())
    monkeypatch.setattr("hawkins_site.cache.cache", BrokenCache())
    response = client.get("/posts/cached/")
    assert response.status_code == 200
    assert b"Cached title" in response.content
    assert "public" not in response.get("Cache-Control", "")


def test_content_can_be_saved_while_the_cache_is_down(monkeypatch, post, caplog):
    monkeypatch.setattr("hawkins_site.cache.cache", BrokenCache())
    post.title = "Saved anyway"
    post.save()
    assert Post.objects.get(pk=post.pk).title == "Saved anyway"
    assert "Could not retire cached pages" in caplog.text


def test_pages_are_served_when_storing_fails(client, monkeypatch, post):
    from django.core.cache import cache

    class ReadOnlyCache:
        get = staticmethod(cache.get)

        def set(self, *args, **kwargs):
            raise ConnectionError("cache full")

    monkeypatch.setattr("hawkins_site.middleware.cache", ReadOnlyCache())
    response = client.get("/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_a_bad_host_is_a_400_not_a_cache_outage(client, caplog):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Page cache unavailable" not in caplog.text


def test_a_page_from_the_cache_carries_the_same_security_headers(client, post):
    rendered = client.get("/")
    hit = client.get("/")
    assert hit["X-Page-Cache"] == "hit"
    for header in ["Content-Security-Policy", "Permissions-Policy",
                   "X-Content-Type-Options", "Referrer-Policy",
                   "Cross-Origin-Opener-Policy", "X-Frame-Options"]:  # fmt: skip
        assert hit[header] == rendered[header], header
