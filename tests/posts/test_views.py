from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import html5lib
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from hawkins_site.cache import bump_content_version
from posts.models import Post, Series
from tests.factories import make_draft, make_post, make_scheduled

pytestmark = pytest.mark.django_db

FIVE_TAGS = ["mindfulness", "compassion", "research", "sleep", "stress"]


def nav_items(response, label):
    """[(text, aria-current holder's text or None, link hrefs)] for each <li> of
    the <nav aria-label=label>, parsed as a browser would (html5lib)."""
    document = html5lib.parse(response.content, namespaceHTMLElements=False)
    (nav,) = [n for n in document.iter("nav") if n.get("aria-label") == label]
    items = []
    for li in nav.iter("li"):
        current = [e for e in li.iter() if e.get("aria-current") == "page"]
        items.append(
            (
                " ".join(" ".join(li.itertext()).split()),
                " ".join(current[0].itertext()) if current else None,
                [a.get("href") for a in li.iter("a")],
            )
        )
    return items


# --- Home ----------------------------------------------------------------------


def test_home_lists_newest_first_with_teaser_tags_and_read_more(client):
    older = make_post(title="Older", published_at=timezone.now() - timedelta(days=9))
    newer = make_post(
        title="Newer",
        tags=["Compassion"],
        body="<p>First paragraph &amp; more.</p><p>Not in the teaser.</p>",
    )
    response = client.get(reverse("posts:list"))
    assert response.status_code == 200
    assertTemplateUsed(response, "posts/post_list.html")
    assert list(response.context["page"].object_list) == [newer, older]
    assertContains(
        response, f'<a href="{newer.get_absolute_url()}">Newer</a>', html=True
    )
    assertContains(response, "First paragraph &amp; more.")
    assertNotContains(response, "Not in the teaser.")
    assertContains(response, 'href="/tags/compassion/"')
    assertContains(response, "Read more")


def test_home_paginates_ten_per_page(client):
    for _ in range(12):
        make_post()
    first = client.get(reverse("posts:list"))
    second = client.get(reverse("posts:list"), {"page": 2})
    assert len(first.context["page"].object_list) == 10
    assert len(second.context["page"].object_list) == 2
    assertContains(first, 'href="?page=2"')


def test_pagination_writes_only_list_items_with_something_in_them(client):
    for _ in range(21):
        make_post()
    url = reverse("posts:list")
    first, middle, last = (client.get(url, {"page": n}) for n in (1, 2, 3))
    assert nav_items(first, "Pages") == [
        ("Page 1 of 3", "Page 1 of 3", []),
        ("Older posts →", None, ["?page=2"]),
    ]
    assert nav_items(middle, "Pages") == [
        ("← Newer posts", None, ["?page=1"]),
        ("Page 2 of 3", "Page 2 of 3", []),
        ("Older posts →", None, ["?page=3"]),
    ]
    assert nav_items(last, "Pages") == [
        ("← Newer posts", None, ["?page=2"]),
        ("Page 3 of 3", "Page 3 of 3", []),
    ]


def test_one_page_has_no_pagination(client):
    make_post()
    assertNotContains(client.get(reverse("posts:list")), 'aria-label="Pages"')


@pytest.mark.parametrize(
    ("page", "status", "number"),
    [("abc", 200, 1), ("", 200, 1), ("0", 200, 1), ("-1", 200, 1), ("1.5", 200, 1),
     ("2", 200, 2), ("3", 404, None), ("999999", 404, None),
     ("9" * 40, 404, None), ("\x00", 200, 1)],
)  # fmt: skip
def test_page_parameter_edge_cases(client, page, status, number):
    for _ in range(11):
        make_post()
    response = client.get(reverse("posts:list"), {"page": page})
    assert response.status_code == status
    if number:
        assert response.context["page"].number == number


def test_empty_home_says_so(client):
    response = client.get(reverse("posts:list"))
    assertContains(response, "Nothing has been published yet.")


# --- Post page -----------------------------------------------------------------


