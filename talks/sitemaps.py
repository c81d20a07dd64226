from posts.sitemaps import SiteSitemap

from .models import Talk


class TalkSitemap(SiteSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Talk.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


sitemaps = {"talks": TalkSitemap}
