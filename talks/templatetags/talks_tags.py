from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date

from hawkins_site.dates import zone_name
from hawkins_site.links import absolute
from hawkins_site.reversing import cached_reverse
from hawkins_site.richtext import http_url
from talks.models import Talk

register = template.Library()

DAY = "l j F Y"
TIME = "H:i"


def _day_time_zone(moment):
    """Day, time and zone (GMT or BST) of `moment` in the site's zone."""
    local = timezone.localtime(moment)
    return format_date(local, DAY), format_date(local, TIME), zone_name(local)


@register.filter
def talk_when(talk):
    """When a talk is, in UK time with the zone named, e.g.
    "Thursday 12 March 2026, 18:30–20:00 GMT"."""
    if not talk.starts_at:
        return "Date to be announced"
    day, time, zone = _day_time_zone(talk.starts_at)
    if not talk.ends_at:
        return f"{day}, {time} {zone}"
    end_day, end_time, end_zone = _day_time_zone(talk.ends_at)
    if end_day != day:
        return f"{day}, {time} {zone} – {end_day}, {end_time} {end_zone}"
    if end_zone != zone:  # the clocks change during the talk
        return f"{day}, {time} {zone}–{end_time} {end_zone}"
    return f"{day}, {time}–{end_time} {zone}"


@register.filter(name="http_url")
def http_url_filter(url):
    """The address if it is http(s), else "": a talk's links never carry
    javascript: or another scheme, whatever reached the database."""
    return http_url(url)


@register.simple_tag
def calendar_urls():
    """The calendar of all talks as a subscription: the webcal:// address that
    calendar apps open as a subscription, and the https one that Google
    Calendar's "From URL" takes."""
    address = absolute(cached_reverse("talks:calendar"))
    return {"web": address, "webcal": "webcal://" + address.split("://", 1)[1]}


@register.simple_tag
def upcoming_talks(limit=3):
    """The next `limit` public talks that are going ahead, soonest first (one
    query): a cancelled or postponed talk stays on /talks/, with its badge."""
    return list(Talk.objects.for_listing().going_ahead().upcoming()[:limit])
