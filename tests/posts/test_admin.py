from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from posts.models import Post
from tests.factories import EMPTY_INLINES, make_draft, make_post, make_scheduled

pytestmark = pytest.mark.django_db


def test_changelist_shows_status_dates_and_tags(admin_client):
    make_post(title="Live one", tags=["Sleep", "Stress"])
    make_scheduled(
        title="Later one",
        published_at=timezone.make_aware(timezone.datetime(2030, 12, 3, 9, 0)),
    )
    make_draft(title="Draft one")
    response = admin_client.get(reverse("admin:posts_post_changelist"))
    assert response.status_code == 200
    assertContains(response, "Sleep, Stress")
    assertContains(response, "Scheduled for 3 Dec 2030 09:00")
    assertContains(response, "Draft")


def test_changelist_query_count_does_not_grow_with_rows(admin_client):
    """Tags are prefetched: 1 post or 10, the changelist costs the same."""
    url = reverse("admin:posts_post_changelist")

    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            assert admin_client.get(url).status_code == 200
        return len(ctx.captured_queries)

    make_post(tags=["a", "b", "c", "d", "e"])
    admin_client.get(url)  # warm the session
    with_one = count_queries()
    for _ in range(9):
        make_post(tags=["a", "b", "c", "d", "e"])
    assert count_queries() == with_one


def test_changelist_filters_and_search(admin_client):
    make_post(title="About sleep", tags=["Sleep"], body="<p>insomnia</p>")
    make_post(title="About stress")
    url = reverse("admin:posts_post_changelist")
    assertContains(admin_client.get(url, {"q": "insomnia"}), "About sleep")
    year = timezone.now().year
    assert admin_client.get(url, {"year": str(year)}).status_code == 200
    assert admin_client.get(url, {"status__exact": "draft"}).status_code == 200
    assert admin_client.get(url, {"tags__id__exact": "1"}).status_code == 200


def test_add_form_prefills_slug_and_offers_tag_suggestions(admin_client):
    make_post(tags=["Mindfulness"])
    response = admin_client.get(reverse("admin:posts_post_add"))
    assertContains(response, "js/tag-autocomplete.js")
    assertContains(response, 'id="id_tags-names"')
    assertContains(response, '"Mindfulness"')
    assertContains(response, "data-prepopulated-fields")  # slug from title
    assertContains(response, "&quot;dependency_list&quot;: [&quot;title&quot;]")


def test_publishing_without_a_date_publishes_now_and_sets_author(admin_client):
    response = admin_client.post(
        reverse("admin:posts_post_add"),
        {
            "title": "Written in the admin",
            "slug": "written-in-the-admin",
            "body": "<p>Hello <script>alert(1)</script>there.</p>",
            "excerpt": "",
            "tags": "Sleep, new tag",
            "status": "published",
            "published_at_0": "",
            "published_at_1": "",
            **EMPTY_INLINES,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    post = Post.objects.get(slug="written-in-the-admin")
    assert post.published_at <= timezone.now()
    assert timezone.now() - post.published_at < timedelta(minutes=1)
    assert post.author.username == "admin"
    assert post.body == "<p>Hello there.</p>"
    assert sorted(post.tags.names()) == ["Sleep", "new tag"]
    assert post in Post.objects.published()


def test_view_on_site_goes_to_the_post(admin_client):
    post = make_post(slug="on-site")
    response = admin_client.get(reverse("admin:posts_post_change", args=[post.pk]))
    assertContains(response, "/posts/on-site/")


@pytest.mark.parametrize("year", ["abc", "99999999999", "0", "٢٠٢٤", ""])
def test_year_filter_ignores_junk(admin_client, year):
    make_post(title="Still listed")
    response = admin_client.get(reverse("admin:posts_post_changelist"), {"year": year})
    assert response.status_code == 200
