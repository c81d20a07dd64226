import http.server
import re
import threading
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from reversion.models import Version

from posts.models import LegacyPath, Post
from tests.factories import make_post

pytestmark = pytest.mark.django_db

# An rss.xml as Drupal 7 wrote it (full content), written for this test.
DRUPAL_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xml:base="https://www.example.org/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Stressed to Zest</title>
    <link>https://www.example.org/</link>
    <description>Notes from Edinburgh</description>
    <language>en</language>
    <item>
      <title>Kindness is not weakness</title>
      <link>https://www.example.org/stressedtozest/2016/02/kindness-not-weakness</link>
      <description>&lt;p&gt;Self-compassion &amp;amp; resilience go together.&lt;/p&gt;
&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</description>
      <category domain="https://www.example.org/category/tags/compassion">Compassion</category>
      <category domain="https://www.example.org/category/tags/research">Research</category>
      <category>compassion</category>
      <pubDate>Tue, 16 Feb 2016 09:30:00 +0000</pubDate>
      <dc:creator>drhawkins</dc:creator>
      <guid isPermaLink="false">41 at https://www.example.org</guid>
    </item>
    <item>
      <title>Sleep &amp;amp; the \u2013 mind</title>
      <link>https://www.example.org/blog/sleep-mind</link>
      <description>&lt;p&gt;Rest.&lt;/p&gt;</description>
      <pubDate>Mon, 01 Aug 2016 07:00:00 +0100</pubDate>
      <guid isPermaLink="false">42 at https://www.example.org</guid>
    </item>
    <item>
      <title>Undated thoughts</title>
      <link>https://www.example.org/blog/undated</link>
      <description>&lt;p&gt;No date here.&lt;/p&gt;</description>
      <pubDate>sometime in spring</pubDate>
    </item>
  </channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.net/">
  <title>An Atom feed</title>
  <id>urn:example:feed</id>
  <updated>2020-05-02T10:00:00Z</updated>
  <entry>
    <title type="html">Breathing &lt;em&gt;out&lt;/em&gt;</title>
    <link rel="alternate" href="/2020/05/breathing-out/"/>
    <id>urn:example:1</id>
    <published>2020-05-01T08:00:00+01:00</published>
    <updated>2020-05-02T10:00:00Z</updated>
    <category term="mindfulness" label="Mindfulness"/>
    <summary>Short.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
      <p>Out, <strong>slowly</strong>.</p>
    </div></content>
  </entry>
  <entry>
    <title>Plain words</title>
    <link href="https://blog.example.net/plain-words"/>
    <id>urn:example:2</id>
    <updated>2021-01-01T00:00:00Z</updated>
    <content type="text">Tea &amp; biscuits &lt;3</content>
  </entry>
</feed>
"""

WORDPRESS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:wp="http://wordpress.org/export/1.2/">
  <channel>
    <title>A WordPress export</title>
    <item>
      <title>Published one</title>
      <link>https://wp.example.org/published-one/</link>
      <pubDate>Wed, 03 Jan 2018 10:00:00 +0000</pubDate>
      <description></description>
      <content:encoded><![CDATA[<p>The whole post.</p>]]></content:encoded>
      <category domain="post_tag" nicename="sleep"><![CDATA[Sleep]]></category>
      <wp:post_date_gmt>2018-01-03 10:00:00</wp:post_date_gmt>
      <wp:status>publish</wp:status>
      <wp:post_type>post</wp:post_type>
    </item>
    <item>
      <title>Half written</title>
      <link>https://wp.example.org/?p=12</link>
      <content:encoded><![CDATA[<p>Not yet.</p>]]></content:encoded>
      <wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt>
      <wp:status>draft</wp:status>
      <wp:post_type>post</wp:post_type>
    </item>
    <item>
      <title>Contact</title>
      <link>https://wp.example.org/contact/</link>
      <content:encoded><![CDATA[<p>Write to me.</p>]]></content:encoded>
      <wp:status>publish</wp:status>
      <wp:post_type>page</wp:post_type>
    </item>
  </channel>
</rss>
"""


