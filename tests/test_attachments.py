import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from hawkins_site.attachments import human_size, validate_attachment
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
