"""Tags as pages show them: one list per object, A to Z, fetched for a whole page
at once (issue #7).

taggit's own prefetch (`prefetch_related("tags")`) builds a filtered queryset
for every object it fills, even though none of them is ever run: on a page of
ten teasers that cost more than rendering them. A `Prefetch` with `to_attr`
fills a plain list instead, in the same single query."""

from django.db.models import Prefetch
from taggit.managers import _TaggableManager

PREFETCHED = "prefetched_tags"


def prefetch_tags():
    """The prefetch for querysets whose objects show their tags."""
    return Prefetch("tags", to_attr=PREFETCHED)


def by_name(tags):
    """Tags A to Z, ignoring case."""
    return sorted(tags, key=lambda tag: tag.name.casefold())


class TagListMixin:
    """`tag_list` for models whose `tags` use TagListManager."""

    @property
    def tag_list(self):
        """The tags A to Z: from prefetch_tags() when the queryset had it (no
        query), else one query."""
        tags = self.__dict__.get(PREFETCHED)
        if tags is None:
            tags = self.tags.all()
        return by_name(tags)

    def refresh_from_db(self, *args, **kwargs):
        self.__dict__.pop(PREFETCHED, None)
        super().refresh_from_db(*args, **kwargs)


class TagListManager(_TaggableManager):
    """taggit's tag manager (its documented extension point), forgetting the
    prefetched list when tags change, as taggit forgets its own prefetch."""

    def _remove_prefetched_objects(self):
        super()._remove_prefetched_objects()
        if self.instance is not None:
            self.instance.__dict__.pop(PREFETCHED, None)
