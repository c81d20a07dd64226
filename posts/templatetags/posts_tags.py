from functools import lru_cache

from django import template
from django.urls import get_script_prefix, reverse

register = template.Library()


@register.filter
def sorted_tags(tags):
    """Tags A to Z, ignoring case. Works on a prefetched list: no query.
    (taggit refuses an ordered Prefetch queryset, so order here.)"""
    return sorted(tags, key=lambda tag: tag.name.casefold())


@register.filter
def tag_url(tag):
    """The tag page's path, reversed once per tag and process: a list page links
    up to 50 tags and the cloud all of them (issue #7)."""
    return _tag_path(get_script_prefix(), tag.slug)


@lru_cache(maxsize=4096)
def _tag_path(script_prefix, slug):
    return reverse("posts:tag", kwargs={"slug": slug})
