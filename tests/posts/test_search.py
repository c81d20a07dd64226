from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from posts.search import clean_query, parse_terms
from tests.factories import (
    EMPTY_INLINES,
    make_draft,
    make_draft_talk,
    make_post,
    make_scheduled,
    make_talk,
)

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="ranking and highlighted snippets use PostgreSQL full-text search; "
    "CI runs these on PostgreSQL",
)


def results(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response, [p.title for p in response.context["page"].object_list]


@pytest.mark.parametrize("q", ["", "   ", "\t\n"])
def test_empty_query_shows_the_form_only(client, q):
    make_post(title="Anything")
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    assert "page" not in response.context
    assertContains(response, '<input type="search" id="search-q"')
    assertNotContains(response, "found")


def test_header_has_a_search_box_on_every_page(client):
    response = client.get("/")
    assertContains(response, 'role="search"')
    assertContains(response, 'action="/search/"')


def test_finds_public_posts_by_title_body_and_tag(client):
    make_post(title="On sleep", body="<p>Nothing else.</p>")
    make_post(title="Other", body="<p>About insomnia at night.</p>")
    make_post(title="Tagged", body="<p>Plain.</p>", tags=["Mindfulness"])
    assert results(client, q="sleep")[1] == ["On sleep"]
    assert results(client, q="insomnia")[1] == ["Other"]
    assert results(client, q="mindfulness")[1] == ["Tagged"]


def test_drafts_and_scheduled_posts_never_appear(client, travel):
    make_post(title="Public compassion")
    make_draft(title="Draft compassion")
    make_scheduled(
        title="Future compassion", published_at=timezone.now() + timedelta(hours=1)
    )
    response, titles = results(client, q="compassion")
    assert titles == ["Public compassion"]
    assertNotContains(response, "Draft compassion")
    assertNotContains(response, "Future compassion")
    travel(timedelta(hours=2))
    assert "Future compassion" in results(client, q="compassion")[1]


def test_filters_by_tag_and_year(client):
    tz = timezone.get_current_timezone()
    make_post(title="Sleep 2024", tags=["sleep"],
              published_at=timezone.datetime(2024, 3, 1, tzinfo=tz))  # fmt: skip
    make_post(title="Sleep 2025", tags=["sleep"],
              published_at=timezone.datetime(2025, 3, 1, tzinfo=tz))  # fmt: skip
    make_post(title="Stress and sleep 2025", tags=["stress"],
              published_at=timezone.datetime(2025, 4, 1, tzinfo=tz))  # fmt: skip
    assert sorted(results(client, q="sleep", tag="sleep")[1]) == [
        "Sleep 2024",
        "Sleep 2025",
    ]
    assert sorted(results(client, q="sleep", year="2025")[1]) == [
        "Sleep 2025",
        "Stress and sleep 2025",
    ]
    assert results(client, q="sleep", tag="sleep", year="2025")[1] == ["Sleep 2025"]
    # Unknown filters are ignored rather than failing.
    assert len(results(client, q="sleep", tag="nope", year="1066")[1]) == 3


def test_results_are_paginated_keeping_the_query(client):
    for n in range(12):
        make_post(title=f"Breathing {n}")
    response, titles = results(client, q="breathing", tag="")
    assert len(titles) == 10
    assertContains(response, "?q=breathing&amp;tag=&amp;page=2")
    assert len(results(client, q="breathing", page="2")[1]) == 2
    assert client.get("/search/", {"q": "breathing", "page": "9"}).status_code == 404


@pytest.mark.parametrize(
    "q",
    ["'", "&", "|", "!", ":*", "sleep:*", '"unbalanced', "a & b | !c", "'); DROP--",
     "x" * 1000, "ψυχοθεραπεία", "心理療法", "\x00sleep", "-", "or", '""', "<script>",
     "%", "_", "\\"],
)  # fmt: skip
def test_hostile_queries_answer_without_error(client, q):
    make_post(title="Sleep and the body", body="<p>Text.</p>")
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    assertNotContains(response, "<script>", html=False) if q == "<script>" else None


def test_snippets_are_escaped(client):
    make_post(title="Escaping", body="<p>Use &lt;script&gt; tags carefully: sleep.</p>")
    response = client.get("/search/", {"q": "sleep"})
    assertNotContains(response, "<script>")
    assertContains(response, "tags carefully: <mark>sleep</mark>")


def test_control_character_references_in_a_body_never_show_as_marks(client):
    make_post(title="Markers", body="<p>Before &#2;sleep&#3; and &#3;after&#2;.</p>")
    response = client.get("/search/", {"q": "sleep"})
    (post,) = response.context["page"].object_list
    assert "\x02" not in post.body_text and "\x03" not in post.body_text
    # (ts_headline leaves out the final full stop.)
    assertContains(response, "Before <mark>sleep</mark> and after")
    assertContains(response, "<mark>", count=1)


def test_query_cleaning():
    assert clean_query("  a \x00 b  ") == "a b"
    assert len(clean_query("y" * 5000)) == 200
    assert parse_terms('"deep breath" -sleep or calm') == (
        ["deep breath", "calm"],
        ["sleep"],
    )
    assert parse_terms('"unbalanced quote') == (["unbalanced", "quote"], [])


def test_websearch_syntax_phrase_and_exclusion(client):
    make_post(title="One", body="<p>A deep breath before the day.</p>")
    make_post(title="Two", body="<p>Breath is deep and slow; sleep follows.</p>")
    assert results(client, q='"deep breath"')[1] == ["One"]
    assert results(client, q="breath -sleep")[1] == ["One"]


@postgres_only
def test_title_match_ranks_above_body_only_match(client):
    make_post(title="Plain title", body="<p>We mention compassion once here.</p>",
              published_at=timezone.now() - timedelta(hours=1))  # fmt: skip
    make_post(title="Compassion at work", body="<p>Something else entirely.</p>",
              published_at=timezone.now() - timedelta(days=30))  # fmt: skip
    assert results(client, q="compassion")[1] == ["Compassion at work", "Plain title"]


@postgres_only
def test_snippets_highlight_the_term(client):
    make_post(
        title="Notes", body="<p>Long text before. The word insomnia here. After.</p>"
    )
    response = client.get("/search/", {"q": "insomnia"})
    assertContains(response, "<mark>insomnia</mark>")


@postgres_only
def test_english_stemming_and_or(client):
    make_post(title="A", body="<p>She was sleeping badly.</p>")
    make_post(title="B", body="<p>Worries at night.</p>")
    assert results(client, q="sleeps")[1] == ["A"]
    assert sorted(results(client, q="sleep or worry")[1]) == ["A", "B"]


@postgres_only
def test_tags_added_in_the_admin_are_searchable(admin_client):
    from django.urls import reverse

    from posts.models import Post

    post = make_post(title="Untitled thoughts", body="<p>Text.</p>")
    data = {
        "title": post.title, "slug": post.slug, "body": post.body, "excerpt": "",
        "tags": "Equanimity", "status": "published",
        "published_at_0": timezone.localtime(post.published_at).strftime("%Y-%m-%d"),
        "published_at_1": timezone.localtime(post.published_at).strftime("%H:%M:%S"),
        **EMPTY_INLINES,
    }  # fmt: skip
    admin_client.post(reverse("admin:posts_post_change", args=[post.pk]), data)
    assert Post.objects.filter(search_vector="equanimity").exists()


def test_the_tag_filter_offers_only_tags_of_public_posts_a_to_z(client):
    make_post(tags=["sleep", "Compassion"])
    make_draft(tags=["draft-only"])
    make_scheduled(tags=["future-only"])
    response = client.get("/search/")
    assert [t.name for t in response.context["tags"]] == ["Compassion", "sleep"]
    assertNotContains(response, "draft-only")
    assertNotContains(response, "future-only")


@pytest.mark.parametrize("n", [1, 10])
def test_search_page_query_count_is_flat(client, django_assert_num_queries, n):
    for _ in range(n):
        make_post(title="Calm post", tags=["a", "b", "c", "d", "e"])
    # tags and years for the filters, count, rows, talks (results show no tags)
    with django_assert_num_queries(5):
        assert client.get("/search/", {"q": "calm"}).status_code == 200


def test_talks_are_a_second_group_of_results(client):
    make_post(title="Compassion in practice")
    make_talk(title="Compassion for clinicians", event_name="Spring Seminar",
              city="Glasgow", slug="compassion-talk")  # fmt: skip
    make_draft_talk(title="Draft compassion talk", slug="draft-talk")
    response = client.get("/search/", {"q": "compassion"})
    assert [t.title for t in response.context["talks"]] == ["Compassion for clinicians"]
    assertContains(response, '<h2 id="talk-results" class="results-heading">Talks</h2>')
    assertContains(response, 'href="/talks/compassion-talk/"')
    assertNotContains(response, "Draft compassion talk")
    by_place = client.get("/search/", {"q": "glasgow"})
    assert [t.title for t in by_place.context["talks"]] == ["Compassion for clinicians"]
    assert by_place.context["page"].paginator.count == 0
    assertNotContains(by_place, "Try fewer or different words")


def test_talks_only_on_the_first_page_of_results(client):
    for n in range(11):
        make_post(title=f"Sleep {n}")
    make_talk(title="Sleep talk", slug="sleep-talk")
    assert len(client.get("/search/", {"q": "sleep"}).context["talks"]) == 1
    assert "talks" not in client.get("/search/", {"q": "sleep", "page": 2}).context


@pytest.mark.parametrize("year", ["²", "٢٠٢٤", "9" * 5000, "-1", "2024.0"])
def test_odd_year_filters_are_ignored(client, year):
    make_post(title="Sleep post")
    response = client.get("/search/", {"q": "sleep", "year": year})
    assert response.status_code == 200
    assert response.context["year"] is None


# --- Both databases agree ---------------------------------------------------------

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="snippets cut in Python are the SQLite fallback's; PostgreSQL uses "
    "ts_headline",
)


