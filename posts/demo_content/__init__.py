"""Demo posts for `manage.py seed_demo`. Every word here was written for this
project; none is copied from the author's real site or anywhere else.

Each post is a dict: slug, title, tags, body (HTML, sanitised on save like any
post) and when it appeared: "published" ('YYYY-MM-DD HH:MM', UK time),
"scheduled_in_days" (a date that far ahead of the day the command runs), or
"status": "draft" without a date. Optional: "updated" (a later edit),
"series_position", "featured_image" (its alt text) and "attachment" (the PDF
handout's title). Links between demo posts use their slugs (/posts/<slug>/);
talks/demo_content.py links talks to posts by slug, so keep those slugs.

The posts live in three modules by subject; POSTS[0] is the page with the most
on it (featured image, handout, talks), which the browser tests open first.
"""

from . import compassion, practice, research

SERIES = {
    "slug": "compassion-in-the-consulting-room",
    "title": "Compassion in the consulting room",
    "description": "Three posts on compassion in clinical work: what it is, "
    "what gets in its way, and what helps.",
}

POSTS = [*practice.POSTS, *compassion.POSTS, *research.POSTS]
