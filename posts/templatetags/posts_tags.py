from django import template

from hawkins_site.paths import cached_reverse

register = template.Library()


@register.filter
def sorted_tags(tags):
    """Tags A to Z, ignoring case. Works on a prefetched list: no query.
    (taggit refuses an ordered Prefetch queryset, so order here.)"""
    return sorted(tags, key=lambda tag: tag.name.casefold())


@register.filter
def tag_url(tag):
    """The tag page's path: a list page links up to 50 tags, the cloud all."""
    return cached_reverse("posts:tag", slug=tag.slug)