def test_non_ascii_queries_ignore_case(client):
    make_post(title="Ψυχοθεραπεία στην πράξη", body="<p>Text.</p>")
    make_post(title="Body only", body="<p>Η ΨΥΧΟΘΕΡΑΠΕΊΑ βοηθά.</p>")
    make_post(title="Tag only", body="<p>Plain.</p>", tags=["Ψυχοθεραπεία"])
    make_post(title="Unrelated", body="<p>Nothing here.</p>", tags=["Sleep"])
    found = sorted(results(client, q="ψυχοθεραπεία")[1])
    assert found == ["Body only", "Tag only", "Ψυχοθεραπεία στην πράξη"]
    assert results(client, q="ψυχοθεραπεία -ΒΟΗΘΆ")[1] != []
    assert "Body only" not in results(client, q="ψυχοθεραπεία -βοηθά")[1]


def test_or_between_words_means_either(client):
    make_post(title="On kindness", body="<p>Small acts at night.</p>")
    make_post(title="Quokkas", body="<p>A quokka smiles at night.</p>")
    make_post(title="Neither", body="<p>Sleep.</p>")
    assert sorted(results(client, q="kindness or quokka")[1]) == [
        "On kindness",
        "Quokkas",
    ]
    assert sorted(results(client, q="kindness OR quokka night")[1]) == [
        "On kindness",
        "Quokkas",
    ]
    assert results(client, q="kindness or quokka -smiles")[1] == ["On kindness"]
    assert results(client, q="or kindness or")[1] == ["On kindness"]


