"""Talks for the site search (/search/), shown as a second group after posts.
Talks are few, so their search vector is computed on the fly, with the same
weights and configuration as posts (posts/search.py). On SQLite the abstract is
matched as plain text (hawkins_site.sqlite.HtmlText), not as its HTML."""

import operator
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F

from hawkins_site.sqlite import HtmlText
from posts.models import searchable
from posts.search import contains, has_wanted_terms, parse_query, uses_postgres

from .models import Talk

TALK_RESULTS = 5


def search_talks(query, *, tag=None, year=None, limit=TALK_RESULTS):
    """Up to `limit` public talks matching `query`, best first."""
    talks = Talk.objects.published().defer("speaker_bio")
    if tag is not None:
        talks = talks.filter(tags=tag)
    if year is not None:
        talks = talks.filter(starts_at__year=year)
    if not has_wanted_terms(query):
        return talks.none()
    if uses_postgres():
        search = SearchQuery(query, search_type="websearch", config="english")
        vector = (
            SearchVector(searchable(F("title")), weight="A", config="english")
            + SearchVector(
                searchable(F("event_name")),
                searchable(F("venue")),
                searchable(F("city")),
                weight="B",
                config="english",
            )
            + SearchVector("abstract", weight="C", config="english")
        )
        return (
            talks.annotate(document=vector, rank=SearchRank(vector, search))
            .filter(document=search)
            .order_by("-rank", "-starts_at")[:limit]
        )
    groups, unwanted = parse_query(query)
    talks = talks.alias(abstract_text=HtmlText("abstract"))
    for group in groups:
        talks = talks.filter(reduce(operator.or_, map(_matches, group)))
    for term in unwanted:
        talks = talks.exclude(_matches(term))
    return talks.order_by("-starts_at")[:limit]


def _matches(term):
    return reduce(
        operator.or_,
        (
            contains(field, term)
            for field in ("title", "event_name", "venue", "city", "abstract_text")
        ),
    )
