"""Times in the site's zone, named GMT or BST even in the hour that happens
twice when the clocks go back (25 Oct 2026: 01:30 BST, then 01:30 GMT)."""

from datetime import UTC, datetime

from hawkins_site.dates import zone_name
from hawkins_site.revisions import _shown
from posts.models import Post

FIRST, SECOND = (datetime(2026, 10, 25, hour, 30, tzinfo=UTC) for hour in (0, 1))


def test_zone_name_tells_the_two_01_30s_apart():
    assert (zone_name(FIRST), zone_name(SECOND)) == ("BST", "GMT")


def test_compared_versions_in_the_repeated_hour_name_their_zone():
    field = Post._meta.get_field("published_at")
    assert _shown(field, FIRST) == "25 October 2026, 01:30 BST"
    assert _shown(field, SECOND) == "25 October 2026, 01:30 GMT"
