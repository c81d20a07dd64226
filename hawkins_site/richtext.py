"""Rich text shared by both apps: the nh3 allow-list (the only trust boundary for
stored HTML) and plain-text teasers cut from it."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
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

# C0 controls other than tab, newline and carriage return (and two
# non-characters): XML 1.0 forbids them, so one pasted from a word processor
# would break every feed carrying the post; browsers also drop them from URLs,
# where they could hide a javascript: scheme from a sanitiser.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# How a browser reads a URL's scheme: tabs and newlines anywhere are ignored,
# and so are controls and spaces around the URL.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_EDGES = "".join(map(chr, range(0x21)))  # C0 controls and space
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def strip_control_characters(text):
    return CONTROL_CHARACTERS.sub("", text)


def has_allowed_scheme(url):
    """True for relative URLs and for those whose scheme is in URL_SCHEMES."""
    url = _URL_IGNORED.sub("", url).strip(_URL_EDGES)
    match = _SCHEME.match(url)
    return match is None or match[1].lower() in URL_SCHEMES


def http_url(url):
    """`url` as an absolute http:// or https:// address, or "" when it cannot be
    one (javascript:, data:, mailto:, a bare word): for link fields outside rich
    text, such as a talk's slides. "www.example.org/slides", typed or imported
    without a scheme, becomes https://www.example.org/slides rather than lost."""
    url = _URL_IGNORED.sub("", strip_control_characters(url or "")).strip()
    if url.startswith("//"):
        url = "https:" + url
    elif url and _SCHEME.match(url) is None and "." in url.split("/", 1)[0]:
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return ""
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return ""
    return url


def _check_cite(tag, attribute, value):
    # nh3 applies url_schemes to href and src but not to cite: same rule here.
    if attribute == "cite" and not has_allowed_scheme(value):
        return None
    return value


def sanitize_html(html):
    """Stored rich text as the public may see it: allow-listed tags, attributes
    and URL schemes only; links get rel="noopener noreferrer"."""
    if not html:
        return ""
    clean = nh3.clean(
        strip_control_characters(html),
        attribute_filter=_check_cite,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        clean_content_tags={"script", "style", "template", "iframe", "object"},
    )
    # nh3 decodes character references, so "&#2;" comes out as a raw control
    # character: stripped again, for XML feeds and for search snippets (whose
    # highlight markers are control characters).
    return strip_control_characters(clean)


# Elements that separate words: text on either side of them never runs together.
_BLOCKS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
    "dt", "dd", "blockquote", "pre", "figure", "figcaption", "img", "table",
    "caption", "tr", "td", "th", "div", "section", "article",
}  # fmt: skip


