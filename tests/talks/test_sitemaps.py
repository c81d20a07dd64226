import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from talks.models import Talk
from tests.factories import make_draft_talk, make_talk

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE = "https://blog.example.org"


def sitemap_entries(client):
    response = client.get("/sitemap.xml", HTTP_HOST="localhost")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {u.findtext(f"{NS}loc"): u.findtext(f"{NS}lastmod") for u in root}


def test_sitemap_lists_the_talks_page_and_public_talks_only(client):
    talk = make_talk(slug="in-the-map", starts_at=timezone.now() - timedelta(days=90))
    make_draft_talk(slug="not-in-the-map")
    Talk.objects.filter(pk=talk.pk).update(
        updated_at=timezone.now() - timedelta(days=3)
    )
    talk.refresh_from_db()
    entries = sitemap_entries(client)
    assert f"{SITE}/talks/" in entries
    assert entries[f"{SITE}/talks/in-the-map/"] == talk.updated_at.date().isoformat()
    assert not any("not-in-the-map" in loc for loc in entries)
