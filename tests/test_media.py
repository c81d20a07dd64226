"""Uploads and media (issue #8, item 4): nothing uploaded through the site can
end up stored as, or served as, HTML, SVG or XML; media carries safe headers."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hawkins_site.attachments import KINDS
from hawkins_site.images import FORMATS
from hawkins_site.media import SERVABLE, safe_extension
from posts.models import Attachment, Post
from tests import images
from tests.factories import make_post
from tests.posts.test_authoring import form_data

pytestmark = pytest.mark.django_db

DANGEROUS = {"html", "htm", "xhtml", "shtml", "svg", "svgz", "xml", "xsl", "xslt",
             "js", "mjs", "css", "php", "swf", ""}  # fmt: skip
HOSTILE_NAMES = ["page.html", "drawing.svg", "feed.xml", "x.png.html", "x.svg.png",
                 "x.htm", "x.xhtml", "noextension", "x.html\x00.png", ".htaccess",
                 "x.SVG", "x.pdf.svg", "x.js"]  # fmt: skip


def stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def assert_nothing_dangerous_stored(settings):
    for path in stored_files(settings):
        extension = path.suffix.lower().lstrip(".")
        assert extension in SERVABLE or extension == "bin", path
        assert extension not in DANGEROUS, path


def test_every_kind_the_upload_paths_accept_is_servable_and_nothing_else():
    assert {ext for ext, _ in FORMATS.values()} <= set(SERVABLE)
    assert set(KINDS) <= set(SERVABLE)
    assert not DANGEROUS & set(SERVABLE)


@pytest.mark.parametrize("extension", sorted(DANGEROUS | {"HTML", "Svg", "exe"}))
def test_unknown_extensions_are_quarantined(extension):
    assert safe_extension(extension) == "bin"


# --- Every upload path, fed hostile names ---------------------------------------


@pytest.fixture
def editor_client(admin_client):
    admin_client.get(reverse("admin:posts_post_add"))
    return admin_client


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_editor_uploads_are_stored_under_the_image_format_not_the_given_name(
    editor_client, settings, name
):
    response = editor_client.post(
        reverse("editor_image_upload"),
        {"upload": SimpleUploadedFile(name, images.png())},
    )
    assert response.status_code == 200, response.content
    assert response.json()["url"].endswith(".png")
    for data in (images.SVG, images.HTML, b'<?xml version="1.0"?><x/>'):
        refused = editor_client.post(
            reverse("editor_image_upload"), {"upload": SimpleUploadedFile(name, data)}
        )
        assert refused.status_code == 400
    assert_nothing_dangerous_stored(settings)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_featured_images_are_stored_under_the_image_format(
    admin_client, settings, name
):
    data = form_data(
        slug="with-picture",
        featured_image=SimpleUploadedFile(name, images.jpeg()),
        featured_image_alt="A lemon",
    )
    response = admin_client.post(reverse("admin:posts_post_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Post.objects.get(slug="with-picture").featured_image.name.endswith(".jpg")
    data = form_data(
        slug="with-svg",
        featured_image=SimpleUploadedFile(name, images.SVG),
        featured_image_alt="Not a picture",
    )
    assert admin_client.post(reverse("admin:posts_post_add"), data).status_code == 200
    assert not Post.objects.filter(slug="with-svg").exists()
    assert_nothing_dangerous_stored(settings)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize(
    "data", [images.HTML, images.SVG, images.PDF], ids=["html", "svg", "pdf"]
)
def test_downloads_with_hostile_names_are_refused(admin_client, settings, name, data):
    response = admin_client.post(
        reverse("admin:posts_post_add"),
        form_data(
            **{
                "attachments-TOTAL_FORMS": "1",
                "attachments-0-title": "Handout",
                "attachments-0-file": SimpleUploadedFile(name, data),
                "attachments-0-position": "0",
            }
        ),
    )
    assert response.status_code == 200  # the form again, with the reason
    assert not Attachment.objects.exists()
    assert_nothing_dangerous_stored(settings)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_files_saved_by_code_skip_validation_but_never_keep_a_dangerous_name(
    settings, name
):
    """Imports and scripts call the models directly: the name is still safe."""
    post = make_post()
    attachment = Attachment.objects.create(
        post=post, title="Imported", file=ContentFile(images.SVG, name=name)
    )
    extension = Path(attachment.file.name).suffix.lstrip(".")
    assert extension in SERVABLE or extension == "bin"
    post.featured_image = ContentFile(images.png(), name=f"featured/2026/01/{name}")
    post.featured_image_alt = "Imported picture"
    post.save()
    assert_nothing_dangerous_stored(settings)


# --- Serving --------------------------------------------------------------------


def put(settings, name, data):
    path = Path(settings.MEDIA_ROOT) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return f"/media/{name}"


@pytest.mark.urls("tests.media_urls")
def test_images_are_served_inline_with_a_sandbox_and_nosniff(client, settings):
    response = client.get(put(settings, "uploads/2026/01/a.png", images.png()))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "attachment" not in response.get("Content-Disposition", "")


@pytest.mark.urls("tests.media_urls")
def test_documents_are_served_as_downloads(client, settings):
    response = client.get(put(settings, "attachments/2026/01/notes.pdf", images.PDF))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="notes.pdf"'
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


@pytest.mark.urls("tests.media_urls")
def test_a_page_disguised_as_an_image_is_still_served_as_an_image(client, settings):
    response = client.get(put(settings, "uploads/2026/01/trick.png", images.HTML))
    assert response["Content-Type"] == "image/png"  # fixed, never sniffed
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.urls("tests.media_urls")
@pytest.mark.parametrize(
    "name",
    ["page.html", "drawing.svg", "feed.xml", "x.htm", "x.xhtml", "x.SVG", "x.bin",
     "noextension", "x.js"],
)  # fmt: skip
def test_dangerous_kinds_are_never_served(client, settings, name):
    url = put(settings, f"uploads/2026/01/{name}", images.HTML)
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 404


@pytest.mark.urls("tests.media_urls")
@pytest.mark.parametrize(
    "url", ["/media/../hawkins_site/settings.py", "/media/%2e%2e/%2e%2e/etc/passwd.png"]
)
def test_media_paths_cannot_climb_out(client, settings, url):
    put(settings, "uploads/x.png", images.png())
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code in (400, 404)  # refused, never the file
