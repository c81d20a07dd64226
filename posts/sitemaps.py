from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Post, Series, public_tags


class SiteSitemap(Sitemap):
    """Locations on the canonical origin (SITE_URL), not the request's Host."""

    protocol = urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class PostSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Post.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class TagSitemap(SiteSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return public_tags().annotate(
            last_updated_at=Max("posts_taggedpost_items__content_object__updated_at")
        )

    def location(self, item):
        return reverse("posts:tag", kwargs={"slug": item.slug})

    def lastmod(self, item):
        return item.last_updated_at


class SeriesSitemap(SiteSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Series.objects.with_public_posts().annotate(
            last_updated_at=Max("posts__updated_at")
        )

    def lastmod(self, item):
        return item.last_updated_at


class PagesSitemap(SiteSitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return [
            "posts:list",
            "posts:tag_cloud",
            "posts:series_index",
            "posts:archive_index",
            "talks:list",
        ]

    def location(self, item):
        return reverse(item)


sitemaps = {
    "pages": PagesSitemap,
    "posts": PostSitemap,
    "series": SeriesSitemap,
    "tags": TagSitemap,
}
