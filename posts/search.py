"""Full-text search over public posts.

PostgreSQL: the stored, weighted `search_vector` (title A, tags B, excerpt and
body C, `english` configuration) queried with websearch syntax ("quoted
phrases", -word, or), ranked, with highlighted snippets from ts_headline.
SQLite (the embedded default): substring matching that ignores case in any
script, with the same syntax, newest first, with snippets cut in Python. Both
return the same public posts for simple queries, and nothing for a query that
only excludes words."""

import bisect
import operator
import re
from functools import reduce

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q
from django.db.models.lookups import Contains

from hawkins_site.sqlite import Casefold

from .models import Post, TaggedPost, searchable

MAX_QUERY_LENGTH = 200
# Snippet highlight markers: control characters, escaped away on output and
# turned into <mark> by the `highlight` template filter.
START, STOP = "\x02", "\x03"
_TERMS = re.compile(r'(-?)"([^"]+)"|(-?)(\S+)')
_WORDY = re.compile(r"\w")
_WORD = re.compile(r"\S+")


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
    if not has_wanted_terms(query):
        return posts.none()
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


def parse_query(query):
    """([[alternative, …], …], [unwanted]): every group must match (any one of
    its alternatives), no unwanted term may. As websearch_to_tsquery reads it:
    "quoted phrases" kept whole, -word excluded, and `or` between two wanted
    terms joins them ("kindness or quokka sleep": (kindness or quokka) and
    sleep); an `or` at either end or beside an excluded term is ignored. Terms
    without a letter or digit ("&", "-") are dropped, as PostgreSQL drops them."""
    groups, unwanted = [], []
    joining = after_wanted = False
    for minus_phrase, phrase, minus_word, word in _TERMS.findall(query):
        term = (phrase or word).strip('"')
        if word and term.lower() == "or":
            joining = after_wanted
            continue
        if not _WORDY.search(term) or term.lower() == "or":
            continue
        if minus_phrase or minus_word:
            unwanted.append(term)
            after_wanted = False
        elif joining:
            groups[-1].append(term)
            after_wanted = True
        else:
            groups.append([term])
            after_wanted = True
        joining = False
    return groups, unwanted


def parse_terms(query):
    """([wanted], [unwanted]) terms, as parse_query() finds them, alternatives
    flattened (for highlighting)."""
    groups, unwanted = parse_query(query)
    return [term for group in groups for term in group], unwanted


def has_wanted_terms(query):
    """False for a query that only excludes (-word): it finds nothing on either
    database (PostgreSQL alone would return every post without the word)."""
    return bool(parse_query(query)[0])


def contains(field, term):
    """`field` contains `term`, ignoring case in any script. An ASCII term keeps
    the plain (indexable) icontains; others compare Unicode-casefolded text,
    which SQLite's LIKE cannot (it folds ASCII letters only)."""
    if term.isascii():
        return Q(**{f"{field}__icontains": term})
    return Q(Contains(Casefold(field), term.casefold()))


def _matches(term):
    tagged = TaggedPost.objects.filter(contains("tag__name", term))
    return (
        contains("title", term)
        | contains("excerpt", term)
        | contains("body_text", term)
        | Q(pk__in=tagged.values("content_object"))
    )


def _fallback(posts, query):
    groups, unwanted = parse_query(query)
    for group in groups:
        either = reduce(operator.or_, (_matches(term) for term in group))
        posts = posts.filter(pk__in=Post.objects.filter(either).values("pk"))
    for term in unwanted:
        posts = posts.exclude(pk__in=Post.objects.filter(_matches(term)).values("pk"))
    return posts.order_by("-published_at", "-pk")


def python_snippet(text, query, words=30):
    """A snippet around the first wanted term, marked like ts_headline's: whole
    words of `text` cut by character offsets, so a match inside a word
    ("self-compassion") stays joined to it."""
    wanted, _ = parse_terms(query)
    spans = [m.span() for m in _WORD.finditer(text)]
    if not wanted or not spans:
        return " ".join(text.split()[:words])
    pattern = re.compile(
        "|".join(re.escape(t) for t in sorted(wanted, key=len, reverse=True)),
        re.IGNORECASE,
    )
    found = pattern.search(text)
    if found is None:
        first = 0
    else:
        at = bisect.bisect_right([start for start, _ in spans], found.start()) - 1
        first = max(0, at - words // 3)
    last = min(len(spans), first + words) - 1
    snippet = text[spans[first][0] : spans[last][1]]
    return pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", snippet)
