import json

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from talks.models import Talk

register = template.Library()

DAY = "l j F Y"
TIME = "H:i"
ZONE = "T"  # GMT or BST: the site's zone, Europe/London, named

# As django.utils.html.json_script: nothing in the JSON can close the <script>.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def talk_when(talk):
    """When a talk is, in UK time with the zone named, e.g.
    "Thursday 12 March 2026, 18:30–20:00 GMT"."""
    if not talk.starts_at:
        return "Date to be announced"
    start = timezone.localtime(talk.starts_at)
    day, time, zone = (format_date(start, f) for f in (DAY, TIME, ZONE))
    if not talk.ends_at:
        return f"{day}, {time} {zone}"
    end = timezone.localtime(talk.ends_at)
    end_day, end_time, end_zone = (format_date(end, f) for f in (DAY, TIME, ZONE))
    if end_day != day:
        return f"{day}, {time} {zone} – {end_day}, {end_time} {end_zone}"
    if end_zone != zone:  # the clocks change during the talk
        return f"{day}, {time} {zone}–{end_time} {end_zone}"
    return f"{day}, {time}–{end_time} {zone}"


@register.filter
def json_ld(data):
    """`data` as a <script type="application/ld+json"> block: data, not code, so
    a strict Content-Security-Policy has nothing to allow."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_ESCAPES)),
    )


@register.simple_tag
def upcoming_talks(limit=3):
    """The next `limit` public talks, soonest first (one query)."""
    return list(Talk.objects.for_listing().upcoming()[:limit])
