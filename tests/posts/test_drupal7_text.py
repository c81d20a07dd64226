import pytest

from posts.importers.drupal7_text import (
    apply_text_format,
    autop,
    decode_text,
    html_problems,
    linkify,
    rewrite_file_urls,
)
from posts.importers.series import split_series_title


def test_autop_makes_paragraphs_and_line_breaks():
    text = "First line\nsecond line.\n\nNext paragraph."
    assert autop(text) == "<p>First line<br>\nsecond line.</p>\n<p>Next paragraph.</p>"


def test_autop_leaves_block_elements_and_pre_alone():
    text = (
        "<h2>Title</h2>\nIntro.\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
        "<pre>code\n\n  kept</pre>\nEnd."
    )
    assert autop(text) == (
        "<h2>Title</h2>\n<p>Intro.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
        "<pre>code\n\n  kept</pre>\n<p>End.</p>"
    )


def test_autop_does_not_wrap_html_that_has_paragraphs():
    assert autop("<p>One.</p>\n<p>Two.</p>") == "<p>One.</p>\n<p>Two.</p>"


def test_linkify_links_bare_addresses_only():
    text = 'See https://example.org/a. Or <a href="https://x.org">https://x.org</a>.'
    assert linkify(text) == (
        'See <a href="https://example.org/a">https://example.org/a</a>. '
        'Or <a href="https://x.org">https://x.org</a>.'
    )
    assert linkify("www.example.org") == (
        '<a href="http://www.example.org">www.example.org</a>'
    )


def test_plain_text_format_escapes_markup():
    filters = {"filter_html_escape", "filter_url", "filter_autop"}
    assert apply_text_format("1 < 2 <b>", filters) == "<p>1 &lt; 2 &lt;b&gt;</p>"


def test_file_urls_are_rewritten_for_relative_and_old_host_links():
    html = (
        '<img src="/sites/default/files/a%20b.jpg">'
        "<a href='http://OLD.example.org/sites/default/files/doc.pdf'>d</a>"
        '<a href="https://other.example.com/sites/default/files/x.pdf">x</a>'
        '<img src="sites/default/files/styles/thumb/public/c.png?itok=1">'
        '<img src="/sites/default/files/missing.png">'
    )
    urls = {"a b.jpg": "/media/drupal/a%20b.jpg", "doc.pdf": "/media/drupal/doc.pdf",
            "c.png": "/media/drupal/c.png"}  # fmt: skip
    result = rewrite_file_urls(html, urls.get, old_hosts={"old.example.org"})
    assert result == (
        '<img src="/media/drupal/a%20b.jpg">'
        "<a href='/media/drupal/doc.pdf'>d</a>"
        '<a href="https://other.example.com/sites/default/files/x.pdf">x</a>'
        '<img src="/media/drupal/c.png">'
        '<img src="/sites/default/files/missing.png">'
    )


@pytest.mark.parametrize(
    ("html", "problems"),
    [
        ("<p>Fine <em>text</em></p><ul><li>a<li>b</ul><br><img src=x>", []),
        ("<div><p>Open <em>emphasis</p>", ["unclosed <em>", "unclosed <div>"]),
        ("<p>Stray</strong> end</p>", ["stray </strong>"]),
    ],
)
def test_html_problems(html, problems):
    assert html_problems(html) == problems


def test_decode_text():
    warnings = []
    assert decode_text(b"caf\xc3\xa9", "x", warnings) == "caf\u00e9"
    assert decode_text(None, "x", warnings) == ""
    assert warnings == []
    assert decode_text(b"caf\xe9", "the body", warnings) == "caf\u00e9"
    assert warnings == [
        "the body is not valid UTF-8 (byte 0xE9 at position 3); read it as "
        "Windows-1252: check the accented letters"
    ]
    warnings.clear()
    assert decode_text(b"a\x81\x00b", "the title", warnings) == "a\ufffdb"
    assert len(warnings) == 2


def test_prose_encoded_twice_is_repaired_and_reported():
    warnings = []
    twice = "Caf\u00c3\u00a9 notes: it doesn\u00e2\u20ac\u2122t \u00e2\u20ac\u201c yet"
    assert decode_text(twice.encode(), "the title", warnings, prose=True) == (
        "Caf\u00e9 notes: it doesn\u2019t \u2013 yet"
    )
    assert warnings == [
        "the title was encoded twice (\u201cCaf\u00c3\u00a9\u201d for "
        "\u201cCaf\u00e9\u201d); repaired: check the accents and quotation marks"
    ]


def test_real_text_and_addresses_are_left_as_they_are():
    warnings = []
    for text in [
        "S\u00e3o Paulo \u2013 \u201cquoted\u201d",
        "na\u00efve caf\u00e9",
        "plain",
    ]:
        assert decode_text(text.encode(), "the body", warnings, prose=True) == text
    assert warnings == []
    # addresses in tags are kept (they must match the old addresses), text repaired
    body = '<p><a href="/blog/caf\u00c3\u00a9">Caf\u00c3\u00a9</a></p>'
    assert decode_text(body.encode(), "the body", warnings, prose=True) == (
        '<p><a href="/blog/caf\u00c3\u00a9">Caf\u00e9</a></p>'
    )
    warnings.clear()
    # an alias is an address: kept byte for byte even when it looks encoded twice
    alias = "blog/caf\u00c3\u00a9"
    assert decode_text(alias.encode(), "URL alias 3", warnings) == alias
    assert warnings == []


@pytest.mark.parametrize(
    ("title", "found"),
    [
        ("Compassion at work (3rd post)", ("Compassion at work", 3)),
        ("Compassion at work (third post)", ("Compassion at work", 3)),
        ("Compassion at work (Second Post) ", ("Compassion at work", 2)),
        ("Compassion at work: (1st part)", ("Compassion at work", 1)),
        ("Compassion at work (12th post)", ("Compassion at work", 12)),
        ("Compassion at work", None),
        ("(2nd post)", None),
        ("Notes (post)", None),
    ],
)
def test_series_markers(title, found):
    assert split_series_title(title) == found
