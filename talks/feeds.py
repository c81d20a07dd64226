from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import F
from django.urls import reverse

from hawkins_site.feedtypes import Rss201rev2Feed
from hawkins_site.links import absolute
from hawkins_site.tagging import prefetch_tags

from .models import Talk

FEED_LENGTH = 20


class TalksFeed(Feed):
    """RSS 2.0 of published talks, newest announced first: when, where, abstract."""

    feed_type = Rss201rev2Feed  # drops control characters XML cannot carry
    title = f"{settings.SITE_TITLE}: talks"
    description = f"Talks, seminars and lectures by {settings.SITE_AUTHOR_NAME}."
    author_name = settings.SITE_AUTHOR_NAME
    item_author_name = settings.SITE_AUTHOR_NAME
    description_template = "talks/talk_feed_description.html"
    item_guid_is_permalink = False

    def link(self):
        return absolute(reverse("talks:list"))

    def feed_url(self):
        return absolute(reverse("talks:feed"))

    def items(self):
        return (
            Talk.objects.published()
            .prefetch_related(prefetch_tags())
            .order_by(F("announced_at").desc(nulls_last=True), "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        if not item.is_going_ahead:
            return f"{item.get_status_display()}: {item.title}"
        return item.title

    def item_link(self, item):
        return item.get_canonical_url()

    def item_guid(self, item):
        return item.uid  # survives a change of slug

    def item_pubdate(self, item):
        return item.announced_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [tag.name for tag in item.tag_list]
