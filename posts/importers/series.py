"""Numbered post series from titles: "Compassion at work (2nd post)" and
"Compassion at work (third post)" belong to the series "Compassion at work",
and a post titled just "Compassion at work" is its first part."""

import re
from collections import Counter

from django.utils import timezone
from django.utils.text import slugify

from ..models import Post, Series

ORDINAL_WORDS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth",
]  # fmt: skip
MARKER = re.compile(
    r"\s*[(\[]\s*(?:(?P<number>\d{1,3})\s*(?:st|nd|rd|th)|(?P<word>"
    + "|".join(ORDINAL_WORDS)
    + r"))\s+(?:post|part|instalment|installment)\s*[)\]]\s*$",
    re.IGNORECASE,
)


def split_series_title(title):
    """(series title, position) for a title ending in a series marker, else None."""
    match = MARKER.search(title)
    if match is None:
        return None
    if match.group("number"):
        position = int(match.group("number"))
    else:
        position = ORDINAL_WORDS.index(match.group("word").lower()) + 1
    base = title[: match.start()].strip(" \t:-\u2013\u2014")
    return (base, position) if base and position > 0 else None


def _key(title):
    return " ".join(title.casefold().split())


def detect_series(posts, report):
    """Group `posts` whose titles carry a series marker into Series, setting
    series and series_position. Posts already in another series keep it.
    Uses update(), so a post's "last updated" date does not move."""
    posts = list(posts)
    groups = {}
    for post in posts:
        if found := split_series_title(post.title):
            base, position = found
            groups.setdefault(_key(base), (base, []))[1].append((position, post))
    by_title = {_key(p.title): p for p in posts}
    for key, (base, members) in groups.items():
        positions = {position for position, _ in members}
        first = by_title.get(key)
        if first is not None and 1 not in positions:
            members.append((1, first))  # the unmarked first part
        if len(members) < 2:
            report.notes.append(
                f'Series "{base}": only one post found, so not grouped.'
            )
            continue
        now = timezone.now()
        members.sort(key=lambda m: (m[0], m[1].published_at or now, m[1].pk))
        series = _series_for(base)
        grouped = 0
        for position, post in members:
            if post.series_id not in {None, series.pk}:
                report.warn(
                    f'post "{post.title}"',
                    f'already in the series "{post.series}"; left there',
                )
                continue
            if (post.series_id, post.series_position) != (series.pk, position):
                Post.objects.filter(pk=post.pk).update(
                    series=series, series_position=position
                )
            grouped += 1
        report.notes.append(f'Series "{series.title}": {grouped} posts.')
        counts = Counter(position for position, _ in members)
        duplicates = sorted(p for p, count in counts.items() if count > 1)
        if duplicates:
            report.warn(
                f'series "{series.title}"',
                f"more than one post is part {', '.join(map(str, duplicates))}; "
                "ordered by date: check the order in the admin",
            )


def _series_for(title):
    series = Series.objects.filter(title__iexact=title).first()
    if series is not None:
        return series
    base = slugify(title)[:190] or "series"
    slug, n = base, 1
    while Series.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Series.objects.create(title=title, slug=slug)
