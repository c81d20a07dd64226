"""reverse(), memoised for the links that pages repeat by the dozen (issue #7)."""

from functools import lru_cache

from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse


def cached_reverse(viewname, **kwargs):
    """reverse(viewname, kwargs=kwargs), computed once per process: a list page
    or feed links each post and tag it shows, up to a hundred links, and
    reverse() costs some 20 µs a call. Keyed by the URLconf and script prefix in
    use, so it stays right when either changes."""
    resolver = get_resolver(get_urlconf())
    return _reverse(resolver, get_script_prefix(), viewname, tuple(kwargs.items()))


@lru_cache(maxsize=16384)
def _reverse(resolver, script_prefix, viewname, kwargs):
    return reverse(viewname, urlconf=resolver.urlconf_name, kwargs=dict(kwargs))
