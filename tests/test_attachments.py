import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from hawkins_site.attachments import (
    FILES_PER_SAVE,
    human_size,
    inline_help_text,
    max_bytes,
    validate_attachment,
)
from tests import images


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("handout.pdf", images.PDF),
        ("notes.docx", images.docx()),
        ("notes.odt", images.odt()),
        ("legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100),
        ("diagram.png", images.png()),
        ("photo.jpeg", images.jpeg()),
    ],
)
def test_allowed_documents_pass(name, data):
    validate_attachment(SimpleUploadedFile(name, data))


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("page.html", images.HTML, "cannot be attached"),
        ("drawing.svg", images.SVG, "cannot be attached"),
        ("tool.exe", b"MZ\x90\x00", "cannot be attached"),
        ("fake.pdf", images.HTML, "not a PDF document"),
        ("fake.docx", images.odt(), "not a Word document"),
        ("fake.odt", images.docx(), "not a OpenDocument text document"),
        ("fake.png", images.SVG, "not a picture"),
        ("photo.png", images.jpeg(), "is a JPG image"),
        ("noext", images.PDF, "cannot be attached"),
    ],
)
def test_wrong_or_disguised_files_are_refused(name, data, reason):
    with pytest.raises(ValidationError) as error:
        validate_attachment(SimpleUploadedFile(name, data))
    assert reason in error.value.messages[0]


def test_size_limit(settings):
    settings.ATTACHMENT_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="too large"):
        validate_attachment(SimpleUploadedFile("big.pdf", images.PDF + b"x" * 200))


@pytest.mark.parametrize(
    ("size", "text"),
    [(12, "12 bytes"), (2048, "2 KB"), (2_516_582, "2.4 MB")],
)
def test_human_size(size, text):
    assert human_size(size) == text


@pytest.mark.django_db
def test_a_photo_attachment_is_stored_re_encoded_without_its_location():
    from posts.models import Attachment
    from tests.factories import make_post

    photo = images.jpeg((40, 20), exif=images.exif_with_gps_and_rotation())
    attachment = Attachment.objects.create(
        post=make_post(), title="Photo", file=ContentFile(photo, name="Beach.JPEG")
    )
    attachment.file.open("rb")
    stored = attachment.file.read()
    assert b"PhoneMaker" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert not image.getexif()  # no GPS position, no camera
        assert image.size == (20, 40)  # turned upright
    assert attachment.file.name.endswith(".jpeg")
    assert attachment.file_size == len(stored)
    assert attachment.description.startswith("JPEG image, ")


@pytest.mark.django_db
def test_documents_are_stored_byte_for_byte():
    from posts.models import Attachment
    from tests.factories import make_post

    attachment = Attachment.objects.create(
        post=make_post(), title="Handout", file=ContentFile(images.PDF, name="h.pdf")
    )
    attachment.file.open("rb")
    assert attachment.file.read() == images.PDF


def test_nginx_accepts_the_downloads_one_save_may_carry():
    """The admin's help text promises FILES_PER_SAVE full-size downloads in one
    save; nginx must let that request (plus a featured image and the form) in."""
    conf = (Path(settings.BASE_DIR) / "deploy" / "nginx-hawkins.conf").read_text()
    limit = int(re.search(r"client_max_body_size (\d+)m;", conf)[1]) * 1024 * 1024
    promised = FILES_PER_SAVE * max_bytes() + settings.IMAGE_MAX_BYTES
    assert limit >= promised + 1024 * 1024  # a megabyte for the form's fields
    assert f"up to {FILES_PER_SAVE} files" in inline_help_text()
