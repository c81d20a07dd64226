"""Reading RSS 2.0 and Atom feeds, safely: defusedxml refuses entity
declarations and external references (no "billion laughs", no XXE), and a
feed larger than MAX_FEED_BYTES is refused before parsing."""

import email.utils
import html
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urljoin
from urllib.request import Request, urlopen
from xml.etree.ElementTree import ParseError, tostring

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from hawkins_site.richtext import plain_text

MAX_FEED_BYTES = 50 * 1024 * 1024
FETCH_TIMEOUT = 30
ATOM = "{http://www.w3.org/2005/Atom}"
XHTML = "{http://www.w3.org/1999/xhtml}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


class FeedError(Exception):
    """The feed cannot be read; the message says why."""


@dataclass
class FeedEntry:
    title: str = ""
    link: str = ""
    guid: str = ""
    published_at: datetime | None = None
    updated_at: datetime | None = None
    body: str = ""
    categories: list = field(default_factory=list)
    is_draft: bool = False
    skip_reason: str = ""
    warnings: list = field(default_factory=list)


def read_feed(location):
    """The bytes of the feed at `location`: a file path or an http(s) URL."""
    if re.match(r"^https?://", location, re.IGNORECASE):
        request = Request(
            location,
            headers={
                "User-Agent": "hawkins-site import_feed",
                "Accept": "application/rss+xml, application/atom+xml, "
                "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
            },
        )
        try:
            with urlopen(request, timeout=FETCH_TIMEOUT) as response:
                data = response.read(MAX_FEED_BYTES + 1)
        except HTTPError as exc:
            raise FeedError(f"{location} answered {exc.code} {exc.reason}.") from exc
        except (URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise FeedError(f"Could not fetch {location}: {reason}.") from exc
    elif "://" in location:
        raise FeedError(f"Give a file path or an http(s):// address, not {location!r}.")
    else:
        path = Path(location)
        if not path.is_file():
            raise FeedError(f"There is no file {path}.")
        with path.open("rb") as handle:
            data = handle.read(MAX_FEED_BYTES + 1)
    if len(data) > MAX_FEED_BYTES:
        raise FeedError(f"The feed is larger than {MAX_FEED_BYTES // 2**20} MB.")
    if not data.strip():
        raise FeedError("The feed is empty.")
    return data


def parse_feed(data, base_url=""):
    """(feed title, [FeedEntry]) from RSS 2.0 or Atom bytes."""
    try:
        root = SafeET.fromstring(data)
    except DefusedXmlException as exc:
        raise FeedError(
            "The feed declares XML entities or external references, which are "
            "refused for safety."
        ) from exc
    except ParseError as exc:
        raise FeedError(f"The feed is not well-formed XML: {exc}.") from exc
    if root.tag == "rss":
        channel = root.find("channel")
        if channel is None:
            raise FeedError("The RSS feed has no <channel>.")
        title = _text(channel.find("title"))
        return title, [_rss_item(item) for item in channel.findall("item")]
    if root.tag == f"{ATOM}feed":
        base = root.get(XML_BASE) or _atom_link(root, base_url) or base_url
        title = _atom_text(root.find(f"{ATOM}title"))
        return title, [_atom_entry(e, base) for e in root.findall(f"{ATOM}entry")]
    if root.tag == f"{RDF}RDF":
        raise FeedError("RSS 1.0 (RDF) feeds are not supported: use RSS 2.0 or Atom.")
    raise FeedError(
        f"This is not an RSS 2.0 or Atom feed: its root element is <{root.tag}>."
    )


def _text(element):
    return (element.text or "").strip() if element is not None else ""


def _rss_item(item):
    entry = FeedEntry()
    entry.title = plain_text(_text(item.find("title")))
    entry.link = _text(item.find("link"))
    entry.guid = _text(item.find("guid"))
    entry.body = _text(item.find(f"{CONTENT}encoded")) or _text(
        item.find("description")
    )
    entry.categories = [_text(c) for c in item.findall("category") if _text(c)]
    entry.categories += [_text(c) for c in item.findall(f"{DC}subject") if _text(c)]
    wordpress = {
        child.tag.rsplit("}", 1)[-1]: _text(child)
        for child in item
        if "wordpress.org/export" in child.tag
    }
    entry.published_at = _rfc822(_text(item.find("pubDate")), entry) or _iso(
        _text(item.find(f"{DC}date")), entry
    )
    if wordpress:
        kind = wordpress.get("post_type", "post")
        if kind != "post":
            entry.skip_reason = f"a WordPress {kind}, not a post"
        entry.is_draft = wordpress.get("status", "publish") != "publish"
        gmt = wordpress.get("post_date_gmt", "")
        if gmt and not gmt.startswith("0000"):
            entry.published_at = _iso(gmt.replace(" ", "T") + "+00:00", entry)
    return entry


def _atom_entry(element, base):
    entry = FeedEntry()
    base = element.get(XML_BASE) or base
    entry.title = _atom_text(element.find(f"{ATOM}title"))
    entry.link = _atom_link(element, base)
    entry.guid = _text(element.find(f"{ATOM}id"))
    entry.updated_at = _iso(_text(element.find(f"{ATOM}updated")), entry)
    entry.published_at = (
        _iso(_text(element.find(f"{ATOM}published")), entry) or entry.updated_at
    )
    content = element.find(f"{ATOM}content")
    if content is None or content.get("src"):
        content = element.find(f"{ATOM}summary")
    entry.body = _atom_html(content)
    entry.categories = [
        c.get("label") or c.get("term", "")
        for c in element.findall(f"{ATOM}category")
        if (c.get("label") or c.get("term", "")).strip()
    ]
    return entry


def _atom_link(element, base):
    for link in element.findall(f"{ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return urljoin(base, link.get("href").strip())
    return ""


def _atom_text(element):
    """An Atom text construct as plain text (for titles). type="text" is
    text already: "Plain <text> title" keeps its <text>; only entities that
    a feed escaped twice are decoded, and white space collapsed."""
    if element is None:
        return ""
    if element.get("type") in {"html", "xhtml"}:
        return plain_text(_atom_html(element))
    return " ".join(html.unescape(_text(element)).split())


def _atom_html(element):
    """An Atom text construct as HTML (for content)."""
    if element is None:
        return ""
    kind = element.get("type", "text")
    if kind == "xhtml":
        div = element.find(f"{XHTML}div")
        container = div if div is not None else element
        for node in container.iter():
            if isinstance(node.tag, str) and node.tag.startswith(XHTML):
                node.tag = node.tag[len(XHTML) :]
        inner = (container.text or "") + "".join(
            tostring(child, encoding="unicode") for child in container
        )
        return inner.strip()
    if kind == "html" or kind.endswith("html"):
        return (element.text or "").strip()
    text = _text(element)
    return f"<p>{html.escape(text)}</p>" if text else ""


def _rfc822(value, entry):
    if not value:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        entry.warnings.append(f"its date {value!r} is not an RFC 822 date")
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _iso(value, entry):
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        entry.warnings.append(f"its date {value!r} is not an ISO 8601 date")
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
