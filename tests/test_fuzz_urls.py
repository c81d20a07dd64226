"""Robustness of every public URL (issue #8, item 5).

Hypothesis generates paths and query strings for each route found in the
URLconf (so a new route is covered as soon as it exists; the admin is skipped):
random and existing slugs, unicode, very long values, NUL and control
characters, percent-encoding (valid, invalid and double), `?page=` junk, odd
conditional-GET headers. No request may crash: the test client re-raises any
exception a view lets escape, and no answer may be a 5xx or show a traceback.

Old (Drupal) addresses never reach the URLconf: LegacyRedirectMiddleware answers
them after a 404. They are fuzzed as routes of their own, from the patterns in
posts/redirects.py (DRUPAL_ROUTES) and the shapes of the addresses stored as
LegacyPath rows (/node/N, /taxonomy/term/N[/feed], /blog/…, /stressedtozest/…).
"""

import os
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from taggit.models import Tag

from posts.models import LegacyPath, Series
from posts.redirects import DRUPAL_ROUTES
from tests.factories import make_draft, make_post, make_talk

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    # CI tests the same examples on every run, so a red build always means a
    # change; locally every run explores new ones.
    derandomize=bool(os.environ.get("CI")),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Old addresses are many routes into one middleware and a few redirect views:
# a quarter of the examples each keeps the suite's time about where it was.
LEGACY_FUZZ = settings(FUZZ, max_examples=max(EXAMPLES // 4, 10))

# --- Routes, straight from the URLconf ------------------------------------------


@dataclass
class Route:
    patterns: list  # RoutePattern / RegexPattern from the root down
    name: str
    is_legacy: bool = False  # answered by LegacyRedirectMiddleware

    def __str__(self):
        return "".join(str(p) for p in self.patterns)


def public_routes(resolver=None, parents=()):
    """Every leaf URL pattern reachable from the root URLconf, except the admin."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if "admin" in (entry.app_name, entry.namespace):
                continue
            yield from public_routes(entry, (*parents, entry.pattern))
        elif isinstance(entry, URLPattern):
            patterns = [*parents, entry.pattern]
            name = entry.name or "".join(str(p) for p in patterns)
            yield Route(patterns, name)


def legacy_routes():
    """Old addresses, which LegacyRedirectMiddleware answers after a 404: each
    of DRUPAL_ROUTES (its regular expression, anchored at the path's first
    slash) and each shape of the Drupal addresses stored as LegacyPath rows."""
    for n, (regex, view) in enumerate(DRUPAL_ROUTES):
        pattern = RegexPattern("^" + regex.pattern.removeprefix("^/"))
        yield Route([pattern], f"drupal{n}{view.__name__}", is_legacy=True)
    for route, name in [
        ("node/<int:nid>", "drupal_node"),
        ("taxonomy/term/<int:tid>", "drupal_term"),
        ("taxonomy/term/<int:tid>/feed", "drupal_term_feed"),
        ("blog/<alias>", "drupal_blog"),
        ("stressedtozest/<int:year>/<int:month>/<alias>", "drupal_post"),
    ]:
        yield Route([RoutePattern(route)], name, is_legacy=True)


ROUTES = list(public_routes()) + list(legacy_routes())

# --- Values ---------------------------------------------------------------------

JUNK = ["", "0", "-1", "00", "1.5", "1e9", "9" * 40, "9" * 5000, "\x00", "%00",
        "%", "%zz", "%ff%fe", "%252e", "..", "../..", "NaN", "inf", "١٢", "１２", "²",
        "2024²", "٢٠٢٤",
        "\u202e", "\ufeff", "💥", "a" * 5000, "' OR 1=1 --", "<script>", "\r\n",
        "\\", "/", "//", "?", "#", "&", "="]  # fmt: skip
KNOWN_SLUGS = ["hello-world", "second-post", "café", "sleep", "mindful-series",
               "evening-talk", "past-talk", "old-draft"]  # fmt: skip


def text_values():
    return st.one_of(
        st.sampled_from(KNOWN_SLUGS),
        st.sampled_from(JUNK),
        st.from_regex(r"[-a-zA-Z0-9_]{1,80}", fullmatch=True),
        st.text(min_size=1, max_size=60),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=3000),
    )


def int_values():
    return st.one_of(
        st.integers(min_value=0, max_value=3000).map(str),
        st.integers(min_value=0, max_value=2**70).map(str),
        st.sampled_from(["1", "2020", "9999", "10000", "0" * 30 + "1", "9" * 5000]),
    )


def encoded(values):
    """Values as they may appear in a URL: raw, percent-encoded, or twice."""
    return st.tuples(values, st.sampled_from(["raw", "quote", "twice"])).map(
        lambda pair: {
            "raw": pair[0],
            "quote": quote(pair[0], safe=""),
            "twice": quote(quote(pair[0], safe=""), safe=""),
        }[pair[1]]
    )


PLACEHOLDER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<parameter>[^>]+)>")


def pattern_strategy(pattern):
    """Strings for one pattern: its literal text with fuzzed parameters, or
    strings matching (or nearly matching) its regular expression."""
    if isinstance(pattern, RoutePattern):
        route = str(pattern)
        parts, last = [], 0
        for match in PLACEHOLDER.finditer(route):
            parts.append(st.just(route[last : match.start()]))
            converter = pattern.converters.get(match["parameter"])
            is_int = type(converter).__name__ == "IntConverter"
            parts.append(encoded(int_values() if is_int else text_values()))
            last = match.end()
        parts.append(st.just(route[last:]))
        return st.tuples(*parts).map("".join)
    if isinstance(pattern, RegexPattern):
        regex = pattern.regex
        return st.one_of(
            st.from_regex(regex).filter(lambda s: regex.search(s) is not None),
            encoded(text_values()),
        ).map(lambda s: s.lstrip("^"))
    return st.just(str(pattern))


def path_strategy(route):
    return st.tuples(*(pattern_strategy(p) for p in route.patterns)).map(
        lambda parts: "/" + "".join(parts).replace("\n", "")
    )


query_keys = st.one_of(
    st.sampled_from(["page", "p", "q", "format", "year", "tag", "utm_source"]),
    st.text(max_size=20),
)
query_strings = st.one_of(
    st.just(""),
    st.lists(
        st.tuples(query_keys, st.one_of(st.sampled_from(JUNK), text_values())),
        max_size=4,
    ).map(
        lambda pairs: "&".join(
            f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs
        )
    ),
    st.sampled_from(
        [
            "page",
            "page=",
            "page=%",
            "page=%ff",
            "&&==",
            "page=1&page=x",
            "q=%00",
            "page=2%00",
            "a" * 3000,
        ]
    ),  # fmt: skip
    # Unencoded, as a careless client sends it (no CR/LF: HTTP cannot carry them).
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_characters="\r\n#"),
        max_size=80,
    ),
)
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_IF_MODIFIED_SINCE": st.one_of(
            st.sampled_from(["Sat, 29 Oct 1994 19:43:31 GMT", "yesterday", "0"]),
            st.text(max_size=40),
        ),
        "HTTP_IF_NONE_MATCH": st.one_of(st.just("*"), st.text(max_size=40)),
        "HTTP_ACCEPT_LANGUAGE": st.text(max_size=40),
        "HTTP_HOST": st.sampled_from(
            ["testserver", "evil.example", "[::1]", "a" * 300, "testserver:99999"]
        ),
    },
)

# --- The fuzzer -----------------------------------------------------------------


# Old addresses stored as LegacyPath rows (numbers and slugs the strategies
# above also produce, so fuzzed paths reach them too): to a post, to a draft
# (stays 404), to a tag with Drupal's page numbers, to addresses with a query.
STORED_ADDRESSES = {
    "/node/1": {"post": "hello-world"},
    "/blog/hello-world": {"post": "hello-world"},
    "/stressedtozest/2020/03/second-post": {"post": "second-post"},
    "/node/3": {"post": "old-draft"},
    "/taxonomy/term/1": {"tag": "sleep", "drupal_pages": True},
    "/category/tags/sleep-old": {"tag": "sleep", "drupal_pages": True},
    "/blog/sleep": {"tag": "café", "drupal_pages": False},
    "/node/2020": {"target": "/search/?q=sleep"},
    "/node/2": {"target": "https://example.org/elsewhere?from=node"},
}


@pytest.fixture
def content():
    """Real posts, tags, a series, talks and old addresses, so fuzzed values
    also reach real pages and real redirects."""
    series = Series.objects.create(title="A series", slug="mindful-series")
    posts = {}
    for n, slug in enumerate(["hello-world", "second-post"]):
        posts[slug] = make_post(
            slug=slug,
            tags=["sleep", "café"],
            series=series,
            series_position=n + 1,
            published_at=timezone.make_aware(datetime(2020, 3, 1 + n)),
        )
    posts["old-draft"] = make_draft(slug="old-draft")
    make_talk(slug="evening-talk", tags=["sleep"], related_posts=[posts["hello-world"]])
    make_talk(slug="past-talk", starts_at=timezone.make_aware(datetime(2020, 3, 2)))
    for path, destination in STORED_ADDRESSES.items():
        fields = dict(destination)
        if "post" in fields:
            fields["post"] = posts[fields["post"]]
        if "tag" in fields:
            fields["tag"] = Tag.objects.get(name=fields["tag"])
        LegacyPath.objects.create(path=path, **fields)


def assert_answers_without_crashing(client, method, url, extra):
    response = getattr(client, method)(url, **extra)  # re-raises a view's crash
    assert response.status_code < 500, (url, response.status_code)
    body = b"" if response.streaming else response.content
    assert b"Traceback" not in body, url


@pytest.mark.parametrize("route", ROUTES, ids=[r.name for r in ROUTES])
def test_no_public_url_crashes(content, route):
    client = Client()

    @(LEGACY_FUZZ if route.is_legacy else FUZZ)
    @given(
        path=path_strategy(route),
        query=query_strings,
        method=st.sampled_from(["get", "get", "head"]),
        extra=headers,
    )
    def check(path, query, method, extra):
        url = f"{path}?{query}" if query else path
        assert_answers_without_crashing(client, method, url, extra)

    check()


def test_arbitrary_paths_never_crash(content):
    client = Client()

    @FUZZ
    @given(
        path=st.lists(encoded(text_values()), min_size=1, max_size=4).map(
            lambda segments: "/" + "/".join(segments)
        ),
        query=query_strings,
    )
    def check(path, query):
        url = f"{path}?{query}" if query else path
        assert_answers_without_crashing(client, "get", url, {})

    check()


def stored_address_variants():
    """A stored old address as links in the wild write it: with a trailing
    slash, in other letter case, percent-encoded, with /feed after it."""
    return st.tuples(
        st.sampled_from(sorted(STORED_ADDRESSES)),
        st.sampled_from([str, str.upper, str.title, lambda p: quote(p, safe="")]),
        st.sampled_from(["", "/", "/feed", "/feed/", "//", "/%00"]),
    ).map(lambda t: "/" + t[1](t[0]).lstrip("/") + t[2])


def test_stored_old_addresses_never_crash(content):
    client = Client()

    @LEGACY_FUZZ
    @given(path=stored_address_variants(), query=query_strings)
    def check(path, query):
        url = f"{path}?{query}" if query else path
        assert_answers_without_crashing(client, "get", url, {})

    check()


def test_the_fixture_reaches_talks_and_old_addresses(content):
    """Else the fuzzer meets only 404s there."""
    client = Client()
    assert client.get("/talks/evening-talk/").status_code == 200
    assert client.get("/talks/evening-talk.ics").status_code == 200
    for path, destination in STORED_ADDRESSES.items():
        expected = 404 if destination.get("post") == "old-draft" else 301
        assert client.get(path).status_code == expected, path
    assert client.get("/node/2020?page=1")["Location"] == "/search/?q=sleep&page=2"


def test_the_route_list_covers_the_public_site():
    names = {route.name for route in ROUTES}
    assert {"list", "detail", "short", "tag", "tag_feed", "series", "archive_year",
            "feed", "feed_atom", "legacy_rss", "robots_txt", "security_txt",
            "ics", "calendar", "drupal_node", "drupal_term",
            "drupal_term_feed", "drupal_blog", "drupal_post"} <= names  # fmt: skip
    drupal = [
        r for r in ROUTES if r.name.startswith("drupal") and r.name[6:7].isdigit()
    ]
    assert len(drupal) == len(DRUPAL_ROUTES)
    assert not any(str(route).startswith("admin") for route in ROUTES)
