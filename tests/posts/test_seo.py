"""Related reading, reading time, contents, sharing metadata, JSON Feed."""

import json
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from pathlib import Path

import html5lib
import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains

from posts.models import Post
from tests import images
from tests.factories import make_draft, make_post, make_scheduled

pytestmark = pytest.mark.django_db

SITE = "https://blog.example.org"


def parse(response):
    return html5lib.parse(response.content, namespaceHTMLElements=False)


def meta(document, key):
    for element in document.iter("meta"):
        if key in (element.get("property"), element.get("name")):
            yield element.get("content")


def json_ld(document):
    return [
        json.loads(script.text)
        for script in document.iter("script")
        if script.get("type") == "application/ld+json"
    ]


# --- Related reading ------------------------------------------------------------


def test_related_reading_prefers_shared_tags_then_recency(client):
    now = timezone.now()
    post = make_post(tags=["a", "b", "c"], published_at=now - timedelta(days=1))
    two_old = make_post(title="Two shared, old", tags=["a", "b"],
                        published_at=now - timedelta(days=90))  # fmt: skip
    two_new = make_post(title="Two shared, new", tags=["b", "c"],
                        published_at=now - timedelta(days=5))  # fmt: skip
    one = make_post(
        title="One shared", tags=["c"], published_at=now - timedelta(days=2)
    )
    make_post(title="Also one", tags=["a"], published_at=now - timedelta(days=3))
    make_post(title="Unrelated", tags=["z"])
    make_draft(title="Draft relative", tags=["a", "b", "c"])
    make_scheduled(title="Future relative", tags=["a", "b", "c"])
    related = client.get(post.get_absolute_url()).context["related"]
    assert [p.title for p in related] == [two_new.title, two_old.title, one.title,
                                          "Also one"]  # fmt: skip


def test_chosen_related_posts_come_first(client):
    post = make_post(tags=["a"])
    chosen = make_post(title="Chosen by the author", tags=["x"])
    hidden = make_draft(title="Chosen but a draft")
    post.related_posts.add(chosen, hidden)
    make_post(title="Shares a tag", tags=["a"])
    response = client.get(post.get_absolute_url())
    assert [p.title for p in response.context["related"]] == [
        "Chosen by the author",
        "Shares a tag",
    ]
    assertContains(response, "Related reading")
    assertNotContains(response, "Chosen but a draft")


# --- Reading time and contents --------------------------------------------------


def test_reading_time_from_word_count(client):
    post = make_post(body="<p>" + "word " * 1840 + "</p>")
    assert post.word_count == 1840
    assertContains(client.get(post.get_absolute_url()), "8 min read")
    assertContains(client.get("/"), "8 min read")


def test_contents_for_posts_with_three_headings_and_stable_anchors(client):
    body = "<h2>Why</h2><p>a</p><h3>Evidence</h3><p>b</p><h2>What helps</h2><p>c</p>"
    post = make_post(body=body)
    page = client.get(post.get_absolute_url())
    assertContains(page, '<nav class="toc" aria-labelledby="toc-title">')
    assertContains(page, '<a href="#h-what-helps">What helps</a>')
    assertContains(page, '<h2 id="h-what-helps">What helps</h2>')
    first = post.body
    post.title = "Edited"
    post.save()
    post.refresh_from_db()
    assert post.body == first  # anchors survive later saves


def test_non_latin_headings_get_anchors_of_their_own_words(client):
    """Greek and CJK headings get ids from their text, not "h-section-2"; Latin
    headings keep the ASCII ids they had ("Café culture" is still h-cafe-culture)."""
    body = (
        "<h2>Ψυχοθεραπεία</h2><p>a</p><h2>心理療法</h2><p>b</p>"
        "<h3>Café culture</h3><p>c</p><h3>Self-compassion, 2nd part</h3><p>d</p>"
        "<h3>!!!</h3><p>e</p>"
    )
    post = make_post(body=body)
    assert [entry["id"] for entry in post.toc] == [
        "h-ψυχοθεραπεία",
        "h-心理療法",
        "h-cafe-culture",
        "h-self-compassion-2nd-part",
        "h-section",
    ]
    page = client.get(post.get_absolute_url())
    assertContains(page, '<h2 id="h-ψυχοθεραπεία">Ψυχοθεραπεία</h2>', html=True)
    assertContains(page, '<a href="#h-心理療法">心理療法</a>', html=True)
    first = post.body
    post.save()
    assert post.body == first  # stable across saves


