"""Drupal 7 text as this site stores it: bytes decoded with a clear warning when
they are not UTF-8, the text-format filters Drupal applied on display (line
breaks to paragraphs, bare URLs to links), file URLs moved to media storage,
and a check for malformed HTML."""

import html
import re
from html.parser import HTMLParser
from urllib.parse import unquote

import ftfy

_TAG = re.compile(r"(<[^>]*>)")


def decode_text(raw, what, warnings, *, prose=False):
    """`raw` (bytes from the Drupal database) as str. Invalid UTF-8 is read as
    Windows-1252, the usual culprit, and noted in `warnings`. With `prose` (text
    readers see: titles, bodies, tag names), text encoded twice is repaired
    too, outside HTML tags only; never addresses, in tags (href, src) or
    stored, which must stay as Drupal served them."""
    if raw is None:
        return ""
    if isinstance(raw, str):
        text = raw
    else:
        raw = bytes(raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            where = f"byte 0x{raw[exc.start]:02X} at position {exc.start}"
            try:
                text = raw.decode("cp1252")
                warnings.append(
                    f"{what} is not valid UTF-8 ({where}); read it as "
                    "Windows-1252: check the accented letters"
                )
            except UnicodeDecodeError:
                text = raw.decode("utf-8", errors="replace")
                warnings.append(
                    f"{what} is not valid UTF-8 ({where}); unreadable bytes "
                    "were replaced with \ufffd"
                )
    if "\x00" in text:
        # PostgreSQL cannot store NUL in text.
        text = text.replace("\x00", "")
        warnings.append(f"{what} contained NUL characters; removed")
    if prose:
        text = _undo_double_encoding(text, what, warnings)
    return text


def _undo_double_encoding(text, what, warnings):
    """A Drupal site whose UTF-8 text went through latin1 tables (a common
    MySQL mishap) stored "café" as "cafÃ©" and "don't" as "donâ€™t". ftfy
    recognises those sequences and reverses them, leaving real text alone."""
    parts = _TAG.split(text)  # text, tag, text, tag, ..., text
    fixed = "".join(
        part if n % 2 else ftfy.fix_encoding(part) for n, part in enumerate(parts)
    )
    if fixed != text:
        sample = next(
            (
                f"“{a}” for “{b}”"
                for a, b in zip(text.split(), fixed.split(), strict=False)
                if a != b
            ),
            "",
        )
        warnings.append(
            f"{what} was encoded twice ({sample}); repaired: check the accents "
            "and quotation marks"
        )
    return fixed


# --- Drupal's text-format filters --------------------------------------------

# Block-level tags, as in Drupal 7's _filter_autop().
_BLOCK = (
    r"(?:table|thead|tfoot|caption|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|"
    r"pre|select|option|form|map|area|blockquote|address|math|input|p|h[1-6]|"
    r"fieldset|legend|hr|article|aside|details|figcaption|figure|footer|header|"
    r"hgroup|menu|nav|section|summary)"
)
_BLOCK_OPEN = re.compile(rf"(<{_BLOCK}[\s/>])", re.I)
_BLOCK_CLOSE = re.compile(rf"(</{_BLOCK}>)", re.I)
_STARTS_WITH_BLOCK = re.compile(rf"^</?{_BLOCK}[\s/>]", re.I)
_VERBATIM = re.compile(r"(<(pre|script|style|object|iframe)[\s>].*?</\2>)", re.I | re.S)


def autop(text):
    """Drupal's "Convert line breaks into HTML" filter: blank lines separate
    paragraphs, single line breaks become <br>; block elements and <pre>
    stay as they are."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = []

    def keep(match):
        kept.append(match.group(1))
        return f"\n\n\x00{len(kept) - 1}\x00\n\n"

    text = _VERBATIM.sub(keep, text)
    text = _BLOCK_OPEN.sub(r"\n\n\1", text)
    text = _BLOCK_CLOSE.sub(r"\1\n\n", text)
    chunks = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if re.fullmatch(r"\x00\d+\x00", chunk):
            chunks.append(kept[int(chunk.strip("\x00"))])
        elif _STARTS_WITH_BLOCK.match(chunk):
            chunks.append(chunk)
        else:
            chunks.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(chunks)


_URL = re.compile(r"""(?<![\w/"'=])((?:https?://|www\.)[^\s<>"']+)""", re.I)
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


def linkify(text):
    """Drupal's "Convert URLs into links" filter, for web addresses in text
    outside tags and outside existing links."""
    out, in_link = [], False
    for part in _TAG_OR_TEXT.split(text):
        if part.startswith("<"):
            lowered = part.lower()
            if re.match(r"<a[\s>]", lowered):
                in_link = True
            elif lowered.startswith("</a"):
                in_link = False
            out.append(part)
        elif in_link:
            out.append(part)
        else:
            out.append(_URL.sub(_link, part))
    return "".join(out)


def _link(match):
    url = match.group(1)
    trail = ""
    while url and url[-1] in ".,;:!?)":
        url, trail = url[:-1], url[-1] + trail
    href = url if "://" in url else "http://" + url
    return f'<a href="{html.escape(href)}">{url}</a>{trail}'


def apply_text_format(text, filters):
    """`text` as Drupal displayed it through a format with `filters`."""
    if "filter_html_escape" in filters:
        text = html.escape(text, quote=False)
    if "filter_autop" in filters:
        text = autop(text)
    if "filter_url" in filters:
        text = linkify(text)
    return text


# --- Files under /sites/default/files ----------------------------------------

FILE_URL = re.compile(
    r"""(?P<attr>\b(?:src|href)\s*=\s*)(?P<quote>["']?)"""
    r"""(?P<url>(?:(?:https?:)?//(?P<host>[^/"'\s>]+))?/?sites/default/files/"""
    r"""(?:styles/[^/"'\s>]+/public/)?(?P<path>[^"'\s>?#]+)[^"'\s>]*)(?P=quote)""",
    re.I,
)


def rewrite_file_urls(text, new_url_for, old_hosts=frozenset()):
    """`text` with links and images under /sites/default/files pointing at the
    URL `new_url_for(relative_path)` returns (None leaves a link unchanged).
    Image-style derivatives (styles/<style>/public/...) lead to the original.
    Absolute URLs are rewritten only for hosts in `old_hosts`."""

    def replace(match):
        host = (match.group("host") or "").lower()
        if host and host not in old_hosts:
            return match.group(0)
        relative = unquote(html.unescape(match.group("path")))
        new_url = new_url_for(relative)
        if new_url is None:
            return match.group(0)
        quote = match.group("quote") or '"'
        return f"{match.group('attr')}{quote}{html.escape(new_url)}{quote}"

    return FILE_URL.sub(replace, text)


# --- Malformed HTML ----------------------------------------------------------

_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "param", "source", "track", "wbr",
}  # fmt: skip
# Elements whose end tag HTML allows to be left out.
_OPTIONAL_END = {
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot",
    "option", "optgroup", "colgroup", "caption", "rb", "rt", "rp",
}  # fmt: skip


class _Balance(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if tag not in self.open:
            self.problems.append(f"stray </{tag}>")
            return
        while self.open:
            top = self.open.pop()
            if top == tag:
                break
            if top not in _OPTIONAL_END:
                self.problems.append(f"unclosed <{top}>")


def html_problems(text):
    """What is malformed in `text`: unclosed elements and stray end tags."""
    parser = _Balance()
    parser.feed(text)
    parser.close()
    unclosed = [f"unclosed <{t}>" for t in parser.open if t not in _OPTIONAL_END]
    return parser.problems + unclosed
