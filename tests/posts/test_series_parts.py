"""Series part numbers: unique per series, shown as the author numbered them,
and a previewed draft shown in its place."""

from datetime import UTC, datetime

import html5lib
import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from posts.models import Post, Series
from tests.factories import make_draft, make_post, make_scheduled

pytestmark = pytest.mark.django_db


@pytest.fixture
def series():
    return Series.objects.create(title="Compassion at work", slug="compassion")


def heading(response):
    return response.content.decode().split('id="series-nav-title">')[1].split("<a")[0]


def test_part_number_is_the_authors_even_when_an_earlier_part_is_a_draft(
    client, series
):
    make_post(title="Part one", slug="one", series=series, series_position=1)
    make_draft(title="Part two", slug="two", series=series, series_position=2)
    make_post(title="Part three", slug="three", series=series, series_position=3)
    response = client.get("/posts/three/")
    assert " ".join(heading(response).split()) == "Part 3 of 3 in"
    # The list keeps the numbers: part two is missing, not part three renumbered.
    assertContains(response, '<li value="1"><a href="/posts/one/">Part one</a></li>')
    assertContains(
        response, '<li value="3"><span aria-current="page">Part three</span></li>'
    )
    assertNotContains(response, "Part two")


def test_series_page_numbers_parts_as_the_author_did(client, series):
    make_post(title="Part one", slug="one", series=series, series_position=1)
    make_draft(title="Part two", slug="two", series=series, series_position=2)
    make_post(title="Part three", slug="three", series=series, series_position=3)
    items = html5lib.parse(client.get("/series/compassion/").content).findall(
        ".//{*}ol[@class='teasers series-parts']/{*}li"
    )
    assert [li.get("value") for li in items] == ["1", "3"]


def test_of_n_is_the_highest_published_part(client, series):
    for n in (1, 2, 3):
        make_post(slug=f"p{n}", series=series, series_position=n)
    make_draft(slug="p4", series=series, series_position=4)
    make_scheduled(slug="p5", series=series, series_position=5)
    assert " ".join(heading(client.get("/posts/p2/")).split()) == "Part 2 of 3 in"


def test_an_unnumbered_part_is_listed_last_and_counted(client, series):
    make_post(slug="p1", series=series, series_position=1)
    make_post(slug="p2", series=series, series_position=2)
    make_post(title="Afterword", slug="after", series=series)
    assert " ".join(heading(client.get("/posts/p1/")).split()) == "Part 1 of 3 in"
    response = client.get("/posts/after/")
    assert " ".join(heading(response).split()) == "Part of the series"
    assert [p.slug for p in response.context["series"]["parts"]] == [
        "p1",
        "p2",
        "after",
    ]


@pytest.mark.parametrize(
    ("maker", "mark"),
    [(make_draft, "(draft, not public yet)"), (make_scheduled, "(scheduled")],
    ids=["draft", "scheduled"],
)
def test_staff_preview_shows_the_post_in_its_place_marked(
    admin_client, client, series, maker, mark
):
    make_post(title="Part one", slug="one", series=series, series_position=1)
    maker(title="Part two", slug="two", series=series, series_position=2)
    make_post(title="Part three", slug="three", series=series, series_position=3)
    response = admin_client.get("/posts/two/")
    assert " ".join(heading(response).split()) == "Part 2 of 3 in"
    assert [p.slug for p in response.context["series"]["parts"]] == [
        "one",
        "two",
        "three",
    ]
    assertContains(response, '<span aria-current="page">Part two</span> <em>' + mark)
    assertContains(response, 'href="/posts/one/">&larr; Previous part</a>')
    assertContains(response, 'href="/posts/three/">Next part &rarr;</a>')
    # Readers (and staff on a public part) never see it listed.
    assertNotContains(client.get("/posts/three/"), "Part two")
    assertNotContains(admin_client.get("/posts/three/"), "Part two")


# --- One post per part number --------------------------------------------------


