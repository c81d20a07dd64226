"""Rich text shared by both apps: the nh3 allow-list (the only trust boundary for
stored HTML) and plain-text teasers cut from it."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
from django.utils.text import slugify

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4",
    "strong", "b", "em", "i", "u", "s", "sub", "sup", "mark", "small",
    "a", "abbr", "cite", "q", "code", "pre", "blockquote",
    "ul", "ol", "li", "dl", "dt", "dd",
    "figure", "figcaption", "img",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "img": {"src", "alt", "width", "height", "title"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "colgroup": {"span"},
}

# CKEditor 5 marks figures by class; only these names pass. ("class" must not
# also be in ALLOWED_ATTRIBUTES: nh3 refuses the combination.)
ALLOWED_CLASSES = {
    "figure": {
        "image", "table", "image-style-side", "image-style-align-left",
        "image-style-align-right", "image-style-align-center",
        "image-style-block-align-left", "image-style-block-align-right",
    },
}  # fmt: skip

URL_SCHEMES = {"http", "https", "mailto"}


def _cite_is_a_web_address(element, attribute, value):
    """nh3 checks the scheme of href and src but not of cite, which kept
    `<blockquote cite="javascript:…">` (found by tests/xss_corpus.py): only an
    http(s) source passes."""
    if attribute == "cite" and urlsplit(value).scheme.lower() not in {"http", "https"}:
        return None
    return value


def sanitize_html(html):
    """Stored rich text as the public may see it: allow-listed tags, attributes
    and URL schemes only; links get rel="noopener noreferrer"."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_cite_is_a_web_address,
        clean_content_tags={"script", "style", "template", "iframe", "object"},
    )


class _TextCollector(HTMLParser):
    """Collects the text of the first non-empty <p>, and all text as a fallback."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.current = []
        self.first = None
        self.all_text = []

    def handle_starttag(self, tag, attrs):
        if tag == "p" and self.first is None:
            self.depth += 1
        elif tag == "br":
            self.handle_data(" ")

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1
            if not self.depth:
                text = " ".join("".join(self.current).split())
                self.current = []
                if text:
                    self.first = text

    def handle_data(self, data):
        self.all_text.append(data)
        if self.depth and self.first is None:
            self.current.append(data)


def plain_text(html):
    """All the text of an HTML fragment, entities decoded, whitespace collapsed."""
    parser = _TextCollector()
    parser.feed(html or "")
    parser.close()
    return " ".join(" ".join(parser.all_text).split())


def truncate_words(text, max_words=55, max_chars=400):
    """`text` cut on a word boundary, with an ellipsis when anything was cut."""
    words = text.split()
    kept, length = [], 0
    for word in words[:max_words]:
        length += len(word) + (1 if kept else 0)
        if length > max_chars:
            break
        kept.append(word)
    if not kept and words:  # a single word longer than max_chars
        kept = [words[0][:max_chars]]
    if kept == words:
        return " ".join(kept)
    return " ".join(kept).rstrip(" ,;:.!?-\u2013\u2014") + "\u2026"


def teaser_from_html(html, max_words=55):
    """Plain-text teaser: the body's first paragraph (or all its text when it has
    none), cut on a word boundary. Plain text cannot end inside a tag or entity."""
    parser = _TextCollector()
    parser.feed(html or "")
    parser.close()
    text = parser.first or " ".join(" ".join(parser.all_text).split())
    return truncate_words(text, max_words=max_words)


_HEADING = re.compile(r"<(h[23])>(.*?)</\1>", re.DOTALL)
WORDS_PER_MINUTE = 230


def add_heading_anchors(html):
    """Give each H2/H3 of sanitised HTML an id made from its text, and return
    (html, toc). The same text always gets the same id, so links to a section
    survive later saves. Ids start with "h-" so a heading can never take the id
    of something the page templates use."""
    used = set()
    toc = []

    def anchor(match):
        tag, inner = match.group(1), match.group(2)
        text = plain_text(inner)
        base = "h-" + (slugify(text)[:60].strip("-") or "section")
        ident, n = base, 1
        while ident in used:
            n += 1
            ident = f"{base}-{n}"
        used.add(ident)
        toc.append({"level": int(tag[1]), "id": ident, "text": text})
        return f'<{tag} id="{ident}">{inner}</{tag}>'

    return _HEADING.sub(anchor, html), toc


def reading_minutes(word_count):
    """Minutes to read `word_count` words at an unhurried pace; at least 1."""
    return max(1, round(word_count / WORDS_PER_MINUTE))
