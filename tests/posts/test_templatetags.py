from datetime import UTC, datetime

from posts.templatetags.posts_tags import datetime_attr


def test_datetime_attr_is_local_time_in_whole_seconds():
    """HTML's <time datetime> allows at most three digits of a second, and
    `date:'c'` writes six whenever the time was taken from the clock."""
    summer = datetime(2026, 7, 1, 8, 30, 15, 123456, tzinfo=UTC)
    assert datetime_attr(summer) == "2026-07-01T09:30:15+01:00"  # BST
    winter = datetime(2026, 12, 1, 8, 30, 15, 999999, tzinfo=UTC)
    assert datetime_attr(winter) == "2026-12-01T08:30:15+00:00"


def test_datetime_attr_of_no_date_is_empty():
    assert datetime_attr(None) == ""
