from django import template
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from hawkins_site.dates import zone_name
from hawkins_site.reversing import cached_reverse

register = template.Library()


@register.filter
def datetime_attr(value):
    """An aware datetime for <time datetime="…">: ISO 8601 in the site's time zone,
    in whole seconds. (`date:'c'` writes microseconds, and HTML allows at most
    three digits of a second: the Nu HTML Checker refuses the page.)"""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


@register.filter
def zone(value):
    """GMT or BST for an aware datetime (where `date:"T"` can give nothing)."""
    return zone_name(value) if value else ""


@register.filter
def highlight(snippet):
    """A search snippet, escaped, with the matched words in <mark>."""
    from posts.search import START, STOP  # search imports models: avoid a cycle

    return mark_safe(
        escape(snippet or "").replace(START, "<mark>").replace(STOP, "</mark>")
    )


@register.filter
def tag_url(tag):
    """The tag page's path: a list page links up to 50 tags, the cloud all."""
    return cached_reverse("posts:tag", slug=tag.slug)
