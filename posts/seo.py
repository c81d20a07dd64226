"""Structured data (schema.org JSON-LD) for search engines and link previews."""

from django.conf import settings
from django.urls import reverse

from hawkins_site.links import absolute


def person():
    return {
        "@type": "Person",
        "name": settings.SITE_AUTHOR_NAME,
        "jobTitle": settings.SITE_AUTHOR_JOB_TITLE,
        "url": absolute(reverse("posts:list")),
    }


def blog_posting(post):
    """BlogPosting for a public post (tags must be prefetched)."""
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title[:110],
        "description": post.teaser,
        "datePublished": post.published_at.isoformat(),
        "dateModified": post.updated_at.isoformat(),
        "author": person(),
        "publisher": {"@type": "Organization", "name": settings.SITE_TITLE},
        "mainEntityOfPage": {"@type": "WebPage", "@id": post.get_canonical_url()},
        "url": post.get_canonical_url(),
        "wordCount": post.word_count,
        "keywords": [tag.name for tag in post.tag_list],
        "inLanguage": "en-GB",
    }
    if image := post.card_url():
        data["image"] = image
    return data


def website():
    """WebSite with a SearchAction, for the home page."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.SITE_TITLE,
        "description": settings.SITE_TAGLINE,
        "url": absolute(reverse("posts:list")),
        "author": person(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute(reverse("posts:search"))
                + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }
