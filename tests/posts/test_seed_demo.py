import re
from urllib.parse import urlsplit

import html5lib
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from taggit.models import Tag

from posts.demo_content import POSTS, SERIES
from posts.models import Post
from talks.demo_content import TALKS

pytestmark = pytest.mark.django_db

BREATHING = "A three-minute breathing space for busy clinicians"
SELF_COMPASSION = "Self-compassion is not self-indulgence"


def body_tree(post):
    return html5lib.parse(post.body, namespaceHTMLElements=False)


def has(post, tag):
    return body_tree(post).find(f".//{tag}") is not None


@pytest.fixture
def seeded(capsys):
    call_command("seed_demo")
    capsys.readouterr()
    return {post.slug: post for post in Post.objects.all()}


def test_seed_demo_is_idempotent_and_looks_like_a_real_blog(capsys):
    call_command("seed_demo")
    first_output = capsys.readouterr().out
    assert "password:" in first_output
    counts = (Post.objects.count(), Tag.objects.count())

    call_command("seed_demo")
    second_output = capsys.readouterr().out
    assert "password:" not in second_output  # credentials are printed once
    assert (Post.objects.count(), Tag.objects.count()) == counts

    assert Post.objects.count() == len(POSTS) >= 12
    assert 8 <= Tag.objects.count() <= 10
    assert Post.objects.filter(status=Post.Status.DRAFT).count() == 1
    scheduled = [p for p in Post.objects.all() if p.is_scheduled]
    assert len(scheduled) == 1
    assert Post.objects.published().count() == len(POSTS) - 2
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


def test_every_demo_post_has_a_real_body(seeded):
    public = set(Post.objects.published().values_list("slug", flat=True))
    for slug, post in seeded.items():
        paragraphs = body_tree(post).findall(".//p")
        if slug in public:
            assert len(paragraphs) >= 3 and post.word_count >= 250, slug
        else:  # the draft is notes; the scheduled post is complete
            assert len(paragraphs) >= 3 and post.word_count >= 80, slug
        assert post.teaser and post.teaser != post.title, slug


def test_demo_posts_vary_in_length_and_long_ones_show_a_table_of_contents(
    seeded, client
):
    public = list(Post.objects.published())
    words = sorted(post.word_count for post in public)
    assert sum(600 <= w <= 1200 for w in words) >= 3, words
    assert sum(w < 400 for w in words) >= 3, words
    assert len({post.reading_minutes for post in public}) >= 3
    with_toc = {post.slug: post for post in public if post.has_toc}
    assert len(with_toc) >= 3
    assert "research-round-up-the-therapeutic-alliance" in with_toc

    # The conference diary's sections are its days, and its page lists them.
    (diary,) = [p for s, p in with_toc.items() if s.startswith("conference-diary")]
    dated = re.compile(r"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} [A-Z][a-z]+:")
    assert len(diary.toc) >= 3
    assert all(dated.match(entry["text"]) for entry in diary.toc), diary.toc
    response = client.get(diary.get_absolute_url())
    document = html5lib.parse(response.content, namespaceHTMLElements=False)
    (toc,) = [n for n in document.iter("nav") if n.get("class") == "toc"]
    assert [a.text for a in toc.iter("a")] == [e["text"] for e in diary.toc]


def test_demo_posts_have_quotes_lists_and_links(seeded):
    public = list(Post.objects.published())
    assert sum(has(p, "blockquote") for p in public) >= 6
    assert sum(has(p, "ol") or has(p, "ul") for p in public) >= 10
    assert sum(has(p, "ol") for p in public) >= 5
    assert sum(has(p, "a") for p in public) >= 10

    # The round-up quotes an abstract and lists its key points.
    body = body_tree(seeded["research-round-up-the-therapeutic-alliance"]).find("body")
    abstract = body.find("blockquote")
    labels = [s.text for s in abstract.iter("strong")]
    assert labels[:3] == ["Question.", "Evidence.", "Findings."], labels
    children = list(body)
    (heading,) = [i for i, el in enumerate(children) if el.text == "Key points"]
    assert children[heading].tag == "h2"
    key_points = children[heading + 1]
    assert key_points.tag == "ol" and len(key_points.findall("li")) >= 5


def test_demo_links_point_at_public_demo_posts_or_https_sites(seeded, client):
    public = set(Post.objects.published().values_list("slug", flat=True))
    internal = 0
    for post in Post.objects.published():
        for link in body_tree(post).iter("a"):
            href = link.get("href")
            parts = urlsplit(href)
            if parts.scheme:
                assert parts.scheme == "https" and parts.netloc, (post.slug, href)
                continue
            match = re.fullmatch(r"/posts/([a-z0-9-]+)/", href)
            assert match and match.group(1) in public, (post.slug, href)
            assert match.group(1) != post.slug
            assert client.get(href).status_code == 200
            internal += 1
    assert internal >= 8


def test_talks_and_the_series_link_to_demo_posts_that_exist(seeded):
    slugs = {spec["slug"] for spec in POSTS}
    for talk in TALKS:
        assert set(talk["posts"]) <= slugs, talk["slug"]
    parts = Post.objects.filter(series__slug=SERIES["slug"]).order_by("series_position")
    assert [p.series_position for p in parts] == [1, 2, 3]
    first = seeded[POSTS[0]["slug"]]
    assert first.featured_image and first.featured_image_alt
    assert first.attachments.get().file.read().startswith(b"%PDF-")


def test_what_the_browser_tests_expect_of_the_demo_site(seeded, client):
    """tests/e2e/test_reader_journey.py follows these links; keep them true."""
    second_page = client.get(reverse("posts:list"), {"page": 2})
    assert BREATHING in [p.title for p in second_page.context["page"].object_list]
    tag_page = client.get(reverse("posts:tag", kwargs={"slug": "mindfulness"}))
    assert BREATHING in [p.title for p in tag_page.context["page"].object_list]
    search = client.get(reverse("posts:search"), {"q": "compassion"})
    assert SELF_COMPASSION in [p.title for p in search.context["page"].object_list]
    assert seeded[POSTS[0]["slug"]].title == BREATHING


def test_seed_demo_leaves_the_authors_edits_alone():
    call_command("seed_demo")
    post = Post.objects.get(slug=POSTS[0]["slug"])
    post.title = "Edited by the author"
    post.save()
    call_command("seed_demo")
    post.refresh_from_db()
    assert post.title == "Edited by the author"
