from django.urls import path, register_converter

from . import feeds, views
from .converters import TagSlugConverter

register_converter(TagSlugConverter, "tagslug")

app_name = "posts"

urlpatterns = [
    path("", views.post_list, name="list"),
    path("posts/<slug:slug>/", views.post_detail, name="detail"),
    path("p/<int:pk>/", views.short_link, name="short"),
    path("tags/", views.tag_cloud, name="tag_cloud"),
    path("tags/<tagslug:slug>/", views.tag_detail, name="tag"),
    path("tags/<tagslug:slug>/feed/", feeds.TagFeed(), name="tag_feed"),
    path("series/", views.series_index, name="series_index"),
    path("series/<slug:slug>/", views.series_detail, name="series"),
    path("series/<slug:slug>/feed/", feeds.SeriesFeed(), name="series_feed"),
    path("archive/", views.archive_index, name="archive_index"),
    path("archive/<int:year>/", views.archive_year, name="archive_year"),
    path("search/", views.search, name="search"),
    path("opensearch.xml", views.opensearch, name="opensearch"),
    path("feed/", feeds.LatestPostsFeed(), name="feed"),
    path("feed.json", feeds.json_feed, name="feed_json"),
    path("feed/atom/", feeds.LatestPostsAtomFeed(), name="feed_atom"),
    # The old Drupal site's feed: subscribers keep their subscription.
    path("rss.xml", feeds.LegacyRssFeed(), name="legacy_rss"),
]