def test_post_page_shows_everything_a_reader_needs(client):
    older = make_post(
        title="Older one", published_at=timezone.now() - timedelta(days=5)
    )
    post = make_post(
        title="The post",
        body="<h2>Part</h2><p>Body text.</p>",
        tags=["Sleep", "Stress"],
        published_at=timezone.now() - timedelta(days=3),
    )
    newer = make_post(
        title="Newer one", published_at=timezone.now() - timedelta(days=1)
    )
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    assertContains(response, '<h1 id="post-title">The post</h1>', html=True)
    assertContains(response, '<h2 id="h-part">Part</h2><p>Body text.</p>', html=True)
    assertContains(response, "Published on")
    assertContains(response, 'href="/tags/sleep/"')
    assertContains(response, f'href="{older.get_absolute_url()}" rel="prev"')
    assertContains(response, f'href="{newer.get_absolute_url()}" rel="next"')
    assertContains(
        response, f'<link rel="canonical" href="{post.get_canonical_url()}">'
    )
    assertNotContains(response, "not public")


def test_last_updated_is_shown_only_when_it_differs(client):
    post = make_post(published_at=timezone.now() - timedelta(days=40))
    assertContains(client.get(post.get_absolute_url()), "Last updated on")
    Post.objects.filter(pk=post.pk).update(updated_at=post.published_at)
    bump_content_version()  # update() sends no signal
    assertNotContains(client.get(post.get_absolute_url()), "Last updated on")


def test_share_links_use_the_canonical_absolute_url(client):
    post = make_post(title="Sharing & caring", slug="sharing")
    response = client.get(post.get_absolute_url(), HTTP_HOST="testserver")
    encoded = "https%3A%2F%2Fblog.example.org%2Fposts%2Fsharing%2F"
    title = "Sharing%20%26%20caring"
    for href in [
        f"mailto:?subject={title}&amp;body={encoded}",
        f"https://www.facebook.com/sharer/sharer.php?u={encoded}",
        f"https://x.com/intent/post?text={title}&amp;url={encoded}",
        f"https://www.linkedin.com/sharing/share-offsite/?url={encoded}",
        f"https://bsky.app/intent/compose?text={title}%20{encoded}",
        f"https://s2f.kytta.dev/?text={title}%20{encoded}",
        f"https://wa.me/?text={title}%20{encoded}",
        post.get_short_url(),
    ]:
        assertContains(response, f'href="{href}"')
    assertNotContains(response, '<script src="http')  # no third-party scripts


@pytest.mark.parametrize("factory", [make_draft, make_scheduled])
def test_hidden_posts_are_404_for_the_public(client, factory):
    post = factory()
    assert client.get(post.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("factory", "banner"),
    [(make_draft, "Draft — not public"), (make_scheduled, "Scheduled — not public")],
)
def test_staff_preview_hidden_posts_with_banner_and_no_cache(
    staff_client, factory, banner
):
    post = factory(title="Work in progress")
    response = staff_client.get(post.get_absolute_url())
    assert response.status_code == 200
    assertContains(response, banner)
    assertContains(response, "Work in progress")
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assertNotContains(response, "Share this")


def test_staff_see_public_posts_without_banner(staff_client):
    post = make_post()
    response = staff_client.get(post.get_absolute_url())
    assertNotContains(response, "not public")
    assert "X-Robots-Tag" not in response


def test_prev_next_skip_hidden_posts(client):
    make_draft(title="Hidden draft")
    make_scheduled(title="Hidden future")
    post = make_post()
    response = client.get(post.get_absolute_url())
    assert response.context["older"] is None
    assert response.context["newer"] is None


