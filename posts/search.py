"""Full-text search over public posts.

PostgreSQL: the stored, weighted `search_vector` (title A, tags B, excerpt and
body C, `english` configuration) queried with websearch syntax ("quoted
phrases", -word, or), ranked, with highlighted snippets from ts_headline.
SQLite (the embedded default): plain `icontains` matching, newest first, with
snippets cut in Python. Both return the same public posts for simple queries."""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q

from .models import Post, searchable

MAX_QUERY_LENGTH = 200
# Snippet highlight markers: control characters, escaped away on output and
# turned into <mark> by the `highlight` template filter.
START, STOP = "\x02", "\x03"
_TERMS = re.compile(r'(-?)"([^"]+)"|(-?)(\S+)')


def clean_query(raw):
    """The query as searched: whitespace collapsed, NULs dropped, cut to size."""
    text = (raw or "").replace("\x00", " ").replace(START, " ").replace(STOP, " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def uses_postgres():
    return connection.vendor == "postgresql"


def search_posts(query, *, tag=None, year=None):
    """Public posts matching `query`, best first, each with a `snippet`."""
    posts = Post.objects.published()  # results show no tags: none fetched
    if tag is not None:
        posts = posts.filter(tags=tag)
    if year is not None:
        posts = posts.filter(published_at__year=year)
    if uses_postgres():
        search = SearchQuery(query, search_type="websearch", config="english")
        return (
            posts.filter(search_vector=search)
            .annotate(
                rank=SearchRank(F("search_vector"), search),
                snippet=SearchHeadline(
                    searchable(F("body_text")),
                    search,
                    config="english",
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=35,
                    min_words=15,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                ),
            )
            .defer("body", "body_text", "search_vector", "toc")
            .order_by("-rank", "-published_at", "-pk")
        )
    return _fallback(posts, query).defer("body", "search_vector", "toc")


def parse_terms(query):
    """([wanted], [unwanted]) terms: "quoted phrases" kept whole, -word excluded,
    the word "or" ignored (the fallback matches every wanted term)."""
    wanted, unwanted = [], []
    for minus_phrase, phrase, minus_word, word in _TERMS.findall(query):
        term = (phrase or word).strip('"')
        if not term or term.lower() == "or":
            continue
        (unwanted if (minus_phrase or minus_word) else wanted).append(term)
    return wanted, unwanted


def _matches(term):
    return (
        Q(title__icontains=term)
        | Q(excerpt__icontains=term)
        | Q(body_text__icontains=term)
        | Q(tags__name__icontains=term)
    )


def _fallback(posts, query):
    wanted, unwanted = parse_terms(query)
    if not wanted:
        return posts.none()
    for term in wanted:
        posts = posts.filter(pk__in=Post.objects.filter(_matches(term)).values("pk"))
    for term in unwanted:
        posts = posts.exclude(pk__in=Post.objects.filter(_matches(term)).values("pk"))
    return posts.order_by("-published_at", "-pk")


def python_snippet(text, query, words=30):
    """A snippet around the first wanted term, marked like ts_headline's."""
    wanted, _ = parse_terms(query)
    lowered = text.lower()
    found = [(lowered.find(t.lower()), t) for t in wanted if t.lower() in lowered]
    if not found:
        return " ".join(text.split()[:words])
    position, _ = min(found)
    before = text[:position].split()[-(words // 3) :]
    after = text[position:].split()[: words - len(before)]
    snippet = " ".join(before + after)
    for term in wanted:
        snippet = re.sub(
            re.escape(term), lambda m: f"{START}{m.group(0)}{STOP}", snippet, flags=re.I
        )
    return snippet
