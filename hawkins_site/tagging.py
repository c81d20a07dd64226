"""Tags as pages show them: one list per object, A to Z, fetched for a whole page
at once (issue #7).

taggit's own prefetch (`prefetch_related("tags")`) builds a filtered queryset
for every object it fills, even though none of them is ever run: on a page of
ten teasers that cost more than rendering them. A `Prefetch` with `to_attr`
fills a plain list instead, in the same single query."""

from django.db.models import Prefetch

PREFETCHED = "prefetched_tags"


def prefetch_tags():
    """The prefetch for querysets whose objects show their tags."""
    return Prefetch("tags", to_attr=PREFETCHED)


def by_name(tags):
    """Tags A to Z, ignoring case."""
    return sorted(tags, key=lambda tag: tag.name.casefold())


class TagListMixin:
    """`tag_list` for models with a `tags` TaggableManager."""

    @property
    def tag_list(self):
        """The tags A to Z: from prefetch_tags() when the queryset had it (no
        query), else one query."""
        tags = self.__dict__.get(PREFETCHED)
        if tags is None:
            tags = self.tags.all()
        return by_name(tags)