def test_post_nav_writes_only_the_neighbours_that_exist(client):
    at = timezone.now() - timedelta(days=2)
    first, middle, last = (
        make_post(title=f"Post {n}", published_at=at + timedelta(hours=n))
        for n in (1, 2, 3)
    )
    items = {p: nav_items(client.get(p.get_absolute_url()), "More posts")
             for p in (first, middle, last)}  # fmt: skip
    older = ("Previous post Post 1", None, [first.get_absolute_url()])
    newer = ("Next post Post 3", None, [last.get_absolute_url()])
    assert items[middle] == [older, newer]
    assert items[first] == [("Next post Post 2", None, [middle.get_absolute_url()])]
    assert items[last] == [("Previous post Post 2", None, [middle.get_absolute_url()])]


def test_a_lone_post_has_no_post_nav(client):
    post = make_post()
    assertNotContains(client.get(post.get_absolute_url()), 'aria-label="More posts"')


def test_scheduled_preview_says_when_it_will_be_published_not_that_it_was(
    staff_client,
):
    london = ZoneInfo("Europe/London")
    winter = datetime(2099, 12, 9, 9, 0, tzinfo=london)
    summer = datetime(2099, 6, 9, 18, 30, tzinfo=london)
    for when, text in [(winter, "9 December 2099, 09:00 (GMT)"),
                       (summer, "9 June 2099, 18:30 (BST)")]:  # fmt: skip
        post = make_scheduled(published_at=when)
        response = staff_client.get(post.get_absolute_url())
        assertContains(response, f'Scheduled for <time datetime="{when.isoformat()}')
        assertContains(response, f"{text}</time>")
        assertContains(response, f"not public until {text}")
        assertNotContains(response, "Published on")


def test_scheduled_preview_names_the_zone_in_the_hour_that_happens_twice(
    staff_client,
):
    """25 Oct 2099: the clocks go back at 02:00 BST, so 01:30 comes twice."""
    for hour, zone in [(0, "BST"), (1, "GMT")]:
        post = make_scheduled(published_at=datetime(2099, 10, 25, hour, 30, tzinfo=UTC))
        response = staff_client.get(post.get_absolute_url())
        assertContains(response, f"25 October 2099, 01:30 ({zone})</time>")


def test_draft_preview_says_not_published_yet(staff_client):
    dated = make_post(status=Post.Status.DRAFT, published_at=timezone.now())
    for post in [make_draft(), dated]:
        response = staff_client.get(post.get_absolute_url())
        assertContains(response, "Not published yet")
        assertNotContains(response, "Published on")
        assertNotContains(response, "Scheduled for")


def test_prev_next_order_posts_with_the_same_date_by_id(client):
    at = timezone.now() - timedelta(days=2)
    first, middle, last = (make_post(published_at=at) for _ in range(3))
    response = client.get(middle.get_absolute_url())
    assert response.context["older"] == first
    assert response.context["newer"] == last


def test_unknown_post_slug_is_404(client):
    assert client.get("/posts/no-such-post/").status_code == 404
    assert client.get("/posts/" + "a" * 5000 + "/").status_code == 404


def test_short_link_redirects_permanently_to_the_canonical_url(client):
    post = make_post(slug="short")
    response = client.get(reverse("posts:short", kwargs={"pk": post.pk}))
    assert response.status_code == 301
    assert response["Location"] == "/posts/short/"
    hidden = make_draft()
    assert client.get(f"/p/{hidden.pk}/").status_code == 404
    assert client.get("/p/" + "9" * 30 + "/").status_code == 404


# --- Tags ----------------------------------------------------------------------


def test_tag_page_lists_its_public_posts_with_feed_link(client):
    tagged = make_post(title="Tagged", tags=["Sleep"])
    make_post(title="Untagged")
    response = client.get("/tags/sleep/")
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [tagged]
    assertContains(response, 'href="/tags/sleep/feed/"')
    assertContains(
        response,
        '<link rel="alternate" type="application/rss+xml" '
        'title="Stressed to Zest: posts tagged Sleep (RSS)" href="/tags/sleep/feed/">',
    )