def test_a_query_that_only_excludes_finds_nothing(client):
    make_post(title="Has it", body="<p>The word pagetest is here.</p>")
    make_post(title="Lacks it", body="<p>Something else.</p>")
    make_talk(title="A talk", slug="a-talk")
    response, titles = results(client, q="-pagetest")
    assert titles == []
    assert response.context["talks"] == []
    assertContains(response, "No posts found")
    assertContains(response, "Try fewer or different words")


def test_talk_abstracts_are_searched_as_text_not_markup(client):
    make_talk(
        title="A seminar",
        slug="seminar",
        abstract='<p><strong>Bold</strong> claims, <a href="https://quokka.example/'
        'hidden">a linked word</a>.</p>',
    )
    for markup in ["strong", "noopener", "quokka", "href"]:
        response = client.get("/search/", {"q": markup})
        assert response.context["talks"] == [], markup
    assert [t.title for t in client.get("/search/", {"q": "linked"}).context["talks"]]
    bold = client.get("/search/", {"q": "bold"}).context["talks"]
    assert [t.title for t in bold] == ["A seminar"]


def test_python_snippets_cut_whole_words():
    from posts.search import START, STOP, python_snippet

    text = "Words before. " * 20 + "On self-compassion and Self-Compassion. " * 10
    snippet = python_snippet(text, "compassion")
    # Ten words before the word of the first match (the 42nd), thirty in all.
    expected = " ".join(text.split()[31:61])
    for word in ("compassion", "Compassion"):
        expected = expected.replace(word, f"{START}{word}{STOP}")
    assert snippet == expected
    assert f"self-{START}compassion{STOP}" in snippet
    assert python_snippet("Ψυχοθεραπεία σήμερα", "ψυχοθεραπεία") == (
        f"{START}Ψυχοθεραπεία{STOP} σήμερα"
    )


@sqlite_only
def test_sqlite_snippets_keep_words_whole(client):
    make_post(title="Kind", body="<p>Practise self-compassion daily.</p>")
    response = client.get("/search/", {"q": "compassion"})
    assertContains(response, "Practise self-<mark>compassion</mark> daily.")
