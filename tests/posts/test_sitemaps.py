import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from posts.models import Post
from tests.factories import make_post

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_entries(client):
    response = client.get("/sitemap.xml", HTTP_HOST="localhost")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {u.findtext(f"{NS}loc"): u.findtext(f"{NS}lastmod") for u in root}


def test_sitemap_lists_home_posts_and_tags_on_the_canonical_origin(client):
    post = make_post(slug="in-the-map", tags=["Sleep"])
    Post.objects.filter(pk=post.pk).update(
        updated_at=timezone.now() - timedelta(days=3)
    )
    post.refresh_from_db()
    entries = sitemap_entries(client)
    site = "https://blog.example.org"
    assert f"{site}/" in entries
    assert f"{site}/tags/" in entries
    assert entries[f"{site}/posts/in-the-map/"] == post.updated_at.date().isoformat()
    assert entries[f"{site}/tags/sleep/"] == post.updated_at.date().isoformat()
