from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure
from django.views.decorators.http import require_safe

from hawkins_site.feedtypes import Atom1Feed, Rss201rev2Feed
from hawkins_site.links import absolute, media_url
from hawkins_site.richtext import absolute_urls

from .models import Post, Series, public_tags
from .models.legacy import drupal_feed_guid

FEED_LENGTH = 20


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
        # don't show a renamed post twice. A post imported from Drupal keeps
        # the GUID the old site's RSS gave it, so readers don't show it again
        # after the move (Atom ids stay the short link: Drupal had no Atom).
        if issubclass(self.feed_type, Rss201rev2Feed):
            return drupal_feed_guid(item) or item.get_short_url()
        return item.get_short_url()

    def item_guid_is_permalink(self, item):
        return self.item_guid(item) == item.get_short_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [tag.name for tag in item.tag_list]

    def item_enclosures(self, item):
        """The featured image (RSS <enclosure>, Atom <link rel="enclosure">)."""
        if image := feed_image(item):
            return [Enclosure(image["url"], str(image["bytes"]), "image/jpeg")]
        return []


def feed_image(post):
    """The featured image's middle-sized JPEG, as feeds announce it."""
    if (chosen := post.middle_rendition()) is None:
        return None
    return {"url": media_url(chosen["jpg"]), "bytes": chosen.get("jpg_bytes", 0)}


class LegacyRssFeed(LatestPostsFeed):
    """The site feed at the old Drupal address /rss.xml, where subscriptions
    point: the same items, with its own address as atom:link rel="self"
    (validators warn when a feed names another address as itself)."""

    feed_url_name = "posts:legacy_rss"


class LatestPostsAtomFeed(LatestPostsFeed):
    """Atom: the whole body in <content>, the teaser in <summary>."""

    feed_type = Atom1Feed
    subtitle = LatestPostsFeed.description
    feed_url_name = "posts:feed_atom"

    def item_extra_kwargs(self, item):
        return {**super().item_extra_kwargs(item), "summary": item.teaser}


class TagFeed(LatestPostsFeed):
    """RSS 2.0 of one tag's newest posts."""

    def get_object(self, request, slug):
        # As the tag page: a tag with no public post does not exist to readers
        # (its name alone could tell of an unpublished draft).
        return get_object_or_404(public_tags(), slug=slug)

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
        return get_object_or_404(Series.objects.with_public_posts(), slug=slug)

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


@require_safe
def json_feed(request):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the newest posts."""
    posts = list(Post.objects.for_listing()[:FEED_LENGTH])
    author = {"name": settings.SITE_AUTHOR_NAME, "url": absolute("/")}
    items = []
    for post in posts:
        item = {
            "id": post.get_short_url(),
            "url": post.get_canonical_url(),
            "title": post.title,
            "content_html": absolute_urls(post.body, settings.SITE_URL),
            "summary": post.teaser,
            "date_published": post.published_at.isoformat(),
            "date_modified": post.updated_at.isoformat(),
            "authors": [author],
            "tags": [tag.name for tag in post.tag_list],
            "language": "en-GB",
        }
        if image := feed_image(post):
            item["image"] = image["url"]
        items.append(item)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": settings.SITE_TITLE,
        "description": settings.SITE_TAGLINE,
        "home_page_url": absolute(reverse("posts:list")),
        "feed_url": absolute(reverse("posts:feed_json")),
        "language": "en-GB",
        "authors": [author],
        "items": items,
    }
    # ETag, Last-Modified and Cache-Control come from the page cache middleware.
    return JsonResponse(
        feed, content_type="application/feed+json", json_dumps_params={"indent": 1}
    )