def test_the_database_refuses_two_posts_with_one_part_number(series):
    make_post(series=series, series_position=2)
    make_post(series=series, series_position=None)
    make_post(series=series, series_position=None)  # unnumbered parts: any number
    make_post(series=None, series_position=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_post(series=series, series_position=2)


def post_form(series, **overrides):
    from tests.posts.test_authoring import form_data

    return form_data(series=str(series.pk), **overrides)


def test_admin_names_the_post_that_already_has_the_part_number(admin_client, series):
    make_post(title="Self-compassion, part two", series=series, series_position=2)
    response = admin_client.post(
        reverse("admin:posts_post_add"), post_form(series, series_position="2")
    )
    assert response.status_code == 200
    assertContains(
        response,
        "“Self-compassion, part two” is already part 2 of “Compassion at work”.",
    )
    assert Post.objects.count() == 1


def series_form(series, parts):
    """The series change form with `parts` = [(post, new part number)]."""
    data = {
        "title": series.title,
        "slug": series.slug,
        "description": "",
        "posts-TOTAL_FORMS": str(len(parts)),
        "posts-INITIAL_FORMS": str(len(parts)),
        "posts-MIN_NUM_FORMS": "0",
        "posts-MAX_NUM_FORMS": "1000",
    }
    for i, (post, position) in enumerate(parts):
        data |= {
            f"posts-{i}-id": str(post.pk),
            f"posts-{i}-series": str(series.pk),
            f"posts-{i}-series_position": str(position),
        }
    return data


def test_series_admin_refuses_one_number_twice_in_plain_words(admin_client, series):
    one = make_post(title="Beginnings", series=series, series_position=1)
    two = make_post(title="Middles", series=series, series_position=2)
    url = reverse("admin:posts_series_change", args=[series.pk])
    response = admin_client.post(url, series_form(series, [(one, 5), (two, 5)]))
    assert response.status_code == 200
    assertContains(response, "“Beginnings” and “Middles” are both part 5.")
    assert sorted(Post.objects.values_list("series_position", flat=True)) == [1, 2]


def test_series_admin_can_swap_two_part_numbers_in_one_save(admin_client, series):
    one = make_post(title="Beginnings", series=series, series_position=1)
    two = make_post(title="Middles", series=series, series_position=2)
    url = reverse("admin:posts_series_change", args=[series.pk])
    response = admin_client.post(url, series_form(series, [(one, 2), (two, 1)]))
    assert response.status_code == 302
    one.refresh_from_db()
    two.refresh_from_db()
    assert (one.series_position, two.series_position) == (2, 1)


# --- The migration, on data that breaks the rule -------------------------------


@pytest.mark.django_db(transaction=True)
def test_migration_keeps_the_first_published_and_unnumbers_the_others(capsys):
    executor = MigrationExecutor(connection)
    target = next(
        key
        for key in executor.loader.disk_migrations
        if key[0] == "posts" and key[1].endswith("series_position_unique")
    )
    migration = executor.loader.get_migration(*target)
    before = [d for d in migration.dependencies if d[0] == "posts"]
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    OldSeries, OldPost = (
        apps.get_model("posts", "Series"),
        apps.get_model("posts", "Post"),
    )
    series = OldSeries.objects.create(title="S", slug="s")

    def post(slug, when, position=3):
        return OldPost.objects.create(
            title=slug, slug=slug, body="<p>x</p>", series=series,
            series_position=position, status="published" if when else "draft",
            published_at=when,
        )  # fmt: skip

    later = post("later", datetime(2024, 5, 1, tzinfo=UTC))
    first = post("first", datetime(2023, 1, 1, tzinfo=UTC))
    draft = post("draft", None)
    post("other", datetime(2022, 1, 1, tzinfo=UTC), position=4)
    try:
        executor = MigrationExecutor(connection)
        executor.migrate([target])
        positions = dict(OldPost.objects.values_list("slug", "series_position"))
        assert positions == {"first": 3, "later": None, "draft": None, "other": 4}
        output = capsys.readouterr().out
        assert f"Post {later.pk} “later” shared part 3" in output
        assert f"Post {draft.pk} “draft” shared part 3" in output
        assert output.count("of its series with “first”") == 2
        assert f"Post {first.pk} " not in output
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
