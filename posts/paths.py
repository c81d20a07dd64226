"""Old addresses as text: how they are stored, compared and mapped. Pure
functions (no database), shared by the LegacyPath model, the redirect
middleware and the importers."""

import re
from urllib.parse import quote, unquote, urlsplit

MAX_PATH_LENGTH = 500
_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def normalise_path(raw):
    """`raw` as stored and compared: a path with one leading slash, no domain,
    query or fragment, no trailing slash, percent escapes in upper case.

    "https://old.example.org/blog/Post/?page=2" -> "/blog/Post";
    "blog/caf%c3%a9/" -> "/blog/caf%C3%A9". Letter case is kept (stored as
    Drupal had it; redirects.py matches it exactly first, then in any case).
    Returns "/" for the root and "" for nothing at all."""
    text = (raw or "").strip()
    if not text:
        return ""
    if "://" in text or text.startswith("//"):
        try:
            text = urlsplit(text).path or "/"
        except ValueError:  # "//[x": Python refuses a bracketed non-IP host
            return ""
    text = text.split("#", 1)[0].split("?", 1)[0]
    text = "/" + text.lstrip("/")
    if len(text) > 1:
        text = text.rstrip("/") or "/"
    return _ESCAPE.sub(lambda m: m.group(0).upper(), text)


def candidate_paths(request_path):
    """The stored forms an incoming path may match, best first: as requested,
    percent-decoded, and percent-encoded (Drupal kept some aliases with their
    escapes, e.g. an en dash as %E2%80%93), each without a trailing slash."""
    if _CONTROL.search(request_path) or _CONTROL.search(unquote(request_path)):
        return []
    # A request path is never a URL: "//host/x" is the path "/host/x", not x on host.
    request_path = "/" + request_path.lstrip("/")
    forms = [request_path, unquote(request_path), quote(request_path, safe="/")]
    found = []
    for form in forms:
        path = normalise_path(form)
        usable = path not in {"", "/"} and len(path) <= MAX_PATH_LENGTH
        if usable and path not in found:
            found.append(path)
    return found


def is_allowed_target(target):
    """A redirect target: a path on this site, or a full http(s) URL."""
    if target.startswith("/"):
        # "//host" and "/\\host" name other sites to a browser, not paths here.
        return not target.startswith(("//", "/\\")) and not _CONTROL.search(target)
    parts = urlsplit(target)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def page_query(page, *, first=1):
    """ "?page=N" on this site (which numbers list pages from 1) for the page
    number `page` of an address that numbered them from `first`; "" for the
    first page and for anything that is not a page number."""
    try:
        number = int(page) + 1 - first
    except (TypeError, ValueError):
        return ""
    if number < 2 or number > 100_000:
        return ""
    return f"?page={number}"


def drupal_page_query(page):
    """Drupal numbers list pages from 0, this site from 1: ?page=N becomes
    ?page=N+1. Drupal's first page (0, or none) is the plain address, and
    anything that is not a page number is dropped."""
    return page_query(page, first=0)
