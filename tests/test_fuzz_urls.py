"""Robustness of every public URL (issue #8, item 5).

Hypothesis generates paths and query strings for each route found in the
URLconf (so a new route is covered as soon as it exists; the admin is skipped):
random and existing slugs, unicode, very long values, NUL and control
characters, percent-encoding (valid, invalid and double), `?page=` junk, odd
conditional-GET headers. No request may crash: the test client re-raises any
exception a view lets escape, and no answer may be a 5xx or show a traceback.
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

from posts.models import Series
from tests.factories import make_post

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

# --- Routes, straight from the URLconf ------------------------------------------


@dataclass
class Route:
    patterns: list  # RoutePattern / RegexPattern from the root down
    name: str

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


ROUTES = list(public_routes())

# --- Values ---------------------------------------------------------------------

JUNK = ["", "0", "-1", "00", "1.5", "1e9", "9" * 40, "9" * 5000, "\x00", "%00",
        "%", "%zz", "%ff%fe", "%252e", "..", "../..", "NaN", "inf", "١٢", "１２", "²",
        "2024²", "٢٠٢٤",
        "\u202e", "\ufeff", "💥", "a" * 5000, "' OR 1=1 --", "<script>", "\r\n",
        "\\", "/", "//", "?", "#", "&", "="]  # fmt: skip
KNOWN_SLUGS = ["hello-world", "second-post", "café", "sleep", "mindful-series"]


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


@pytest.fixture
def content():
    """Real posts, tags and a series, so fuzzed values also reach real pages."""
    series = Series.objects.create(title="A series", slug="mindful-series")
    for n, slug in enumerate(["hello-world", "second-post"]):
        make_post(
            slug=slug,
            tags=["sleep", "café"],
            series=series,
            series_position=n + 1,
            published_at=timezone.make_aware(datetime(2020, 3, 1 + n)),
        )


def assert_answers_without_crashing(client, method, url, extra):
    response = getattr(client, method)(url, **extra)  # re-raises a view's crash
    assert response.status_code < 500, (url, response.status_code)
    body = b"" if response.streaming else response.content
    assert b"Traceback" not in body, url


@pytest.mark.parametrize("route", ROUTES, ids=[r.name for r in ROUTES])
def test_no_public_url_crashes(content, route):
    client = Client()

    @FUZZ
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


def test_the_route_list_covers_the_public_site():
    names = {route.name for route in ROUTES}
    assert {"list", "detail", "short", "tag", "tag_feed", "series", "archive_year",
            "feed", "feed_atom", "legacy_rss", "robots_txt"} <= names  # fmt: skip
    assert not any(str(route).startswith("admin") for route in ROUTES)
