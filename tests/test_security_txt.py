"""How to report a security problem (README, "Security"): with
SITE_SECURITY_CONTACT set, /.well-known/security.txt follows RFC 9116 and the
footer links the contact; unset, neither exists."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from hawkins_site.security_txt import expires_at

pytestmark = pytest.mark.django_db

URL = "/.well-known/security.txt"
CONTACT = "mailto:security@example.org"


def fields(response):
    """RFC 9116 §2.2: one "Name: value" per line; # starts a comment."""
    found = {}
    for line in response.content.decode().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.partition(": ")
            found.setdefault(name, []).append(value)
    return found


def test_security_txt_names_the_contact_and_when_it_lapses(client, settings):
    settings.SITE_SECURITY_CONTACT = CONTACT
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    found = fields(response)
    assert found["Contact"] == [CONTACT]
    assert found["Preferred-Languages"] == ["en"]
    assert found["Canonical"] == [f"{settings.SITE_URL}{URL}"]
    (expires,) = found["Expires"]
    lapses = datetime.strptime(expires, "%Y-%m-%dT%H:%M:%S%z")
    # In the future, and under a year away as §2.5.5 recommends.
    assert timezone.now() + timedelta(days=270) < lapses
    assert lapses < timezone.now() + timedelta(days=365)


def test_an_https_contact_is_served_as_given(client, settings):
    settings.SITE_SECURITY_CONTACT = "https://example.org/report"
    assert fields(client.get(URL))["Contact"] == ["https://example.org/report"]


def test_expiry_changes_once_a_month_not_on_every_request():
    """The file (and its ETag) stays the same all month."""
    early = expires_at(datetime(2026, 12, 1, 0, 0, tzinfo=UTC))
    late = expires_at(datetime(2026, 12, 31, 23, 59, tzinfo=UTC))
    assert early == late == datetime(2027, 11, 1, tzinfo=UTC)
    assert expires_at(datetime(2027, 1, 1, tzinfo=UTC)) == datetime(
        2027, 12, 1, tzinfo=UTC
    )


def test_no_security_txt_without_a_contact(client, settings):
    settings.SITE_SECURITY_CONTACT = ""
    assert client.get(URL).status_code == 404


def footer(response):
    content = response.content.decode()
    return content[content.index('<footer class="site-footer">') :]


def test_the_footer_links_the_contact_when_there_is_one(client, settings):
    settings.SITE_SECURITY_CONTACT = CONTACT
    assert f'<a href="{CONTACT}">Report a security problem</a>' in footer(
        client.get("/")
    )


def test_the_footer_has_no_security_line_without_a_contact(client, settings):
    settings.SITE_SECURITY_CONTACT = ""
    assert "security" not in footer(client.get("/")).lower()
