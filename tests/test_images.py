import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from hawkins_site.images import clean_image, clean_image_file, make_renditions
from tests import images


def upload(data, name="picture.png"):
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    ("maker", "extension"),
    [(images.jpeg, "jpg"), (images.png, "png"), (images.gif, "gif")],
)
def test_good_images_are_accepted_and_reencoded(maker, extension):
    clean = clean_image(upload(maker()))
    assert clean.extension == extension
    Image.open(io.BytesIO(clean.content)).verify()


def test_exif_orientation_is_applied_and_location_dropped():
    data = images.jpeg(size=(40, 20), exif=images.exif_with_gps_and_rotation())
    assert b"PhoneMaker" in data
    clean = clean_image(upload(data, "phone.jpg"))
    with Image.open(io.BytesIO(clean.content)) as image:
        assert image.size == (20, 40)  # rotated upright
        assert not image.getexif()  # no GPS, no camera details
    assert b"PhoneMaker" not in clean.content


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (images.SVG, "SVG and other formats are not accepted"),
        (images.HTML, "not a picture"),
        (b"GIF89a" + images.HTML, "not a picture"),
        (images.polyglot_png(), "web-page code"),
        (images.png_with_header(8000, 6000), "megapixels"),
        (images.truncated_jpeg(), "damaged or incomplete"),
        (b"", "not a picture"),
    ],
    ids=["svg", "html", "gif-header-html", "polyglot", "bomb", "truncated", "empty"],
)
def test_bad_files_are_refused_with_a_plain_reason(data, reason):
    with pytest.raises(ValidationError) as error:
        clean_image(upload(data))
    assert reason in error.value.messages[0]


def test_oversized_upload_is_refused(settings):
    settings.IMAGE_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="too large"):
        clean_image(upload(images.jpeg((400, 400))))


def test_clean_file_gets_a_dated_unguessable_name():
    first, _ = clean_image_file(upload(images.png(), "My Photo.PNG"), "uploads")
    second, _ = clean_image_file(upload(images.png(), "My Photo.PNG"), "uploads")
    assert first.name.startswith("uploads/")
    assert first.name.split("/")[1].isdigit() and len(first.name.split("/")[2]) == 2
    assert first.name.rsplit("/", 1)[1].startswith("my-photo-")
    assert first.name != second.name


def test_renditions_have_the_fixed_widths_and_a_social_card(tmp_path):
    data = images.jpeg(size=(2000, 1000))
    result = make_renditions(default_storage, "big.jpg", data, "renditions/t")
    assert [(s["width"], s["height"]) for s in result["sizes"]] == [
        (480, 240),
        (960, 480),
        (1600, 800),
    ]
    for size in result["sizes"]:
        for key, fmt in (("webp", "WEBP"), ("jpg", "JPEG")):
            with default_storage.open(size[key]) as f, Image.open(f) as image:
                assert image.format == fmt
                assert image.size == (size["width"], size["height"])
    with default_storage.open(result["card"]) as f, Image.open(f) as card:
        assert card.size == (1200, 630)


def test_small_images_are_not_upscaled():
    result = make_renditions(
        default_storage, "small.png", images.png((700, 350)), "renditions/t"
    )
    assert [s["width"] for s in result["sizes"]] == [480, 700]
