"""The icons browsers, the admin's tab and feed readers ask for at the root."""

import io

import pytest
from PIL import Image
from pytest_django.asserts import assertContains


def _body(response):
    return b"".join(response.streaming_content)


def test_favicon_ico_is_served_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    icon = Image.open(io.BytesIO(_body(response)))
    assert icon.format == "ICO"
    assert {(16, 16), (32, 32), (48, 48)} <= icon.info["sizes"]


def test_apple_touch_icon_is_served_at_the_root(client):
    response = client.get("/apple-touch-icon.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(_body(response)))
    assert (image.format, image.size) == ("PNG", (180, 180))


@pytest.mark.django_db
def test_pages_name_their_icons(client):
    response = client.get("/")
    assertContains(response, '<link rel="icon" href="/favicon.ico" sizes="48x48">')
    assertContains(
        response, '<link rel="apple-touch-icon" href="/apple-touch-icon.png">'
    )
