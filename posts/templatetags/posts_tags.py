from django import template

register = template.Library()


@register.filter
def sorted_tags(tags):
    """Tags A to Z, ignoring case. Works on a prefetched list: no query.
    (taggit refuses an ordered Prefetch queryset, so order here.)"""
    return sorted(tags, key=lambda tag: tag.name.casefold())