def test_tag_with_no_public_posts_is_404(client):
    make_draft(tags=["Secret"])
    make_scheduled(tags=["Secret"])
    assert client.get("/tags/secret/").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/tags/nope/", "/tags/" + "x" * 300 + "/", "/tags/%C3%A9t%C3%A9/",
     "/tags/%E2%80%93/", "/tags/%00/", "/tags/a%0Ab/", "/tags/%F0%9F%98%80/feed/"],
)  # fmt: skip
def test_odd_tag_slugs_are_404_not_500(client, path):
    assert client.get(path).status_code == 404


def test_non_ascii_tag_works(client):
    make_post(tags=["Éthique"])
    response = client.get(reverse("posts:tag", kwargs={"slug": "éthique"}))
    assert response.status_code == 200


def test_tag_cloud_lists_tags_of_public_posts_alphabetically_with_counts(client):
    make_post(tags=["sleep", "Compassion"])
    make_post(tags=["compassion"])
    make_draft(tags=["draft-only"])
    make_scheduled(tags=["future-only", "sleep"])
    response = client.get(reverse("posts:tag_cloud"))
    tags = response.context["tags"]
    assert [(t.name, t.num_posts) for t in tags] == [("sleep", 1), ("Compassion", 2)][
        ::-1
    ]
    assert [t.weight for t in tags] == [5, 1]  # five sizes, log scale
    assertContains(response, 'class="weight-5" href="/tags/compassion/"')
    assertContains(response, '(2<span class="visually-hidden"> posts</span>)')
    assertContains(response, '(1<span class="visually-hidden"> post</span>)')
    assertNotContains(response, "draft-only")
    assertNotContains(response, "future-only")


# --- Archive -------------------------------------------------------------------


def test_archive_index_counts_public_posts_per_year(client):
    tz = timezone.get_current_timezone()
    make_post(published_at=timezone.datetime(2024, 5, 1, tzinfo=tz))
    make_post(published_at=timezone.datetime(2024, 7, 1, tzinfo=tz))
    make_post(published_at=timezone.datetime(2025, 1, 1, 0, 30, tzinfo=tz))
    make_draft()
    response = client.get(reverse("posts:archive_index"))
    assert [(r["year"], r["num_posts"]) for r in response.context["years"]] == [
        (2025, 1),
        (2024, 2),
    ]
    assertContains(response, 'href="/archive/2024/"')


def test_archive_year_lists_that_years_posts(client):
    tz = timezone.get_current_timezone()
    post = make_post(published_at=timezone.datetime(2025, 1, 1, 0, 30, tzinfo=tz))
    make_post(published_at=timezone.datetime(2024, 12, 31, 23, 30, tzinfo=tz))
    response = client.get(reverse("posts:archive_year", kwargs={"year": 2025}))
    assert list(response.context["page"].object_list) == [post]


@pytest.mark.parametrize("year", [1999, 0, 9999, 99999999999])
def test_archive_year_without_posts_is_404(client, year):
    make_post()
    assert client.get(f"/archive/{year}/").status_code == 404


# --- Visibility on every public surface ----------------------------------------


SURFACES = [
    "/",
    "/tags/shared/",
    "/tags/",
    "/archive/",
    "/feed/",
    "/feed/atom/",
    "/rss.xml",
    "/tags/shared/feed/",
    "/sitemap.xml",
]


@pytest.mark.parametrize("path", SURFACES)
def test_drafts_and_scheduled_posts_stay_hidden_then_appear_when_due(
    client, travel, path
):
    make_post(title="Visible post", slug="visible-post", tags=["shared"])
    make_draft(title="Draft post", slug="draft-post", tags=["shared", "drafttag"])
    make_scheduled(
        title="Future post",
        slug="future-post",
        tags=["shared", "futuretag"],
        published_at=timezone.now() + timedelta(hours=5),
    )
    response = client.get(path)
    assert response.status_code == 200
    content = response.content.decode()
    for hidden in ["Draft post", "draft-post", "drafttag", "Future post", "future-post",
                   "futuretag"]:  # fmt: skip
        assert hidden not in content
    if path not in {"/tags/", "/archive/"}:
        assert "visible-post" in content

    travel(timedelta(hours=6))
    content = client.get(path).content.decode()
    if path not in {"/tags/", "/archive/"}:
        assert "future-post" in content
    if path == "/tags/":
        assert "futuretag" in content
    assert "draft-post" not in content and "drafttag" not in content


