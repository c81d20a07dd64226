from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from taggit.models import Tag

from hawkins_site.feedtypes import Atom1Feed, Rss201rev2Feed

from .models import Post, Series
from .templatetags.posts_tags import sorted_tags

FEED_LENGTH = 20


def absolute(path):
    """`path` on the canonical origin, whatever Host the request came in on."""
    return settings.SITE_URL + path


class LatestPostsFeed(Feed):
    """RSS 2.0 of the newest posts, full content. Also served at /rss.xml."""

    feed_type = Rss201rev2Feed
    title = settings.SITE_TITLE
    description = settings.SITE_TAGLINE
    author_name = settings.SITE_AUTHOR_NAME
    item_author_name = settings.SITE_AUTHOR_NAME
    feed_url_name = "posts:feed"

    def link(self):
        return absolute(reverse("posts:list"))

    def feed_url(self):
        return absolute(reverse(self.feed_url_name))

    def items(self):
        return Post.objects.for_listing()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body  # sanitised on save

    def item_link(self, item):
        return item.get_canonical_url()

    def item_guid(self, item):
        # The short link never changes, even when the slug does, so readers
        # don't show a renamed post twice.
        return item.get_short_url()

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [tag.name for tag in sorted_tags(item.tags.all())]


class LatestPostsAtomFeed(LatestPostsFeed):
    feed_type = Atom1Feed
    subtitle = LatestPostsFeed.description
    feed_url_name = "posts:feed_atom"


class TagFeed(LatestPostsFeed):
    """RSS 2.0 of one tag's newest posts."""

    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, obj):
        return f"{settings.SITE_TITLE}: posts tagged {obj.name}"

    def description(self, obj):
        return f"Posts tagged \u201c{obj.name}\u201d on {settings.SITE_TITLE}."

    def link(self, obj):
        return absolute(reverse("posts:tag", kwargs={"slug": obj.slug}))

    def feed_url(self, obj):
        return absolute(reverse("posts:tag_feed", kwargs={"slug": obj.slug}))

    def items(self, obj):
        return Post.objects.for_listing().filter(tags=obj)[:FEED_LENGTH]


class SeriesFeed(LatestPostsFeed):
    """RSS 2.0 of one series' posts, newest first."""

    def get_object(self, request, slug):
        return get_object_or_404(Series, slug=slug)

    def title(self, obj):
        return f"{settings.SITE_TITLE}: {obj.title}"

    def description(self, obj):
        return obj.description or f"The series \u201c{obj.title}\u201d."

    def link(self, obj):
        return absolute(obj.get_absolute_url())

    def feed_url(self, obj):
        return absolute(reverse("posts:series_feed", kwargs={"slug": obj.slug}))

    def items(self, obj):
        return Post.objects.for_listing().filter(series=obj)[:FEED_LENGTH]
