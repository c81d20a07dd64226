"""Tags as pages show them: one list per object, A to Z, fetched for a whole page
at once (issue #7).

taggit's own prefetch (`prefetch_related("tags")`) builds a filtered queryset
for every object it fills, even though none of them is ever run: on a page of
ten teasers that cost more than rendering them. A `Prefetch` with `to_attr`
fills a plain list instead, in the same single query.

Every tag also gets a slug, whatever its name: taggit's slugify() turns "!!!"
or "🙂" into "", and a tag without a slug has no page, so every page linking
it (tag cloud, sitemap, posts, archives) would fail to build its address."""

from django.db.models import Prefetch
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.text import slugify
from taggit.managers import _TaggableManager
from taggit.models import Tag

from .slugs import free_slug

PREFETCHED = "prefetched_tags"
FALLBACK_SLUG = "tag"


@receiver(pre_save, sender=Tag, dispatch_uid="hawkins_tag_has_a_slug")
def give_the_tag_a_slug(sender, instance, **kwargs):
    """A tag saved without a slug (taggit leaves it empty for names without
    letters or digits) gets its name's Unicode slug, else "tag", "tag-2", …"""
    if (instance.slug or "").strip():
        return
    instance.slug = slugify(instance.name, allow_unicode=True) or free_slug(
        FALLBACK_SLUG, Tag.objects.exclude(pk=instance.pk)
    )


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