def test_archive_year_hides_drafts_and_scheduled(client):
    visible_at = timezone.now() - timedelta(minutes=5)
    make_post(title="Visible", published_at=visible_at)
    make_scheduled(title="Future", published_at=timezone.now() + timedelta(minutes=5))
    make_draft(title="Draft")
    year = timezone.localtime(visible_at).year
    response = client.get(f"/archive/{year}/")
    assert [p.title for p in response.context["page"].object_list] == ["Visible"]


# --- Query counts: flat whatever the number of posts and tags -------------------


def _posts_with_tags(n):
    """n posts, each with five tags, a download and a place in one series."""
    series = Series.objects.create(title="A series", slug="a-series")
    posts = []
    for position in range(1, n + 1):
        post = make_post(tags=FIVE_TAGS, series=series, series_position=position)
        post.attachments.create(
            title="Handout", file=ContentFile(b"%PDF-1.4 test", name="handout.pdf")
        )
        posts.append(post)
    return posts


@pytest.mark.parametrize("n", [1, 10])
@pytest.mark.parametrize(
    ("path", "queries"),
    [
        ("/", 4),  # count, page rows, tags prefetch, upcoming talks box
        ("/tags/", 1),  # tags with counts
        ("/tags/mindfulness/", 4),  # tag, count, rows, tags
        ("/archive/", 1),
        ("/feed/", 2),  # rows, tags
        ("/feed/atom/", 2),
        ("/rss.xml", 2),
        ("/tags/mindfulness/feed/", 3),  # tag, rows, tags
        # count + rows for each of posts, series, tags; talks: count (none)
        ("/sitemap.xml", 7),
        ("/series/", 1),
        ("/series/a-series/", 3),  # series, parts, tags
        ("/series/a-series/feed/", 3),  # series, rows, tags
    ],
)
def test_list_pages_and_feeds_use_a_fixed_number_of_queries(
    client, django_assert_num_queries, n, path, queries
):
    _posts_with_tags(n)
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("n", [1, 10])
def test_post_page_uses_a_fixed_number_of_queries(
    client, django_assert_num_queries, n, no_page_cache
):
    posts = _posts_with_tags(n)
    url = posts[0].get_absolute_url()
    client.get(url)  # the first view draws the sharing card (one UPDATE, once)
    # post + series, tags, attachments, chosen related posts, talks, previous,
    # next, the series' parts, posts sharing tags
    with django_assert_num_queries(9):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("n", [1, 10])
def test_archive_year_uses_a_fixed_number_of_queries(
    client, django_assert_num_queries, n
):
    _posts_with_tags(n)
    year = Post.objects.first().published_at.year
    with django_assert_num_queries(3):
        assert client.get(f"/archive/{year}/").status_code == 200


def test_list_pages_do_not_load_bodies(client, django_assert_num_queries):
    make_post(body="<p>" + "word " * 2000 + "</p>")
    with django_assert_num_queries(4) as ctx:
        client.get("/")
    rows_query = ctx.captured_queries[1]["sql"]
    assert '"body"' not in rows_query


# --- robots.txt, 404 page ------------------------------------------------------


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain"
    assert "Sitemap: https://blog.example.org/sitemap.xml" in response.content.decode()


def test_404_page_is_friendly(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assertContains(response, "Sorry, there is nothing here", status_code=404)


def test_every_page_advertises_the_site_feeds(client):
    make_post(tags=["sleep"])
    for path in ["/", "/tags/", "/tags/sleep/", "/archive/", "/no-such-page/"]:
        content = client.get(path).content.decode()
        assert 'type="application/rss+xml"' in content and 'href="/feed/"' in content
        assert 'type="application/atom+xml"' in content