class _TextCollector(HTMLParser):
    """Collects all the text, with a space wherever a block element separates
    words (inline elements join: "<em>self-pity</em>," stays "self-pity,"), and
    the text of the first non-empty <p> on its own."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.current = []
        self.first = None
        self.all_text = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self.handle_data(" ")
        if tag == "p" and self.first is None:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1
            if not self.depth:
                text = " ".join("".join(self.current).split())
                self.current = []
                if text:
                    self.first = text
        if tag in _BLOCKS:
            self.handle_data(" ")

    def handle_data(self, data):
        self.all_text.append(data)
        if self.depth and self.first is None:
            self.current.append(data)

    def text(self):
        return " ".join("".join(self.all_text).split())


def plain_text(html):
    """All the text of an HTML fragment, entities decoded, whitespace collapsed."""
    parser = _TextCollector()
    parser.feed(html or "")
    parser.close()
    return parser.text()


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
    return truncate_words(parser.first or parser.text(), max_words=max_words)


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
        base = "h-" + (_heading_slug(text) or "section")
        ident, n = base, 1
        while ident in used:
            n += 1
            ident = f"{base}-{n}"
        used.add(ident)
        toc.append({"level": int(tag[1]), "id": ident, "text": text})
        return f'<{tag} id="{ident}">{inner}</{tag}>'

    return _HEADING.sub(anchor, html), toc


def _heading_slug(text):
    """ASCII slug when the text has Latin letters or digits (so "Café" stays
    "cafe", as ids were made before), else a Unicode one: Greek or CJK headings
    get ids of their own words instead of "section-2", "section-3"."""
    slug = slugify(text)[:60].strip("-")
    return slug or slugify(text, allow_unicode=True)[:60].strip("-")


def reading_minutes(word_count):
    """Minutes to read `word_count` words at an unhurried pace; at least 1."""
    return max(1, round(word_count / WORDS_PER_MINUTE))


_IMG = re.compile(r"<img\b([^>]*)>", re.IGNORECASE)
_SRC = re.compile(r'\ssrc="([^"]*)"')
_ALT = re.compile(r'\salt="')


def image_problems(html, own_origin):
    """Plain sentences about the images in sanitised `html` that readers would
    miss: no text alternative, or fetched from another website (which tells
    that site who reads the post, and is no longer under the author's control).
    An empty alt="" is fine: it marks an image as decorative."""
    missing_alt, foreign = 0, set()
    for match in _IMG.finditer(html):
        attributes = match.group(1)
        if not _ALT.search(attributes):
            missing_alt += 1
        src = _SRC.search(attributes)
        url = src.group(1) if src else ""
        if url.startswith(("http://", "https://", "//")) and not url.startswith(
            own_origin + "/"
        ):
            foreign.add(urlsplit(url if "://" in url else "https:" + url).netloc)
    problems = []
    if missing_alt:
        problems.append(
            f"{missing_alt} image{'s have' if missing_alt > 1 else ' has'} no text "
            "alternative. Click the image, choose “Change image text alternative” "
            "in its toolbar and say what it shows (leave it empty only for a "
            "purely decorative image)."
        )
    if foreign:
        problems.append(
            "Images from other websites cannot be shown here ("
            + ", ".join(sorted(foreign))
            + "): readers' browsers would contact those sites. Save the image "
            "and add it with the “Upload image” button instead."
        )
    return problems


def validate_editor_images(html):
    """For the admin's rich-text fields: refuse text whose images readers would
    miss (see image_problems), checking the HTML as it will be stored."""
    if problems := image_problems(sanitize_html(html), settings.SITE_URL):
        raise ValidationError(problems)
    return html


# A start tag as nh3 writes it: every attribute value in double quotes (a quote
# inside a value is written "&quot;"), so a value never ends early.
_START_TAG = re.compile(r'<[a-zA-Z][a-zA-Z0-9]*(?:\s+[^\s"\'>/=]+(?:="[^"]*")?)*\s*/?>')
_QUOTED_ATTRIBUTE = re.compile(r'(\s)([^\s"\'>/=]+)="([^"]*)"')
_URL_ATTRIBUTES = {"href", "src", "cite"}


def _root_relative(url):
    return url.startswith("/") and not url.startswith("//")


def absolute_urls(html, origin):
    """Sanitised `html` with root-relative href, src, cite and srcset URLs
    ("/posts/…", "/media/…") made absolute on `origin`, for feeds: an RSS
    description or JSON Feed item has no base URL, so a reader would resolve
    them against its own address. Protocol-relative ("//host/…"), absolute
    and path-relative URLs are left as they are."""
    if not html or ('="/' not in html and "srcset" not in html):
        return html  # most bodies: no regex work at all
    origin = origin.rstrip("/")

    def attribute(match):
        space, name, value = match.groups()
        lowered = name.lower()
        if lowered in _URL_ATTRIBUTES and _root_relative(value):
            value = origin + value
        elif lowered == "srcset":
            candidates = [c.strip() for c in value.split(",")]
            value = ", ".join(
                origin + c if _root_relative(c) else c for c in candidates if c
            )
        return f'{space}{name}="{value}"'

    def tag(match):
        return _QUOTED_ATTRIBUTE.sub(attribute, match.group(0))

    return _START_TAG.sub(tag, html)