def test_no_contents_for_short_posts(client):
    post = make_post(body="<h2>One</h2><p>a</p><h2>Two</h2><p>b</p>")
    assertNotContains(client.get(post.get_absolute_url()), 'class="toc"')


# --- Metadata -------------------------------------------------------------------


def test_post_page_metadata_and_json_ld(client):
    post = make_post(title="Sleep & stress", slug="sleep-stress", tags=["Sleep"],
                     excerpt="A short summary.")  # fmt: skip
    document = parse(client.get(post.get_absolute_url()))
    assert list(meta(document, "og:type")) == ["article"]
    assert list(meta(document, "og:title")) == ["Sleep & stress"]
    assert list(meta(document, "description")) == ["A short summary."]
    assert list(meta(document, "og:url")) == [f"{SITE}/posts/sleep-stress/"]
    assert list(meta(document, "article:tag")) == ["Sleep"]
    assert list(meta(document, "twitter:card")) == ["summary_large_image"]
    published = datetime.fromisoformat(next(meta(document, "article:published_time")))
    assert published == post.published_at
    [data] = json_ld(document)
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Sleep & stress"
    assert datetime.fromisoformat(data["datePublished"]) == post.published_at
    assert datetime.fromisoformat(data["dateModified"]) == post.updated_at
    assert data["author"] == {
        "@type": "Person",
        "name": "Dr Hawkins",
        "jobTitle": "Doctor and psychotherapist",
        "url": f"{SITE}/",
    }
    assert data["mainEntityOfPage"]["@id"] == f"{SITE}/posts/sleep-stress/"
    assert data["keywords"] == ["Sleep"]
    assert data["image"] == next(meta(document, "og:image"))


def test_json_ld_cannot_break_out_of_its_script_element(client):
    post = make_post(title="</script><script>alert(1)</script>")
    response = client.get(post.get_absolute_url())
    assertNotContains(response, "</script><script>alert(1)")
    [data] = json_ld(parse(response))
    assert data["headline"] == "</script><script>alert(1)</script>"


def test_generated_card_is_1200_by_630_and_made_once(client, settings):
    post = make_post(title="A post without a picture")
    client.get(post.get_absolute_url())
    cards = list((Path(settings.MEDIA_ROOT) / "cards").rglob("*.png"))
    assert len(cards) == 1
    with Image.open(cards[0]) as card:
        assert card.size == (1200, 630)
    post.refresh_from_db()
    og_image = next(meta(parse(client.get(post.get_absolute_url())), "og:image"))
    assert og_image == f"{SITE}/media/{post.social_card['name']}"
    for _ in range(3):
        client.get(post.get_absolute_url())
    assert list((Path(settings.MEDIA_ROOT) / "cards").rglob("*.png")) == cards
    post.title = "A new title"
    post.save()
    client.get(post.get_absolute_url())
    assert len(list((Path(settings.MEDIA_ROOT) / "cards").rglob("*.png"))) == 2


def test_featured_image_card_is_used_when_there_is_one(client, settings):
    post = make_post(
        featured_image=ContentFile(images.jpeg((1600, 900)), name="pic.jpg"),
        featured_image_alt="A picture",
    )
    image = next(meta(parse(client.get(post.get_absolute_url())), "og:image"))
    assert image.endswith(post.featured_renditions["card"])
    assert not (Path(settings.MEDIA_ROOT) / "cards").exists()


def test_drafts_give_no_sharing_metadata_even_to_staff(staff_client):
    post = make_draft(title="Secret draft")
    document = parse(staff_client.get(post.get_absolute_url()))
    assert list(meta(document, "og:title")) == []
    assert json_ld(document) == []
    assert list(meta(document, "robots")) == ["noindex"]


def test_home_page_has_website_json_ld_with_search_action(client):
    make_post()
    document = parse(client.get("/"))
    [data] = json_ld(document)
    assert data["@type"] == "WebSite"
    action = data["potentialAction"]
    assert action["target"]["urlTemplate"] == f"{SITE}/search/?q={{search_term_string}}"
    assert list(meta(document, "og:type")) == ["website"]


