import pytest

from hawkins_site.richtext import (
    absolute_urls,
    plain_text,
    sanitize_html,
    teaser_from_html,
    truncate_words,
)


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        '<img src="x.png" onerror="alert(1)">',
        '<p onclick="alert(1)">click</p>',
        '<a href="javascript:alert(1)">link</a>',
        '<a href=" JaVaScRiPt:alert(1)">link</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
        "<style>body{background:url(javascript:alert(1))}</style>",
        '<iframe src="https://evil.example"></iframe>',
        '<svg onload="alert(1)"><circle r="1"/></svg>',
        '<form action="https://evil.example"><input name="q"></form>',
        '<blockquote cite="javascript:alert(1)">quoted</blockquote>',
        '<q cite=" JaVaScRiPt:alert(1)">quoted</q>',
        '<blockquote cite="data:text/html,<script>alert(1)</script>">q</blockquote>',
    ],
)
def test_sanitiser_strips_executable_content(hostile):
    clean = sanitize_html(f"<p>Before</p>{hostile}<p>After</p>").lower()
    for marker in ["<script", "onerror", "onclick", "onload", "javascript:", "data:",
                   "<style", "<iframe", "<svg", "<form", "<input"]:  # fmt: skip
        assert marker not in clean
    assert "<p>before</p>" in clean and "<p>after</p>" in clean


def test_sanitiser_keeps_a_quotations_web_source():
    html = '<blockquote cite="https://example.org/source"><p>Quoted</p></blockquote>'
    assert sanitize_html(html) == html


def test_sanitiser_keeps_the_markup_posts_are_written_in():
    html = (
        "<h2>Key points</h2><ol><li><strong>One</strong></li></ol>"
        "<blockquote><p><em>Quoted</em></p></blockquote>"
        '<figure class="image"><img src="/media/a.jpg" alt="A"><figcaption>C'
        "</figcaption></figure><table><thead><tr><th>H</th></tr></thead>"
        "<tbody><tr><td>D</td></tr></tbody></table><hr>"
    )
    assert sanitize_html(html) == html


def test_links_get_noopener_and_keep_safe_schemes():
    clean = sanitize_html('<a href="https://ok.example/" target="_blank">ok</a>')
    assert clean == '<a href="https://ok.example/" rel="noopener noreferrer">ok</a>'
    assert 'href="mailto:me@example.org"' in sanitize_html(
        '<a href="mailto:me@example.org">m</a>'
    )


def test_unknown_figure_classes_are_dropped():
    assert sanitize_html('<figure class="image evil"></figure>') == (
        '<figure class="image"></figure>'
    )


def test_teaser_is_the_first_paragraph_as_plain_text():
    html = "<h2>Heading</h2><p>First &amp; <em>best</em> &lt;p&gt;.</p><p>Second.</p>"
    assert teaser_from_html(html) == "First & best <p>."


def test_teaser_cuts_on_a_word_boundary_with_an_ellipsis():
    words = " ".join(f"word{i}" for i in range(100))
    teaser = teaser_from_html(f"<p>{words}</p>", max_words=10)
    assert teaser == " ".join(f"word{i}" for i in range(10)) + "\u2026"


def test_teaser_never_ends_inside_an_entity_or_tag():
    html = "<p>" + "caf&eacute; &amp; <a href='/x'>tea</a> " * 40 + "</p>"
    teaser = teaser_from_html(html, max_words=7)
    assert "&" not in teaser.replace(" & ", "")
    assert "<" not in teaser and ">" not in teaser
    assert teaser.endswith("\u2026")


def test_teaser_falls_back_to_all_text_without_paragraphs():
    assert teaser_from_html("<ul><li>One</li><li>Two</li></ul>") == "One Two"


def test_truncate_words_handles_one_enormous_word():
    assert truncate_words("x" * 1000, max_chars=10) == "x" * 10 + "\u2026"
    assert truncate_words("short text") == "short text"


def test_plain_text_joins_inline_elements_and_separates_blocks():
    html = "<p>It is not <em>self-pity</em>, which</p><ul><li>One</li><li>Two</li></ul>"
    assert plain_text(html) == "It is not self-pity, which One Two"
    assert plain_text("<p>a<br>b</p><h2>Head</h2>ing") == "a b Head ing"


def test_absolute_urls_rewrites_root_relative_urls_only():
    origin = "https://blog.example.org"
    html = (
        '<img src="/a.jpg" srcset="/a-480.jpg 480w, //cdn.example.net/b.jpg 960w, '
        'https://x.example/c.jpg 2x" alt="A title=&quot;/x&quot;">'
        '<a title="src=" href="/p/1/">one</a><a href="relative/">two</a>'
    )
    assert absolute_urls(html, origin + "/") == (
        '<img src="https://blog.example.org/a.jpg" '
        'srcset="https://blog.example.org/a-480.jpg 480w, '
        '//cdn.example.net/b.jpg 960w, https://x.example/c.jpg 2x" '
        'alt="A title=&quot;/x&quot;">'
        '<a title="src=" href="https://blog.example.org/p/1/">one</a>'
        '<a href="relative/">two</a>'
    )
    assert absolute_urls("<p>No links.</p>", origin) == "<p>No links.</p>"


@pytest.mark.parametrize("entity", ["&#2;", "&#3;", "&#x0B;", "&#x1F;", "&#xFFFE;"])
def test_character_references_to_control_characters_are_dropped(entity):
    """nh3 decodes references, so they are stripped after it as well as before."""
    assert sanitize_html(f"<p>a{entity}b</p>") == "<p>ab</p>"
