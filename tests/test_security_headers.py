"""Security headers on every response (issue #8): CSP, Permissions-Policy,
nosniff, Referrer-Policy, Cross-Origin-Opener-Policy, framing."""

import pytest
from django.urls import reverse

from tests.factories import make_post

pytestmark = pytest.mark.django_db

OFF_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb"]


def csp_of(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response.headers["Content-Security-Policy"]
    policy = {}
    for part in header.split(";"):
        if words := part.split():
            policy[words[0]] = words[1:]
    return policy


@pytest.fixture
def public_paths():
    post = make_post(slug="hello", tags=["sleep"])
    return [
        "/",
        post.get_absolute_url(),
        "/tags/",
        "/tags/sleep/",
        "/archive/",
        "/feed/",
        "/feed/atom/",
        "/sitemap.xml",
        "/robots.txt",
        "/no-such-page/",
    ]


def test_every_public_response_carries_the_security_headers(client, public_paths):
    for path in public_paths:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        headers = response.headers
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", path
        assert headers["X-Frame-Options"] == "DENY", path
        policy = csp_of(response)
        assert policy["frame-ancestors"] == ["'none'"], path
        permissions = headers["Permissions-Policy"]
        for feature in OFF_FEATURES:
            assert f"{feature}=()" in permissions, (path, feature)


def test_public_policy_allows_only_our_own_scripts_and_styles(client, public_paths):
    for path in public_paths:
        policy = csp_of(client.get(path))
        assert policy["script-src"] == ["'self'"], path
        assert policy["style-src"] == ["'self'"], path
        assert policy["default-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"], path
        assert policy["base-uri"] == ["'self'"], path
        assert policy["form-action"] == ["'self'"], path
        for sources in policy.values():
            assert "'unsafe-inline'" not in sources, path
            assert "'unsafe-eval'" not in sources, path
            assert "data:" not in sources, path


def test_the_admin_policy_adds_only_what_the_editor_needs(admin_client):
    response = admin_client.get(reverse("admin:posts_post_add"))
    assert response.status_code == 200
    policy = csp_of(response)
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert set(policy["img-src"]) == {"'self'", "https:", "data:", "blob:"}
    assert policy["script-src"] == ["'self'"]  # no inline script, even here
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]


def test_the_admin_login_page_has_the_admin_policy_too(client):
    response = client.get(reverse("admin:login"))
    assert "'unsafe-inline'" in csp_of(response)["style-src"]
    assert csp_of(response)["script-src"] == ["'self'"]


def test_admin_allowances_stay_under_the_admin_path(client):
    """A public URL that merely contains the admin's name gets the public policy."""
    make_post(slug="admin")
    response = client.get("/posts/admin/")
    assert response.status_code == 200
    assert csp_of(response)["style-src"] == ["'self'"]


def test_public_pages_have_no_inline_script_or_style(client):
    """What makes the strict policy workable: nothing inline to allow."""
    post = make_post(body="<p>Text</p>", tags=["sleep"])
    for path in ["/", post.get_absolute_url(), "/tags/", "/archive/"]:
        html = client.get(path).content.decode()
        assert "<style" not in html, path
        assert " style=" not in html, path
        for chunk in html.split("<script")[1:]:
            opening = chunk.split(">", 1)[0]
            assert " src=" in opening or "application/ld+json" in opening, path