@pytest.mark.parametrize("path", ["/", "/tags/", "/tags/sleep/", "/archive/",
                                  "/series/"])  # fmt: skip
def test_every_public_page_has_description_canonical_and_og(client, path):
    make_post(tags=["Sleep"])
    document = parse(client.get(path))
    assert len(list(meta(document, "description"))) == 1
    assert len(list(meta(document, "og:title"))) == 1
    canonical = [
        e.get("href") for e in document.iter("link") if e.get("rel") == "canonical"
    ]
    assert canonical == [f"{SITE}{path}"]


def canonical(response):
    document = parse(response)
    links = [
        e.get("href") for e in document.iter("link") if e.get("rel") == "canonical"
    ]
    assert len(links) == 1
    assert list(meta(document, "og:url")) == links
    return links[0]


def test_canonical_url_is_the_views_own_address_not_the_request_path(client):
    from posts.models import Series

    tz = timezone.get_current_timezone()
    series = Series.objects.create(title="S", slug="s")
    for n in range(11):
        when = timezone.datetime(2025, 3, 1 + n, tzinfo=tz)
        make_post(tags=["Sleep"], series=series, series_position=n + 1,
                  published_at=when)  # fmt: skip
    cases = {
        "/archive/02025/": "/archive/2025/",
        "/archive/2025/?page=2": "/archive/2025/?page=2",
        "/archive/2025/?page=1": "/archive/2025/",
        "/series/s/?page=2": "/series/s/",  # not paginated: page 2 is page 1
        "/tags/sleep/?page=2&utm_source=x": "/tags/sleep/?page=2",
        "/tags/sleep/?utm_source=x": "/tags/sleep/",
        "/?page=abc": "/",
        "/?page=2": "/?page=2",
        "/tags/?page=2": "/tags/",
    }
    for path, expected in cases.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert canonical(response) == f"{SITE}{expected}", path


def test_list_pages_have_their_own_title_and_description(client):
    from posts.models import Series

    tz = timezone.get_current_timezone()
    series = Series.objects.create(title="Sleep, week by week", slug="weeks")
    make_post(tags=["Sleep"], series=series, series_position=1,
              published_at=timezone.datetime(2025, 3, 1, tzinfo=tz))  # fmt: skip
    site_title, tagline = (
        "Stressed to Zest",
        next(meta(parse(client.get("/")), "og:description")),
    )
    titles = {
        "/tags/": "Tags",
        "/series/": "Series",
        "/series/weeks/": "Sleep, week by week",
        "/archive/": "Archive",
        "/archive/2025/": "Posts from 2025",
        "/tags/sleep/": "Posts tagged “Sleep”",
        "/search/?q=sleep": "Search",
    }
    descriptions = set()
    for path, title in titles.items():
        document = parse(client.get(path))
        assert list(meta(document, "og:title")) == [title], path
        assert list(meta(document, "twitter:title")) == [title], path
        [description] = meta(document, "description")
        assert list(meta(document, "og:description")) == [description], path
        assert description not in (tagline, site_title), path
        assert site_title in description, path
        descriptions.add(description)
    assert len(descriptions) == len(titles)


@pytest.mark.parametrize("path", ["/", "/tags/", "/series/s/", "/archive/2025/",
                                  "/search/?q=x", "/posts/pic/",
                                  "/posts/drawn/"])  # fmt: skip
def test_every_og_image_has_a_twitter_image_and_alt_text(client, path):
    from posts.models import Series

    tz = timezone.get_current_timezone()
    series = Series.objects.create(title="S", slug="s")
    when = timezone.datetime(2025, 3, 1, tzinfo=tz)
    make_post(slug="pic", series=series, published_at=when,
              featured_image=ContentFile(images.jpeg((1600, 900)), name="pic.jpg"),
              featured_image_alt="A heron on one leg")  # fmt: skip
    make_post(slug="drawn", title="Drawn card", published_at=when)
    document = parse(client.get(path))
    [image] = meta(document, "og:image")
    assert list(meta(document, "twitter:image")) == [image]
    [alt] = meta(document, "og:image:alt")
    assert list(meta(document, "twitter:image:alt")) == [alt]
    site_card = (
        "Stressed to Zest: Mindfulness, compassion and the therapeutic "
        "relationship: notes from an Edinburgh doctor and psychotherapist"
    )
    expected = {
        "/posts/pic/": "A heron on one leg",
        "/posts/drawn/": "Drawn card",
    }.get(path, site_card)
    assert alt == expected


