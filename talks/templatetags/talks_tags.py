from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date

from talks.models import Talk

register = template.Library()

DAY = "l j F Y"
TIME = "H:i"
ZONE = "T"  # GMT or BST: the site's zone, Europe/London, named


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


@register.simple_tag
def upcoming_talks(limit=3):
    """The next `limit` public talks, soonest first (one query)."""
    return list(Talk.objects.for_listing().upcoming()[:limit])