@pytest.fixture
def write_feed(tmp_path):
    def write(text, name="feed.xml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def import_feed(*args):
    out, err = StringIO(), StringIO()
    call_command("import_feed", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_drupal_rss_items_become_posts(write_feed):
    out = import_feed(write_feed(DRUPAL_RSS))
    assert 'Read "Stressed to Zest": 3 items.' in out
    assert "Posts imported: 3, updated: 0, unchanged: 0, skipped: 0." in out
    post = Post.objects.get(title="Kindness is not weakness")
    assert post.slug == "kindness-is-not-weakness"
    assert post.status == Post.Status.PUBLISHED
    assert post.published_at == datetime(2016, 2, 16, 9, 30, tzinfo=UTC)
    assert post.updated_at == post.published_at
    assert post.body == (
        "<p>Self-compassion &amp; resilience go together.</p>\n<p>Second paragraph.</p>"
    )
    assert sorted(t.name for t in post.tags.all()) == ["Compassion", "Research"]
    row = LegacyPath.objects.get(post=post)
    assert row.path == "/stressedtozest/2016/02/kindness-not-weakness"


def test_item_link_answers_301_after_import(write_feed, client):
    import_feed(write_feed(DRUPAL_RSS))
    response = client.get("/stressedtozest/2016/02/kindness-not-weakness")
    assert response.status_code == 301
    assert response["Location"] == "/posts/kindness-is-not-weakness/"


def test_titles_are_plain_text_and_dates_keep_their_offset(write_feed):
    import_feed(write_feed(DRUPAL_RSS))
    post = Post.objects.get(slug="sleep-the-mind")
    assert post.title == "Sleep & the \u2013 mind"
    assert post.published_at == datetime(2016, 8, 1, 6, 0, tzinfo=UTC)


def test_item_without_a_usable_date_becomes_a_draft(write_feed):
    out = import_feed(write_feed(DRUPAL_RSS))
    post = Post.objects.get(title="Undated thoughts")
    assert post.status == Post.Status.DRAFT
    assert post.published_at is None
    assert "its date 'sometime in spring' is not an RFC 822 date" in out
    assert "it has no date; imported as a draft" in out


def test_second_run_updates_rather_than_duplicates(write_feed):
    path = write_feed(DRUPAL_RSS)
    import_feed(path)
    out = import_feed(path)
    assert Post.objects.count() == 3
    assert LegacyPath.objects.count() == 3
    assert "Posts imported: 0, updated: 0, unchanged: 3" in out
    changed = DRUPAL_RSS.replace("Second paragraph.", "A better second paragraph.")
    out = import_feed(write_feed(changed, "feed2.xml"))
    assert "Posts imported: 0, updated: 1, unchanged: 2" in out
    assert (
        "A better second paragraph."
        in Post.objects.get(slug="kindness-is-not-weakness").body
    )


def test_imported_posts_keep_a_version(write_feed):
    path = write_feed(DRUPAL_RSS)
    import_feed(path)
    post = Post.objects.get(slug="kindness-is-not-weakness")
    comments = [v.revision.comment for v in Version.objects.get_for_object(post)]
    assert comments == ["Imported from a feed"]
    import_feed(path)
    assert Version.objects.get_for_object(post).count() == 1


def test_posts_edited_here_are_not_overwritten(write_feed):
    path = write_feed(DRUPAL_RSS)
    import_feed(path)
    post = Post.objects.get(slug="sleep-the-mind")
    post.body = "<p>Mine now.</p>"
    post.save()
    out = import_feed(path)
    assert "its post was edited here after it was imported; not overwritten" in out
    post.refresh_from_db()
    assert post.body == "<p>Mine now.</p>"


def test_address_already_leading_elsewhere_is_left_alone(write_feed):
    other = make_post(slug="other")
    LegacyPath.objects.create(path="/blog/sleep-mind", target="/archive/")
    LegacyPath.objects.create(path="/blog/undated", post=other)
    out = import_feed(write_feed(DRUPAL_RSS))
    assert "its old address /blog/sleep-mind already leads to /archive/" in out
    assert LegacyPath.objects.get(path="/blog/undated").post == other


def test_atom_entries_become_posts(write_feed):
    out = import_feed(write_feed(ATOM))
    assert "Posts imported: 2" in out
    post = Post.objects.get(slug="breathing-out")
    assert post.title == "Breathing out"
    assert post.body == "<p>Out, <strong>slowly</strong>.</p>"
    assert post.published_at == datetime(2020, 5, 1, 7, tzinfo=UTC)
    assert post.updated_at == datetime(2020, 5, 2, 10, tzinfo=UTC)
    assert [t.name for t in post.tags.all()] == ["Mindfulness"]
    assert LegacyPath.objects.get(post=post).path == "/2020/05/breathing-out"
    plain = Post.objects.get(slug="plain-words")
    assert plain.body == "<p>Tea &amp; biscuits &lt;3</p>"
    assert plain.published_at == datetime(2021, 1, 1, tzinfo=UTC)


def test_wordpress_export_imports_posts_and_drafts_not_pages(write_feed):
    out = import_feed(write_feed(WORDPRESS))
    assert "Posts imported: 2, updated: 0, unchanged: 0, skipped: 1." in out
    assert 'item 3 "Contact": a WordPress page, not a post' in out
    published = Post.objects.get(title="Published one")
    assert published.body == "<p>The whole post.</p>"
    assert [t.name for t in published.tags.all()] == ["Sleep"]
    draft = Post.objects.get(title="Half written")
    assert draft.status == Post.Status.DRAFT
    assert "its link https://wp.example.org/?p=12 has no path of its own" in out


def test_dry_run_saves_nothing(write_feed):
    out = import_feed(write_feed(DRUPAL_RSS), "--dry-run")
    assert "Posts would be imported: 3" in out
    assert not Post.objects.exists()
    assert not LegacyPath.objects.exists()


def test_feed_is_fetched_over_http(write_feed, tmp_path):
    body = DRUPAL_RSS.encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path != "/rss.xml":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        assert "Posts imported: 3" in import_feed(f"{base}/rss.xml")
        with pytest.raises(CommandError, match="answered 404"):
            import_feed(f"{base}/missing.xml")
    finally:
        server.shutdown()
        server.server_close()


# --- Bad input ---------------------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<rss version="2.0"><channel><title>&lol2;</title></channel></rss>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&secret;</title></channel></rss>
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BILLION_LAUGHS, "declares XML entities or external references"),
        (EXTERNAL_ENTITY, "declares XML entities or external references"),
        ("<rss><channel><item></rss>", "not well-formed XML"),
        ("<html><body>Hello</body></html>", "its root element is <html>"),
        ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
         "RSS 1.0 (RDF) feeds are not supported"),
        ('<rss version="2.0"></rss>', "The RSS feed has no <channel>."),
        ("   \n", "The feed is empty."),
    ],
)  # fmt: skip
def test_bad_feeds_are_refused_with_a_clear_message(write_feed, text, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        import_feed(write_feed(text))
    assert not Post.objects.exists()


def test_missing_file_and_odd_addresses(tmp_path):
    with pytest.raises(CommandError, match="There is no file"):
        import_feed(str(tmp_path / "nope.xml"))
    with pytest.raises(CommandError, match="Give a file path or an http"):
        import_feed("file:///etc/passwd")
    with pytest.raises(CommandError, match="Could not fetch"):
        import_feed("http://127.0.0.1:1/rss.xml")


def test_item_without_title_or_content_is_skipped(write_feed):
    empty = DRUPAL_RSS.replace(
        "<channel>", "<channel><item><link>https://x.org/a</link></item>", 1
    )
    out = import_feed(write_feed(empty))
    assert "it has neither a title nor any content" in out
    assert "Posts imported: 3" in out


def test_a_second_import_shows_updated_dates_to_readers_at_once(write_feed, client):
    """Imports set dates with update(), which sends no signal: the command
    retires cached pages itself, so a cached post page shows the new date."""
    import_feed(write_feed(ATOM))
    url = Post.objects.get(slug="breathing-out").get_absolute_url()
    assert b">2 May 2020</time>" in client.get(url).content  # and now cached
    later = ATOM.replace(
        "<updated>2020-05-02T10:00:00Z</updated>\n",
        "<updated>2023-09-14T10:00:00Z</updated>\n",
    )
    assert later != ATOM
    import_feed(write_feed(later, name="later.xml"))
    assert Post.objects.get(slug="breathing-out").updated_at.year == 2023
    assert b">14 September 2023</time>" in client.get(url).content


def test_atom_text_titles_keep_what_looks_like_tags(write_feed):
    """type="text" is text: only the XML (and a second, stray) escaping goes."""
    feed = ATOM.replace(
        "<title>Plain words</title>", "<title>Plain &lt;text&gt; title</title>"
    ).replace(
        '<title type="html">Breathing &lt;em&gt;out&lt;/em&gt;</title>',
        '<title type="text">AT&amp;amp;T   and me</title>',
    )
    import_feed(write_feed(feed))
    assert set(Post.objects.values_list("title", flat=True)) == {
        "Plain <text> title",
        "AT&T and me",
    }


def test_linkless_items_are_unchanged_on_a_second_run(write_feed):
    """The WordPress draft has no path of its own and no date; an Atom entry
    without a link has a date."""
    linkless = ATOM.replace('<link href="https://blog.example.net/plain-words"/>\n', "")
    for text in [WORDPRESS, linkless]:
        path = write_feed(text, name=f"{len(text)}.xml")
        import_feed(path)
        count = Post.objects.count()
        out = import_feed(path)
        assert "skipped: 0." in out or "skipped: 1." in out  # the WordPress page
        assert "updated: 0, unchanged: 2" in out, out
        assert Post.objects.count() == count


def test_a_linkless_item_does_not_overwrite_a_post_written_here(write_feed):
    linkless = ATOM.replace('<link href="https://blog.example.net/plain-words"/>\n', "")
    path = write_feed(linkless)
    import_feed(path)
    post = Post.objects.get(title="Plain words")
    post.body = "<p>Rewritten here.</p>"
    post.save()
    out = import_feed(path)
    assert "a post with this title and date is already here" in out
    post.refresh_from_db()
    assert post.body == "<p>Rewritten here.</p>"


def test_an_item_link_where_this_site_answers_is_not_recorded(write_feed, client):
    feed = DRUPAL_RSS.replace(
        "https://www.example.org/blog/sleep-mind", "https://www.example.org/talks"
    )
    path = write_feed(feed)
    out = import_feed(path)
    assert "its link https://www.example.org/talks is an address of this site" in out
    assert not LegacyPath.objects.filter(path="/talks").exists()
    assert client.get("/talks")["Location"] == "/talks/"
    assert "unchanged: 3" in import_feed(path)  # matched on title and date


def test_drupal_file_links_work_once_the_drupal_import_copied_the_files(
    write_feed, import_drupal, client
):
    """import_feed has no files to copy: it leaves /sites/default/files/
    links as they are, and they lead to the files the Drupal import copies."""
    feed = DRUPAL_RSS.replace(
        "&lt;p&gt;Rest.&lt;/p&gt;",
        "&lt;p&gt;&lt;img src=&quot;/sites/default/files/images/pond.jpg&quot; "
        "alt=&quot;A pond&quot;&gt;&lt;/p&gt;",
    )
    import_feed(write_feed(feed))
    body = Post.objects.get(slug="sleep-the-mind").body
    assert '<img src="/sites/default/files/images/pond.jpg" alt="A pond">' in body
    assert client.get("/sites/default/files/images/pond.jpg").status_code == 404
    import_drupal()
    response = client.get("/sites/default/files/images/pond.jpg")
    assert response.status_code == 301
    assert response["Location"] == "/media/drupal/images/pond.jpg"