def test_opensearch_description(client):
    response = client.get("/opensearch.xml")
    assert response["Content-Type"] == "application/opensearchdescription+xml"
    root = ET.fromstring(response.content)
    ns = "{http://a9.com/-/spec/opensearch/1.1/}"
    templates = [u.get("template") for u in root.iter(f"{ns}Url")]
    assert f"{SITE}/search/?q={{searchTerms}}" in templates
    assertContains(
        client.get("/"), 'rel="search" type="application/opensearchdescription+xml"'
    )


# --- Feeds polish ---------------------------------------------------------------


def test_json_feed(client):
    post = make_post(title="Feed me", tags=["Sleep"], body="<p>Full text.</p>")
    make_draft(title="Draft in feed")
    make_scheduled(title="Future in feed")
    response = client.get("/feed.json")
    assert response["Content-Type"] == "application/feed+json"
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == f"{SITE}/feed.json"
    [item] = feed["items"]
    assert item["title"] == "Feed me"
    assert item["id"] == f"{SITE}/p/{post.pk}/"
    assert item["url"] == f"{SITE}/posts/{post.slug}/"
    assert item["content_html"] == "<p>Full text.</p>"
    assert item["tags"] == ["Sleep"]
    assert datetime.fromisoformat(item["date_published"]) == post.published_at
    assert (
        client.get("/feed.json", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    )


def test_feeds_carry_the_featured_image(client):
    post = make_post(
        featured_image=ContentFile(images.jpeg((1600, 900)), name="pic.jpg"),
        featured_image_alt="A picture",
    )
    middle = post.featured_renditions["sizes"][1]
    url = f"{SITE}/media/{middle['jpg']}"
    rss = ET.fromstring(client.get("/feed/").content)
    enclosure = rss.find("channel/item/enclosure")
    assert enclosure.get("url") == url
    assert enclosure.get("type") == "image/jpeg"
    assert int(enclosure.get("length")) == middle["jpg_bytes"] > 0
    atom = ET.fromstring(client.get("/feed/atom/").content)
    links = atom.findall(
        "{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}link"
    )
    assert any(
        link.get("rel") == "enclosure" and link.get("href") == url for link in links
    )
    assert json.loads(client.get("/feed.json").content)["items"][0]["image"] == url


def test_list_pages_advertise_their_own_feeds(client):
    from posts.models import Series

    series = Series.objects.create(title="S", slug="s")
    make_post(tags=["Sleep"], series=series, series_position=1)
    assertContains(client.get("/tags/sleep/"), 'href="/tags/sleep/feed/"')
    assertContains(client.get("/series/s/"), 'href="/series/s/feed/"')
    for path in ["/", "/archive/", "/tags/"]:
        assertContains(client.get(path), 'type="application/feed+json"')


@pytest.mark.parametrize("n", [1, 10])
def test_json_feed_query_count_is_flat(client, django_assert_num_queries, n):
    for _ in range(n):
        make_post(tags=["a", "b", "c", "d", "e"])
    with django_assert_num_queries(2):
        client.get("/feed.json")


def test_post_page_with_related_reading_stays_flat(
    client, django_assert_num_queries, no_page_cache
):
    def count_for(post):
        client.get(post.get_absolute_url())  # draws the card once
        # post, tags, attachments, chosen related, talks, previous, next,
        # posts sharing tags
        with django_assert_num_queries(8) as ctx:
            client.get(post.get_absolute_url())
        return len(ctx.captured_queries)

    first = make_post(tags=["a", "b"])
    first.related_posts.add(make_post(tags=["q"]))
    small = count_for(first)
    for _ in range(10):
        make_post(tags=["a", "b", "c"])  # ten more candidates sharing tags
    assert count_for(first) == small
    assert Post.objects.count() == 12
