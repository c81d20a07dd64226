"""The editor's image upload endpoint."""

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from tests import images

pytestmark = pytest.mark.django_db

URL = "/editor/upload-image/"


def files_under(root):
    return (
        [p for p in Path(root).rglob("*") if p.is_file()] if Path(root).exists() else []
    )


@pytest.fixture
def staff_csrf_client(django_user_model):
    """A logged-in staff client that enforces CSRF, as a browser session does."""
    user = django_user_model.objects.create_superuser(
        "author", "author@example.org", "a-long-test-password"
    )
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(reverse("admin:posts_post_add"))  # sets the csrftoken cookie
    client.csrf_token = client.cookies["csrftoken"].value
    return client


def post_image(client, data, name="photo.png", **headers):
    return client.post(URL, {"upload": SimpleUploadedFile(name, data)}, **headers)


def test_the_editor_is_configured_to_use_this_endpoint():
    assert reverse("editor_image_upload") == URL


def test_anonymous_upload_is_refused(client, settings):
    response = post_image(client, images.png())
    assert response.status_code == 403
    assert "log in again" in response.json()["error"]["message"]
    assert files_under(settings.MEDIA_ROOT) == []


def test_non_staff_upload_is_refused(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x-long-password")
    client.force_login(user)
    assert post_image(client, images.png()).status_code == 403


def test_upload_without_csrf_token_is_refused(staff_csrf_client, settings):
    response = post_image(staff_csrf_client, images.png())
    assert response.status_code == 403
    assert files_under(settings.MEDIA_ROOT) == []


def test_get_is_not_allowed(staff_client):
    assert staff_client.get(URL).status_code == 405


def test_good_image_is_stored_under_a_dated_unguessable_name(
    staff_csrf_client, settings
):
    response = post_image(
        staff_csrf_client,
        images.jpeg(exif=images.exif_with_gps_and_rotation()),
        name="Holiday Snap.jpg",
        HTTP_X_CSRFTOKEN=staff_csrf_client.csrf_token,
    )
    assert response.status_code == 200, response.content
    url = response.json()["url"]
    assert url.startswith("/media/uploads/")
    relative = url.removeprefix("/media/")
    year, month, name = relative.split("/")[1:]
    assert len(year) == 4 and len(month) == 2
    assert name.startswith("holiday-snap-") and name.endswith(".jpg")
    assert len(name) > len("holiday-snap-.jpg") + 8  # a random suffix
    stored = Path(settings.MEDIA_ROOT) / relative
    with Image.open(stored) as image:
        assert image.size == (20, 40)  # EXIF orientation applied
        assert not image.getexif()  # location data gone


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (images.SVG, "drawing.svg"),
        (images.SVG, "renamed.png"),
        (images.HTML, "page.jpg"),
        (images.polyglot_png(), "poly.png"),
        (images.png_with_header(9000, 9000), "bomb.png"),
        (images.truncated_jpeg(), "cut.jpg"),
    ],
    ids=["svg", "svg-renamed", "html-renamed", "polyglot", "bomb", "truncated"],
)
def test_bad_uploads_are_refused_with_a_message_and_leave_nothing(
    staff_csrf_client, settings, data, name
):
    response = post_image(
        staff_csrf_client,
        data,
        name=name,
        HTTP_X_CSRFTOKEN=staff_csrf_client.csrf_token,
    )
    assert response.status_code == 400
    message = json.loads(response.content)["error"]["message"]
    assert len(message) > 20
    assert files_under(settings.MEDIA_ROOT) == []


def test_oversized_upload_is_refused(staff_csrf_client, settings):
    settings.IMAGE_MAX_BYTES = 2048
    response = post_image(
        staff_csrf_client,
        images.truncated_jpeg() * 4,
        HTTP_X_CSRFTOKEN=staff_csrf_client.csrf_token,
    )
    assert response.status_code == 400
    assert "too large" in response.json()["error"]["message"]
    assert files_under(settings.MEDIA_ROOT) == []


def test_missing_file_gets_a_message(staff_csrf_client):
    response = staff_csrf_client.post(
        URL, {}, HTTP_X_CSRFTOKEN=staff_csrf_client.csrf_token
    )
    assert response.status_code == 400
    assert "No file arrived" in response.json()["error"]["message"]


def test_upload_after_logging_in_again_says_to_reload_in_the_editors_words(
    staff_csrf_client, settings
):
    """Logging in again (another tab) gives the session a new CSRF token; the
    editor still sends the one it read when the page opened."""
    stale = staff_csrf_client.csrf_token
    login = staff_csrf_client.post(
        reverse("admin:login"),
        {
            "username": "author",
            "password": "a-long-test-password",
            "csrfmiddlewaretoken": stale,
        },
    )
    assert login.status_code == 302
    assert staff_csrf_client.cookies["csrftoken"].value != stale
    response = post_image(staff_csrf_client, images.png(), HTTP_X_CSRFTOKEN=stale)
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    message = response.json()["error"]["message"]
    assert message.startswith("Your session changed")
    assert "Reload this page (your unsaved text will be offered back)" in message
    assert files_under(settings.MEDIA_ROOT) == []


def test_other_csrf_failures_keep_djangos_403_page(staff_csrf_client):
    response = staff_csrf_client.post(
        reverse("admin:posts_post_add"), {"title": "x"}, HTTP_X_CSRFTOKEN="stale"
    )
    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")
    assert b"CSRF verification failed" in response.content


def test_expired_session_message_says_how_to_keep_the_text(client):
    message = post_image(client, images.png()).json()["error"]["message"]
    assert "session has expired" in message
    assert "reload this page (your unsaved text will be offered back)" in message


def test_logged_in_non_staff_are_not_told_their_session_expired(
    client, django_user_model
):
    user = django_user_model.objects.create_user("reader", password="x-long-password")
    client.force_login(user)
    message = post_image(client, images.png()).json()["error"]["message"]
    assert message == "Only the site's editors can upload images."
